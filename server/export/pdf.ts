import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pdfmake from "pdfmake";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { describeProgress, describeReason } from "../../shared/describe";
import {
  formatDate,
  formatDateShort,
  formatDateTime,
  formatPercent,
  formatRupiah,
} from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import type { ExportIssue, ExportModel } from "./model";
import { progressChart } from "./pdfChart";
import { shortProgress } from "./whatsapp";

const x = t.export;

// Roboto, shipped with pdfmake, covers every letter Indonesian uses; the text stays real text.
const FONT_DIR = join(
  dirname(createRequire(import.meta.url).resolve("pdfmake/package.json")),
  "fonts",
  "Roboto",
);
pdfmake.setFonts({
  Roboto: {
    normal: join(FONT_DIR, "Roboto-Regular.ttf"),
    bold: join(FONT_DIR, "Roboto-Medium.ttf"),
    italics: join(FONT_DIR, "Roboto-Italic.ttf"),
    bolditalics: join(FONT_DIR, "Roboto-MediumItalic.ttf"),
  },
});
// The report is built from our own records only: no file or address outside the fonts is read.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));

const MUTED = "#555555";
const RULE = "#1f3a5f";

function letterhead(): Content[] {
  return [
    { text: x.letterhead.city, style: "letterheadCity" },
    { text: x.letterhead.office, style: "letterheadOffice" },
    {
      canvas: [
        { type: "line", x1: 0, y1: 4, x2: 515, y2: 4, lineWidth: 2, lineColor: RULE },
        { type: "line", x1: 0, y1: 7, x2: 515, y2: 7, lineWidth: 0.5, lineColor: RULE },
      ],
      margin: [0, 0, 0, 12],
    },
  ];
}

function stateText(issue: ExportIssue): { stage: string; health: string; progress: string } {
  return {
    stage: issue.stage === null ? t.state.noData : t.stageShort[issue.stage],
    health: issue.health === null ? x.none : t.health[issue.health],
    progress: issue.progress === null ? x.none : shortProgress(issue.progress),
  };
}

function lastUpdate(issue: ExportIssue): string {
  if (issue.lastUpdatedAt === null) return x.none;
  return issue.lastUpdatePrecision === "month"
    ? formatDate(issue.lastUpdatedAt, "month")
    : formatDateTime(issue.lastUpdatedAt);
}

function summaryTable(model: ExportModel): Content {
  const head: TableCell[] = [
    x.col.number,
    x.col.issue,
    x.col.lead,
    x.col.stage,
    x.col.health,
    t.issue.progress,
  ].map((text) => ({ text, style: "tableHead" }));
  const rows: TableCell[][] = model.issues.map((issue) => {
    const s = stateText(issue);
    return [
      { text: String(issue.number), alignment: "right" },
      issue.title,
      issue.leadAgency.code,
      s.stage,
      s.health,
      s.progress,
    ];
  });
  return {
    table: { headerRows: 1, widths: [18, "*", 70, 62, 62, 78], body: [head, ...rows] },
    layout: "lightHorizontalLines",
    fontSize: 8.5,
    margin: [0, 0, 0, 14],
  };
}

/** The arahan still open at the date, overdue first: who owes the Wali Kota what, by when. */
function directionsSection(model: ExportModel): Content[] {
  const open = model.directions
    .filter((d) => d.status === "open")
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate));
  if (open.length === 0) return [{ text: x.directionsNone, margin: [0, 0, 0, 14] }];
  return [
    {
      ul: open.map((d) => ({
        stack: [
          {
            text: [
              { text: `${d.agency.code}`, bold: true },
              d.issue === null ? "" : ` · #${d.issue.number} ${d.issue.title}`,
              ` · ${t.directions.due(formatDate(d.dueDate))}`,
              d.overdue ? { text: ` · ${t.directions.overdue}`, bold: true, color: "#b91c1c" } : "",
            ],
          },
          { text: d.text, fontSize: 9, margin: [0, 2, 0, 0] },
        ],
        margin: [0, 0, 0, 6],
      })),
      margin: [0, 0, 0, 14],
    },
  ];
}

function attentionSection(model: ExportModel): Content[] {
  if (model.attention.length === 0) return [{ text: x.attentionNone, margin: [0, 0, 0, 14] }];
  return [
    {
      ul: model.attention.map((issue) => ({
        stack: [
          { text: `${issue.number}. ${issue.title} (${issue.leadAgency.code})`, bold: true },
          { ul: issue.reasons.map(describeReason), fontSize: 9, margin: [0, 2, 0, 0] },
        ],
        margin: [0, 0, 0, 6],
      })),
      margin: [0, 0, 0, 14],
    },
  ];
}

function fact(label: string, value: string): TableCell[] {
  return [{ text: label, color: MUTED }, value];
}

function issueSection(issue: ExportIssue, first: boolean): Content {
  const s = stateText(issue);
  const facts: TableCell[][] = [
    fact(t.issue.lead, `${issue.leadAgency.name} (${issue.leadAgency.code})`),
    fact(t.issue.stageTrack, issue.stage === null ? t.state.noData : t.stage[issue.stage]),
    fact(t.issue.progress, issue.progress === null ? t.state.noData : describeProgress(issue.progress)),
    fact(t.list.colHealth, s.health),
  ];
  if (issue.budgetProgress !== null) facts.push(fact(t.issue.budget, formatPercent(issue.budgetProgress)));
  if (issue.funding.planned !== null)
    facts.push(fact(x.col.fundingPlanned, formatRupiah(issue.funding.planned)));
  if (issue.targetDate !== null) {
    facts.push(fact(t.issue.target, formatDateShort(issue.targetDate, issue.targetDatePrecision)));
  }
  facts.push(fact(t.issue.lastUpdate, lastUpdate(issue)));
  if (issue.reasons.length > 0)
    facts.push(fact(t.attention.reasons, issue.reasons.map(describeReason).join("; ")));
  facts.push(fact(t.issue.obstacles, issue.latest?.obstacles ?? x.none));
  facts.push(fact(t.issue.nextSteps, issue.latest?.nextSteps ?? x.none));
  facts.push(fact(x.lastNote, issue.latest?.note ?? x.noUpdate));
  return {
    stack: [
      { text: `${issue.number}. ${issue.title}`, style: "issueHeading" },
      { table: { widths: [110, "*"], body: facts }, layout: "noBorders", fontSize: 9 },
    ],
    margin: [0, first ? 0 : 10, 0, 0],
    unbreakable: facts.length < 14,
  };
}

/** The report's definition: letterhead, title and date, summary, chart, attention, one section per issue. */
export function reportDefinition(model: ExportModel): TDocumentDefinitions {
  const generated = x.generated(formatDateTime(model.generatedAt));
  const title: Content[] = [
    { text: x.reportTitle, style: "title" },
    { text: x.asOfLine(formatDate(model.date)), style: "subtitle" },
  ];
  if (model.agency !== null)
    title.push({ text: x.agencyLine(model.agency.code, model.agency.name), style: "subtitle" });
  const headline: Content[] = [x.headline(model.totals.inHandlingOrLater, model.totals.total)];
  if (model.totals.meanProgress !== null)
    headline.push(` ${x.meanProgress(formatPercent(model.totals.meanProgress))}`);

  const body: Content[] =
    model.issues.length === 0
      ? [{ text: x.noIssues }]
      : [
          { text: headline, margin: [0, 0, 0, 10] },
          { text: x.summaryTable, style: "heading" },
          summaryTable(model),
          { text: x.chart, style: "heading" },
          progressChart(model.issues),
          { text: x.chartLegend, style: "note", margin: [0, 4, 0, 14] },
          { text: x.attentionTitle, style: "heading" },
          ...attentionSection(model),
          { text: x.directionsTitle, style: "heading" },
          ...directionsSection(model),
          { text: x.issuesTitle, style: "heading" },
          ...model.issues.map((issue, i) => issueSection(issue, i === 0)),
        ];

  return {
    pageSize: "A4",
    pageMargins: [40, 40, 40, 50],
    info: {
      title: `${x.reportTitle} — ${x.asOfLine(formatDate(model.date))}`,
      author: x.letterhead.office,
      creator: t.appName,
    },
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.15 },
    content: [...letterhead(), ...title, ...body],
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: generated, style: "note" },
        { text: x.page(currentPage, pageCount), style: "note", alignment: "right" },
      ],
      margin: [40, 16, 40, 0],
    }),
    styles: {
      letterheadCity: { fontSize: 14, bold: true, alignment: "center" },
      letterheadOffice: { fontSize: 12, bold: true, alignment: "center" },
      title: { fontSize: 16, bold: true, alignment: "center", margin: [0, 4, 0, 2] },
      subtitle: { fontSize: 11, alignment: "center", margin: [0, 0, 0, 2] },
      heading: { fontSize: 12, bold: true, color: RULE, margin: [0, 6, 0, 6] },
      issueHeading: { fontSize: 11, bold: true, margin: [0, 0, 0, 4] },
      tableHead: { bold: true },
      note: { fontSize: 8, color: MUTED },
    },
  };
}

/** laporan.pdf: the A4 report, streamed to `out`. */
export async function writeReport(model: ExportModel, out: Writable): Promise<void> {
  const document = await pdfmake.createPdf(reportDefinition(model)).getStream();
  const done = pipeline(document, out);
  document.end();
  await done;
}
