import { act, configure, fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DashboardPage } from "../../client/pages/DashboardPage";
import type { DB } from "../../db/database";
import { createTestDb } from "../fixtures/db";
import { renderWithApp } from "../fixtures/render";
import { spokenText } from "../fixtures/text";

// A whole dashboard with its charts takes a few hundred ms to render in jsdom, more on a busy
// machine: leave room so that a slow run is not mistaken for a failure.
configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 20_000 });

// The tests only read: one seeded database serves them all (each render has its own QueryClient).
let db: DB;

beforeAll(async () => {
  db = await createTestDb();
  // The charts are a lazy chunk; load the module once so each test's Suspense resolves quickly.
  await import("../../client/components/charts/DashboardCharts");
});

async function renderDashboard(route = "/") {
  renderWithApp(<DashboardPage />, { db, route });
  await screen.findByRole("table");
}

function currentUrl() {
  return screen.getByTestId("location").textContent;
}

/** The value shown under a headline figure's label. */
function figure(label: string) {
  const figures = screen.getByRole("region", { name: "Angka utama" });
  const term = within(figures).getByText(label);
  return term.nextElementSibling?.textContent;
}

/** A chart's <figure>, found by its caption (jsdom's name computation ignores <figcaption>). */
async function findChart(caption: string) {
  const figcaption = await screen.findByText(caption, { selector: "figcaption" });
  return figcaption.closest("figure") as HTMLElement;
}

function issueRows() {
  return within(screen.getByRole("table")).getAllByRole("row").slice(1);
}

function rowTitles() {
  return issueRows().map((row) => spokenText(within(row).getByRole("rowheader")));
}

describe("DashboardPage", () => {
  it("opens with today's headline: 5 of 11 issues in handling or finished", async () => {
    await renderDashboard();
    expect(screen.getByText("5 dari 11 isu prioritas telah memasuki tahap penanganan.")).toBeInTheDocument();
    expect(figure("Tahap penanganan atau selesai")).toBe("5 / 11");
    expect(figure("Selesai / serah terima")).toBe("2");
    // Every unfinished issue needs attention today, worst first: #9 and #2 are past their target.
    expect(figure("Perlu perhatian")).toBe(
      "9#9 Realisasi anggaran, #2 Porprov Jatim 2025, #1 Revitalisasi Pasar Besar dan 6 isu lain",
    );
    // Mean of all 11, #9 and #10 at their indicator's achievement (58 of 97,5%; Rp68,3 of 73 M):
    // (25 + 25 + 100 + 40 + 60 + 10 + 60 + 60 + 59,49 + 93,56 + 100) / 11.
    expect(figure("Rata-rata progres")).toBe(
      "57,5%8 isu memakai perkiraan tahap; 2 isu memakai capaian indikator",
    );
    expect(document.title).toBe("Dasbor isu prioritas · Pantau");
  });

  it("shows the figures of 18 November 2024, the apel that reported 3 of 11", async () => {
    await renderDashboard("/?per=2024-11-18");
    expect(
      screen.getByText("3 dari 11 isu prioritas telah memasuki tahap penanganan per 18 November 2024."),
    ).toBeInTheDocument();
    expect(figure("Tahap penanganan atau selesai")).toBe("3 / 11");
    expect(figure("Selesai / serah terima")).toBe("0");
    // Six issues had gone a week or more without an update by that apel, longest first.
    expect(figure("Perlu perhatian")).toBe(
      "6#11 Revitalisasi Alun-Alun Merdeka, #2 Porprov Jatim 2025, #6 Pengembangan MCC dan usaha mikro dan 3 isu lain",
    );
    expect(figure("Rata-rata progres")).toBe(
      "36,6%9 isu memakai perkiraan tahap; 2 isu memakai capaian indikator",
    );
    // The three issues the Pj. Wali Kota named are the ones in handling on that day.
    await userEvent.setup().selectOptions(screen.getByRole("combobox", { name: "Tahap" }), "Penanganan");
    expect(rowTitles()).toEqual([
      "Pembangunan / rehabilitasi TPS",
      "Banjir kawasan Soekarno-Hatta",
      "Rehabilitasi gedung SD/SMP",
    ]);
  });

  it("lists all 11 issues in number order, each linking to its page", async () => {
    await renderDashboard();
    const rows = issueRows();
    expect(rows).toHaveLength(11);
    rows.forEach((row, index) => {
      const number = index + 1;
      expect(within(row).getAllByRole("cell")[0]).toHaveTextContent(new RegExp(`^${number}$`));
      expect(within(row).getByRole("link")).toHaveAttribute("href", `/isu/${number}`);
    });
    expect(within(rows[3] as HTMLElement).getByRole("link")).toHaveAccessibleName(
      "Banjir kawasan Soekarno-Hatta",
    );
    expect(screen.getByText("11 dari 11 isu")).toBeInTheDocument();
  });

  it("keeps the as-of date on the issue links", async () => {
    await renderDashboard("/?per=2024-11-18");
    expect(screen.getByRole("link", { name: "Banjir kawasan Soekarno-Hatta" })).toHaveAttribute(
      "href",
      "/isu/4?per=2024-11-18",
    );
  });

  it("filters by stage, keeping the filter in the URL and updating the count", async () => {
    const user = userEvent.setup();
    await renderDashboard();
    await user.selectOptions(screen.getByRole("combobox", { name: "Tahap" }), "Penanganan");
    expect(currentUrl()).toBe("/?tahap=penanganan");
    expect(rowTitles()).toEqual([
      "Lahan parkir Kayutangan Heritage",
      "Rehabilitasi gedung SD/SMP",
      "Bantuan sosial terpadu",
    ]);
    expect(screen.getByText("3 dari 11 isu")).toBeInTheDocument();
    expect(screen.getByRole("table")).toHaveAccessibleDescription("3 dari 11 isu");
  });

  it("filters by health: only Pasar Besar needs attention", async () => {
    const user = userEvent.setup();
    await renderDashboard();
    await user.selectOptions(screen.getByRole("combobox", { name: "Kondisi" }), "Perlu perhatian");
    expect(currentUrl()).toBe("/?kondisi=at_risk");
    expect(rowTitles()).toEqual(["Revitalisasi Pasar Besar"]);
    expect(within(issueRows()[0] as HTMLElement).getByText("Perlu perhatian")).toBeInTheDocument();
    expect(screen.getByText("1 dari 11 isu")).toBeInTheDocument();
  });

  it("filters by lead agency", async () => {
    const user = userEvent.setup();
    await renderDashboard();
    await user.selectOptions(screen.getByRole("combobox", { name: "OPD pengampu" }), "DLH");
    expect(currentUrl()).toBe("/?opd=DLH");
    expect(rowTitles()).toEqual(["Pembangunan / rehabilitasi TPS", "Revitalisasi Alun-Alun Merdeka"]);
  });

  it("matches an agency code from a link without regard to case, and the select shows it", async () => {
    const user = userEvent.setup();
    await renderDashboard("/?opd=dlh");
    const select = screen.getByRole("combobox", { name: "OPD pengampu" });
    expect(select).toHaveDisplayValue("DLH");
    expect(rowTitles()).toEqual(["Pembangunan / rehabilitasi TPS", "Revitalisasi Alun-Alun Merdeka"]);
    await user.selectOptions(select, "Semua");
    expect(currentUrl()).toBe("/");
    expect(issueRows()).toHaveLength(11);
  });

  it("ignores an agency code from a link that matches no agency", async () => {
    await renderDashboard("/?opd=XYZ");
    expect(screen.getByRole("combobox", { name: "OPD pengampu" })).toHaveDisplayValue("Semua");
    expect(screen.getByText("11 dari 11 isu")).toBeInTheDocument();
  });

  it("says so when no issue matches, and the reset button brings all back", async () => {
    const user = userEvent.setup();
    await renderDashboard("/?tahap=selesai");
    expect(rowTitles()).toEqual(["Pembangunan / rehabilitasi TPS", "Revitalisasi Alun-Alun Merdeka"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Kondisi" }), "Perlu perhatian");
    expect(currentUrl()).toBe("/?tahap=selesai&kondisi=at_risk");
    expect(screen.getByText("Tidak ada isu yang cocok dengan filter ini.")).toBeInTheDocument();
    expect(screen.getByText("0 dari 11 isu")).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Hapus filter" }));
    expect(currentUrl()).toBe("/");
    expect(issueRows()).toHaveLength(11);
    expect(screen.getByRole("combobox", { name: "Tahap" })).toHaveDisplayValue("Semua");
    expect(screen.getByRole("combobox", { name: "Kondisi" })).toHaveDisplayValue("Semua");
    expect(screen.queryByRole("button", { name: "Hapus filter" })).not.toBeInTheDocument();
  });

  it("says there are no issues yet, not that a filter matched none, on an empty database", async () => {
    const empty = await createTestDb({ seed: false });
    renderWithApp(<DashboardPage />, { db: empty, route: "/" });
    expect(await screen.findByText("Belum ada isu prioritas yang tercatat.")).toBeInTheDocument();
    expect(screen.queryByText("Tidak ada isu yang cocok dengan filter ini.")).not.toBeInTheDocument();
  });

  it("applies filters from a shared link", async () => {
    await renderDashboard("/?tahap=penanganan&urut=progres");
    expect(screen.getByRole("combobox", { name: "Tahap" })).toHaveDisplayValue("Penanganan");
    expect(screen.getByRole("combobox", { name: "Urutkan" })).toHaveDisplayValue("Progres tertinggi");
    expect(screen.getByText("3 dari 11 isu")).toBeInTheDocument();
  });

  it("sorts by highest progress: a finished 100% issue comes first", async () => {
    const user = userEvent.setup();
    await renderDashboard();
    await user.selectOptions(screen.getByRole("combobox", { name: "Urutkan" }), "Progres tertinggi");
    expect(currentUrl()).toBe("/?urut=progres");
    const rows = issueRows();
    expect(rows).toHaveLength(11);
    const first = rows[0] as HTMLElement;
    expect(within(first).getByRole("rowheader")).toHaveTextContent("Pembangunan / rehabilitasi TPS");
    expect(within(first).getByText("100%")).toBeInTheDocument();
    // #9 and #10 count at their indicator's achievement, not at identification's 0%:
    // the lowest are the estimates of planning (#6, 10%) and budgeting (#1 and #2, 25%).
    expect(rowTitles().slice(-3)).toEqual([
      "Revitalisasi Pasar Besar",
      "Porprov Jatim 2025",
      "Pengembangan MCC dan usaha mikro",
    ]);

    await user.selectOptions(screen.getByRole("combobox", { name: "Urutkan" }), "Nomor isu");
    expect(currentUrl()).toBe("/");
    expect(rowTitles()[0]).toBe("Revitalisasi Pasar Besar");
  });

  it("marks progress figures estimated from the stage", async () => {
    await renderDashboard();
    const [, , tps, flood] = issueRows() as HTMLElement[];
    expect(within(tps as HTMLElement).getByText("100%")).toBeInTheDocument();
    expect(within(tps as HTMLElement).queryByText(/perkiraan/)).not.toBeInTheDocument();
    expect(within(flood as HTMLElement).getByText(/40%/)).toHaveTextContent("40% (perkiraan)");
  });

  it("lists what moved in the week before the apel of 18 November 2024", async () => {
    await renderDashboard("/?per=2024-11-18");
    const panel = screen.getByRole("region", { name: "Perubahan sejak 11 November 2024" });
    const items = within(panel).getAllByRole("listitem");
    expect(items.map((item) => within(item).getByRole("link").textContent)).toEqual([
      "#3 Pembangunan / rehabilitasi TPS",
      "#4 Banjir kawasan Soekarno-Hatta",
      "#5 Lahan parkir Kayutangan Heritage",
      "#7 Rehabilitasi gedung SD/SMP",
      // The PBB receipt figure of 12 Nov 2024 is an update too, with no change of stage.
      "#10 Optimalisasi PBB",
    ]);
    const flood = items[1] as HTMLElement;
    expect(flood).toHaveTextContent(/Penganggaran\s*→\s*menjadi\s*Penanganan/);
    expect(flood).toHaveTextContent("1 pembaruan");
    expect(within(flood).getByRole("link")).toHaveAttribute("href", "/isu/4?per=2024-11-18");
    expect(items[3]).toHaveTextContent("2 pembaruan");
  });

  it("compares with another date picked in the changes panel", async () => {
    await renderDashboard("/?per=2024-11-18");
    fireEvent.change(screen.getByLabelText("Bandingkan dengan tanggal"), { target: { value: "2024-10-01" } });
    expect(currentUrl()).toBe("/?per=2024-11-18&sejak=2024-10-01");
    const panel = await screen.findByRole("region", { name: "Perubahan sejak 1 Oktober 2024" });
    const items = within(panel).getAllByRole("listitem");
    expect(items.map((item) => within(item).getByRole("link").textContent)).toEqual([
      "#1 Revitalisasi Pasar Besar",
      "#3 Pembangunan / rehabilitasi TPS",
      "#4 Banjir kawasan Soekarno-Hatta",
      "#5 Lahan parkir Kayutangan Heritage",
      "#7 Rehabilitasi gedung SD/SMP",
      "#9 Realisasi anggaran",
      "#10 Optimalisasi PBB",
    ]);
    // 29 Oct (budgeting) and 18 Nov (handling): from planning to handling in two updates.
    expect(items[2]).toHaveTextContent(/Perencanaan\s*→\s*menjadi\s*Penanganan/);
    expect(items[2]).toHaveTextContent("2 pembaruan");
  });

  it("says nothing moved in the last week today", async () => {
    await renderDashboard();
    const panel = screen.getByRole("region", { name: "Perubahan sejak 20 November 2026" });
    expect(within(panel).getByText("Tidak ada pembaruan pada rentang ini.")).toBeInTheDocument();
  });

  it("lists the issues not updated for a week, with how long ago", async () => {
    await renderDashboard("/?per=2024-11-18");
    const panel = screen.getByRole("region", { name: "Belum diperbarui 7 hari atau lebih" });
    const items = within(panel).getAllByRole("listitem");
    // Longest without an update first.
    expect(items.map((item) => within(item).getByRole("link").textContent)).toEqual([
      "#11 Revitalisasi Alun-Alun Merdeka",
      "#2 Porprov Jatim 2025",
      "#6 Pengembangan MCC dan usaha mikro",
      "#8 Bantuan sosial terpadu",
      "#9 Realisasi anggaran",
      "#1 Revitalisasi Pasar Besar",
    ]);
    expect(items[5]).toHaveTextContent("Diskopindag · 17 hari lalu");
  });

  it("loads the charts lazily, with the progress of each issue", async () => {
    await renderDashboard();
    const chart = await findChart("Progres per isu");
    expect(within(chart).getByRole("img").getAttribute("aria-label")).toContain(
      "#3 Pembangunan / rehabilitasi TPS: 100%;",
    );
    expect(within(await findChart("Isu per tahap")).getByRole("img")).toHaveAccessibleName(
      "Identifikasi: 2; Perencanaan: 1; Penganggaran: 2; Pengadaan: 1; Penanganan: 3; Selesai: 2",
    );
    expect(await findChart("Progres dari waktu ke waktu")).toBeInTheDocument();
  });

  it("draws the charts only once the reader scrolls near them, holding their space silently until then", async () => {
    const watched: {
      element: Element;
      margin: string | undefined;
      callback: IntersectionObserverCallback;
    }[] = [];
    class FakeObserver {
      constructor(
        private readonly callback: IntersectionObserverCallback,
        private readonly options?: IntersectionObserverInit,
      ) {}
      observe(element: Element) {
        watched.push({ element, margin: this.options?.rootMargin, callback: this.callback });
      }
      disconnect() {}
    }
    vi.stubGlobal("IntersectionObserver", FakeObserver);
    try {
      await renderDashboard();
      const region = await screen.findByRole("region", { name: "Grafik" });
      // Nothing is loading yet, so nothing says it is.
      expect(within(region).queryByRole("status")).toBeNull();
      expect(region).toHaveTextContent("");
      expect(screen.queryByText("Progres per isu", { selector: "figcaption" })).toBeNull();
      // The figures and the list above and below them are all there already.
      expect(screen.getByRole("table")).toBeInTheDocument();

      const { element, margin, callback } = watched.find((w) => w.element === region) ?? {};
      expect(margin).toBe("400px");
      act(() =>
        callback?.(
          [{ isIntersecting: true, target: element } as unknown as IntersectionObserverEntry],
          {} as IntersectionObserver,
        ),
      );
      expect(await findChart("Progres per isu")).toBeInTheDocument();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
