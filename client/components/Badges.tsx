import type { EffectiveProgress, Health, Stage } from "../../shared/domain";
import { formatPercent } from "../../shared/format";
import { id as t } from "../../shared/messages/id";

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

/** A progress figure; an estimate from the stage says so, in words and not only by style. */
export function ProgressValue({ progress }: { progress: EffectiveProgress | null }) {
  if (progress === null) return <span>{t.state.noData}</span>;
  return (
    <span className="progress-value">
      <span className="progress-bar" aria-hidden="true">
        <span
          className={progress.estimated ? "progress-fill estimated" : "progress-fill"}
          style={{ width: `${progress.value}%` }}
        />
      </span>
      <span>
        <ProgressFigure progress={progress} />
      </span>
    </span>
  );
}

/** `60%`, or `60% (perkiraan)` for a figure estimated from the stage. */
export function ProgressFigure({ progress }: { progress: EffectiveProgress }) {
  return (
    <>
      {formatPercent(progress.value)}
      {progress.estimated ? (
        <abbr className="estimate" title={t.progress.estimatedLong}>
          {" "}
          ({t.progress.estimated})
        </abbr>
      ) : null}
    </>
  );
}
