import { useQuery } from "@tanstack/react-query";
import {
  lazy,
  type ReactNode,
  Suspense,
  startTransition,
  useDeferredValue,
  useEffect,
  useMemo,
  useState,
} from "react";
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

/** The charts' space until they near the screen: held, and silent, since nothing loads yet. */
const chartsSpace = <div className="chart-placeholder" />;

/**
 * What follows the first screen: drawn a moment after it, as a transition of its own, so that
 * neither step holds the main thread long. Nothing on screen moves: it only ever appears below.
 * Its own component, so that this second step draws only what it shows.
 */
function Later({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => startTransition(() => setShown(true)), []);
  return shown ? children : null;
}

export function DashboardPage() {
  const trpc = useTRPC();
  const { asOf, since } = useAsOf();
  usePageTitle(t.dashboard.title);

  const summary = useQuery(trpc.dashboard.summary.queryOptions({ asOf, since }));
  const issues = useQuery(trpc.issues.list.queryOptions({ asOf }));
  const trend = useQuery(trpc.dashboard.history.queryOptions({ asOf }));
  const [chartsRef, chartsNear] = useNearViewport();

  // Drawing the page is the heaviest work of its load. Drawn from a deferred value, it is done
  // at a lower priority that lets the browser in between components, instead of holding the
  // main thread until the whole page is built. The date travels with its figures, so a page
  // caught between two dates never shows one's figures under the other's name.
  const latest = useMemo(
    () =>
      summary.data && issues.data
        ? { asOf, summary: summary.data, issues: issues.data, trend: trend.data }
        : undefined,
    [asOf, summary.data, issues.data, trend.data],
  );
  const view = useDeferredValue(latest);

  return (
    <div className="page">
      <h1 className="visually-hidden">{t.dashboard.title}</h1>
      <QueryState
        isPending={view === undefined}
        error={summary.error ?? issues.error}
        onRetry={() => {
          void summary.refetch();
          void issues.refetch();
        }}
      >
        {view ? (
          <>
            <p className="headline">
              {t.dashboard.headline(view.summary.inHandlingOrLater, view.summary.total)}
              {view.asOf ? ` ${t.dashboard.headlineAsOf(formatDate(view.asOf))}` : ""}.
            </p>
            <HeadlineFigures summary={view.summary} />
            <AttentionPanel summary={view.summary} />
            <OverdueDirectionsPanel asOf={view.asOf} />
            <Later>
              <section aria-label={t.dashboard.charts} ref={chartsRef}>
                <Suspense fallback={chartsPlaceholder}>
                  {chartsNear ? (
                    <DashboardCharts issues={view.issues} summary={view.summary} trend={view.trend} />
                  ) : (
                    chartsSpace
                  )}
                </Suspense>
              </section>
              <div className="two-columns">
                <ChangesPanel summary={view.summary} />
                <StalePanel summary={view.summary} />
              </div>
              <IssueTable issues={view.issues} />
            </Later>
          </>
        ) : null}
      </QueryState>
    </div>
  );
}
