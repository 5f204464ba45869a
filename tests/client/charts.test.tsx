import { render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ChartSize } from "../../client/components/charts/ChartFrame";
import { ProgressChart } from "../../client/components/charts/ProgressChart";
import { StageChart } from "../../client/components/charts/StageChart";
import { monthTicks, TrendChart } from "../../client/components/charts/TrendChart";
import { PHONE } from "../../client/lib/useMediaQuery";
import { callerFor, createTestDb } from "../fixtures/db";

// jsdom has no layout (nor ResizeObserver): give every chart a fixed size so recharts draws it.
const size: ChartSize = { width: 800, height: 400 };

let api: ReturnType<typeof callerFor>;

beforeAll(async () => {
  api = callerFor(await createTestDb());
});

afterEach(() => {
  // biome-ignore lint/suspicious/noExplicitAny: jsdom has no matchMedia; a test may give it one.
  delete (window as any).matchMedia;
});

/** Makes the charts lay out as on a 390 px phone. */
function phoneScreen() {
  window.matchMedia = ((query: string) => ({
    matches: query === PHONE,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  })) as unknown as typeof window.matchMedia;
}

/** The legend's entries in words; never "legend icon" or any other name for its marks. */
function legendTexts() {
  const items = [...document.querySelectorAll(".chart-legend-item")];
  for (const item of items) expect(item.querySelector("svg")).toHaveAttribute("aria-hidden", "true");
  expect(screen.queryByText(/legend icon/i)).not.toBeInTheDocument();
  return items.map((item) => item.textContent);
}

/** The titles of a chart's axes, in the order drawn. */
function axisTitles(container: HTMLElement) {
  return [...container.querySelectorAll(".axis-title")].map((label) => label.textContent);
}

/** The tick labels of a chart's y axes: the first (left) or the second (right). */
function yTicks(container: HTMLElement, axis = 0) {
  const ticks = container
    .querySelectorAll(".recharts-yAxis-tick-labels")
    [axis]?.querySelectorAll(".recharts-cartesian-axis-tick-value");
  return [...(ticks ?? [])].map((tick) => tick.textContent);
}

/** A chart's figure, found by its caption, and the text summary it gives screen readers. */
function chart(caption: string) {
  const figure = screen.getByText(caption, { selector: "figcaption" }).closest("figure") as HTMLElement;
  const summary = within(figure).getByRole("img").getAttribute("aria-label") ?? "";
  return { figure, summary, parts: summary.split("; ") };
}

describe("ProgressChart", () => {
  it("summarises each issue's progress and says which figures are estimates", async () => {
    render(<ProgressChart issues={await api.issues.list()} size={size} />);
    const { parts } = chart("Progres per isu");
    expect(parts).toEqual([
      "#1 Revitalisasi Pasar Besar: 25% (perkiraan)",
      "#2 Porprov Jatim 2025: 25% (perkiraan)",
      "#3 Pembangunan / rehabilitasi TPS: 100%",
      "#4 Banjir kawasan Soekarno-Hatta: 40% (perkiraan)",
      "#5 Lahan parkir Kayutangan Heritage: 60% (perkiraan)",
      "#6 Pengembangan MCC dan usaha mikro: 10% (perkiraan)",
      "#7 Rehabilitasi gedung SD/SMP: 60% (perkiraan)",
      "#8 Bantuan sosial terpadu: 60% (perkiraan)",
      // Measured by their indicator: the achievement against the target, with the figure in words.
      "#9 Realisasi anggaran: 59,5% capaian indikator (58% dari target 97,5%)",
      "#10 Optimalisasi PBB: 93,6% capaian indikator (Rp68,3\u00a0M dari Rp73\u00a0M)",
      // Finished, but no source gives a percentage: the stage's 100% is still an estimate.
      "#11 Revitalisasi Alun-Alun Merdeka: 100% (perkiraan)",
    ]);
    // The three kinds of figure are told apart in words, not only by colour or pattern.
    expect(legendTexts()).toEqual([
      "Padat: progres fisik yang dilaporkan",
      "Bertitik: capaian indikator terhadap targetnya, bukan progres fisik",
      "Bergaris: perkiraan dari tahap (sumber tidak menyebut persentase)",
      "Warna: hijau sesuai rencana, jingga perlu perhatian, merah terhambat, abu-abu belum ada data",
    ]);
  });

  it("writes each bar's figure at its end, the indicator's in words", async () => {
    const { container } = render(<ProgressChart issues={await api.issues.list()} size={size} />);
    const values = [...container.querySelectorAll(".bar-value")].map((label) => label.textContent);
    expect(values).toHaveLength(11);
    expect(values[0]).toBe("25% (perkiraan)");
    expect(values[2]).toBe("100%");
    expect(values[8]).toBe("59,5% · 58% dari target 97,5%");
    expect(values[9]).toBe("93,6% · Rp68,3\u00a0M dari Rp73\u00a0M");
  });

  it("titles its axes with their units", async () => {
    const { container } = render(<ProgressChart issues={await api.issues.list()} size={size} />);
    expect(axisTitles(container)).toEqual(["Progres (%)", "Isu prioritas"]);
  });

  it("names the issues, not only their numbers, on a phone", async () => {
    phoneScreen();
    const { container } = render(
      <ProgressChart issues={await api.issues.list()} size={{ width: 340, height: 600 }} />,
    );
    const ticks = [...container.querySelectorAll(".recharts-yAxis-tick-labels text")].map((tick) =>
      [...tick.querySelectorAll("tspan")].map((line) => line.textContent).join(" "),
    );
    expect(ticks[9]).toBe("#10 Optimalisasi PBB");
    expect(ticks[0]).toBe("#1 Revitalisasi Pasar Besar");
    // Long names wrap onto more than one line rather than being cut.
    const lines = container
      .querySelectorAll(".recharts-yAxis-tick-labels text")[10]
      ?.querySelectorAll("tspan");
    expect(lines?.length).toBeGreaterThan(1);
  });

  it("says in words that there was no update yet, instead of drawing empty axes", async () => {
    const { container } = render(
      <ProgressChart issues={await api.issues.list({ asOf: "2024-08-01" })} size={size} />,
    );
    expect(screen.getByText("Belum ada pembaruan pada tanggal ini.")).toBeInTheDocument();
    expect(screen.queryByRole("img")).not.toBeInTheDocument();
    expect(container.querySelector(".recharts-surface")).toBeNull();
  });

  it("draws a bar per issue with progress, striped where the figure is an estimate", async () => {
    const { container } = render(<ProgressChart issues={await api.issues.list()} size={size} />);
    const bars = new Map(
      [...container.querySelectorAll(".recharts-bar-rectangle path")].map((bar) => [
        bar.getAttribute("name"),
        { fill: bar.getAttribute("fill"), width: Number(bar.getAttribute("width")) },
      ]),
    );
    // Every issue has a bar: #9 and #10 at their indicator's achievement, not at 0%.
    expect(bars.size).toBe(11);
    expect(bars.get("#10 Optimalisasi PBB")?.width).toBeGreaterThan(0);
    // #3 has a reported 100%: solid green. #1 is at risk with an estimate: striped amber.
    const tps = bars.get("#3 Pembangunan / rehabilitasi TPS");
    expect(tps?.fill).toBe("#15803d");
    // #9 and #10 are measured by their indicator: dotted, in their status colour.
    expect(bars.get("#10 Optimalisasi PBB")?.fill).toBe("url(#indikator-on_track)");
    expect(bars.get("#9 Realisasi anggaran")?.fill).toBe("url(#indikator-on_track)");
    expect(bars.get("#1 Revitalisasi Pasar Besar")?.fill).toBe("url(#perkiraan-at_risk)");
    expect(bars.get("#11 Revitalisasi Alun-Alun Merdeka")?.fill).toBe("url(#perkiraan-on_track)");
    // 40% is drawn at 40% of the length of a 100% bar.
    expect(bars.get("#4 Banjir kawasan Soekarno-Hatta")?.width).toBeCloseTo((tps?.width ?? 0) * 0.4, 1);
  });

  it("says 'no data' for issues without any record on the date", async () => {
    // On 31 Aug 2024 only #1 had been recorded (27 Aug, planning).
    render(<ProgressChart issues={await api.issues.list({ asOf: "2024-08-31" })} size={size} />);
    const { parts } = chart("Progres per isu");
    expect(parts[0]).toBe("#1 Revitalisasi Pasar Besar: 10% (perkiraan)");
    expect(parts.slice(1)).toHaveLength(10);
    for (const part of parts.slice(1)) expect(part).toMatch(/: Belum ada data$/);
  });
});

describe("StageChart", () => {
  it("counts on a scale of all eleven issues, with titled axes", async () => {
    const { container } = render(<StageChart summary={await api.dashboard.summary()} size={size} />);
    expect(yTicks(container)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
    expect(axisTitles(container)).toEqual(["Tahap", "Jumlah isu (dari 11)"]);
  });

  it("says in words that there was no update yet", async () => {
    render(<StageChart summary={await api.dashboard.summary({ asOf: "2024-08-01" })} size={size} />);
    expect(screen.getByText("Belum ada pembaruan pada tanggal ini.")).toBeInTheDocument();
    expect(screen.queryByRole("img")).not.toBeInTheDocument();
  });

  it("counts the issues at each stage today", async () => {
    render(<StageChart summary={await api.dashboard.summary()} size={size} />);
    expect(chart("Isu per tahap").summary).toBe(
      "Identifikasi: 2; Perencanaan: 1; Penganggaran: 2; Pengadaan: 1; Penanganan: 3; Selesai: 2",
    );
  });

  it("counts the issues at each stage as of the apel of 18 November 2024", async () => {
    const { container } = render(
      <StageChart summary={await api.dashboard.summary({ asOf: "2024-11-18" })} size={size} />,
    );
    expect(chart("Isu per tahap").summary).toBe(
      "Identifikasi: 4; Perencanaan: 3; Penganggaran: 0; Pengadaan: 1; Penanganan: 3; Selesai: 0",
    );
    // Every stage is named on the axis, in order.
    const ticks = [
      ...container.querySelectorAll(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value"),
    ];
    expect(ticks.map((tick) => tick.textContent)).toEqual([
      "Identifikasi",
      "Perencanaan",
      "Penganggaran",
      "Pengadaan",
      "Penanganan",
      "Selesai",
    ]);
  });
});

describe("TrendChart", () => {
  it("summarises the first and the latest point, saying how many issues are estimates", async () => {
    render(<TrendChart points={await api.dashboard.history()} size={size} />);
    expect(chart("Progres dari waktu ke waktu").parts).toEqual([
      "27 Agustus 2024: rata-rata progres 0,9% (11 dari 11 isu memakai perkiraan tahap), 0 dari 11 isu di tahap penanganan atau selesai",
      "27 November 2026: rata-rata progres 57,5% (8 dari 11 isu memakai perkiraan tahap), 5 dari 11 isu di tahap penanganan atau selesai",
    ]);
    expect(legendTexts()).toEqual([
      "Rata-rata progres (garis utuh: semua dari angka yang dilaporkan)",
      "Rata-rata progres (garis putus-putus: sebagian dari perkiraan tahap)",
      "Isu di tahap penanganan atau selesai",
      "Isu yang memakai perkiraan tahap",
    ]);
  });

  it("draws the mean dashed while estimates are part of it, and counts on a 0–11 scale", async () => {
    const { container } = render(<TrendChart points={await api.dashboard.history()} size={size} />);
    const lines = [...container.querySelectorAll(".recharts-line path.recharts-curve")];
    const dashed = lines.filter((line) => line.getAttribute("stroke-dasharray") === "10 6");
    // Every point so far has at least one estimated figure: the whole mean line is dashed.
    expect(dashed).toHaveLength(1);
    expect(dashed[0]?.getAttribute("d")).toMatch(/^M/);
    expect(yTicks(container, 1)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
    expect(axisTitles(container)).toEqual([
      "Tanggal (tiap Senin)",
      "Rata-rata progres (%)",
      "Jumlah isu (dari 11)",
    ]);
  });

  it("names the months on its date axis, fewer on a phone, January and the months a step after it", async () => {
    const points = await api.dashboard.history();
    const xTicks = (container: HTMLElement) =>
      [...container.querySelectorAll(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value")].map(
        (tick) => tick.textContent,
      );
    const desktop = render(<TrendChart points={points} size={size} />);
    expect(xTicks(desktop.container)).toEqual(["Jan 25", "Jul 25", "Jan 26", "Jul 26"]);
    desktop.unmount();
    phoneScreen();
    const phone = render(<TrendChart points={points} size={size} />);
    expect(xTicks(phone.container)).toEqual(["Jan 25", "Jan 26"]);
  });

  it("labels the first point of a month, at the smallest step that fits", () => {
    const weekly = Array.from({ length: 30 }, (_, k) => ({
      date: new Date(Date.UTC(2025, 0, 6 + 7 * k)).toISOString().slice(0, 10),
    }));
    // Mondays from 6 January to 28 July 2025: seven months.
    expect(monthTicks(weekly, 7)).toEqual([
      "2025-01-06",
      "2025-02-03",
      "2025-03-03",
      "2025-04-07",
      "2025-05-05",
      "2025-06-02",
      "2025-07-07",
    ]);
    expect(monthTicks(weekly, 4)).toEqual(["2025-01-06", "2025-03-03", "2025-05-05", "2025-07-07"]);
    expect(monthTicks(weekly, 2)).toEqual(["2025-01-06", "2025-05-05"]);
    expect(monthTicks(weekly, 1)).toEqual(["2025-01-06"]);
    expect(monthTicks([], 4)).toEqual([]);
    // More years than labels: each January's first point, thinned evenly.
    const monthly = Array.from({ length: 60 }, (_, k) => ({
      date: new Date(Date.UTC(2024, k, 1)).toISOString().slice(0, 10),
    }));
    expect(monthTicks(monthly, 3)).toEqual(["2024-01-01", "2026-01-01", "2028-01-01"]);
  });

  it("ends at the as-of date", async () => {
    render(<TrendChart points={await api.dashboard.history({ asOf: "2024-11-18" })} size={size} />);
    expect(chart("Progres dari waktu ke waktu").parts.at(-1)).toBe(
      "18 November 2024: rata-rata progres 36,6% (9 dari 11 isu memakai perkiraan tahap), 3 dari 11 isu di tahap penanganan atau selesai",
    );
  });

  it("says in words that there was no update yet", async () => {
    render(<TrendChart points={await api.dashboard.history({ asOf: "2024-08-01" })} size={size} />);
    expect(screen.getByText("Belum ada pembaruan pada tanggal ini.")).toBeInTheDocument();
    expect(screen.queryByRole("img")).not.toBeInTheDocument();
  });
});
