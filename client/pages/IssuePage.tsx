import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { Link, useParams } from "react-router";
import { asOfCutoff } from "../../shared/asOf";
import { formatDate, formatPercent } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import { HealthBadge, ProgressValue } from "../components/Badges";
import { DeliveryChain, FundingTable, IndicatorPanel, targetDateText } from "../components/IssueFacts";
import { Loading, QueryState } from "../components/QueryState";
import { StageTrack } from "../components/StageTrack";
import { Timeline } from "../components/Timeline";
import { useTRPC } from "../lib/trpc";
import { useAsOf, useAsOfLink } from "../lib/useAsOf";
import { usePageTitle } from "../lib/usePageTitle";
import { useTimeline } from "../lib/useTimeline";

// The form brings the zod schemas with it: only those who may update load it.
const UpdateForm = lazy(() => import("../components/update/UpdateForm"));

export function IssuePage() {
  const params = useParams();
  const number = Number(params.number);
  const valid = Number.isInteger(number) && number >= 1 && number <= 99;
  const { asOf } = useAsOf();
  const link = useAsOfLink();
  const trpc = useTRPC();

  const issue = useQuery({ ...trpc.issues.byNumber.queryOptions({ number, asOf }), enabled: valid });
  const timeline = useTimeline(issue.data?.id);
  usePageTitle(issue.data ? `#${issue.data.number} ${issue.data.title}` : undefined);

  if (!valid || issue.error?.data?.code === "NOT_FOUND") {
    return (
      <div className="page">
        <h1>{t.state.issueNotFound}</h1>
        <p>{t.state.issueNotFoundDetail}</p>
        <Link to={link("/")}>{t.state.backHome}</Link>
      </div>
    );
  }

  const data = issue.data;
  return (
    <div className="page">
      <p>
        <Link to={link("/")}>← {t.issue.back}</Link>
      </p>
      <QueryState isPending={issue.isPending} error={issue.error} onRetry={() => void issue.refetch()}>
        {data ? (
          <article aria-labelledby="judul-isu">
            <p className="eyebrow">{t.issue.numberLabel(data.number)}</p>
            <h1 id="judul-isu">{data.title}</h1>
            {data.canUpdate && !asOf ? (
              <p>
                <a href="#perbarui">{t.account.form.jumpToForm}</a>
              </p>
            ) : null}
            <section aria-label={t.issue.state} className="panel">
              {data.stage === null ? <p className="notice">{t.state.noDataOnDate}</p> : null}
              <StageTrack stage={data.stage} />
              <dl className="facts">
                <div>
                  <dt>{t.list.colHealth}</dt>
                  <dd>
                    <HealthBadge health={data.health} />
                  </dd>
                </div>
                <div>
                  <dt>{t.issue.physical}</dt>
                  <dd>
                    <ProgressValue progress={data.progress} />
                  </dd>
                </div>
                <div>
                  <dt>{t.issue.budget}</dt>
                  <dd>
                    {data.budgetProgress === null ? t.state.noData : formatPercent(data.budgetProgress)}
                  </dd>
                </div>
                <div>
                  <dt>{t.issue.lastUpdate}</dt>
                  <dd>
                    {data.lastUpdatedAt
                      ? formatDate(data.lastUpdatedAt, data.lastUpdatePrecision)
                      : t.state.noData}
                  </dd>
                </div>
                {targetDateText(data) ? (
                  <div>
                    <dt>{t.issue.target}</dt>
                    <dd>
                      {targetDateText(data)}
                      {asOf ? <span className="progress-basis">{t.issue.targetToday}</span> : null}
                    </dd>
                  </div>
                ) : null}
              </dl>
            </section>
            <section aria-labelledby="uraian" className="panel">
              <h2 id="uraian">{t.issue.description}</h2>
              {asOf ? <p className="muted">{t.issue.undatedToday(formatDate(asOf))}</p> : null}
              <p>{data.description}</p>
              {data.location ? (
                <p>
                  <strong>{t.issue.location}:</strong> {data.location}
                </p>
              ) : null}
            </section>
            <div className="two-columns">
              <DeliveryChain issue={data} />
              <IndicatorPanel issue={data} />
            </div>
            <FundingTable issue={data} />
            {data.canUpdate ? (
              <section id="perbarui" aria-labelledby="perbarui-judul" className="panel">
                <h2 id="perbarui-judul">{t.account.form.title}</h2>
                {asOf ? (
                  <p className="notice">
                    {t.account.form.asOfNote}{" "}
                    <Link to={`/isu/${data.number}`}>{t.account.form.asOfLink}</Link>
                  </p>
                ) : timeline.data ? (
                  <Suspense fallback={<Loading text={t.account.form.loading} />}>
                    <UpdateForm issue={data} timeline={timeline.data} />
                  </Suspense>
                ) : (
                  <Loading text={t.account.form.loading} />
                )}
              </section>
            ) : null}
            <section aria-labelledby="riwayat" className="panel">
              <h2 id="riwayat">{t.issue.timeline}</h2>
              <QueryState
                isPending={timeline.isPending}
                error={timeline.error}
                onRetry={() => void timeline.refetch()}
              >
                <Timeline
                  entries={timeline.data ?? []}
                  cutoff={asOf ? asOfCutoff(asOf, new Date()) : null}
                  more={timeline.more}
                />
              </QueryState>
            </section>
          </article>
        ) : null}
      </QueryState>
    </div>
  );
}
