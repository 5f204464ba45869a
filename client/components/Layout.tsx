import { useEffect, useRef } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import { id as t } from "../../shared/messages/id";
import { useAuth } from "../lib/auth";
import { useAsOfLink } from "../lib/useAsOf";
import { AccountMenu } from "./AccountMenu";
import { AsOfControl } from "./AsOfControl";

/** Pages that show no as-of view: signing in, "Isu saya" (always today), exports (their own date); nor the admin screens. */
const WITHOUT_AS_OF = ["/masuk", "/isu-saya", "/ekspor"];

export function Layout() {
  const link = useAsOfLink();
  const { pathname } = useLocation();
  const { user } = useAuth();
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);

  // After client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    main.current?.focus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#isi">
        {t.nav.skip}
      </a>
      <header className="site-header">
        <div className="brand">
          <span className="brand-name">{t.appName}</span>
          <span className="brand-tagline">{t.appTagline}</span>
        </div>
        <nav aria-label={t.nav.main}>
          <ul className="nav-list">
            {user ? (
              <li>
                <NavLink to={link("/")} end>
                  {t.nav.dashboard}
                </NavLink>
              </li>
            ) : null}
            {user?.role === "opd" ? (
              <li>
                <NavLink to="/isu-saya">{t.account.header.myIssues}</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to={link("/penghargaan")}>{t.nav.awards}</NavLink>
            </li>
            {user ? (
              <li>
                <NavLink to="/ekspor">{t.export.nav}</NavLink>
              </li>
            ) : null}
            {user?.role === "admin" ? (
              <li>
                <NavLink to="/admin">{t.admin.nav.link}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        {user && !WITHOUT_AS_OF.includes(pathname) && !pathname.startsWith("/admin") ? <AsOfControl /> : null}
        <AccountMenu user={user} />
      </header>
      <main id="isi" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">{t.city}</footer>
    </>
  );
}
