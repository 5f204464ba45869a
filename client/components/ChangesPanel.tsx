import { useId } from "react";
import { Link } from "react-router";
import { formatDate } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import type { Summary } from "../lib/trpc";
import { useAsOf, useAsOfLink } from "../lib/useAsOf";
import { HealthBadge, StageBadge } from "./Badges";

/** What moved since the comparison date (by default the previous week's apel). */
export function ChangesPanel({ summary }: { summary: Summary }) {
  const link = useAsOfLink();
  const { setSince } = useAsOf();
  const inputId = useId();
  return (
    <section aria-labelledby="perubahan" className="panel">
      <h2 id="perubahan">{t.dashboard.changesTitle(formatDate(summary.since))}</h2>
      <div className="field field-inline">
        <label htmlFor={inputId}>{t.dashboard.sinceLabel}</label>
        <input
          id={inputId}
          type="date"
          value={summary.since}
          max={summary.asOf ?? undefined}
          onChange={(e) => setSince(e.target.value || undefined)}
        />
      </div>
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
                {c.fromStage !== c.toStage ? (
                  <>
                    <StageBadge stage={c.fromStage} /> <span aria-hidden="true">→</span>
                    <span className="visually-hidden">menjadi</span> <StageBadge stage={c.toStage} />
                  </>
                ) : (
                  <StageBadge stage={c.toStage} />
                )}
                {c.fromHealth !== c.toHealth ? <HealthBadge health={c.toHealth} /> : null}
                <span className="muted">{t.dashboard.updatesCount(c.updates)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
