import { render, screen, within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import type { ChartSize } from "../../client/components/charts/ChartFrame";
import { ProgressChart } from "../../client/components/charts/ProgressChart";
import { StageChart } from "../../client/components/charts/StageChart";
import { TrendChart } from "../../client/components/charts/TrendChart";
import { callerFor, createTestDb } from "../fixtures/db";

// jsdom has no layout (nor ResizeObserver): give every chart a fixed size so recharts draws it.
const size: ChartSize = { width: 800, height: 400 };

let api: ReturnType<typeof callerFor>;

beforeAll(async () => {
  api = callerFor(await createTestDb());
});

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
    expect(
      screen.getByText("Batang bergaris: perkiraan dari tahap (sumber tidak menyebut persentase)."),
    ).toBeInTheDocument();
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
  it("summarises the first and the latest month", async () => {
    render(<TrendChart points={await api.dashboard.history()} size={size} />);
    expect(chart("Progres dari waktu ke waktu").summary).toBe(
      "27 Agustus 2024: 0,9%, 0 isu ditangani; 27 November 2026: 57,5%, 5 isu ditangani.",
    );
    expect(screen.getByText("Rata-rata progres fisik (%)")).toBeInTheDocument();
    expect(screen.getByText("Isu di tahap penanganan atau selesai")).toBeInTheDocument();
  });

  it("ends at the as-of date", async () => {
    render(<TrendChart points={await api.dashboard.history({ asOf: "2024-11-18" })} size={size} />);
    expect(chart("Progres dari waktu ke waktu").summary).toMatch(
      /; 18 November 2024: 36,6%, 3 isu ditangani\.$/,
    );
  });

  it("says there is no data when there are no points", () => {
    render(<TrendChart points={[]} size={size} />);
    expect(chart("Progres dari waktu ke waktu").summary).toBe("Belum ada data");
  });
});
