import type {
  AgencyKind,
  AwardLevel,
  ChainRole,
  DatePrecision,
  FundingSource,
  Health,
  Measure,
  Stage,
} from "../../shared/domain";

export interface SeedAgency {
  code: string;
  name: string;
  kind: AgencyKind;
}

export interface SeedSource {
  name: string;
  url?: string;
}

/** A dated event from a public source, recorded as an update in the issue's history. */
export interface SeedEvent {
  /** `YYYY-MM-DD`; for a month-precision event, the last day of that month. */
  date: string;
  precision?: DatePrecision;
  stage: Stage;
  health?: Health;
  physicalProgress?: number;
  budgetProgress?: number;
  indicatorValue?: number;
  note: string;
  obstacles?: string;
  nextSteps?: string;
  source: SeedSource;
}

export interface SeedIssue {
  number: number;
  title: string;
  description: string;
  location?: string;
  lead: string;
  leadNote?: string;
  /** When the party joined, where a source dates it. */
  chain?: { code: string; role: ChainRole; note?: string; since?: string }[];
  funding?: {
    /** Names the line so a later line can say it `replaces` it. */
    key?: string;
    /** When it was committed or reported, where a source dates it. */
    reportedOn?: string;
    reportedOnPrecision?: DatePrecision;
    /** The `key` of the earlier line this one revises. */
    replaces?: string;
    source: FundingSource;
    description: string;
    fiscalYear?: number;
    planned?: number;
    realised?: number;
    donor?: string;
    confirmed?: boolean;
    sourceInfo?: SeedSource;
  }[];
  /** `indikator` when progress is the indicator against its target; works by default. */
  measure?: Measure;
  indicator?: { label: string; unit: string; target?: number; baseline?: number };
  startDate?: string;
  targetDate?: string;
  targetDatePrecision?: DatePrecision;
  events: SeedEvent[];
}

export interface SeedAward {
  name: string;
  organiser: string;
  level: AwardLevel;
  date: string;
  place: string;
  handedOverOn?: string;
  note?: string;
  source: SeedSource;
  results: { category: string; predicate: string; score?: number; agency?: string; note?: string }[];
}
