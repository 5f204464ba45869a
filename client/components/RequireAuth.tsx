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
  if (user === undefined && !isPending) {
    return (
      <QueryState isPending={false} error={error} onRetry={() => void refetch()}>
        {null}
      </QueryState>
    );
  }
  return (
    <>
      {isPending ? (
        <p className="loading" role="status" aria-live="polite">
          {t.account.session.checking}
        </p>
      ) : null}
      <div className="auth-gate" hidden={isPending}>
        <Outlet />
      </div>
    </>
  );
}
