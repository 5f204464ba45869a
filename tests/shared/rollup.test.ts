import { describe, expect, it } from "vitest";
import { monthEnds, rollup, type StatefulIssue, trend } from "../../shared/rollup";

const noData: StatefulIssue = { stage: null, health: null, progress: null };

describe("rollup", () => {
  const issues: StatefulIssue[] = [
    { stage: "selesai", health: "on_track", progress: { value: 100, estimated: false } },
    { stage: "penanganan", health: "at_risk", progress: { value: 60, estimated: true } },
    { stage: "pengadaan", health: "blocked", progress: { value: 40, estimated: true } },
    { stage: "identifikasi", health: "on_track", progress: { value: 0, estimated: true } },
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

  it("counts issues at penanganan or later, and those needing attention", () => {
    const r = rollup(issues);
    expect(r.inHandlingOrLater).toBe(2);
    expect(r.attention).toBe(2);
  });

  it("averages progress over issues with data, counting nominal estimates as such", () => {
    const r = rollup(issues);
    expect(r.meanProgress).toBe((100 + 60 + 40 + 0) / 4);
    expect(r.estimatedCount).toBe(3);
  });

  it("has no mean progress when no issue has data", () => {
    const r = rollup([noData, noData]);
    expect(r.meanProgress).toBeNull();
    expect(r.withoutData).toBe(2);
    expect(r.inHandlingOrLater).toBe(0);
  });
});

describe("monthEnds", () => {
  it("is just the end date when both fall in the same month", () => {
    expect(monthEnds("2024-11-05", "2024-11-18")).toEqual(["2024-11-18"]);
  });

  it("does not repeat a month end that is also the end date", () => {
    expect(monthEnds("2024-11-05", "2024-11-30")).toEqual(["2024-11-30"]);
    expect(monthEnds("2024-10-05", "2024-11-30")).toEqual(["2024-10-31", "2024-11-30"]);
  });

  it("walks across a year boundary and ends with the end date", () => {
    expect(monthEnds("2024-11-05", "2025-02-10")).toEqual([
      "2024-11-30",
      "2024-12-31",
      "2025-01-31",
      "2025-02-10",
    ]);
  });

  it("knows February's length in a leap year", () => {
    expect(monthEnds("2024-01-15", "2024-03-01")).toEqual(["2024-01-31", "2024-02-29", "2024-03-01"]);
    expect(monthEnds("2023-02-01", "2023-03-01")).toEqual(["2023-02-28", "2023-03-01"]);
  });
});

describe("trend", () => {
  it("takes each point as of the end of its WIB day", () => {
    const history = [
      {
        id: 1,
        issueId: 1,
        createdAt: "2024-09-10T05:00:00.000Z",
        stage: "identifikasi" as const,
        physicalProgress: null,
      },
      {
        id: 2,
        issueId: 2,
        createdAt: "2024-09-10T05:00:00.000Z",
        stage: "perencanaan" as const,
        physicalProgress: null,
      },
      // 00:30 WIB on 1 Oct: after the September point, counted in October.
      {
        id: 3,
        issueId: 1,
        createdAt: "2024-09-30T17:30:00.000Z",
        stage: "penanganan" as const,
        physicalProgress: 30,
      },
    ];
    const points = trend(history, [1, 2], ["2024-09-30", "2024-10-31"]);
    expect(points).toEqual([
      { date: "2024-09-30", meanProgress: 5, inHandlingOrLater: 0, estimatedCount: 2 },
      { date: "2024-10-31", meanProgress: 20, inHandlingOrLater: 1, estimatedCount: 1 },
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
      },
      {
        id: 2,
        issueId: 2,
        createdAt: "2024-09-10T05:00:00.000Z",
        stage: "identifikasi" as const,
        physicalProgress: null,
      },
    ];
    const points = trend(history, [1, 2], ["2024-08-31", "2024-09-30"]);
    expect(points.map((p) => p.meanProgress)).toEqual([5, 5]);
    expect(points[0]?.estimatedCount).toBe(2);
  });
});
