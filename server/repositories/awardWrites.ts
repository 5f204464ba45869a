import type { DB, Executor } from "../../db/database";
import { errors } from "../../shared/messages/id-errors";
import type {
  AwardEventCreateInput,
  AwardEventUpdateInput,
  AwardResultCreateInput,
  AwardResultUpdateInput,
} from "../../shared/schemas/awards";
import { fieldError, notFound } from "../errors";
import { changes, recordAudit, type WriteMeta } from "./audit";
import { type AwardEvent, listAwards } from "./awards";

export type AwardResult = AwardEvent["results"][number] & { eventId: number };

const keep = <T>(value: T | undefined, previous: T): T => (value === undefined ? previous : value);

async function findEvent(db: Executor, id: number): Promise<AwardEvent> {
  const [event] = await listAwards(db, id);
  if (!event) throw notFound(errors.awardEventNotFound);
  return event;
}

async function findResult(db: Executor, id: number): Promise<AwardResult> {
  const row = await db.selectFrom("award_results").select("event_id").where("id", "=", id).executeTakeFirst();
  const result = row && (await findEvent(db, row.event_id)).results.find((r) => r.id === id);
  if (!row || !result) throw notFound(errors.awardResultNotFound);
  return { ...result, eventId: row.event_id };
}

/** What the audit trail records of an event: its own fields, without its results. */
function eventView({ id: _id, results: _results, ...fields }: AwardEvent) {
  return fields;
}

function resultView({ id: _id, agency, ...fields }: AwardResult) {
  return { ...fields, agencyCode: agency?.code ?? null };
}

async function assertAgencyExists(db: Executor, agencyId: number | null | undefined): Promise<void> {
  if (agencyId === null || agencyId === undefined) return;
  const agency = await db.selectFrom("agencies").select("id").where("id", "=", agencyId).executeTakeFirst();
  if (!agency) throw fieldError("agencyId", errors.agencyNotFound);
}

export async function createAwardEvent(
  db: DB,
  input: AwardEventCreateInput,
  meta: WriteMeta,
): Promise<AwardEvent> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("award_events")
      .values({
        name: input.name,
        organiser: input.organiser,
        level: input.level,
        event_date: input.eventDate,
        place: input.place,
        handed_over_on: input.handedOverOn ?? null,
        note: input.note ?? null,
        source_name: input.sourceName ?? null,
        source_url: input.sourceUrl ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const event = await findEvent(trx, id);
    await recordAudit(trx, {
      action: "awards.createEvent",
      actor: meta.actor,
      entityType: "award_event",
      entityId: id,
      detail: { before: null, after: eventView(event) },
      clientIp: meta.clientIp,
    });
    return event;
  });
}

export async function updateAwardEvent(
  db: DB,
  input: AwardEventUpdateInput,
  meta: WriteMeta,
): Promise<AwardEvent> {
  return db.transaction().execute(async (trx) => {
    const before = await findEvent(trx, input.id);
    const eventDate = input.eventDate ?? before.eventDate;
    const handedOverOn = keep(input.handedOverOn, before.handedOverOn);
    if (handedOverOn !== null && handedOverOn < eventDate) {
      throw fieldError(
        input.handedOverOn === undefined ? "eventDate" : "handedOverOn",
        errors.handedOverBeforeEvent,
      );
    }
    await trx
      .updateTable("award_events")
      .set({
        name: input.name ?? before.name,
        organiser: input.organiser ?? before.organiser,
        level: input.level ?? before.level,
        event_date: eventDate,
        place: input.place ?? before.place,
        handed_over_on: handedOverOn,
        note: keep(input.note, before.note),
        source_name: keep(input.sourceName, before.sourceName),
        source_url: keep(input.sourceUrl, before.sourceUrl),
      })
      .where("id", "=", before.id)
      .execute();
    const after = await findEvent(trx, before.id);
    await recordAudit(trx, {
      action: "awards.updateEvent",
      actor: meta.actor,
      entityType: "award_event",
      entityId: before.id,
      detail: changes(eventView(before), eventView(after)),
      clientIp: meta.clientIp,
    });
    return after;
  });
}

/** Removes an event with all its results; returns it as it was. */
export async function removeAwardEvent(db: DB, id: number, meta: WriteMeta): Promise<AwardEvent> {
  return db.transaction().execute(async (trx) => {
    const before = await findEvent(trx, id);
    await trx.deleteFrom("award_results").where("event_id", "=", id).execute();
    await trx.deleteFrom("award_events").where("id", "=", id).execute();
    await recordAudit(trx, {
      action: "awards.removeEvent",
      actor: meta.actor,
      entityType: "award_event",
      entityId: id,
      detail: {
        before: {
          ...eventView(before),
          results: before.results.map((r) => resultView({ ...r, eventId: id })),
        },
        after: null,
      },
      clientIp: meta.clientIp,
    });
    return before;
  });
}

/** Adds a result after the event's others. */
export async function addAwardResult(
  db: DB,
  input: AwardResultCreateInput,
  meta: WriteMeta,
): Promise<AwardResult> {
  return db.transaction().execute(async (trx) => {
    const event = await findEvent(trx, input.eventId);
    await assertAgencyExists(trx, input.agencyId);
    const { last } = await trx
      .selectFrom("award_results")
      .select((eb) => eb.fn.max<number | null>("position").as("last"))
      .where("event_id", "=", event.id)
      .executeTakeFirstOrThrow();
    const { id } = await trx
      .insertInto("award_results")
      .values({
        event_id: event.id,
        position: last === null ? 0 : last + 1,
        category: input.category,
        predicate: input.predicate,
        score: input.score ?? null,
        agency_id: input.agencyId ?? null,
        note: input.note ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const result = await findResult(trx, id);
    await recordAudit(trx, {
      action: "awards.addResult",
      actor: meta.actor,
      entityType: "award_result",
      entityId: id,
      detail: { before: null, after: resultView(result) },
      clientIp: meta.clientIp,
    });
    return result;
  });
}

export async function updateAwardResult(
  db: DB,
  input: AwardResultUpdateInput,
  meta: WriteMeta,
): Promise<AwardResult> {
  return db.transaction().execute(async (trx) => {
    const before = await findResult(trx, input.id);
    await assertAgencyExists(trx, input.agencyId);
    await trx
      .updateTable("award_results")
      .set({
        category: input.category ?? before.category,
        predicate: input.predicate ?? before.predicate,
        score: keep(input.score, before.score),
        agency_id: keep(input.agencyId, before.agency?.id ?? null),
        note: keep(input.note, before.note),
      })
      .where("id", "=", before.id)
      .execute();
    const after = await findResult(trx, before.id);
    await recordAudit(trx, {
      action: "awards.updateResult",
      actor: meta.actor,
      entityType: "award_result",
      entityId: before.id,
      detail: changes(resultView(before), resultView(after)),
      clientIp: meta.clientIp,
    });
    return after;
  });
}

/** Removes one result; returns it as it was. */
export async function removeAwardResult(db: DB, id: number, meta: WriteMeta): Promise<AwardResult> {
  return db.transaction().execute(async (trx) => {
    const before = await findResult(trx, id);
    await trx.deleteFrom("award_results").where("id", "=", id).execute();
    await recordAudit(trx, {
      action: "awards.removeResult",
      actor: meta.actor,
      entityType: "award_result",
      entityId: id,
      detail: { before: resultView(before), after: null },
      clientIp: meta.clientIp,
    });
    return before;
  });
}
