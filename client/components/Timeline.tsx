import { formatDate, formatPercent } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import { formatFileSize } from "../lib/fileSize";
import type { TimelineEntry } from "../lib/trpc";
import type { MoreEntries } from "../lib/useTimeline";
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

type Attachment = TimelineEntry["attachments"][number];

/** Evidence: photos as small thumbnails, documents as links that say they are PDFs. */
function Attachments({ files }: { files: readonly Attachment[] }) {
  if (files.length === 0) return null;
  return (
    <ul className="attachment-list" aria-label={t.account.timeline.attachments}>
      {files.map((file) => {
        const href = `/attachments/${file.id}`;
        const isImage = file.contentType.startsWith("image/");
        return (
          <li key={file.id}>
            <a href={href} target="_blank" rel="noopener">
              {isImage ? (
                <img
                  className="attachment-thumb"
                  src={href}
                  alt={file.name}
                  loading="lazy"
                  width={96}
                  height={72}
                />
              ) : (
                <>
                  {file.name}{" "}
                  <span className="badge">
                    {file.contentType === "application/pdf" ? t.account.timeline.pdf : file.contentType}
                  </span>
                </>
              )}
            </a>
            <span className="muted attachment-size"> {formatFileSize(file.size)}</span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * An issue's updates, newest first; those after the as-of date are marked, not hidden. Older ones
 * are loaded on demand.
 */
export function Timeline({
  entries,
  cutoff,
  more,
}: {
  entries: readonly TimelineEntry[];
  cutoff: string | null;
  more?: MoreEntries;
}) {
  if (entries.length === 0) return <p className="muted">{t.issue.noTimeline}</p>;
  return (
    <>
      <TimelineList entries={entries} cutoff={cutoff} />
      {more?.hasMore ? (
        <button type="button" className="button-secondary" onClick={more.load} disabled={more.loading}>
          {more.loading ? t.issue.loadingMore : t.issue.loadMore}
        </button>
      ) : null}
    </>
  );
}

function TimelineList({ entries, cutoff }: { entries: readonly TimelineEntry[]; cutoff: string | null }) {
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
            {entry.stageReason ? (
              <p>
                <strong>{t.account.timeline.stageReason}:</strong> {entry.stageReason}
              </p>
            ) : null}
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
            <Attachments files={entry.attachments} />
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
