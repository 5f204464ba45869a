import { Route, Routes } from "react-router";
import { Layout } from "./components/Layout";
import { AwardsPage } from "./pages/AwardsPage";
import { DashboardPage } from "./pages/DashboardPage";
import { IssuePage } from "./pages/IssuePage";
import { NotFoundPage } from "./pages/NotFoundPage";

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<DashboardPage />} />
        <Route path="isu/:number" element={<IssuePage />} />
        <Route path="penghargaan" element={<AwardsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
