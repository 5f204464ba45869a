import { Link } from "react-router";
import { describeReason } from "../../shared/describe";
import { id as t } from "../../shared/messages/id";
import type { Summary } from "../lib/trpc";
import { useAsOfLink } from "../lib/useAsOf";
import { HealthBadge } from "./Badges";

/**
 * The issues that need attention, worst first, each with its reasons in words and its owner:
 * the first thing the Wali Kota asks at the apel.
 */
export function AttentionPanel({ summary }: { summary: Summary }) {
  const link = useAsOfLink();
  return (
    <section aria-labelledby="perlu-perhatian" className="panel attention-panel">
      <h2 id="perlu-perhatian">
        {t.attention.title} <span className="count">({summary.attention.length})</span>
      </h2>
      {summary.attention.length === 0 ? (
        <p className="muted">{t.attention.none}</p>
      ) : (
        <ol className="attention-list">
          {summary.attention.map((issue) => (
            <li key={issue.id}>
              <div className="attention-head">
                <Link to={link(`/isu/${issue.number}`)}>
                  #{issue.number} {issue.title}
                </Link>
                <span className="attention-owner">
                  <span className="visually-hidden">{t.attention.owner}: </span>
                  <abbr title={issue.leadAgency.name}>{issue.leadAgency.code}</abbr>
                </span>
                <span className="attention-reported">
                  <span className="muted">{t.attention.reported}</span> <HealthBadge health={issue.health} />
                </span>
              </div>
              <ul className="attention-reasons" aria-label={t.attention.reasons}>
                {issue.reasons.map((reason) => (
                  <li key={reason.kind} className={`reason reason-${reason.kind}`}>
                    {describeReason(reason)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
