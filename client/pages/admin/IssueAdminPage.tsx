import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Link, useSearchParams } from "react-router";
import { id as t } from "../../../shared/messages/id";
import { ChainEditor } from "../../components/admin/ChainEditor";
import { FundingEditor } from "../../components/admin/FundingEditor";
import { IssueDetailsForm } from "../../components/admin/IssueDetailsForm";
import { QueryState } from "../../components/QueryState";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/usePageTitle";

const text = t.admin.issues;

/** The issue chosen in the picker, kept in the URL (`?isu=3`) so a link opens it. */
function useChosenNumber() {
  const [params, setParams] = useSearchParams();
  const raw = params.get("isu");
  const number = raw !== null && /^\d{1,2}$/.test(raw) ? Number(raw) : null;
  const choose = (value: string) =>
    setParams(value ? { isu: value } : {}, {
      replace: true,
    });
  return [number, choose] as const;
}

function ChosenIssue({ number }: { number: number }) {
  const trpc = useTRPC();
  const issue = useQuery(trpc.issues.byNumber.queryOptions({ number }));
  const agencies = useQuery(trpc.agencies.list.queryOptions());
  const data = issue.data;

  return (
    <QueryState
      isPending={issue.isPending || agencies.isPending}
      error={issue.error ?? agencies.error}
      notFound={text.notFound}
      onRetry={() => void Promise.all([issue.refetch(), agencies.refetch()])}
    >
      {data ? (
        <div key={data.id}>
          <p>
            <Link to={`/isu/${data.number}`}>{text.open(data.number)}</Link>
          </p>
          <section className="panel" aria-labelledby="issue-details">
            <h2 id="issue-details">{text.detailsTitle}</h2>
            <IssueDetailsForm issue={data} agencies={agencies.data ?? []} />
          </section>
          <section className="panel" aria-labelledby="issue-chain">
            <h2 id="issue-chain">{t.admin.chain.title}</h2>
            <ChainEditor issue={data} agencies={agencies.data ?? []} />
          </section>
          <section className="panel" aria-labelledby="issue-funding">
            <h2 id="issue-funding">{t.admin.funding.title}</h2>
            <FundingEditor issue={data} agencies={agencies.data ?? []} />
          </section>
        </div>
      ) : null}
    </QueryState>
  );
}

export default function IssueAdminPage() {
  const trpc = useTRPC();
  const issues = useQuery(trpc.issues.list.queryOptions());
  const [number, choose] = useChosenNumber();
  const pickId = useId();
  usePageTitle(text.title);

  return (
    <div className="page admin-page">
      <h1>{text.title}</h1>
      <p className="muted">{text.intro}</p>
      <QueryState isPending={issues.isPending} error={issues.error} onRetry={() => void issues.refetch()}>
        <div className="field issue-pick">
          <label htmlFor={pickId}>{text.pick}</label>
          <select
            id={pickId}
            value={number === null ? "" : String(number)}
            onChange={(e) => choose(e.target.value)}
          >
            <option value="">{t.admin.form.choose}</option>
            {(issues.data ?? []).map((issue) => (
              <option key={issue.id} value={issue.number}>
                {text.option(issue.number, issue.title)}
              </option>
            ))}
          </select>
        </div>
      </QueryState>
      {number === null ? <p className="muted">{text.pickHint}</p> : <ChosenIssue number={number} />}
    </div>
  );
}
