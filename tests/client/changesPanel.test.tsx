import { configure, fireEvent, screen, within } from "@testing-library/react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DashboardPage } from "../../client/pages/DashboardPage";
import type { DB } from "../../db/database";
import { callerAs, createAccount, createTestDb } from "../fixtures/db";
import { renderWithApp } from "../fixtures/render";
import { spokenText } from "../fixtures/text";

configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 20_000 });

beforeAll(async () => {
  await import("../../client/components/charts/DashboardCharts");
});

async function changesPanel(db: DB, route: string, since: string) {
  renderWithApp(<DashboardPage />, { db, route });
  return screen.findByRole("region", { name: `Perubahan sejak ${since}` });
}

function itemFor(panel: HTMLElement, number: number): HTMLElement {
  const item = within(panel)
    .getAllByRole("listitem")
    .find((li) => within(li).getByRole("link").textContent?.startsWith(`#${number} `));
  if (!item) throw new Error(`#${number} is not in the changes panel`);
  return item;
}

function currentUrl() {
  return screen.getByTestId("location").textContent;
}

describe("Perubahan sejak", () => {
  /** Today's view after DLH moved #3 back to handling at 80% and reported #11 blocked. */
  async function afterDlhUpdates() {
    const db = await createTestDb();
    const dlh = await createAccount(db, { username: "dlh", role: "opd", agencyCode: "DLH" });
    const tps = await callerAs(db, dlh).issues.byNumber({ number: 3 });
    await callerAs(db, dlh).updates.create({
      issueId: tps.id,
      expectedVersion: tps.version,
      note: "Atap TPS Lowokwaru roboh.",
      stage: "penanganan",
      stageReason: "Atap roboh diterjang angin.",
      physicalProgress: 80,
    });
    const square = await callerAs(db, dlh).issues.byNumber({ number: 11 });
    await callerAs(db, dlh).updates.create({
      issueId: square.id,
      expectedVersion: square.version,
      note: "Pompa air mancur rusak.",
      health: "blocked",
    });
    return changesPanel(db, "/", "20 November 2026");
  }

  it("says a stage went back in words and with its own symbol, not the forward arrow", async () => {
    const panel = await afterDlhUpdates();
    const tps = itemFor(panel, 3);
    expect(spokenText(tps)).toContain("Selesai mundur ke Penanganan");
    expect(tps).toHaveTextContent(/Selesai\s*↩\s*mundur ke\s*Penanganan/);
    expect(tps).not.toHaveTextContent("→ Penanganan");
  });

  it("shows the progress change with its delta in points", async () => {
    const panel = await afterDlhUpdates();
    const tps = itemFor(panel, 3);
    expect(tps).toHaveTextContent(/Progres\s*100%\s*→\s*menjadi\s*80% \(−20 poin\)/);
    expect(spokenText(tps)).toContain("Progres 100% menjadi 80% (−20 poin)");
  });

  it("shows a change of health from what it was, and no progress line when progress stayed", async () => {
    const panel = await afterDlhUpdates();
    const square = itemFor(panel, 11);
    expect(spokenText(square)).toContain("Kondisi: Sesuai rencana menjadi Terhambat");
    expect(square).not.toHaveTextContent("Progres");
    expect(square).toHaveTextContent("1 pembaruan");
    // #3's health did not change: no health line there.
    expect(itemFor(panel, 3)).not.toHaveTextContent("Kondisi");
  });

  it("keeps forward moves as arrows, and marks estimated figures as perkiraan", async () => {
    const db = await createTestDb();
    const panel = await changesPanel(db, "/?per=2024-11-18", "11 November 2024");
    const flood = itemFor(panel, 4);
    expect(spokenText(flood)).toContain("Penganggaran menjadi Penanganan");
    expect(flood).not.toHaveTextContent("mundur");
    expect(spokenText(flood)).toContain("Progres 25% (perkiraan) menjadi 60% (perkiraan) (+35 poin)");
  });
});

describe("The comparison date", () => {
  let db: DB;
  beforeAll(async () => {
    db = await createTestDb();
  });

  it("after the view date is said plainly, and a corrected date takes its place", async () => {
    const panel = await changesPanel(db, "/?per=2024-11-18&sejak=2024-12-01", "11 November 2024");
    const input = within(panel).getByLabelText("Bandingkan dengan tanggal");
    expect(within(panel).getByRole("alert")).toHaveTextContent(
      "Tanggal pembanding (1 Desember 2024) jatuh setelah tanggal tampilan (18 November 2024). Perubahan di bawah dihitung sejak 11 November 2024.",
    );
    expect(input).toHaveValue("2024-12-01");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAttribute("max", "2024-11-18");

    fireEvent.change(input, { target: { value: "2024-11-01" } });
    expect(currentUrl()).toBe("/?per=2024-11-18&sejak=2024-11-01");
    const corrected = await screen.findByRole("region", { name: "Perubahan sejak 1 November 2024" });
    expect(within(corrected).queryByRole("alert")).not.toBeInTheDocument();
    expect(within(corrected).getByLabelText("Bandingkan dengan tanggal")).not.toHaveAttribute("aria-invalid");
  });

  it("picked after the view date in the field, is refused with the same words", async () => {
    const panel = await changesPanel(db, "/?per=2024-11-18", "11 November 2024");
    fireEvent.change(within(panel).getByLabelText("Bandingkan dengan tanggal"), {
      target: { value: "2024-11-25" },
    });
    expect(await within(panel).findByRole("alert")).toHaveTextContent(
      "Tanggal pembanding (25 November 2024) jatuh setelah tanggal tampilan (18 November 2024).",
    );
    expect(screen.getByRole("heading", { name: "Perubahan sejak 11 November 2024" })).toBeInTheDocument();
  });

  it("that is no date at all is said to be invalid", async () => {
    const panel = await changesPanel(db, "/?per=2024-11-18&sejak=kemarin", "11 November 2024");
    expect(within(panel).getByRole("alert")).toHaveTextContent(
      "Tanggal pembanding tidak sah. Pilih tanggal antara Agustus 2024 dan tanggal tampilan. Perubahan di bawah dihitung sejak 11 November 2024.",
    );
  });
});
