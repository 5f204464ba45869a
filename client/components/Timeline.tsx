import { formatDate, formatPercent } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import type { TimelineEntry } from "../lib/trpc";
import { HealthBadge, StageBadge } from "./Badges";

function Source({ entry }: { entry: TimelineEntry }) {
  if (!entry.sourceName && !entry.sourceUrl) return null;
  return (
    <p className="timeline-source">
      {t.issue.source}:{" "}
      {entry.sourceUrl ? (
        <a href={entry.sourceUrl} target="_blank" rel="noopener noreferrer">
          {entry.sourceName ?? entry.sourceUrl}
        </a>
      ) : (
        entry.sourceName
      )}
    </p>
  );
}

/** An issue's updates, newest first; those after the as-of date are marked, not hidden. */
export function Timeline({ entries, cutoff }: { entries: readonly TimelineEntry[]; cutoff: string | null }) {
  if (entries.length === 0) return <p className="muted">{t.issue.noTimeline}</p>;
  return (
    <ol className="timeline">
      {entries.map((entry) => {
        const later = cutoff !== null && entry.createdAt > cutoff;
        return (
          <li key={entry.id} className={later ? "timeline-item later" : "timeline-item"}>
            <p className="timeline-head">
              <time dateTime={entry.createdAt}>{formatDate(entry.createdAt, entry.datePrecision)}</time>
              <StageBadge stage={entry.stage} />
              <HealthBadge health={entry.health} />
              {entry.physicalProgress !== null ? (
                <span>
                  {t.issue.physical} {formatPercent(entry.physicalProgress)}
                </span>
              ) : null}
              {later ? <span className="badge">{t.issue.afterAsOf}</span> : null}
            </p>
            <p>{entry.note}</p>
            {entry.obstacles ? (
              <p>
                <strong>{t.issue.obstacles}:</strong> {entry.obstacles}
              </p>
            ) : null}
            {entry.nextSteps ? (
              <p>
                <strong>{t.issue.nextSteps}:</strong> {entry.nextSteps}
              </p>
            ) : null}
            <Source entry={entry} />
            <p className="muted timeline-author">
              {t.issue.by} {entry.author.displayName}
              {entry.agency ? ` · ${entry.agency.code}` : ""}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
