import { configure, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MyIssuesPage } from "../../client/pages/MyIssuesPage";
import { pinClientClock } from "../fixtures/app";
import { callerAs, createAccount, createTestDb } from "../fixtures/db";
import { renderWithApp } from "../fixtures/render";
import { spokenText } from "../fixtures/text";

configure({ asyncUtilTimeout: 5_000 });
// Days since the last update are counted on the server's fixed 27 Nov 2026.
pinClientClock();

function itemsOf(heading: string) {
  const section = screen.getByRole("region", { name: heading });
  return within(section).getAllByRole("listitem");
}

function titleOf(item: HTMLElement) {
  return spokenText(within(item).getByRole("link"));
}

describe("Isu saya", () => {
  it("lists the agency's issues first, each linked, with the unreported ones marked", async () => {
    const db = await createTestDb();
    const dlh = await createAccount(db, { username: "dlh.staf", role: "opd", agencyCode: "DLH" });
    // #3 was reported today; #11 has not been since 20 January, but it is finished: nothing is owed.
    const tps = await callerAs(db, dlh).issues.byNumber({ number: 3 });
    await callerAs(db, dlh).updates.create({
      issueId: tps.id,
      expectedVersion: tps.version,
      note: "Pemeliharaan TPS berjalan.",
    });
    renderWithApp(<MyIssuesPage />, { db, route: "/isu-saya", user: dlh });

    expect(await screen.findByRole("heading", { level: 2, name: "Isu DLH" })).toBeInTheDocument();
    const own = itemsOf("Isu DLH");
    expect(own.map(titleOf)).toEqual(["Pembangunan / rehabilitasi TPS", "Revitalisasi Alun-Alun Merdeka"]);
    const [fresh, finished] = own as [HTMLElement, HTMLElement];
    expect(within(fresh).getByRole("link")).toHaveAttribute("href", "/isu/3");
    expect(fresh).not.toHaveTextContent("belum diperbarui");
    expect(within(finished).getByRole("link")).toHaveAttribute("href", "/isu/11");
    expect(finished).not.toHaveTextContent("belum diperbarui");

    const others = itemsOf("Isu lainnya");
    expect(others).toHaveLength(9);
    expect(titleOf(others[0] as HTMLElement)).toBe("Revitalisasi Pasar Besar");
    // Other agencies' backlogs are theirs to chase, not this one's.
    expect(others[0]).not.toHaveTextContent("belum diperbarui");
    // The page's order: the agency's own issues come before everyone else's.
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(["Isu DLH", "Arahan untuk DLH", "Isu lainnya"]);
  });

  it("marks the agency's unfinished issue that has gone a week without an update", async () => {
    const db = await createTestDb();
    const bkad = await createAccount(db, { username: "bkad.staf", role: "opd", agencyCode: "BKAD" });
    renderWithApp(<MyIssuesPage />, { db, route: "/isu-saya", user: bkad });
    expect(await screen.findByRole("heading", { level: 2, name: "Isu BKAD" })).toBeInTheDocument();
    const budget = itemsOf("Isu BKAD").find((item) => titleOf(item) === "Realisasi anggaran");
    if (budget === undefined) throw new Error("#9 is not among BKAD's issues");
    expect(within(budget).getByText(/^belum diperbarui \d+ hari$/)).toBeInTheDocument();
  });

  it("says so when the agency answers for no priority issue, and still lists the others", async () => {
    const db = await createTestDb();
    const dinkes = await createAccount(db, { username: "dinkes.staf", role: "opd", agencyCode: "Dinkes" });
    renderWithApp(<MyIssuesPage />, { db, route: "/isu-saya", user: dinkes });
    const own = await screen.findByRole("region", { name: "Isu Dinkes" });
    expect(within(own).queryByRole("listitem")).not.toBeInTheDocument();
    expect(own).toHaveTextContent("OPD Anda tidak memimpin atau mendukung isu prioritas mana pun.");
    expect(itemsOf("Isu lainnya")).toHaveLength(11);
  });
});
