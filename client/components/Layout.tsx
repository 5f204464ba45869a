import { Suspense, useEffect, useRef, useState } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import { id as t } from "../../shared/messages/id";
import { useAuth } from "../lib/auth";
import { useAsOfLink } from "../lib/useAsOf";
import { AccountMenu } from "./AccountMenu";
import { AsOfBanner, AsOfControl } from "./AsOfControl";
import { LoadBoundary } from "./LoadBoundary";
import { Loading } from "./QueryState";

/** Pages that show no as-of view: signing in, "Isu saya" (always today), exports (their own date); nor the admin screens. */
const WITHOUT_AS_OF = ["/masuk", "/isu-saya", "/ekspor"];

export function Layout() {
  const link = useAsOfLink();
  const { pathname } = useLocation();
  const { user, isPending } = useAuth();
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);
  // On a phone the navigation, the as-of control and the account fold behind one menu button.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);

  // Escape closes the open menu and goes back to its button.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [menuOpen]);

  // After client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    setMenuOpen(false);
    main.current?.focus();
  }, [pathname]);

  const showAsOf = Boolean(user && !WITHOUT_AS_OF.includes(pathname) && !pathname.startsWith("/admin"));

  return (
    <>
      <a className="skip-link" href="#isi">
        {t.nav.skip}
      </a>
      <header className="site-header" aria-busy={isPending}>
        <div className="header-bar">
          <div className="brand">
            <span className="brand-name">{t.appName}</span>
            <span className="brand-tagline">{t.appTagline}</span>
          </div>
          <button
            type="button"
            className="menu-button button-secondary"
            ref={menuButton}
            aria-expanded={menuOpen}
            aria-controls="menu-utama"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span aria-hidden="true">{menuOpen ? "✕" : "☰"}</span> {t.nav.menu}
          </button>
        </div>
        <div id="menu-utama" className="header-menu" data-open={menuOpen}>
          <nav aria-label={t.nav.main}>
            <ul className="nav-list">
              {user ? (
                <li>
                  <NavLink to={link("/")} end>
                    {t.nav.dashboard}
                  </NavLink>
                </li>
              ) : null}
              {user ? (
                <li>
                  <NavLink to={link("/apel")}>{t.apel.navLink}</NavLink>
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
          {showAsOf ? <AsOfControl /> : null}
          <AccountMenu user={user} />
        </div>
        {showAsOf ? <AsOfBanner /> : null}
      </header>
      <main id="isi" ref={main} tabIndex={-1}>
        <LoadBoundary resetKey={pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </LoadBoundary>
      </main>
      <footer className="site-footer">{t.city}</footer>
    </>
  );
}
