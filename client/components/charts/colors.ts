import type { Health } from "../../../shared/domain";

/** Status colours; every chart also says the status in words (tooltips, captions, the list). */
export const HEALTH_COLORS: Record<Health, string> = {
  on_track: "#15803d",
  at_risk: "#b45309",
  blocked: "#b91c1c",
};

export const NO_DATA_COLOR = "#94a3b8";
export const PRIMARY = "#0f3d5e";
export const SECONDARY = "#c2410c";
export const MUTED = "#64748b";

/** The stripes of a bar whose figure is the stage's estimate. */
export function stripesId(health: Health): string {
  return `perkiraan-${health}`;
}

/** The dots of a bar whose figure is an indicator's achievement against its target. */
export function dotsId(health: Health): string {
  return `indikator-${health}`;
}
