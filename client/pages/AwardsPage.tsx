import { useQuery } from "@tanstack/react-query";
import { formatDate, formatNumber } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import { QueryState } from "../components/QueryState";
import { useTRPC } from "../lib/trpc";
import { useAsOf } from "../lib/useAsOf";
import { usePageTitle } from "../lib/usePageTitle";

export function AwardsPage() {
  const trpc = useTRPC();
  const { asOf } = useAsOf();
  const awards = useQuery(trpc.awards.list.queryOptions(asOf ? { asOf } : undefined));
  usePageTitle(t.awards.title);
  const events = awards.data ?? [];
  const results = events.reduce((n, e) => n + e.results.length, 0);

  return (
    <div className="page">
      <h1>{t.awards.title}</h1>
      <p className="muted">{t.awards.intro}</p>
      <QueryState isPending={awards.isPending} error={awards.error} onRetry={() => void awards.refetch()}>
        {events.length === 0 ? (
          <p className="notice">{asOf ? t.awards.emptyOnDate(formatDate(asOf)) : t.awards.empty}</p>
        ) : (
          <>
            <p className="headline">{t.awards.summary(events.length, results)}</p>
            <ul className="award-list">
              {events.map((event) => (
                <li key={event.id} className="panel award">
                  <article aria-labelledby={`award-${event.id}`}>
                    <h2 id={`award-${event.id}`}>{event.name}</h2>
                    <p>
                      <span className={`badge level-${event.level}`}>{t.awardLevel[event.level]}</span>
                    </p>
                    <dl className="facts">
                      <div>
                        <dt>{t.awards.organiser}</dt>
                        <dd>{event.organiser}</dd>
                      </div>
                      <div>
                        <dt>{t.awards.date}</dt>
                        <dd>
                          <time dateTime={event.eventDate}>{formatDate(event.eventDate)}</time>
                        </dd>
                      </div>
                      <div>
                        <dt>{t.awards.place}</dt>
                        <dd>{event.place}</dd>
                      </div>
                    </dl>
                    <h3>{t.awards.results}</h3>
                    <ul className="award-results">
                      {event.results.map((r) => (
                        <li key={r.id}>
                          <strong>{r.predicate}</strong>
                          <span> · {r.category}</span>
                          {r.score !== null ? (
                            <span>
                              {" "}
                              · {t.awards.score} {formatNumber(r.score)}
                            </span>
                          ) : null}
                          {r.agency ? (
                            <span className="muted">
                              {" "}
                              · {t.awards.earnedBy} {r.agency.name}
                            </span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                    {event.note ? <p className="muted">{event.note}</p> : null}
                    <p className="muted">
                      {event.handedOverOn && (!asOf || event.handedOverOn <= asOf)
                        ? `${t.awards.handedOver(formatDate(event.handedOverOn))}. `
                        : ""}
                      {event.sourceName ? `${t.awards.source}: ${event.sourceName}` : ""}
                    </p>
                  </article>
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryState>
    </div>
  );
}
