import { lazy, Suspense } from "react";
import { Navigate, NavLink, Route, Routes } from "react-router";
import { id as t } from "../../../shared/messages/id";
import { Loading, QueryState } from "../../components/QueryState";
import { useAuth } from "../../lib/auth";
import { usePageTitle } from "../../lib/usePageTitle";
import { NotFoundPage } from "../NotFoundPage";

const AccountsPage = lazy(() => import("./AccountsPage"));
const AgenciesPage = lazy(() => import("./AgenciesPage"));
const IssueAdminPage = lazy(() => import("./IssueAdminPage"));
const AwardsAdminPage = lazy(() => import("./AwardsAdminPage"));
const AuditPage = lazy(() => import("./AuditPage"));

const SECTIONS = [
  { path: "akun", label: t.admin.nav.accounts },
  { path: "opd", label: t.admin.nav.agencies },
  { path: "isu", label: t.admin.nav.issues },
  { path: "penghargaan", label: t.admin.nav.awards },
  { path: "audit", label: t.admin.nav.audit },
] as const;

function AdminOnly() {
  usePageTitle(t.admin.adminOnly);
  return (
    <div className="page">
      <h1>{t.admin.nav.link}</h1>
      <p className="notice notice-error">{t.admin.adminOnly}</p>
    </div>
  );
}

/** The Sekda office's screens, behind a check of the role (the server refuses others anyway). */
export default function AdminArea() {
  const { user, isPending, error, refetch } = useAuth();
  return (
    <QueryState
      isPending={isPending}
      error={user === undefined ? error : null}
      onRetry={() => void refetch()}
    >
      {user?.role === "admin" ? (
        <div className="admin">
          <nav className="admin-nav" aria-label={t.admin.nav.section}>
            <ul>
              {SECTIONS.map((section) => (
                <li key={section.path}>
                  <NavLink to={`/admin/${section.path}`}>{section.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <Suspense fallback={<Loading text={t.admin.loadingPage} />}>
            <Routes>
              <Route index element={<Navigate to="akun" replace />} />
              <Route path="akun" element={<AccountsPage />} />
              <Route path="opd" element={<AgenciesPage />} />
              <Route path="isu" element={<IssueAdminPage />} />
              <Route path="penghargaan" element={<AwardsAdminPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </div>
      ) : (
        <AdminOnly />
      )}
    </QueryState>
  );
}
