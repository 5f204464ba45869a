import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatDate, formatNumber } from "../../../shared/format";
import { id as t } from "../../../shared/messages/id";
import type { Agency } from "../../components/admin/AgencyOptions";
import { AwardEventForm, AwardResultForm } from "../../components/admin/AwardForms";
import { ConfirmAction } from "../../components/admin/ConfirmAction";
import { AddPanel, RowPanel } from "../../components/admin/RowPanel";
import { useRefresh } from "../../components/admin/useRefresh";
import { QueryState } from "../../components/QueryState";
import { type AwardEvent, useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/usePageTitle";

const text = t.admin.awards;

/** Which form is open: one at a time, so the page stays readable on a phone. */
type Open = { kind: "event" | "result" | "addResult"; id: number } | null;

function EventItem({
  event,
  agencies,
  open,
  setOpen,
  say,
}: {
  event: AwardEvent;
  agencies: readonly Agency[];
  open: Open;
  setOpen: (open: Open) => void;
  say: (message: string) => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const removeEvent = useMutation(trpc.awards.removeEvent.mutationOptions());
  const removeResult = useMutation(trpc.awards.removeResult.mutationOptions());
  const headingId = `award-event-${event.id}`;
  const isOpen = (kind: NonNullable<Open>["kind"], id: number) => open?.kind === kind && open.id === id;
  const toggle = (kind: NonNullable<Open>["kind"], id: number) =>
    setOpen(isOpen(kind, id) ? null : { kind, id });

  return (
    <li className="panel award-admin">
      <article aria-labelledby={headingId}>
        <h2 id={headingId}>{event.name}</h2>
        <p className="award-meta">
          <span className={`badge level-${event.level}`}>{t.awardLevel[event.level]}</span>{" "}
          <time dateTime={event.eventDate}>{formatDate(event.eventDate)}</time> · {event.organiser} ·{" "}
          {event.place}
        </p>
        <div className="row-actions">
          <button
            type="button"
            className="button-small button-secondary"
            aria-label={text.editEvent(event.name)}
            aria-expanded={isOpen("event", event.id)}
            onClick={() => toggle("event", event.id)}
          >
            {t.admin.form.edit}
          </button>
          <ConfirmAction
            danger
            label={t.admin.form.remove}
            accessibleLabel={text.removeEvent(event.name)}
            question={text.removeEventQuestion(event.name, event.results.length)}
            confirmLabel={text.removeConfirm}
            onConfirm={async () => {
              await removeEvent.mutateAsync({ id: event.id });
              say(text.eventRemoved(event.name));
              await refresh("awards");
            }}
          />
        </div>
        {isOpen("event", event.id) ? (
          <RowPanel title={text.editEventTitle(event.name)} onClose={() => setOpen(null)}>
            <AwardEventForm event={event} />
          </RowPanel>
        ) : null}

        <h3>{text.results}</h3>
        {event.results.length === 0 ? <p className="muted">{text.noResults}</p> : null}
        <ul className="award-admin-results">
          {event.results.map((result) => (
            <li key={result.id} className="award-admin-item">
              <div className="award-admin-result">
                <span>
                  <strong>{result.predicate}</strong> · {result.category}
                  {result.score !== null ? ` · ${t.awards.score} ${formatNumber(result.score)}` : ""}
                  {result.agency ? <span className="muted"> · {result.agency.code}</span> : null}
                </span>
                <span className="row-actions">
                  <button
                    type="button"
                    className="button-small button-secondary"
                    aria-label={text.editResult(result.predicate)}
                    aria-expanded={isOpen("result", result.id)}
                    onClick={() => toggle("result", result.id)}
                  >
                    {t.admin.form.edit}
                  </button>
                  <ConfirmAction
                    danger
                    label={t.admin.form.remove}
                    accessibleLabel={text.removeResult(result.predicate)}
                    question={text.removeResultQuestion(result.predicate)}
                    confirmLabel={text.removeConfirm}
                    onConfirm={async () => {
                      await removeResult.mutateAsync({ id: result.id });
                      say(text.resultRemoved(result.predicate));
                      await refresh("awards");
                    }}
                  />
                </span>
              </div>
              {isOpen("result", result.id) ? (
                <RowPanel title={text.editResultTitle(result.predicate)} onClose={() => setOpen(null)}>
                  <AwardResultForm eventId={event.id} result={result} agencies={agencies} />
                </RowPanel>
              ) : null}
            </li>
          ))}
        </ul>
        <p>
          <button
            type="button"
            className="button-secondary"
            aria-expanded={isOpen("addResult", event.id)}
            onClick={() => toggle("addResult", event.id)}
          >
            {text.addResult}
          </button>
        </p>
        {isOpen("addResult", event.id) ? (
          <RowPanel title={text.addResultTitle(event.name)} onClose={() => setOpen(null)}>
            <AwardResultForm eventId={event.id} agencies={agencies} />
          </RowPanel>
        ) : null}
      </article>
    </li>
  );
}

export default function AwardsAdminPage() {
  const trpc = useTRPC();
  const awards = useQuery(trpc.awards.list.queryOptions());
  const agencies = useQuery(trpc.agencies.list.queryOptions());
  const [open, setOpen] = useState<Open>(null);
  const [status, setStatus] = useState("");
  usePageTitle(text.title);
  const events = awards.data ?? [];

  return (
    <div className="page admin-page">
      <h1>{text.title}</h1>
      <p className="muted">{text.intro}</p>
      <p className="form-status" role="status">
        {status}
      </p>
      <QueryState
        isPending={awards.isPending || agencies.isPending}
        error={awards.error ?? agencies.error}
        onRetry={() => void Promise.all([awards.refetch(), agencies.refetch()])}
      >
        <AddPanel label={text.add} title={text.createTitle}>
          <AwardEventForm />
        </AddPanel>
        {events.length === 0 ? (
          <p className="notice">{text.empty}</p>
        ) : (
          <ul className="award-admin-list">
            {events.map((event) => (
              <EventItem
                key={event.id}
                event={event}
                agencies={agencies.data ?? []}
                open={open}
                setOpen={setOpen}
                say={setStatus}
              />
            ))}
          </ul>
        )}
      </QueryState>
    </div>
  );
}
