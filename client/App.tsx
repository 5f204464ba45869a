import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { id as t } from "../shared/messages/id";
import { Layout } from "./components/Layout";
import { RequireAuth } from "./components/RequireAuth";
import { SessionWatcher } from "./components/SessionWatcher";
import { AdminPage } from "./pages/AdminPage";
import { AwardsPage } from "./pages/AwardsPage";
import { DashboardPage } from "./pages/DashboardPage";
import { ExportPage } from "./pages/ExportPage";
import { IssuePage } from "./pages/IssuePage";
import { LoginPage } from "./pages/LoginPage";
import { MyIssuesPage } from "./pages/MyIssuesPage";
import { NotFoundPage } from "./pages/NotFoundPage";

const ApelPage = lazy(() => import("./pages/ApelPage"));

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
              <Suspense
                fallback={
                  <p className="loading" role="status">
                    {t.apel.loading}
                  </p>
                }
              >
                <ApelPage />
              </Suspense>
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
