import { beforeEach, describe, expect, it } from "vitest";
import { errors } from "../../shared/messages/id-errors";
import {
  type AdminWorld,
  adminWorld,
  agencyIdOf,
  errorOf,
  expectNoAudit,
  expectOneAudit,
  fieldErrorsOf,
  lastAuditId,
} from "../fixtures/admin";

let w: AdminWorld;
beforeEach(async () => {
  w = await adminWorld();
});

const EVENT = {
  name: "Penghargaan Pembangunan Daerah 2025",
  organiser: "Kementerian PPN/Bappenas",
  level: "nasional" as const,
  eventDate: "2025-05-06",
  place: "Jakarta",
  handedOverOn: "2025-05-12",
  sourceName: "bappenas.go.id",
  sourceUrl: "https://bappenas.go.id/berita/ppd-2025",
};

/** The awards as the public page shows them, to anyone. */
const publicAwards = () => w.asNobody.awards.list();

async function eventNamed(name: string) {
  const event = (await publicAwards()).find((e) => e.name === name);
  if (!event) throw new Error(`no award event ${name}`);
  return event;
}

describe("award events", () => {
  it("creates an event that the public list then shows, newest first", async () => {
    const before = await lastAuditId(w.db);
    const event = await w.asAdmin.awards.createEvent(EVENT);
    expect(event).toEqual({ id: expect.any(Number), ...EVENT, note: null, results: [] });
    const list = await publicAwards();
    expect(list[0]).toEqual(event);
    expect(list).toHaveLength(7);
    const detail = await expectOneAudit(w.db, before, {
      action: "awards.createEvent",
      actorId: w.admin.id,
      entityType: "award_event",
      entityId: event.id,
    });
    expect(detail).toEqual({ before: null, after: { ...EVENT, note: null } });
  });

  it("refuses an unknown level, a bad date, a hand-over before the event and a bad link, in Indonesian", async () => {
    const before = await lastAuditId(w.db);
    expect(
      await fieldErrorsOf(
        w.asAdmin.awards.createEvent({
          ...EVENT,
          level: "internasional" as "nasional",
          eventDate: "06-05-2025",
          sourceUrl: "javascript:alert(1)",
        }),
      ),
    ).toEqual({
      level: ["Pilih tingkat yang tersedia."],
      eventDate: ["Tanggal harus berupa tanggal yang sah (TTTT-BB-HH)."],
      sourceUrl: ["Tautan sumber harus berupa alamat web (http:// atau https://)."],
    });
    expect(
      await fieldErrorsOf(w.asAdmin.awards.createEvent({ ...EVENT, handedOverOn: "2025-05-01" })),
    ).toEqual({
      handedOverOn: [errors.handedOverBeforeEvent],
    });
    expect((await fieldErrorsOf(w.asAdmin.awards.createEvent({ ...EVENT, name: "" }))).name).toEqual([
      "Nama ajang wajib diisi.",
    ]);
    await expectNoAudit(w.db, before);
    expect(await publicAwards()).toHaveLength(6);
  });

  it("updates an event, checking the new date against the recorded hand-over", async () => {
    const jpra = await eventNamed("Jatim Public Relation Award (JPRA) 2024");
    const before = await lastAuditId(w.db);
    const event = await w.asAdmin.awards.updateEvent({ id: jpra.id, eventDate: "2024-10-23", note: null });
    expect(event).toEqual({ ...jpra, eventDate: "2024-10-23", note: null });
    expect(await eventNamed("Jatim Public Relation Award (JPRA) 2024")).toEqual(event);
    expect(
      await expectOneAudit(w.db, before, {
        action: "awards.updateEvent",
        actorId: w.admin.id,
        entityId: jpra.id,
      }),
    ).toEqual({
      before: { eventDate: "2024-10-22", note: jpra.note },
      after: { eventDate: "2024-10-23", note: null },
    });

    expect(
      await fieldErrorsOf(w.asAdmin.awards.updateEvent({ id: jpra.id, eventDate: "2024-12-01" })),
    ).toEqual({
      eventDate: [errors.handedOverBeforeEvent],
    });
    const missing = await errorOf(w.asAdmin.awards.updateEvent({ id: 99_999, place: "Malang" }));
    expect(missing.code).toBe("NOT_FOUND");
    expect(missing.message).toBe(errors.awardEventNotFound);
  });

  it("removes an event with its results", async () => {
    const jpra = await eventNamed("Jatim Public Relation Award (JPRA) 2024");
    const before = await lastAuditId(w.db);
    expect(await w.asAdmin.awards.removeEvent({ id: jpra.id })).toEqual(jpra);
    const list = await publicAwards();
    expect(list).toHaveLength(5);
    expect(list.map((e) => e.id)).not.toContain(jpra.id);
    expect(
      await w.db.selectFrom("award_results").select("id").where("event_id", "=", jpra.id).execute(),
    ).toEqual([]);
    const detail = await expectOneAudit(w.db, before, {
      action: "awards.removeEvent",
      actorId: w.admin.id,
      entityId: jpra.id,
    });
    expect(detail.before.results).toHaveLength(3);
    expect(detail.after).toBeNull();
    expect((await errorOf(w.asAdmin.awards.removeEvent({ id: jpra.id }))).code).toBe("NOT_FOUND");
  });
});

describe("award results", () => {
  it("adds a result after the event's others, naming the agency that earned it", async () => {
    const jpra = await eventNamed("Jatim Public Relation Award (JPRA) 2024");
    const diskominfo = await agencyIdOf(w.db, "Diskominfo");
    const before = await lastAuditId(w.db);
    const result = await w.asAdmin.awards.addResult({
      eventId: jpra.id,
      category: "Website",
      predicate: "Terbaik III",
      score: 87.5,
      agencyId: diskominfo,
    });
    expect(result).toMatchObject({
      eventId: jpra.id,
      category: "Website",
      predicate: "Terbaik III",
      score: 87.5,
      agency: { id: diskominfo, code: "Diskominfo" },
      note: null,
    });
    const shown = (await eventNamed(jpra.name)).results;
    expect(shown.map((r) => r.category)).toEqual([
      "Program Komunikasi Publik",
      "Rilis Pers",
      "Media Sosial",
      "Website",
    ]);
    const detail = await expectOneAudit(w.db, before, {
      action: "awards.addResult",
      actorId: w.admin.id,
      entityType: "award_result",
      entityId: result.id,
    });
    expect(detail.after).toMatchObject({
      eventId: jpra.id,
      predicate: "Terbaik III",
      agencyCode: "Diskominfo",
    });
  });

  it("refuses an unknown event, an unknown agency, a negative score and an empty predicate", async () => {
    const jpra = await eventNamed("Jatim Public Relation Award (JPRA) 2024");
    const before = await lastAuditId(w.db);
    const missing = await errorOf(
      w.asAdmin.awards.addResult({ eventId: 99_999, category: "A", predicate: "B" }),
    );
    expect(missing.code).toBe("NOT_FOUND");
    expect(missing.message).toBe(errors.awardEventNotFound);
    expect(
      await fieldErrorsOf(
        w.asAdmin.awards.addResult({ eventId: jpra.id, category: "A", predicate: "B", agencyId: 99_999 }),
      ),
    ).toEqual({ agencyId: [errors.agencyNotFound] });
    expect(
      await fieldErrorsOf(
        w.asAdmin.awards.addResult({ eventId: jpra.id, category: "A", predicate: " ", score: -1 }),
      ),
    ).toEqual({ predicate: ["Predikat atau peringkat wajib diisi."], score: ["Nilai tidak boleh negatif."] });
    await expectNoAudit(w.db, before);
    expect((await eventNamed(jpra.name)).results).toHaveLength(3);
  });

  it("updates a result and records only what changed", async () => {
    const jpra = await eventNamed("Jatim Public Relation Award (JPRA) 2024");
    const [first] = jpra.results;
    if (!first) throw new Error("JPRA has results");
    const before = await lastAuditId(w.db);
    const result = await w.asAdmin.awards.updateResult({ id: first.id, predicate: "Terbaik I (Gold)" });
    expect(result).toEqual({ ...first, eventId: jpra.id, predicate: "Terbaik I (Gold)" });
    expect((await eventNamed(jpra.name)).results[0]).toEqual({ ...first, predicate: "Terbaik I (Gold)" });
    expect(
      await expectOneAudit(w.db, before, {
        action: "awards.updateResult",
        actorId: w.admin.id,
        entityId: first.id,
      }),
    ).toEqual({ before: { predicate: "Terbaik I" }, after: { predicate: "Terbaik I (Gold)" } });
    const missing = await errorOf(w.asAdmin.awards.updateResult({ id: 99_999, predicate: "X" }));
    expect(missing.code).toBe("NOT_FOUND");
    expect(missing.message).toBe(errors.awardResultNotFound);
  });

  it("removes a result, which the public list then no longer shows", async () => {
    const jpra = await eventNamed("Jatim Public Relation Award (JPRA) 2024");
    const [, second] = jpra.results;
    if (!second) throw new Error("JPRA has results");
    const before = await lastAuditId(w.db);
    expect(await w.asAdmin.awards.removeResult({ id: second.id })).toEqual({ ...second, eventId: jpra.id });
    expect((await eventNamed(jpra.name)).results.map((r) => r.category)).toEqual([
      "Program Komunikasi Publik",
      "Media Sosial",
    ]);
    await expectOneAudit(w.db, before, {
      action: "awards.removeResult",
      actorId: w.admin.id,
      entityId: second.id,
    });
    expect((await errorOf(w.asAdmin.awards.removeResult({ id: second.id }))).code).toBe("NOT_FOUND");
  });
});
