import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../../server/auth/sessions";
import { renderApp } from "../fixtures/app";
import { createAccount, createTestDb, TEST_PASSWORD } from "../fixtures/db";

configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 20_000 });

function currentUrl() {
  return screen.getByTestId("location").textContent;
}

function header() {
  return screen.getByRole("banner");
}

describe("Pages behind sign-in", () => {
  it("sends a signed-out visitor to the sign-in page, and back to the same view afterwards", async () => {
    const db = await createTestDb();
    const account = await createAccount(db, { username: "dlh.staf", role: "opd", agencyCode: "DLH" });
    // The session cookie, as the browser would hold it: none until the sign-in succeeds.
    let session: SessionUser | null = null;
    await renderApp("/isu/3?per=2024-11-18", { db, user: () => session });

    expect(await screen.findByRole("heading", { level: 1, name: "Masuk ke Pantau" })).toBeInTheDocument();
    expect(currentUrl()).toBe("/masuk?kembali=%2Fisu%2F3%3Fper%3D2024-11-18");
    // Nothing says the session ended: there was none.
    expect(screen.queryByText(/Sesi Anda telah berakhir/)).not.toBeInTheDocument();
    expect(within(header()).queryByRole("link", { name: "Dasbor" })).not.toBeInTheDocument();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Nama pengguna"), "dlh.staf");
    await user.type(screen.getByLabelText("Kata sandi"), TEST_PASSWORD);
    session = account;
    await user.click(screen.getByRole("button", { name: "Masuk" }));

    expect(
      await screen.findByRole("heading", { level: 1, name: "Pembangunan / rehabilitasi TPS" }),
    ).toBeInTheDocument();
    expect(currentUrl()).toBe("/isu/3?per=2024-11-18");
    expect(within(header()).getByText("dlh.staf")).toBeInTheDocument();
  });

  it("shows a loading state while the session is checked, never the page", async () => {
    await renderApp("/");
    expect(screen.getByText("Memeriksa sesi…")).toHaveAttribute("role", "status");
    expect(screen.queryByRole("heading", { level: 1 })).not.toBeInTheDocument();
    expect(await screen.findByText(/isu prioritas telah memasuki/)).toBeInTheDocument();
  });

  it("asks for the page's data while the session is checked, not one round trip after", async () => {
    const { queryClient } = await renderApp("/");
    expect(screen.getByText("Memeriksa sesi…")).toBeInTheDocument();
    const fetching = queryClient
      .getQueryCache()
      .findAll({ fetchStatus: "fetching" })
      .map((query) => (query.queryKey[0] as string[]).join("."));
    expect(fetching).toEqual(expect.arrayContaining(["auth.me", "dashboard.summary", "issues.list"]));
    expect(await screen.findByText(/isu prioritas telah memasuki/)).toBeInTheDocument();
  });

  it("keeps the awards page open to a signed-out visitor, with a way to sign in", async () => {
    await renderApp("/penghargaan", { user: null });
    expect(await screen.findByText("6 ajang, 8 penghargaan")).toBeInTheDocument();
    expect(currentUrl()).toBe("/penghargaan");
    expect(within(header()).getByRole("link", { name: "Masuk" })).toHaveAttribute(
      "href",
      "/masuk?kembali=%2Fpenghargaan",
    );
    expect(within(header()).queryByRole("button", { name: "Keluar" })).not.toBeInTheDocument();
  });

  it("says the session ended when the server stops accepting it, and returns afterwards", async () => {
    const db = await createTestDb();
    const account = await createAccount(db, {
      username: "pimpinan",
      displayName: "Wali Kota",
      role: "pimpinan",
    });
    let session: SessionUser | null = account;
    const { queryClient } = await renderApp("/", { db, user: () => session });
    const user = userEvent.setup();
    const issueLink = await screen.findByRole("link", { name: "Banjir kawasan Soekarno-Hatta" });

    // An admin ends the session; the next request is refused.
    session = null;
    await user.click(issueLink);

    expect(await screen.findByText("Sesi Anda telah berakhir. Silakan masuk kembali.")).toBeInTheDocument();
    expect(currentUrl()).toBe("/masuk?kembali=%2Fisu%2F4");
    expect(within(header()).queryByText("Wali Kota")).not.toBeInTheDocument();
    // What was fetched in that session is not kept for whoever signs in next.
    await waitFor(() =>
      expect(queryClient.getQueryCache().findAll({ queryKey: [["dashboard"]] })).toHaveLength(0),
    );

    await user.type(screen.getByLabelText("Nama pengguna"), "pimpinan");
    await user.type(screen.getByLabelText("Kata sandi"), TEST_PASSWORD);
    session = account;
    await user.click(screen.getByRole("button", { name: "Masuk" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Banjir kawasan Soekarno-Hatta" }),
    ).toBeInTheDocument();
    expect(currentUrl()).toBe("/isu/4");
    expect(within(header()).getByText("Wali Kota")).toBeInTheDocument();
  });
});

describe("The header", () => {
  it("names the signed-in OPD user and their role, and links to 'Isu saya'", async () => {
    const db = await createTestDb();
    const account = await createAccount(db, {
      username: "dlh.staf",
      displayName: "Sari (DLH)",
      role: "opd",
      agencyCode: "DLH",
    });
    await renderApp("/", { db, user: account });
    const banner = header();
    expect(await within(banner).findByText("Sari (DLH)")).toBeInTheDocument();
    expect(within(banner).getByText("OPD · DLH")).toBeInTheDocument();
    expect(within(banner).getByRole("link", { name: "Isu saya" })).toHaveAttribute("href", "/isu-saya");
    expect(within(banner).getByRole("button", { name: "Keluar" })).toBeInTheDocument();
  });

  it("offers no 'Isu saya' to pimpinan", async () => {
    const db = await createTestDb();
    const account = await createAccount(db, {
      username: "pj",
      displayName: "Pj. Wali Kota",
      role: "pimpinan",
    });
    await renderApp("/", { db, user: account });
    expect(await within(header()).findByText("Pj. Wali Kota")).toBeInTheDocument();
    expect(within(header()).getByText("Pimpinan")).toBeInTheDocument();
    expect(within(header()).queryByRole("link", { name: "Isu saya" })).not.toBeInTheDocument();
  });

  it("'Keluar' ends the session and leaves for the sign-in page", async () => {
    const db = await createTestDb();
    const account = await createAccount(db, {
      username: "pj",
      displayName: "Pj. Wali Kota",
      role: "pimpinan",
    });
    let session: SessionUser | null = account;
    const { queryClient } = await renderApp("/", { db, user: () => session });
    const user = userEvent.setup();
    await screen.findByText(/isu prioritas telah memasuki/);

    await user.click(within(header()).getByRole("button", { name: "Keluar" }));
    session = null;
    expect(await screen.findByRole("heading", { level: 1, name: "Masuk ke Pantau" })).toBeInTheDocument();
    expect(currentUrl()).toBe("/masuk");
    expect(within(header()).queryByText("Pj. Wali Kota")).not.toBeInTheDocument();
    // Nothing fetched as that user is kept for whoever signs in next: the sign-in page forgets it
    // once it is there (its effect may run a moment after its heading is in the document). Each
    // kept query is listed with its state, so a failure says which one and why it stayed.
    const kept = () =>
      queryClient
        .getQueryCache()
        .findAll({ queryKey: [["issues"]] })
        .map((query) => ({
          key: query.queryKey,
          observers: query.getObserversCount(),
          status: query.state.status,
          fetchStatus: query.state.fetchStatus,
        }));
    await waitFor(() => expect(kept()).toEqual([]));
    expect(screen.queryByText(/Sesi Anda telah berakhir/)).not.toBeInTheDocument();
    const logouts = await db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "auth.logout")
      .execute();
    expect(logouts).toHaveLength(1);
  });
});
