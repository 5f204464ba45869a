import { useId } from "react";
import { Link } from "react-router";
import { wibDate } from "../../shared/asOf";
import { isStageBackward } from "../../shared/domain";
import { formatDate, formatPointChange } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import type { Progress } from "../../shared/progress";
import type { Summary } from "../lib/trpc";
import { EARLIEST_DATE, useAsOf, useAsOfLink } from "../lib/useAsOf";
import { HealthBadge, ProgressFigure, StageBadge } from "./Badges";

type Change = Summary["changes"][number];

/** What moved since the comparison date (by default the previous week's apel). */
export function ChangesPanel({ summary }: { summary: Summary }) {
  const link = useAsOfLink();
  const { sinceRejected, setSince } = useAsOf();
  const inputId = useId();
  const errorId = useId();
  const viewDate = summary.asOf ?? wibDate(new Date());
  const used = formatDate(summary.since);
  const error =
    sinceRejected === null
      ? null
      : sinceRejected.afterView
        ? t.dashboard.sinceAfterView(formatDate(sinceRejected.value), formatDate(viewDate), used)
        : t.dashboard.sinceInvalid(used);
  return (
    <section aria-labelledby="perubahan" className="panel">
      <h2 id="perubahan">{t.dashboard.changesTitle(used)}</h2>
      <div className="field field-inline">
        <label htmlFor={inputId}>{t.dashboard.sinceLabel}</label>
        <input
          id={inputId}
          type="date"
          // The date picked stays in view beside its error, so it can be corrected.
          value={sinceRejected?.afterView ? sinceRejected.value : summary.since}
          min={EARLIEST_DATE}
          max={viewDate}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setSince(e.target.value || undefined)}
        />
      </div>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {summary.changes.length === 0 ? (
        <p className="muted">{t.dashboard.noChanges}</p>
      ) : (
        <ul className="change-list">
          {summary.changes.map((c) => (
            <li key={c.id}>
              <Link to={link(`/isu/${c.number}`)}>
                #{c.number} {c.title}
              </Link>
              <span className="change-detail">
                <StageChange change={c} />
                {c.fromHealth !== c.toHealth ? <HealthChange change={c} /> : null}
                <ProgressChange from={c.fromProgress} to={c.toProgress} />
                <span className="muted">{t.dashboard.updatesCount(c.updates)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A move back is said in words and drawn with its own symbol, never only by colour. */
function StageChange({ change }: { change: Change }) {
  const { fromStage, toStage } = change;
  if (fromStage === toStage) return <StageBadge stage={toStage} />;
  const back = fromStage !== null && toStage !== null && isStageBackward(fromStage, toStage);
  return (
    <span className={back ? "change change-back" : "change"}>
      <StageBadge stage={fromStage} />{" "}
      {back ? (
        <>
          <span aria-hidden="true" className="change-symbol">
            ↩
          </span>{" "}
          <span className="change-words">{t.dashboard.changeBack}</span>
        </>
      ) : (
        <>
          <span aria-hidden="true">→</span>
          <span className="visually-hidden">{t.dashboard.changeTo}</span>
        </>
      )}{" "}
      <StageBadge stage={toStage} />
    </span>
  );
}

function HealthChange({ change }: { change: Change }) {
  return (
    <span className="change">
      <span className="muted">{t.dashboard.changeHealth}:</span>{" "}
      {change.fromHealth === null ? null : (
        <>
          <HealthBadge health={change.fromHealth} /> <span aria-hidden="true">→</span>
          <span className="visually-hidden">{t.dashboard.changeTo}</span>{" "}
        </>
      )}
      <HealthBadge health={change.toHealth} />
    </span>
  );
}

/** `Progres 40% → 60% (+20 poin)`; a figure estimated from the stage says so. */
function ProgressChange({ from, to }: { from: Progress | null; to: Progress | null }) {
  if (to === null) return null;
  if (from !== null && from.value === to.value && from.estimated === to.estimated) return null;
  const delta = from === null ? 0 : to.value - from.value;
  return (
    <span className="change">
      <span className="muted">{t.dashboard.changeProgress}</span>{" "}
      {from === null ? null : (
        <>
          <ProgressFigure progress={from} /> <span aria-hidden="true">→</span>
          <span className="visually-hidden">{t.dashboard.changeTo}</span>{" "}
        </>
      )}
      <ProgressFigure progress={to} />
      {delta !== 0 ? <> ({formatPointChange(delta)})</> : null}
    </span>
  );
}
