import { insertUpdate } from "../../server/repositories/updates";
import type { Executor } from "../database";
import type { SeedAgency, SeedAward, SeedEvent, SeedIssue } from "./types";

/** The author of the history taken from public sources; it has no password and cannot sign in. */
export const SOURCE_AUTHOR = { username: "data-awal", displayName: "Data awal (sumber publik)" };

/** The instant a dated event is recorded at: noon WIB of its date. */
export function eventInstant(date: string): string {
  return new Date(`${date}T12:00:00+07:00`).toISOString();
}

export async function insertAgencies(trx: Executor, agencies: SeedAgency[]): Promise<Map<string, number>> {
  const rows = await trx.insertInto("agencies").values(agencies).returning(["id", "code"]).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function insertSourceAuthor(trx: Executor): Promise<number> {
  const { id } = await trx
    .insertInto("users")
    .values({
      username: SOURCE_AUTHOR.username,
      display_name: SOURCE_AUTHOR.displayName,
      role: "admin",
      active: 0,
      password_hash: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

function agencyId(agencies: Map<string, number>, code: string): number {
  const id = agencies.get(code);
  if (id === undefined) throw new Error(`Unknown agency code in seed data: ${code}`);
  return id;
}

/** Inserts an issue with its delivery chain and funding, and replays its events as updates. */
export async function insertIssue(
  trx: Executor,
  issue: SeedIssue,
  agencies: Map<string, number>,
  authorId: number,
): Promise<number> {
  const leadId = agencyId(agencies, issue.lead);
  const { id } = await trx
    .insertInto("issues")
    .values({
      number: issue.number,
      title: issue.title,
      description: issue.description,
      location: issue.location ?? null,
      lead_agency_id: leadId,
      lead_note: issue.leadNote ?? null,
      measure: issue.measure ?? "fisik",
      indicator_label: issue.indicator?.label ?? null,
      indicator_unit: issue.indicator?.unit ?? null,
      indicator_target: issue.indicator?.target ?? null,
      indicator_baseline: issue.indicator?.baseline ?? null,
      start_date: issue.startDate ?? null,
      target_date: issue.targetDate ?? null,
      target_date_precision: issue.targetDatePrecision ?? "day",
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  if (issue.chain?.length) {
    await trx
      .insertInto("issue_agencies")
      .values(
        issue.chain.map((c) => ({
          issue_id: id,
          agency_id: agencyId(agencies, c.code),
          role: c.role,
          note: c.note ?? null,
          since: c.since ?? null,
        })),
      )
      .execute();
  }
  const fundingIds = new Map<string, number>();
  for (const f of issue.funding ?? []) {
    const line = await trx
      .insertInto("funding_lines")
      .values({
        issue_id: id,
        source: f.source,
        description: f.description,
        fiscal_year: f.fiscalYear ?? null,
        amount_planned: f.planned ?? null,
        amount_realised: f.realised ?? null,
        donor_agency_id: f.donor ? agencyId(agencies, f.donor) : null,
        confirmed: f.confirmed === false ? 0 : 1,
        source_name: f.sourceInfo?.name ?? null,
        source_url: f.sourceInfo?.url ?? null,
        reported_on: f.reportedOn ?? null,
        reported_on_precision: f.reportedOnPrecision ?? "day",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (f.key) fundingIds.set(f.key, line.id);
    if (f.replaces) {
      const replaced = fundingIds.get(f.replaces);
      if (replaced === undefined)
        throw new Error(`Issue ${issue.number}: no funding line "${f.replaces}" to replace`);
      await trx
        .updateTable("funding_lines")
        .set({ replaced_by_id: line.id })
        .where("id", "=", replaced)
        .execute();
    }
  }
  await replayEvents(trx, id, leadId, authorId, issue.events);
  return id;
}

/**
 * Records events in date order as complete snapshots: a figure an event does not give carries
 * over from the event before it, as it does for an update typed into the form.
 */
export async function replayEvents(
  trx: Executor,
  issueId: number,
  agencyIdForEvents: number,
  authorId: number,
  events: SeedEvent[],
): Promise<void> {
  let health: SeedEvent["health"] = "on_track";
  let physical: number | null = null;
  let budget: number | null = null;
  let indicator: number | null = null;
  const ordered = [...events].sort((a, b) => a.date.localeCompare(b.date));
  for (const event of ordered) {
    health = event.health ?? health;
    physical = event.physicalProgress ?? physical;
    budget = event.budgetProgress ?? budget;
    indicator = event.indicatorValue ?? indicator;
    await insertUpdate(trx, {
      issue_id: issueId,
      author_id: authorId,
      agency_id: agencyIdForEvents,
      created_at: eventInstant(event.date),
      date_precision: event.precision ?? "day",
      stage: event.stage,
      health,
      physical_progress: physical,
      budget_progress: budget,
      indicator_value: indicator,
      note: event.note,
      obstacles: event.obstacles ?? null,
      next_steps: event.nextSteps ?? null,
      source_name: event.source.name,
      source_url: event.source.url ?? null,
    });
  }
}

export async function insertAward(
  trx: Executor,
  award: SeedAward,
  agencies: Map<string, number>,
): Promise<number> {
  const { id } = await trx
    .insertInto("award_events")
    .values({
      name: award.name,
      organiser: award.organiser,
      level: award.level,
      event_date: award.date,
      place: award.place,
      handed_over_on: award.handedOverOn ?? null,
      note: award.note ?? null,
      source_name: award.source.name,
      source_url: award.source.url ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("award_results")
    .values(
      award.results.map((r, position) => ({
        event_id: id,
        position,
        category: r.category,
        predicate: r.predicate,
        score: r.score ?? null,
        agency_id: r.agency ? agencyId(agencies, r.agency) : null,
        note: r.note ?? null,
      })),
    )
    .execute();
  return id;
}
