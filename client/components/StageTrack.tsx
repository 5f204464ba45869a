import { STAGES, type Stage, stageIndex } from "../../shared/domain";
import { id as t } from "../../shared/messages/id";

/** The six stages in order, with the issue's current one marked. */
export function StageTrack({ stage }: { stage: Stage | null }) {
  const current = stage === null ? -1 : stageIndex(stage);
  return (
    <ol className="stage-track" aria-label={t.issue.stageTrack}>
      {STAGES.map((s, index) => {
        const state = index < current ? "done" : index === current ? "current" : "todo";
        return (
          <li
            key={s}
            className={`stage-step ${state}`}
            aria-current={state === "current" ? "step" : undefined}
          >
            <span className="stage-marker" aria-hidden="true">
              {state === "done" ? "✓" : index + 1}
            </span>
            <span>
              {/* The short name on screen, the full one for screen readers: one line per stage. */}
              {t.stageShort[s] === t.stage[s] ? (
                t.stage[s]
              ) : (
                <>
                  <span aria-hidden="true" title={t.stage[s]}>
                    {t.stageShort[s]}
                  </span>
                  <span className="visually-hidden">{t.stage[s]}</span>
                </>
              )}
              {state === "current" ? (
                <span className="visually-hidden"> ({t.issue.currentStage})</span>
              ) : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
