import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { id as t } from "../shared/messages/id";
import { Layout } from "./components/Layout";
import { LoadBoundary } from "./components/LoadBoundary";
import { Loading } from "./components/QueryState";
import { RequireAuth } from "./components/RequireAuth";
import { SessionWatcher } from "./components/SessionWatcher";
import { AdminPage } from "./pages/AdminPage";
import { DashboardPage } from "./pages/DashboardPage";

/*
 * Only the dashboard, the page most people open, is in the first load; each other page arrives
 * on its first visit, with the form checks (zod) most of them carry.
 */
const ApelPage = lazy(() => import("./pages/ApelPage"));
const AwardsPage = lazy(() => import("./pages/AwardsPage").then((m) => ({ default: m.AwardsPage })));
const ExportPage = lazy(() => import("./pages/ExportPage").then((m) => ({ default: m.ExportPage })));
const IssuePage = lazy(() => import("./pages/IssuePage").then((m) => ({ default: m.IssuePage })));
const LoginPage = lazy(() => import("./pages/LoginPage").then((m) => ({ default: m.LoginPage })));
const MyIssuesPage = lazy(() => import("./pages/MyIssuesPage").then((m) => ({ default: m.MyIssuesPage })));
const NotFoundPage = lazy(() => import("./pages/NotFoundPage").then((m) => ({ default: m.NotFoundPage })));

export function App() {
  return (
    <>
      <SessionWatcher />
      <Routes>
        {/* The deck fills the screen on its own, without the site's header and footer. */}
        <Route element={<RequireAuth />}>
          <Route
            path="apel"
            element={
              <LoadBoundary resetKey="apel">
                <Suspense fallback={<Loading text={t.apel.loading} />}>
                  <ApelPage />
                </Suspense>
              </LoadBoundary>
            }
          />
        </Route>
        <Route element={<Layout />}>
          <Route path="masuk" element={<LoginPage />} />
          <Route path="penghargaan" element={<AwardsPage />} />
          <Route element={<RequireAuth />}>
            <Route index element={<DashboardPage />} />
            <Route path="isu/:number" element={<IssuePage />} />
            <Route path="isu-saya" element={<MyIssuesPage />} />
            <Route path="ekspor" element={<ExportPage />} />
            <Route path="admin/*" element={<AdminPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </>
  );
}
