import { describe, expect, it } from "vitest";
import { effectiveProgress, indicatorProgress, isAtLeast, STAGE_NOMINAL_PROGRESS } from "../../shared/domain";

describe("effectiveProgress", () => {
  it("shows a reported figure as it is, not as an estimate", () => {
    expect(effectiveProgress("penanganan", 37.5)).toEqual({ value: 37.5, estimated: false });
    expect(effectiveProgress("identifikasi", 0)).toEqual({ value: 0, estimated: false });
  });

  it("falls back to the stage's nominal figure, marked as an estimate", () => {
    expect(effectiveProgress("penanganan", null)).toEqual({ value: 60, estimated: true });
    expect(effectiveProgress("selesai", null)).toEqual({ value: 100, estimated: true });
    expect(effectiveProgress("identifikasi", null)).toEqual({ value: 0, estimated: true });
  });

  it("has nominal figures that never go down along the stages", () => {
    const values = Object.values(STAGE_NOMINAL_PROGRESS);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });
});

describe("isAtLeast", () => {
  it("orders the stages", () => {
    expect(isAtLeast("selesai", "penanganan")).toBe(true);
    expect(isAtLeast("penanganan", "penanganan")).toBe(true);
    expect(isAtLeast("pengadaan", "penanganan")).toBe(false);
  });
});

describe("indicatorProgress", () => {
  it("measures PBB collection against its target from a zero baseline", () => {
    const progress = indicatorProgress({ baseline: 0, target: 73_000_000_000 }, 68_300_000_000);
    expect(progress).toBeCloseTo(93.56, 2);
  });

  it("treats a missing baseline as zero", () => {
    expect(indicatorProgress({ baseline: null, target: 180 }, 45)).toBe(25);
  });

  it("measures from the baseline, not from zero", () => {
    expect(indicatorProgress({ baseline: 50, target: 100 }, 75)).toBe(50);
    expect(indicatorProgress({ baseline: 50, target: 100 }, 50)).toBe(0);
  });

  it("works for an indicator that should go down", () => {
    expect(indicatorProgress({ baseline: 100, target: 20 }, 60)).toBe(50);
  });

  it("clamps to 0–100", () => {
    expect(indicatorProgress({ baseline: 0, target: 97.5 }, 120)).toBe(100);
    expect(indicatorProgress({ baseline: 50, target: 100 }, 10)).toBe(0);
  });

  it("is null without a target, a value, or a span", () => {
    expect(indicatorProgress({ baseline: 0, target: null }, 300)).toBeNull();
    expect(indicatorProgress({ baseline: 0, target: 6 }, null)).toBeNull();
    expect(indicatorProgress({ baseline: 6, target: 6 }, 6)).toBeNull();
  });
});
