import type { Writable } from "node:stream";
import { describeReason } from "../../shared/describe";
import { formatDate, formatPercent } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import type { Progress } from "../../shared/progress";
import type { ExportIssue, ExportModel } from "./model";

/** WhatsApp refuses a message longer than this. */
export const WHATSAPP_LIMIT = 4096;
/** The longest a note may run on an issue's line, even when there is room for more. */
const NOTE_MAX = 160;

const x = t.export;

/** Text from the records on one line, with WhatsApp's own markers (* _ ~ `) taken out. */
function plain(text: string): string {
  return text
    .replace(/[*_~`]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return "";
  return `${text.slice(0, max - 1).trimEnd()}…`;
}

/** `60% (perkiraan)`, `59,5% capaian indikator`, `100%`: short, for one line. */
export function shortProgress(progress: Progress): string {
  const value = formatPercent(progress.value);
  if (progress.basis === "indicator") return `${value} ${t.progress.indicator}`;
  if (progress.estimated) return `${value} (${t.progress.estimated})`;
  return value;
}

function issueLine(issue: ExportIssue): string {
  const state =
    issue.stage === null || issue.health === null || issue.progress === null
      ? t.state.noData
      : `${t.stageShort[issue.stage]}, ${shortProgress(issue.progress)}, ${t.health[issue.health]}`;
  return `- *${issue.number}. ${plain(issue.title)}* (${issue.leadAgency.code}): ${state}`;
}

/**
 * The summary for an OPD or leadership WhatsApp group: a bold title with the date, the headline
 * figures, one line per issue (with its latest note, shortened to fit) and the issues needing
 * attention with their reasons. Always at most `WHATSAPP_LIMIT` characters.
 */
export function whatsappText(model: ExportModel): string {
  const head = [`*${x.waTitle(formatDate(model.date))}*`];
  if (model.agency !== null) head.push(x.agencyLine(model.agency.code, model.agency.name));
  head.push(x.headline(model.totals.inHandlingOrLater, model.totals.total));
  if (model.totals.meanProgress !== null) head.push(x.meanProgress(formatPercent(model.totals.meanProgress)));

  const attention =
    model.attention.length === 0
      ? [`*${x.waAttention}*`, x.attentionNone]
      : [
          `*${x.waAttention} (${model.attention.length})*`,
          ...model.attention.map(
            (issue) =>
              `- ${issue.number}. ${plain(issue.title)}: ${issue.reasons.map(describeReason).join("; ")}`,
          ),
        ];
  const footer = [`_${x.waFooter}_`];

  const lines = model.issues.map(issueLine);
  const notes = model.issues.map((issue) => (issue.latest === null ? "" : plain(issue.latest.note)));
  const assemble = (issueLines: string[]) =>
    [
      ...head,
      "",
      ...(issueLines.length > 0 ? issueLines : [x.noIssues]),
      "",
      ...attention,
      "",
      ...footer,
    ].join("\n");

  // Share what room is left among the notes, so every issue keeps its line.
  const fixed = assemble(lines).length;
  const withNote = notes.filter((n) => n !== "").length;
  const room = Math.max(0, WHATSAPP_LIMIT - fixed);
  const perNote = withNote === 0 ? 0 : Math.min(NOTE_MAX, Math.floor(room / withNote) - 3);
  const full = assemble(
    lines.map((line, i) => {
      const note = notes[i] ?? "";
      return note === "" || perNote < 20 ? line : `${line} — ${truncate(note, perNote)}`;
    }),
  );
  return fitLimit(full);
}

/** The last guard: whole lines dropped from the end of the attention list if it still runs over. */
function fitLimit(text: string): string {
  if (text.length <= WHATSAPP_LIMIT) return text;
  const lines = text.split("\n");
  const footer = lines.pop() ?? "";
  while (lines.length > 0 && [...lines, "…", footer].join("\n").length > WHATSAPP_LIMIT) lines.pop();
  return truncate([...lines, "…", footer].join("\n"), WHATSAPP_LIMIT);
}

export async function writeWhatsapp(model: ExportModel, out: Writable): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    out.once("error", reject);
    out.end(whatsappText(model), "utf8", () => resolve());
  });
}
