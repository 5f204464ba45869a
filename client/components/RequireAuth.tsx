import { Navigate, Outlet, useLocation } from "react-router";
import { id as t } from "../../shared/messages/id";
import { loginPath, useAuth } from "../lib/auth";
import { QueryState } from "./QueryState";

/** The pages behind sign-in: shown to a signed-in user, otherwise the sign-in page comes first. */
export function RequireAuth() {
  const { user, isPending, error, refetch } = useAuth();
  const location = useLocation();

  if (user === null) return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />;
  return (
    <QueryState
      isPending={isPending}
      error={user === undefined ? error : null}
      onRetry={() => void refetch()}
      loadingText={t.account.session.checking}
    >
      <Outlet />
    </QueryState>
  );
}
