import { Navigate, Outlet, useLocation } from "react-router";
import { id as t } from "../../shared/messages/id";
import { loginPath, useAuth } from "../lib/auth";
import { QueryState } from "./QueryState";

/**
 * The pages behind sign-in: shown to a signed-in user, otherwise the sign-in page comes first.
 *
 * While the session is checked the page is already there but unseen (`hidden`, so out of the
 * accessibility tree too): its reads start together with the check instead of one round trip
 * after it, and a signed-out visitor never sees it.
 */
export function RequireAuth() {
  const { user, isPending, error, refetch } = useAuth();
  const location = useLocation();

  if (user === null) return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />;
  return (
    <>
      <QueryState
        isPending={isPending}
        error={user === undefined ? error : null}
        onRetry={() => void refetch()}
        loadingText={t.account.session.checking}
      >
        {null}
      </QueryState>
      <div className="auth-gate" hidden={user === undefined}>
        <Outlet />
      </div>
    </>
  );
}
