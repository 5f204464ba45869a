import { Link, useLocation } from "react-router";
import { id as t } from "../../shared/messages/id";
import { type CurrentUser, errorCode, LOGIN_PATH, loginPath, useSignOut } from "../lib/auth";

function roleLabel(user: CurrentUser): string {
  const role = t.account.role[user.role];
  return user.agency ? `${role} · ${user.agency.code}` : role;
}

/** Who is signed in, with "Keluar"; or a "Masuk" link when nobody is. */
export function AccountMenu({ user }: { user: CurrentUser | null | undefined }) {
  const text = t.account.header;
  const signOut = useSignOut();
  const { pathname, search } = useLocation();

  if (user === undefined) return null;
  if (user === null) {
    if (pathname === LOGIN_PATH) return null;
    return (
      <div className="account">
        <Link className="account-sign-in" to={loginPath(`${pathname}${search}`)}>
          {text.signIn}
        </Link>
      </div>
    );
  }
  const failed = signOut.isError && errorCode(signOut.error) !== "UNAUTHORIZED";
  return (
    <div className="account">
      <p className="account-user">
        <span className="visually-hidden">{text.signedInAs} </span>
        <span className="account-name">{user.displayName}</span>
        <span className="account-role">{roleLabel(user)}</span>
      </p>
      <button
        type="button"
        className="button-secondary"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
      >
        {signOut.isPending ? text.signingOut : text.signOut}
      </button>
      {failed ? (
        <p className="field-error" role="alert">
          {text.signOutFailed}
        </p>
      ) : null}
    </div>
  );
}
