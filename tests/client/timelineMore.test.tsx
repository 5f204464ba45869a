import { configure, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it } from "vitest";
import { IssuePage } from "../../client/pages/IssuePage";
import type { DB } from "../../db/database";
import { insertUpdate } from "../../server/repositories/updates";
import { createTestDb } from "../fixtures/db";
import { renderWithApp } from "../fixtures/render";

configure({ asyncUtilTimeout: 5_000 });

let db: DB;
let total: number;

beforeAll(async () => {
  db = await createTestDb();
  const issue = await db
    .selectFrom("issues")
    .select(["id", "lead_agency_id"])
    .where("number", "=", 7)
    .executeTakeFirstOrThrow();
  const { id: authorId } = await db.selectFrom("users").select("id").executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    for (let k = 0; k < 60; k++) {
      await insertUpdate(trx, {
        issue_id: issue.id,
        author_id: authorId,
        agency_id: issue.lead_agency_id,
        created_at: new Date(Date.UTC(2026, 0, 10, 3, k)).toISOString(),
        stage: "penanganan",
        health: "on_track",
        note: `Laporan mingguan ${k}`,
      });
    }
  });
  const { n } = await db
    .selectFrom("issue_updates")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("issue_id", "=", issue.id)
    .executeTakeFirstOrThrow();
  total = Number(n);
});

function timelineItems() {
  const section = screen.getByRole("region", { name: "Riwayat pembaruan" });
  return within(section)
    .queryAllByRole("listitem")
    .filter((item) => item.classList.contains("timeline-item"));
}

describe("The issue's timeline", () => {
  it("shows the newest 50, then the older ones on demand, and no button once all are shown", async () => {
    renderWithApp(<IssuePage />, { db, route: "/isu/7", path: "/isu/:number" });
    await screen.findByText("Laporan mingguan 59");
    expect(timelineItems()).toHaveLength(50);
    expect(within(timelineItems()[0] as HTMLElement).getByText("Laporan mingguan 59")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Muat lebih banyak" }));
    await screen.findByText("Laporan mingguan 0");
    expect(timelineItems()).toHaveLength(total);
    expect(screen.queryByRole("button", { name: "Muat lebih banyak" })).not.toBeInTheDocument();
  });
});
