import { type Ref, useId } from "react";
import { formatDateTime } from "../../../shared/format";
import { id as t } from "../../../shared/messages/id";
import type { TimelineEntry } from "../../lib/trpc";
import { HealthBadge, StageBadge } from "../Badges";

interface Props {
  /** Updates written since the form was filled, newest first; null while they load. */
  newer: readonly TimelineEntry[] | null;
  sending: boolean;
  onResend: () => void;
  onCancel: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** Someone else updated the issue first: show what they wrote, keep what this person typed. */
export function ConflictPanel({ newer, sending, onResend, onCancel, headingRef }: Props) {
  const text = t.account.form;
  const headingId = useId();
  return (
    <div className="conflict notice notice-error" role="alert" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {text.conflictTitle}
      </h3>
      <p>{text.conflictIntro}</p>
      {newer === null ? (
        <p role="status">{text.conflictLoading}</p>
      ) : (
        <ol className="conflict-list">
          {newer.map((entry) => (
            <li key={entry.id}>
              <p className="timeline-head">
                <strong>
                  {entry.author.displayName}
                  {entry.agency ? ` · ${entry.agency.code}` : ""}
                </strong>
                <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
                <StageBadge stage={entry.stage} />
                <HealthBadge health={entry.health} />
              </p>
              <p>{entry.note}</p>
            </li>
          ))}
        </ol>
      )}
      <div className="form-actions">
        <button type="button" onClick={onResend} disabled={newer === null || sending}>
          {sending ? text.submitting : text.conflictResend}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel} disabled={sending}>
          {text.conflictCancel}
        </button>
      </div>
    </div>
  );
}
