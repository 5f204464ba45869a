import { formatPercent } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import type { Summary } from "../lib/trpc";

/** The few numbers the Wali Kota reads out at the apel. */
export function HeadlineFigures({ summary }: { summary: Summary }) {
  const figures = [
    { label: t.dashboard.inHandling, value: `${summary.inHandlingOrLater} / ${summary.total}` },
    { label: t.dashboard.finished, value: String(summary.byStage.selesai) },
    {
      label: t.dashboard.attention,
      value: String(summary.attention),
      tone: summary.attention > 0 ? "warn" : undefined,
    },
    {
      label: t.dashboard.meanProgress,
      value: summary.meanProgress === null ? t.state.noData : formatPercent(summary.meanProgress),
      note: summary.estimatedCount > 0 ? t.dashboard.estimatedNote(summary.estimatedCount) : undefined,
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
