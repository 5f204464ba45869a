import { formatPercent } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import type { Summary } from "../lib/trpc";

/** What the mean is made of: how many figures are stage estimates and how many indicators. */
function progressNote(summary: Summary): string | undefined {
  const parts = [
    summary.estimatedCount > 0 ? t.dashboard.estimatedNote(summary.estimatedCount) : null,
    summary.indicatorCount > 0 ? t.dashboard.indicatorNote(summary.indicatorCount) : null,
  ].filter((p) => p !== null);
  return parts.length > 0 ? parts.join("; ") : undefined;
}

/** The issues behind the attention count, by number: `#9, #2, #1 dan 8 isu lain`. */
function attentionNames(summary: Summary): string | undefined {
  if (summary.attention.length === 0) return undefined;
  const shown = summary.attention.slice(0, 3).map((issue) => `#${issue.number} ${issue.title}`);
  const rest = summary.attention.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} ${t.attention.more(rest)}` : shown.join(", ");
}

/** The few numbers the Wali Kota reads out at the apel. */
export function HeadlineFigures({ summary }: { summary: Summary }) {
  const figures = [
    { label: t.dashboard.inHandling, value: `${summary.inHandlingOrLater} / ${summary.total}` },
    { label: t.dashboard.finished, value: String(summary.byStage.selesai) },
    {
      label: t.dashboard.attention,
      value: String(summary.attention.length),
      tone: summary.attention.length > 0 ? "warn" : undefined,
      note: attentionNames(summary),
    },
    {
      label: t.dashboard.meanProgress,
      value: summary.meanProgress === null ? t.state.noData : formatPercent(summary.meanProgress),
      note: progressNote(summary),
    },
  ];
  return (
    <section aria-label={t.dashboard.figures}>
      <dl className="figures">
        {figures.map((f) => (
          <div key={f.label} className={f.tone ? `figure figure-${f.tone}` : "figure"}>
            <dt>{f.label}</dt>
            <dd>
              <span className="figure-value">{f.value}</span>
              {f.note ? <span className="figure-note">{f.note}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
