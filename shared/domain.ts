/** Stages an issue moves through, in order. */
export const STAGES = [
  "identifikasi",
  "perencanaan",
  "penganggaran",
  "pengadaan",
  "penanganan",
  "selesai",
] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Nominal physical progress of each stage, shown (marked as an estimate) where no source
 * gives a percentage. Fixed presets, in the way Decidim presets a percentage per status.
 */
export const STAGE_NOMINAL_PROGRESS: Record<Stage, number> = {
  identifikasi: 0,
  perencanaan: 10,
  penganggaran: 25,
  pengadaan: 40,
  penanganan: 60,
  selesai: 100,
};

export const HEALTHS = ["on_track", "at_risk", "blocked"] as const;
export type Health = (typeof HEALTHS)[number];

export const AGENCY_KINDS = [
  "dinas",
  "badan",
  "bagian",
  "satuan",
  "kecamatan",
  "provinsi",
  "pusat",
  "csr",
  "lainnya",
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** The kinds that are the city's own OPD: only these have accounts and lead priority issues. */
export const OPD_KINDS = [
  "dinas",
  "badan",
  "bagian",
  "satuan",
  "kecamatan",
] as const satisfies readonly AgencyKind[];

export function isOpdKind(kind: string): boolean {
  return (OPD_KINDS as readonly string[]).includes(kind);
}

export const CHAIN_ROLES = ["pendukung", "pelaksana", "donor", "mitra"] as const;
export type ChainRole = (typeof CHAIN_ROLES)[number];

export const FUNDING_SOURCES = ["apbd_kota", "apbd_provinsi", "apbn", "csr", "pad", "lainnya"] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const AWARD_LEVELS = ["nasional", "provinsi", "kota"] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];

/**
 * How an issue's progress is measured: `fisik` (works: physical progress, or the stage's nominal
 * figure) or `indikator` (a count or money figure against its target, as #9 and #10 are).
 */
export const MEASURES = ["fisik", "indikator"] as const;
export type Measure = (typeof MEASURES)[number];

export const DATE_PRECISIONS = ["day", "month"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** True when moving from `current` to `next` goes back to an earlier stage. */
export function isStageBackward(current: Stage | null, next: Stage): boolean {
  return current !== null && stageIndex(next) < stageIndex(current);
}

/** True when `stage` is at `threshold` or further along. */
export function isAtLeast(stage: Stage, threshold: Stage): boolean {
  return stageIndex(stage) >= stageIndex(threshold);
}
