import { HEALTHS, type Health, STAGES, type Stage, stageIndex } from "../../shared/domain";
import type { IssueListItem } from "./trpc";

export const SORTS = ["nomor", "progres", "tahap", "terbaru"] as const;
export type Sort = (typeof SORTS)[number];

export interface IssueFilters {
  agency: string | null;
  stage: Stage | null;
  health: Health | null;
  sort: Sort;
}

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | null {
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : null;
}

/**
 * Filters as kept in the URL: `?opd=DLH&tahap=penanganan&kondisi=at_risk&urut=progres`. An agency
 * code is matched without regard to case and spelled as the agency spells it; a value that
 * matches nothing is ignored, like any other unknown value.
 */
export function filtersFromParams(params: URLSearchParams, agencyCodes: readonly string[]): IssueFilters {
  const agency = params.get("opd")?.toLowerCase();
  return {
    agency: agencyCodes.find((code) => code.toLowerCase() === agency) ?? null,
    stage: oneOf(STAGES, params.get("tahap")),
    health: oneOf(HEALTHS, params.get("kondisi")),
    sort: oneOf(SORTS, params.get("urut")) ?? "nomor",
  };
}

export const FILTER_PARAMS = { agency: "opd", stage: "tahap", health: "kondisi", sort: "urut" } as const;

const byNumber = (a: IssueListItem, b: IssueListItem) => a.number - b.number;

const comparators: Record<Sort, (a: IssueListItem, b: IssueListItem) => number> = {
  nomor: byNumber,
  progres: (a, b) => (b.progress?.value ?? -1) - (a.progress?.value ?? -1) || byNumber(a, b),
  tahap: (a, b) =>
    (b.stage ? stageIndex(b.stage) : -1) - (a.stage ? stageIndex(a.stage) : -1) || byNumber(a, b),
  terbaru: (a, b) => (b.lastUpdatedAt ?? "").localeCompare(a.lastUpdatedAt ?? "") || byNumber(a, b),
};

export function applyFilters(issues: readonly IssueListItem[], filters: IssueFilters): IssueListItem[] {
  return issues
    .filter(
      (issue) =>
        (filters.agency === null || issue.leadAgency.code === filters.agency) &&
        (filters.stage === null || issue.stage === filters.stage) &&
        (filters.health === null || issue.health === filters.health),
    )
    .sort(comparators[filters.sort]);
}
