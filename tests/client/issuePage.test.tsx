import { configure, screen, within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { IssuePage } from "../../client/pages/IssuePage";
import type { DB } from "../../db/database";
import { createTestDb } from "../fixtures/db";
import { renderWithApp } from "../fixtures/render";
import { spokenText } from "../fixtures/text";

configure({ asyncUtilTimeout: 5_000 });

// The tests only read: one seeded database serves them all (each render has its own QueryClient).
let db: DB;

beforeAll(async () => {
  db = await createTestDb();
});

async function renderIssue(route: string) {
  renderWithApp(<IssuePage />, { db, route, path: "/isu/:number" });
}

/** Waits for the issue and its timeline to load. */
async function renderLoadedIssue(route: string) {
  await renderIssue(route);
  await screen.findByRole("heading", { level: 1 });
  return within(screen.getByRole("region", { name: "Riwayat pembaruan" })).findAllByRole("listitem");
}

function timelineItems() {
  const section = screen.getByRole("region", { name: "Riwayat pembaruan" });
  return within(section).queryAllByRole("listitem");
}

/** The definitions shown next to a term, within a region. */
function fact(region: HTMLElement, term: string) {
  const terms = within(region).getAllByText(term, { selector: "dt" });
  return terms.map((dt) => (dt.nextElementSibling ? spokenText(dt.nextElementSibling) : ""));
}

/** The six stages as read aloud, and the one marked as the current step. */
function stageTrack() {
  const track = screen.getByRole("list", { name: "Tahapan" });
  const steps = within(track).getAllByRole("listitem");
  const current = steps.filter((step) => step.getAttribute("aria-current") === "step");
  return { steps: steps.map(spokenText), current: current.map(spokenText) };
}

describe("IssuePage", () => {
  it("shows the issue with its lead agency and the provincial implementer", async () => {
    await renderLoadedIssue("/isu/4");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Banjir kawasan Soekarno-Hatta");
    expect(screen.getByText("Isu prioritas #4")).toBeInTheDocument();
    expect(document.title).toBe("#4 Banjir kawasan Soekarno-Hatta · Pantau");

    const chain = screen.getByRole("region", { name: "Rantai pelaksana" });
    expect(fact(chain, "OPD pengampu")).toEqual([
      "Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman (DPUPRPKP) · OPD kota; pembangunan saluran oleh Dinas PU SDA Provinsi Jawa Timur",
    ]);
    expect(fact(chain, "Pelaksana")).toEqual([
      "Dinas Pekerjaan Umum Sumber Daya Air Provinsi Jawa Timur · Pemerintah Provinsi · Membangun saluran dengan APBD Provinsi",
    ]);
    expect(
      screen.getByText("Kawasan Jl. Soekarno-Hatta: Jl. Candi Panggung sampai Sungai Brantas"),
    ).toBeInTheDocument();
  });

  it("shows the funding lines in Rupiah as officials say them", async () => {
    await renderLoadedIssue("/isu/4");
    const funding = screen.getByRole("region", { name: "Pendanaan" });
    const rows = within(within(funding).getByRole("table")).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    const [first, province, city] = rows as [HTMLElement, HTMLElement, HTMLElement];
    // The amount first reported (Rp22 miliar in the province's SIPD) stays, marked as revised.
    expect(within(first).getByText("Rp 22 miliar")).toBeInTheDocument();
    expect(within(first).getByText("angka semula, telah direvisi")).toBeInTheDocument();
    expect(within(province).queryByText("angka semula, telah direvisi")).not.toBeInTheDocument();
    expect(within(province).getByRole("rowheader")).toHaveTextContent("APBD Provinsi 2025");
    const planned = within(province).getByText("Rp 32 miliar");
    // The exact amount is one hover away.
    expect(planned).toHaveAttribute("title", expect.stringMatching(/^Rp\s32\.000\.000\.000$/));
    expect(within(province).getAllByRole("cell")[2]).toHaveTextContent("–");
    expect(within(province).getByText(/Dinas Pekerjaan Umum Sumber Daya Air/)).toBeInTheDocument();
    expect(within(city).getByRole("rowheader")).toHaveTextContent("APBD Kota 2025");
    expect(within(city).getByText("Rp 1,4 miliar")).toBeInTheDocument();
    expect(city).toHaveTextContent("Sumber: malangpagi.com");
  });

  it("marks the current stage in the stage track: procurement today", async () => {
    await renderLoadedIssue("/isu/4");
    expect(stageTrack()).toEqual({
      steps: [
        "Identifikasi",
        "Perencanaan",
        "Penganggaran",
        "Pengadaan (tahap saat ini)",
        "Penanganan / Pelaksanaan",
        "Selesai / Serah terima",
      ],
      current: ["Pengadaan (tahap saat ini)"],
    });
    const state = screen.getByRole("region", { name: "Keadaan" });
    expect(fact(state, "Progres fisik")).toEqual(["40% (perkiraan)"]);
    expect(fact(state, "Pembaruan terakhir")).toEqual(["9 Maret 2025"]);
  });

  it("marks handling as the stage on 18 November 2024", async () => {
    await renderLoadedIssue("/isu/4?per=2024-11-18");
    expect(stageTrack().current).toEqual(["Penanganan / Pelaksanaan (tahap saat ini)"]);
    const state = screen.getByRole("region", { name: "Keadaan" });
    expect(fact(state, "Progres fisik")).toEqual(["60% (perkiraan)"]);
    expect(fact(state, "Pembaruan terakhir")).toEqual(["18 November 2024"]);
  });

  it("lists the updates newest first, each with its source", async () => {
    const items = await renderLoadedIssue("/isu/4");
    expect(items).toHaveLength(6);
    const dates = items.map((item) => item.querySelector("time")?.getAttribute("dateTime") ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    expect(items.map((item) => item.querySelector("time")?.textContent)).toEqual([
      "9 Maret 2025",
      "17 Januari 2025",
      "18 November 2024",
      "29 Oktober 2024",
      "11 September 2024",
      "10 September 2024",
    ]);
    expect(items[0]).toHaveTextContent("Sumber: malangpagi.com");
    expect(items[2]).toHaveTextContent(
      "Sumber: malangkota.go.id: amanat Pj. Wali Kota pada apel pagi, 18 Nov 2024",
    );
    expect(items[2]).toHaveTextContent("oleh Data awal (sumber publik) · DPUPRPKP");
    expect(screen.queryByText("setelah tanggal tampilan")).not.toBeInTheDocument();
  });

  it("marks the updates after the as-of date, without hiding them", async () => {
    const items = await renderLoadedIssue("/isu/4?per=2024-11-18");
    expect(items).toHaveLength(6);
    const later = items.map((item) => within(item).queryByText("setelah tanggal tampilan") !== null);
    expect(later).toEqual([true, true, false, false, false, false]);
  });

  it("links a source that has an address", async () => {
    await renderLoadedIssue("/isu/5");
    const link = within(timelineItems()[0] as HTMLElement).getByRole("link", { name: "malangkota.go.id" });
    expect(link).toHaveAttribute("href", "https://malangkota.go.id/?p=53481");
    const funding = screen.getByRole("region", { name: "Pendanaan" });
    expect(within(funding).getByText("Rp 25,3 miliar")).toBeInTheDocument();
  });

  it("shows an indicator against its target", async () => {
    await renderLoadedIssue("/isu/10");
    const indicator = screen.getByRole("region", { name: "Indikator capaian" });
    expect(within(indicator).getByText("Penerimaan PBB")).toBeInTheDocument();
    expect(fact(indicator, "Capaian")).toEqual(["Rp 68,3 miliar"]);
    expect(fact(indicator, "Target")).toEqual(["Rp 73 miliar"]);
    expect(within(indicator).getByRole("progressbar", { name: "Penerimaan PBB" })).toHaveAttribute(
      "value",
      String((68.3 / 73) * 100),
    );
  });

  it("says there was no record yet before an issue's first update", async () => {
    await renderLoadedIssue("/isu/2?per=2024-09-01");
    expect(screen.getByText("Belum ada catatan pada tanggal ini.")).toBeInTheDocument();
    expect(stageTrack().current).toEqual([]);
    expect(timelineItems().every((item) => within(item).queryByText("setelah tanggal tampilan"))).toBe(true);
  });

  it("says an unknown issue number was not found, under a heading, with a way back", async () => {
    await renderIssue("/isu/99?per=2024-11-18");
    expect(await screen.findByRole("heading", { level: 1, name: "Isu tidak ditemukan" })).toBeInTheDocument();
    expect(screen.getByText("Tidak ada isu prioritas dengan nomor ini.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Kembali ke dasbor" })).toHaveAttribute(
      "href",
      "/?per=2024-11-18",
    );
  });

  it.each(["abc", "0", "100", "4.5"])("says /isu/%s is not an issue", async (number) => {
    await renderIssue(`/isu/${number}`);
    expect(screen.getByRole("heading", { level: 1, name: "Isu tidak ditemukan" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Kembali ke dasbor" })).toHaveAttribute("href", "/");
  });

  it("shows on 18 November 2024 only the funding reported by then, and says what was left out", async () => {
    await renderLoadedIssue("/isu/4?per=2024-11-18");
    const funding = screen.getByRole("region", { name: "Pendanaan" });
    const rows = within(within(funding).getByRole("table")).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(1);
    expect(within(rows[0] as HTMLElement).getByText("Rp 22 miliar")).toBeInTheDocument();
    expect(within(funding).queryByText("Rp 32 miliar")).not.toBeInTheDocument();
    expect(within(funding).queryByText("Rp 1,4 miliar")).not.toBeInTheDocument();
    expect(
      within(funding).getByText("1 baris pendanaan tanpa tanggal tidak ditampilkan pada tampilan lampau."),
    ).toBeInTheDocument();
  });

  it("says in a past view that the target date and the description are today's", async () => {
    await renderLoadedIssue("/isu/9?per=2024-11-18");
    const description = screen.getByRole("region", { name: "Uraian" });
    expect(
      within(description).getByText(
        "Uraian, lokasi dan target selesai tidak bertanggal: yang tampil adalah data hari ini, bukan per 18 November 2024.",
      ),
    ).toBeInTheDocument();
    const state = screen.getByRole("region", { name: "Keadaan" });
    expect(fact(state, "Target selesai")[0]).toMatch(/menurut data hari ini$/);
  });

  it("says how many undated parties a past view leaves out", async () => {
    await renderLoadedIssue("/isu/2?per=2024-11-18");
    const chain = screen.getByRole("region", { name: "Rantai pelaksana" });
    expect(
      within(chain).getByText("1 pihak tanpa tanggal tidak ditampilkan pada tampilan lampau."),
    ).toBeInTheDocument();
  });

  it("says nothing of the kind in today's view", async () => {
    await renderLoadedIssue("/isu/9");
    expect(screen.queryByText(/tanpa tanggal tidak ditampilkan/)).not.toBeInTheDocument();
    expect(screen.queryByText(/menurut data hari ini/)).not.toBeInTheDocument();
  });
});
