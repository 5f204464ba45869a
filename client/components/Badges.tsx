import { describeIndicator } from "../../shared/describe";
import type { Health, Stage } from "../../shared/domain";
import { formatPercent } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import type { Progress } from "../../shared/progress";

export function HealthBadge({ health }: { health: Health | null }) {
  if (health === null) return <span className="badge">{t.state.noData}</span>;
  return (
    <span className={`badge health-${health}`}>
      <span aria-hidden="true" className="dot" />
      {t.health[health]}
    </span>
  );
}

export function StageBadge({ stage }: { stage: Stage | null }) {
  if (stage === null) return <span className="badge">{t.state.noData}</span>;
  return <span className={`badge stage stage-${stage}`}>{t.stageShort[stage]}</span>;
}

/**
 * A progress figure; an estimate from the stage, or an indicator's achievement, says so in words
 * and not only by style.
 */
export function ProgressValue({ progress }: { progress: Progress | null }) {
  if (progress === null) return <span>{t.state.noData}</span>;
  return (
    <span className="progress-value">
      <span className="progress-bar" aria-hidden="true">
        <span
          className={`progress-fill progress-${progress.basis}`}
          style={{ width: `${progress.value}%` }}
        />
      </span>
      <span>
        <ProgressFigure progress={progress} />
      </span>
    </span>
  );
}

/**
 * `60%`, `60% (perkiraan)` for a figure estimated from the stage, or `93,6% capaian indikator:
 * Rp68,3 M dari Rp73 M` for an indicator's achievement.
 */
export function ProgressFigure({
  progress,
}: {
  progress: Pick<Progress, "value" | "estimated"> & Partial<Pick<Progress, "basis" | "indicator">>;
}) {
  return (
    <>
      {formatPercent(progress.value)}
      {progress.estimated ? (
        <abbr className="estimate" title={t.progress.estimatedLong}>
          {" "}
          ({t.progress.estimated})
        </abbr>
      ) : null}
      {progress.basis === "indicator" && progress.indicator ? (
        <span className="progress-basis">
          {" "}
          <abbr className="indicator" title={t.progress.indicatorLong}>
            {t.progress.indicator}
          </abbr>
          : {describeIndicator(progress.indicator, progress.indicator.value)}
        </span>
      ) : null}
    </>
  );
}
