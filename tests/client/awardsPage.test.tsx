import { screen, within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { AwardsPage } from "../../client/pages/AwardsPage";
import type { DB } from "../../db/database";
import { createTestDb } from "../fixtures/db";
import { renderWithApp } from "../fixtures/render";

let db: DB;

beforeAll(async () => {
  db = await createTestDb();
});

async function renderAwards() {
  renderWithApp(<AwardsPage />, { db, route: "/penghargaan" });
  await screen.findByText(/ajang/);
}

function award(name: string) {
  return screen.getByRole("article", { name });
}

/** The results of one award, one line each, whitespace collapsed. */
function results(article: HTMLElement) {
  const heading = within(article).getByRole("heading", { level: 3, name: "Hasil" });
  const list = heading.nextElementSibling as HTMLElement;
  return within(list)
    .getAllByRole("listitem")
    .map((item) => (item.textContent ?? "").replace(/\s+/g, " ").trim());
}

describe("AwardsPage", () => {
  it("lists the six events, newest first, with eight results in all", async () => {
    await renderAwards();
    expect(screen.getByRole("heading", { level: 1, name: "Penghargaan" })).toBeInTheDocument();
    expect(screen.getByText("6 ajang, 8 penghargaan")).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual([
      "Predikat Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2024",
      "Penghargaan Badan Publik Informatif 2024",
      "Bhumandala Award 2024",
      "Jatim Public Relation Award (JPRA) 2024",
      "Satu Data Jawa Timur (SATA) Awards 2024",
      "Anugerah Media Humas (AMH) 2024",
    ]);
    const all = screen.getAllByRole("article").flatMap(results);
    expect(all).toHaveLength(8);
    expect(document.title).toBe("Penghargaan · Pantau");
  });

  it("shows JPRA with its three results, level, organiser, date and place", async () => {
    await renderAwards();
    const jpra = award("Jatim Public Relation Award (JPRA) 2024");
    expect(results(jpra)).toEqual([
      "Terbaik I · Program Komunikasi Publik",
      "Terbaik II · Rilis Pers",
      "Terbaik II · Media Sosial",
    ]);
    expect(within(jpra).getByText("Provinsi")).toBeInTheDocument();
    expect(within(jpra).getByText("Diskominfo Provinsi Jawa Timur")).toBeInTheDocument();
    expect(within(jpra).getByText("22 Oktober 2024")).toHaveAttribute("dateTime", "2024-10-22");
    expect(within(jpra).getByText("Jatim Digifest, Tuban")).toBeInTheDocument();
    expect(
      within(jpra).getByText(
        "Diserahkan pada apel pagi 18 November 2024. Sumber: malangkota.go.id: apel pagi Balai Kota Malang, 18 Nov 2024",
      ),
    ).toBeInTheDocument();
  });

  it("shows the Ombudsman score with a decimal comma", async () => {
    await renderAwards();
    const ombudsman = award("Predikat Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2024");
    expect(results(ombudsman)).toEqual([
      "Kualitas Tertinggi (Zona Hijau) · Kepatuhan Penyelenggaraan Pelayanan Publik · Nilai 97,84",
    ]);
    expect(within(ombudsman).getByText("Nasional")).toBeInTheDocument();
    expect(within(ombudsman).getByText("Ombudsman Republik Indonesia")).toBeInTheDocument();
  });

  it("shows the level of every event", async () => {
    await renderAwards();
    const levels = screen
      .getAllByRole("article")
      .map((article) => within(article).getByText(/^(Nasional|Provinsi|Kota)$/).textContent);
    expect(levels).toEqual(["Nasional", "Provinsi", "Nasional", "Provinsi", "Provinsi", "Nasional"]);
  });

  it("says so when no award is recorded", async () => {
    renderWithApp(<AwardsPage />, { db: await createTestDb({ seed: false }), route: "/penghargaan" });
    expect(await screen.findByText("Belum ada penghargaan yang tercatat.")).toBeInTheDocument();
    expect(screen.queryByRole("article")).not.toBeInTheDocument();
  });

  it("in a past view lists only the events held by then", async () => {
    renderWithApp(<AwardsPage />, { db, route: "/penghargaan?per=2024-10-15" });
    await screen.findByText(/ajang/);
    // Only AMH (10 October) had been held; JPRA and SATA (22 October) and November's had not.
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual([
      "Anugerah Media Humas (AMH) 2024",
    ]);
    expect(screen.queryByText(/Bhumandala/)).not.toBeInTheDocument();
  });

  it("says in words that no award had been won before the first one", async () => {
    renderWithApp(<AwardsPage />, { db, route: "/penghargaan?per=2024-08-01" });
    expect(
      await screen.findByText("Belum ada penghargaan yang diraih hingga 1 Agustus 2024."),
    ).toBeInTheDocument();
    expect(screen.queryByRole("article")).not.toBeInTheDocument();
  });
});
