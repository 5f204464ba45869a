import { Route, Routes } from "react-router";
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

export function App() {
  return (
    <>
      <SessionWatcher />
      <Routes>
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
