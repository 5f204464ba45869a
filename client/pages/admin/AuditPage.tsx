import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useSearchParams } from "react-router";
import { formatDateTime } from "../../../shared/format";
import { id as t } from "../../../shared/messages/id";
import { AuditDetail, auditObject, type NameOf } from "../../components/admin/AuditDetail";
import { QueryState } from "../../components/QueryState";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/usePageTitle";

const text = t.admin.audit;
const PAGE_SIZE = 50;
const ACTIONS = Object.keys(text.actions);

/**
 * The audit trail a page at a time. `audit.list` pages by `beforeId` (not tRPC's `cursor`), so
 * each page is fetched through its own tRPC query; the infinite query keeps them in order and
 * refetches them one after another, so a refresh never leaves a gap between pages.
 */
function useAuditPages(action: string | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: [...trpc.audit.list.queryKey({ limit: PAGE_SIZE, action }), "pages"],
    queryFn: ({ pageParam }) =>
      queryClient.fetchQuery({
        ...trpc.audit.list.queryOptions({ limit: PAGE_SIZE, action, beforeId: pageParam }),
        staleTime: 0,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length < PAGE_SIZE ? undefined : last.at(-1)?.id),
  });
}

/** Names of the objects that still exist, from lists the admin screens load anyway. */
function useNames(): NameOf {
  const trpc = useTRPC();
  const users = useQuery(trpc.users.list.queryOptions());
  const agencies = useQuery(trpc.agencies.list.queryOptions());
  const issues = useQuery(trpc.issues.list.queryOptions());
  const awards = useQuery(trpc.awards.list.queryOptions());
  return (entityType, entityId) => {
    switch (entityType) {
      case "user":
        return users.data?.find((u) => u.id === entityId)?.username;
      case "agency":
        return agencies.data?.find((a) => a.id === entityId)?.code;
      case "issue": {
        const issue = issues.data?.find((i) => i.id === entityId);
        return issue && `#${issue.number} ${issue.title}`;
      }
      case "award_event":
        return awards.data?.find((e) => e.id === entityId)?.name;
      default:
        return undefined;
    }
  };
}

export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get("tindakan");
  const action = raw && ACTIONS.includes(raw) ? raw : undefined;
  const audit = useAuditPages(action);
  const nameOf = useNames();
  const filterId = useId();
  usePageTitle(text.title);
  const rows = audit.data?.pages.flat() ?? [];

  return (
    <div className="page admin-page">
      <h1>{text.title}</h1>
      <p className="muted">{text.intro}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor={filterId}>{text.filter}</label>
          <select
            id={filterId}
            value={action ?? ""}
            onChange={(e) => setParams(e.target.value ? { tindakan: e.target.value } : {}, { replace: true })}
          >
            <option value="">{text.all}</option>
            {ACTIONS.map((name) => (
              <option key={name} value={name}>
                {text.actions[name]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState isPending={audit.isPending} error={audit.error} onRetry={() => void audit.refetch()}>
        {rows.length === 0 ? (
          <p className="notice">{action ? text.emptyFiltered : text.empty}</p>
        ) : (
          <section className="panel" aria-label={text.title}>
            <table className="admin-table audit-table">
              <caption className="visually-hidden">{text.shown(rows.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.colWhen}</th>
                  <th scope="col">{text.colWho}</th>
                  <th scope="col">{text.colAction}</th>
                  <th scope="col">{text.colObject}</th>
                  <th scope="col">{text.colDetails}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td data-label={text.colWhen}>
                      <time dateTime={row.createdAt}>{formatDateTime(row.createdAt)}</time>
                    </td>
                    <td data-label={text.colWho}>{row.actorUsername ?? text.system}</td>
                    <td data-label={text.colAction}>{text.actions[row.action] ?? row.action}</td>
                    <td data-label={text.colObject}>
                      {auditObject(row.entityType, row.entityId, row.detail, nameOf)}
                    </td>
                    <td data-label={text.colDetails}>
                      <AuditDetail detail={row.detail} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted" aria-live="polite">
              {text.shown(rows.length)}
              {audit.hasNextPage ? "" : `. ${text.end}`}
            </p>
            {audit.hasNextPage ? (
              <button
                type="button"
                className="button-secondary"
                disabled={audit.isFetchingNextPage}
                onClick={() => void audit.fetchNextPage()}
              >
                {audit.isFetchingNextPage ? text.loadingMore : text.more}
              </button>
            ) : null}
          </section>
        )}
      </QueryState>
    </div>
  );
}
