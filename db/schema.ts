import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

/**
 * Table types as better-sqlite3 really returns them: dates are ISO-8601 text (instants in
 * UTC, calendar dates as `YYYY-MM-DD`), booleans are 0/1, money is integer Rupiah.
 */
export interface AgenciesTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string;
  created_at: ColumnType<string, string | undefined, never>;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  agency_id: number | null;
  active: number;
  password_hash: string | null;
  created_at: ColumnType<string, string | undefined, never>;
}

export interface IssuesTable {
  id: Generated<number>;
  number: number;
  title: string;
  description: string;
  location: string | null;
  lead_agency_id: number;
  lead_note: string | null;
  indicator_label: string | null;
  indicator_unit: string | null;
  indicator_target: number | null;
  indicator_baseline: number | null;
  start_date: string | null;
  target_date: string | null;
  target_date_precision: Generated<string>;
  /** `fisik` or `indikator`: how the issue's progress is measured. */
  measure: Generated<string>;
  version: Generated<number>;
  created_at: ColumnType<string, string | undefined, never>;
}

export interface IssueAgenciesTable {
  issue_id: number;
  agency_id: number;
  role: string;
  note: string | null;
  /** `YYYY-MM-DD` the party joined the chain; null when not known. */
  since: string | null;
}

export interface FundingLinesTable {
  id: Generated<number>;
  issue_id: number;
  source: string;
  description: string;
  fiscal_year: number | null;
  amount_planned: number | null;
  amount_realised: number | null;
  donor_agency_id: number | null;
  confirmed: number;
  source_name: string | null;
  source_url: string | null;
  /** `YYYY-MM-DD` the line was committed or reported; null when not known. */
  reported_on: string | null;
  reported_on_precision: Generated<string>;
  /** The later line that revised this one. */
  replaced_by_id: number | null;
}

export interface IssueUpdatesTable {
  id: Generated<number>;
  issue_id: number;
  author_id: number;
  agency_id: number | null;
  created_at: string;
  date_precision: Generated<string>;
  stage: string;
  health: string;
  physical_progress: number | null;
  budget_progress: number | null;
  indicator_value: number | null;
  note: string;
  obstacles: string | null;
  next_steps: string | null;
  source_name: string | null;
  source_url: string | null;
  stage_reason: string | null;
}

/** Maintained by a trigger: an update's place (1, 2, ...) in its issue's history, in time order. */
export interface IssueUpdateRanksTable {
  update_id: number;
  issue_id: number;
  created_at: string;
  rank: number;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie's token. */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  created_at: ColumnType<string, string | undefined, never>;
  actor_id: number | null;
  actor_username: string | null;
  action: string;
  entity_type: string | null;
  entity_id: number | null;
  /** JSON: what changed. Never a password or a token. */
  detail: string | null;
  client_ip: string | null;
}

export interface AttachmentsTable {
  id: Generated<number>;
  sha256: string;
  content_type: string;
  size: number;
  original_name: string;
  uploaded_by: number;
  created_at: ColumnType<string, string | undefined, never>;
}

export interface UpdateAttachmentsTable {
  update_id: number;
  attachment_id: number;
}

export interface AwardEventsTable {
  id: Generated<number>;
  name: string;
  organiser: string;
  level: string;
  event_date: string;
  place: string;
  handed_over_on: string | null;
  note: string | null;
  source_name: string | null;
  source_url: string | null;
}

export interface AwardResultsTable {
  id: Generated<number>;
  event_id: number;
  position: number;
  category: string;
  predicate: string;
  score: number | null;
  agency_id: number | null;
  note: string | null;
}

/** Keys the server makes for itself on first use (e.g. for signing trusted-device cookies). */
export interface ServerSecretsTable {
  name: string;
  value: string;
}

export interface ApelsTable {
  id: Generated<number>;
  /** `YYYY-MM-DD` (WIB) the apel was held. */
  held_on: string;
  created_by: number | null;
  created_at: ColumnType<string, string | undefined, never>;
}

export interface DirectionsTable {
  id: Generated<number>;
  /** `YYYY-MM-DD` the arahan was given. */
  given_on: string;
  /** `YYYY-MM-DD` of the apel it was given at, if any. */
  apel_on: string | null;
  text: string;
  agency_id: number;
  issue_id: number | null;
  due_date: string;
  /** `open` or `done`. */
  status: Generated<string>;
  closing_note: string | null;
  closed_by: number | null;
  /** Instant (UTC) it was closed. */
  closed_at: string | null;
  created_by: number | null;
  created_at: ColumnType<string, string | undefined, never>;
}

export interface Database {
  agencies: AgenciesTable;
  users: UsersTable;
  issues: IssuesTable;
  issue_agencies: IssueAgenciesTable;
  funding_lines: FundingLinesTable;
  issue_updates: IssueUpdatesTable;
  issue_update_ranks: IssueUpdateRanksTable;
  award_events: AwardEventsTable;
  award_results: AwardResultsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  attachments: AttachmentsTable;
  update_attachments: UpdateAttachmentsTable;
  server_secrets: ServerSecretsTable;
  apels: ApelsTable;
  directions: DirectionsTable;
}

export type AgencyRow = Selectable<AgenciesTable>;
export type NewIssueUpdate = Insertable<IssueUpdatesTable>;
