import { Link } from "react-router";
import { id as t } from "../../shared/messages/id";
import type { Summary } from "../lib/trpc";
import { useAsOfLink } from "../lib/useAsOf";

/** Issues whose owners have not reported for a while: who to chase. */
export function StalePanel({ summary }: { summary: Summary }) {
  const link = useAsOfLink();
  return (
    <section aria-labelledby="belum-diperbarui" className="panel">
      <h2 id="belum-diperbarui">{t.dashboard.staleTitle(summary.staleAfterDays)}</h2>
      {summary.staleIssues.length === 0 ? (
        <p className="muted">{t.dashboard.noStale}</p>
      ) : (
        <ul className="stale-list">
          {summary.staleIssues.map((s) => (
            <li key={s.id}>
              <Link to={link(`/isu/${s.number}`)}>
                #{s.number} {s.title}
              </Link>{" "}
              <abbr title={s.leadAgency.name}>{s.leadAgency.code}</abbr>
              <span className="muted">
                {" · "}
                {s.daysSinceUpdate === null ? t.state.noData : t.dashboard.daysAgo(s.daysSinceUpdate)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
