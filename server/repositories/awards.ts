import type { Executor } from "../../db/database";
import type { AwardLevel } from "../../shared/domain";
import { type AgencyRef, agencyRefOrNull } from "./agencies";

export interface AwardEvent {
  id: number;
  name: string;
  organiser: string;
  level: AwardLevel;
  eventDate: string;
  place: string;
  handedOverOn: string | null;
  note: string | null;
  sourceName: string | null;
  sourceUrl: string | null;
  results: {
    id: number;
    category: string;
    predicate: string;
    score: number | null;
    agency: AgencyRef | null;
    note: string | null;
  }[];
}

/** Award events (or the one `eventId` names), newest first, each with its results in their stated order. */
export async function listAwards(db: Executor, eventId?: number): Promise<AwardEvent[]> {
  const [events, results] = await Promise.all([
    db
      .selectFrom("award_events")
      .select([
        "id",
        "name",
        "organiser",
        "level",
        "event_date",
        "place",
        "handed_over_on",
        "note",
        "source_name",
        "source_url",
      ])
      .$if(eventId !== undefined, (q) => q.where("id", "=", eventId as number))
      .orderBy("event_date", "desc")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("award_results as r")
      .leftJoin("agencies as a", "a.id", "r.agency_id")
      .select([
        "r.id",
        "r.event_id",
        "r.category",
        "r.predicate",
        "r.score",
        "r.note",
        "a.id as agencyId",
        "a.code as agencyCode",
        "a.name as agencyName",
      ])
      .$if(eventId !== undefined, (q) => q.where("r.event_id", "=", eventId as number))
      .orderBy("r.event_id")
      .orderBy("r.position")
      .execute(),
  ]);
  return events.map((e) => ({
    id: e.id,
    name: e.name,
    organiser: e.organiser,
    level: e.level as AwardLevel,
    eventDate: e.event_date,
    place: e.place,
    handedOverOn: e.handed_over_on,
    note: e.note,
    sourceName: e.source_name,
    sourceUrl: e.source_url,
    results: results
      .filter((r) => r.event_id === e.id)
      .map((r) => ({
        id: r.id,
        category: r.category,
        predicate: r.predicate,
        score: r.score,
        agency: agencyRefOrNull(r.agencyId, r.agencyCode, r.agencyName),
        note: r.note,
      })),
  }));
}
