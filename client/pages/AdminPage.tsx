import { lazy, Suspense } from "react";
import { id as t } from "../../shared/messages/id";
import { Loading } from "../components/QueryState";

// The Sekda office's screens are for a handful of people: keep them out of everyone's first load.
const AdminArea = lazy(() => import("./admin/AdminArea"));

/** `/admin/*`: the Sekda office's screens, loaded on first visit. */
export function AdminPage() {
  return (
    <Suspense fallback={<Loading text={t.admin.loadingPage} />}>
      <AdminArea />
    </Suspense>
  );
}
