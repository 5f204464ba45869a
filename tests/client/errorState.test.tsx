import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sql } from "kysely";
import { lazy, Suspense } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { LoadBoundary } from "../../client/components/LoadBoundary";
import { AwardsPage } from "../../client/pages/AwardsPage";
import { DashboardPage } from "../../client/pages/DashboardPage";
import { IssuePage } from "../../client/pages/IssuePage";
import { createBrokenDb } from "../fixtures/app";
import { createTestDb } from "../fixtures/db";
import { renderWithApp } from "../fixtures/render";

// No console.error is expected here: with unstable_localLink the router's errors reach the
// query as rejected promises, and react-query v5 does not log failed queries.

const ERROR = "Data gagal dimuat. Periksa sambungan, lalu coba lagi.";

describe("When the data cannot be loaded", () => {
  it("the dashboard says so in Indonesian and offers to try again", async () => {
    const user = userEvent.setup();
    renderWithApp(<DashboardPage />, { db: await createBrokenDb(), route: "/" });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(ERROR);
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    expect(screen.queryByText(/isu prioritas telah memasuki/)).not.toBeInTheDocument();

    // Still broken: trying again ends in the same message, not a blank page.
    await user.click(within(alert).getByRole("button", { name: "Coba lagi" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(ERROR);
  });

  it("an issue page says so, rather than 'not found'", async () => {
    renderWithApp(<IssuePage />, { db: await createBrokenDb(), route: "/isu/4", path: "/isu/:number" });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(ERROR);
    expect(alert).not.toHaveTextContent("Isu tidak ditemukan.");
    expect(within(alert).getByRole("button", { name: "Coba lagi" })).toBeInTheDocument();
  });

  it("'Coba lagi' shows the data once the database answers again", async () => {
    const user = userEvent.setup();
    const db = await createTestDb();
    await sql`ALTER TABLE award_events RENAME TO award_events_away`.execute(db);
    renderWithApp(<AwardsPage />, { db, route: "/penghargaan" });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(ERROR);

    await sql`ALTER TABLE award_events_away RENAME TO award_events`.execute(db);
    await user.click(within(alert).getByRole("button", { name: "Coba lagi" }));
    expect(await screen.findByText("6 ajang, 8 penghargaan")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("the dashboard recovers too: both its queries are retried", async () => {
    const user = userEvent.setup();
    const db = await createTestDb();
    await sql`ALTER TABLE issue_updates RENAME TO issue_updates_away`.execute(db);
    renderWithApp(<DashboardPage />, { db, route: "/" });
    const alert = await screen.findByRole("alert");

    await sql`ALTER TABLE issue_updates_away RENAME TO issue_updates`.execute(db);
    await user.click(within(alert).getByRole("button", { name: "Coba lagi" }));
    expect(
      await screen.findByText("5 dari 11 isu prioritas telah memasuki tahap penanganan."),
    ).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});

/** A page whose chunk cannot be fetched, as after a new version went live. */
const Unreachable = lazy(() => Promise.reject(new TypeError("Failed to fetch dynamically imported module")));

function Pages() {
  const { pathname } = useLocation();
  return (
    <LoadBoundary resetKey={pathname}>
      <Suspense fallback={<p>Memuat…</p>}>
        <Routes>
          <Route path="/" element={<Unreachable />} />
        </Routes>
      </Suspense>
    </LoadBoundary>
  );
}

describe("When a page's code cannot be fetched", () => {
  it("says so with a way to reload, instead of a blank app", async () => {
    // React reports the error it caught; that is expected here.
    vi.spyOn(console, "error").mockImplementation(() => {});
    const reload = vi.fn();
    vi.stubGlobal("location", { ...window.location, reload });
    try {
      const user = userEvent.setup();
      render(
        <MemoryRouter initialEntries={["/"]}>
          <Pages />
        </MemoryRouter>,
      );
      const alert = await screen.findByRole("alert");
      expect(alert).toHaveTextContent(
        "Halaman ini gagal dimuat. Periksa sambungan, lalu muat ulang halaman.",
      );
      await user.click(within(alert).getByRole("button", { name: "Muat ulang" }));
      expect(reload).toHaveBeenCalledOnce();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
