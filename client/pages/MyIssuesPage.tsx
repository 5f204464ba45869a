import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { formatDate } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import { HealthBadge, StageBadge } from "../components/Badges";
import { DirectionList } from "../components/DirectionList";
import { QueryState } from "../components/QueryState";
import { useAuth } from "../lib/auth";
import { type MyIssue, useTRPC } from "../lib/trpc";
import { usePageTitle } from "../lib/usePageTitle";

function StaleMark({ issue }: { issue: MyIssue }) {
  if (!issue.stale) return null;
  const text = t.account.mine;
  return (
    <span className="badge badge-stale">
      {issue.daysSinceUpdate === null ? text.neverUpdated : text.staleDays(issue.daysSinceUpdate)}
    </span>
  );
}

/** One issue; `own` ones carry the "not updated" mark, as theirs is the agency's to fix. */
function IssueItem({ issue, own }: { issue: MyIssue; own: boolean }) {
  return (
    <li className="mine-item">
      <Link className="mine-title" to={`/isu/${issue.number}`}>
        <span aria-hidden="true">#{issue.number} </span>
        {issue.title}
      </Link>
      <span className="mine-meta">
        <abbr title={issue.leadAgency.name}>{issue.leadAgency.code}</abbr>
        <StageBadge stage={issue.stage} />
        <HealthBadge health={issue.health} />
        {own ? <StaleMark issue={issue} /> : null}
      </span>
      <span className="muted mine-updated">
        {issue.lastUpdatedAt
          ? t.account.mine.lastUpdate(formatDate(issue.lastUpdatedAt, issue.lastUpdatePrecision))
          : t.account.mine.neverUpdated}
      </span>
    </li>
  );
}

/** The open arahan for the OPD's agency, overdue first, each closable with a note. */
function AgencyDirections({ agencyId, agencyCode }: { agencyId: number; agencyCode: string }) {
  const trpc = useTRPC();
  const directions = useQuery(trpc.directions.list.queryOptions({ agencyId, status: "open" }));
  return (
    <section aria-labelledby="arahan-opd" className="panel">
      <h2 id="arahan-opd">{t.directions.mineTitle(agencyCode)}</h2>
      <QueryState
        isPending={directions.isPending}
        error={directions.error}
        onRetry={() => void directions.refetch()}
      >
        {directions.data?.length === 0 ? <p className="muted">{t.directions.mineEmpty}</p> : null}
        {directions.data ? <DirectionList directions={directions.data} canClose /> : null}
      </QueryState>
    </section>
  );
}

/** "Isu saya": the issues an OPD answers for, first, with those it has left unreported marked. */
export function MyIssuesPage() {
  const text = t.account.mine;
  usePageTitle(text.title);
  const trpc = useTRPC();
  const { user } = useAuth();
  const issues = useQuery(trpc.issues.mine.queryOptions());
  const agency = user?.agency?.code ?? null;

  const mine = issues.data?.filter((issue) => issue.mine) ?? [];
  const others = issues.data?.filter((issue) => !issue.mine) ?? [];

  return (
    <div className="page">
      <h1>{text.title}</h1>
      {agency ? <p className="muted">{text.intro(agency)}</p> : null}
      <QueryState isPending={issues.isPending} error={issues.error} onRetry={() => void issues.refetch()}>
        <section aria-labelledby="isu-opd" className="panel">
          <h2 id="isu-opd">{agency ? text.ownHeading(agency) : text.title}</h2>
          {mine.length === 0 ? (
            <p className="muted">{agency ? text.empty : text.noAgency}</p>
          ) : (
            <ul className="mine-list">
              {mine.map((issue) => (
                <IssueItem key={issue.id} issue={issue} own />
              ))}
            </ul>
          )}
        </section>
        {user?.agency ? <AgencyDirections agencyId={user.agency.id} agencyCode={user.agency.code} /> : null}
        {others.length > 0 ? (
          <section aria-labelledby="isu-lain" className="panel">
            <h2 id="isu-lain">{text.othersHeading}</h2>
            <ul className="mine-list">
              {others.map((issue) => (
                <IssueItem key={issue.id} issue={issue} own={false} />
              ))}
            </ul>
          </section>
        ) : null}
      </QueryState>
    </div>
  );
}
