import { useEffect, useRef } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import { id as t } from "../../shared/messages/id";
import { useAsOfLink } from "../lib/useAsOf";
import { AsOfControl } from "./AsOfControl";

export function Layout() {
  const link = useAsOfLink();
  const { pathname } = useLocation();
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
            <li>
              <NavLink to={link("/")} end>
                {t.nav.dashboard}
              </NavLink>
            </li>
            <li>
              <NavLink to={link("/penghargaan")}>{t.nav.awards}</NavLink>
            </li>
          </ul>
        </nav>
        <AsOfControl />
      </header>
      <main id="isi" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">{t.city}</footer>
    </>
  );
}
