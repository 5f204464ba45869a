import { describe, expect, it } from "vitest";
import { PHYSICAL } from "../../shared/progress";
import { rollup, type StatefulIssue, staleness, trend, trendDates } from "../../shared/rollup";

const noData: StatefulIssue = { stage: null, health: null, progress: null };

describe("rollup", () => {
  const issues: StatefulIssue[] = [
    { stage: "selesai", health: "on_track", progress: { value: 100, estimated: false, basis: "physical" } },
    { stage: "penanganan", health: "at_risk", progress: { value: 60, estimated: true, basis: "stage" } },
    { stage: "pengadaan", health: "blocked", progress: { value: 40, estimated: true, basis: "stage" } },
    {
      stage: "identifikasi",
      health: "on_track",
      progress: { value: 93.5, estimated: false, basis: "indicator" },
    },
    noData,
  ];

  it("counts issues per stage and per health", () => {
    const r = rollup(issues);
    expect(r.total).toBe(5);
    expect(r.withoutData).toBe(1);
    expect(r.byStage).toEqual({
      identifikasi: 1,
      perencanaan: 0,
      penganggaran: 0,
      pengadaan: 1,
      penanganan: 1,
      selesai: 1,
    });
    expect(r.byHealth).toEqual({ on_track: 2, at_risk: 1, blocked: 1 });
  });

  it("counts issues at penanganan or later", () => {
    const r = rollup(issues);
    expect(r.inHandlingOrLater).toBe(2);
  });

  it("averages progress over issues with data, counting estimates and indicators as such", () => {
    const r = rollup(issues);
    expect(r.meanProgress).toBe((100 + 60 + 40 + 93.5) / 4);
    expect(r.estimatedCount).toBe(2);
    expect(r.indicatorCount).toBe(1);
  });

  it("has no mean progress when no issue has data", () => {
    const r = rollup([noData, noData]);
    expect(r.meanProgress).toBeNull();
    expect(r.withoutData).toBe(2);
    expect(r.inHandlingOrLater).toBe(0);
  });
});

describe("trendDates", () => {
  it("is just the end date when it is not after the start", () => {
    expect(trendDates("2024-11-18", "2024-11-18")).toEqual(["2024-11-18"]);
  });

  it("starts at the first day, then every Monday, and ends exactly at the view date", () => {
    // 10 Sep 2024 is a Tuesday; 16, 23 and 30 Sep are Mondays.
    expect(trendDates("2024-09-10", "2024-10-02")).toEqual([
      "2024-09-10",
      "2024-09-16",
      "2024-09-23",
      "2024-09-30",
      "2024-10-02",
    ]);
  });

  it("starts on the Monday after a Monday start and does not repeat an end that is a Monday", () => {
    expect(trendDates("2024-11-11", "2024-11-25")).toEqual(["2024-11-11", "2024-11-18", "2024-11-25"]);
  });

  it("grows with the weeks, not with the history", () => {
    expect(trendDates("2024-08-27", "2026-11-30").length).toBeLessThan(125);
  });
});

describe("trend", () => {
  const measures = new Map([
    [1, PHYSICAL],
    [2, PHYSICAL],
  ]);

  it("takes each point as of the end of its WIB day", () => {
    const history = [
      {
        id: 1,
        issueId: 1,
        createdAt: "2024-09-10T05:00:00.000Z",
        stage: "identifikasi" as const,
        physicalProgress: null,
        indicatorValue: null,
      },
      {
        id: 2,
        issueId: 2,
        createdAt: "2024-09-10T05:00:00.000Z",
        stage: "perencanaan" as const,
        physicalProgress: null,
        indicatorValue: null,
      },
      // 00:30 WIB on 1 Oct: after the September point, counted in October.
      {
        id: 3,
        issueId: 1,
        createdAt: "2024-09-30T17:30:00.000Z",
        stage: "penanganan" as const,
        physicalProgress: 30,
        indicatorValue: null,
      },
    ];
    const points = trend(history, measures, ["2024-09-30", "2024-10-31"]);
    expect(points).toEqual([
      { date: "2024-09-30", meanProgress: 5, inHandlingOrLater: 0, estimatedCount: 2, total: 2 },
      { date: "2024-10-31", meanProgress: 20, inHandlingOrLater: 1, estimatedCount: 1, total: 2 },
    ]);
  });

  it("counts an issue not yet recorded as not started, so recording one does not look like a fall", () => {
    const history = [
      {
        id: 1,
        issueId: 1,
        createdAt: "2024-08-27T05:00:00.000Z",
        stage: "perencanaan" as const,
        physicalProgress: null,
        indicatorValue: null,
      },
      {
        id: 2,
        issueId: 2,
        createdAt: "2024-09-10T05:00:00.000Z",
        stage: "identifikasi" as const,
        physicalProgress: null,
        indicatorValue: null,
      },
    ];
    const points = trend(history, measures, ["2024-08-31", "2024-09-30"]);
    expect(points.map((p) => p.meanProgress)).toEqual([5, 5]);
    expect(points[0]?.estimatedCount).toBe(2);
  });
});

describe("trend with an issue measured by its indicator", () => {
  it("counts the indicator's achievement in the mean, as the dashboard does", () => {
    const measures = new Map([
      [1, PHYSICAL],
      [2, { measure: "indikator" as const, indicator: { unit: "persen", target: 97.5, baseline: 0 } }],
    ]);
    const history = [
      {
        id: 1,
        issueId: 1,
        createdAt: "2024-10-01T05:00:00.000Z",
        stage: "penanganan" as const,
        physicalProgress: 40,
        indicatorValue: null,
      },
      {
        id: 2,
        issueId: 2,
        createdAt: "2024-10-31T05:00:00.000Z",
        stage: "identifikasi" as const,
        physicalProgress: null,
        indicatorValue: 58,
      },
    ];
    const [point] = trend(history, measures, ["2024-11-18"]);
    expect(point?.meanProgress).toBeCloseTo((40 + (58 / 97.5) * 100) / 2, 6);
    expect(point?.estimatedCount).toBe(0);
  });
});

describe("staleness", () => {
  const cutoff = "2026-11-27T02:00:00.000Z";

  it("asks for an update after a week, or at once when there was none", () => {
    expect(staleness({ stage: "penanganan", lastUpdatedAt: "2026-11-20T02:00:00.000Z" }, cutoff, 7)).toEqual({
      daysSinceUpdate: 7,
      stale: true,
    });
    expect(
      staleness({ stage: "penanganan", lastUpdatedAt: "2026-11-21T02:00:00.000Z" }, cutoff, 7).stale,
    ).toBe(false);
    expect(staleness({ stage: null, lastUpdatedAt: null }, cutoff, 7)).toEqual({
      daysSinceUpdate: null,
      stale: true,
    });
  });

  it("asks nothing more of a finished issue, and still says how long ago it was updated", () => {
    expect(staleness({ stage: "selesai", lastUpdatedAt: "2026-01-20T02:00:00.000Z" }, cutoff, 7)).toEqual({
      daysSinceUpdate: 311,
      stale: false,
    });
  });
});
