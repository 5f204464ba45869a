import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { formatDate } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import { AttentionPanel } from "../components/AttentionPanel";
import { ChangesPanel } from "../components/ChangesPanel";
import { HeadlineFigures } from "../components/HeadlineFigures";
import { IssueTable } from "../components/IssueTable";
import { OverdueDirectionsPanel } from "../components/OverdueDirectionsPanel";
import { QueryState } from "../components/QueryState";
import { StalePanel } from "../components/StalePanel";
import { useTRPC } from "../lib/trpc";
import { useAsOf } from "../lib/useAsOf";
import { useNearViewport } from "../lib/useNearViewport";
import { usePageTitle } from "../lib/usePageTitle";

const DashboardCharts = lazy(() => import("../components/charts/DashboardCharts"));

const chartsPlaceholder = (
  <p className="chart-placeholder" role="status">
    {t.dashboard.chartsLoading}
  </p>
);

export function DashboardPage() {
  const trpc = useTRPC();
  const { asOf, since } = useAsOf();
  usePageTitle(t.dashboard.title);

  const summary = useQuery(trpc.dashboard.summary.queryOptions({ asOf, since }));
  const issues = useQuery(trpc.issues.list.queryOptions({ asOf }));
  const trend = useQuery(trpc.dashboard.history.queryOptions({ asOf }));
  const [chartsRef, chartsNear] = useNearViewport();

  return (
    <div className="page">
      <h1 className="visually-hidden">{t.dashboard.title}</h1>
      <QueryState
        isPending={summary.isPending || issues.isPending}
        error={summary.error ?? issues.error}
        onRetry={() => {
          void summary.refetch();
          void issues.refetch();
        }}
      >
        {summary.data && issues.data ? (
          <>
            <p className="headline">
              {t.dashboard.headline(summary.data.inHandlingOrLater, summary.data.total)}
              {asOf ? ` ${t.dashboard.headlineAsOf(formatDate(asOf))}` : ""}.
            </p>
            <HeadlineFigures summary={summary.data} />
            <AttentionPanel summary={summary.data} />
            <OverdueDirectionsPanel asOf={asOf} />
            <section aria-label={t.dashboard.charts} ref={chartsRef}>
              <Suspense fallback={chartsPlaceholder}>
                {chartsNear ? (
                  <DashboardCharts issues={issues.data} summary={summary.data} trend={trend.data} />
                ) : (
                  chartsPlaceholder
                )}
              </Suspense>
            </section>
            <div className="two-columns">
              <ChangesPanel summary={summary.data} />
              <StalePanel summary={summary.data} />
            </div>
            <IssueTable issues={issues.data} />
          </>
        ) : null}
      </QueryState>
    </div>
  );
}
