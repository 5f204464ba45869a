import { describe, expect, it } from "vitest";
import { isAtLeast, STAGE_NOMINAL_PROGRESS, type Stage } from "../../shared/domain";
import { indicatorProgress, issueProgress, type MeasureSpec, PHYSICAL } from "../../shared/progress";

const works = (stage: Stage, physicalProgress: number | null) =>
  issueProgress(PHYSICAL, { stage, physicalProgress, indicatorValue: null });

describe("issueProgress for works", () => {
  it("shows a reported figure as it is, not as an estimate", () => {
    expect(works("penanganan", 37.5)).toEqual({
      value: 37.5,
      basis: "physical",
      estimated: false,
      indicator: null,
    });
    expect(works("identifikasi", 0)).toMatchObject({ value: 0, estimated: false });
  });

  it("falls back to the stage's nominal figure, marked as an estimate", () => {
    expect(works("penanganan", null)).toEqual({
      value: 60,
      basis: "stage",
      estimated: true,
      indicator: null,
    });
    expect(works("selesai", null)).toMatchObject({ value: 100, estimated: true });
    expect(works("identifikasi", null)).toMatchObject({ value: 0, estimated: true });
  });

  it("has nominal figures that never go down along the stages", () => {
    const values = Object.values(STAGE_NOMINAL_PROGRESS);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });
});

describe("issueProgress for an issue measured by its indicator", () => {
  const pbb: MeasureSpec = {
    measure: "indikator",
    indicator: { unit: "rupiah", target: 73_000_000_000, baseline: 0 },
  };

  it("is the indicator's achievement, not the stage's nominal 0%", () => {
    const progress = issueProgress(pbb, {
      stage: "identifikasi",
      physicalProgress: null,
      indicatorValue: 68_300_000_000,
    });
    expect(progress.basis).toBe("indicator");
    expect(progress.estimated).toBe(false);
    expect(progress.value).toBeCloseTo(93.56, 2);
    expect(progress.indicator).toEqual({
      unit: "rupiah",
      value: 68_300_000_000,
      target: 73_000_000_000,
      baseline: 0,
    });
  });

  it("falls back to the stage estimate while no value or no target is known", () => {
    const noValue = issueProgress(pbb, {
      stage: "perencanaan",
      physicalProgress: null,
      indicatorValue: null,
    });
    expect(noValue).toMatchObject({ value: 10, basis: "stage", estimated: true });
    const noTarget: MeasureSpec = {
      measure: "indikator",
      indicator: { unit: "penerima", target: null, baseline: null },
    };
    expect(
      issueProgress(noTarget, { stage: "penanganan", physicalProgress: null, indicatorValue: 300 }),
    ).toMatchObject({ value: 60, basis: "stage" });
  });

  it("ignores the indicator of a works issue that also counts something", () => {
    const tps: MeasureSpec = { measure: "fisik", indicator: { unit: "TPS", target: 6, baseline: 0 } };
    expect(
      issueProgress(tps, { stage: "penanganan", physicalProgress: null, indicatorValue: 3 }),
    ).toMatchObject({
      value: 60,
      basis: "stage",
    });
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
