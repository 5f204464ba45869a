import { beforeEach, describe, expect, it } from "vitest";
import { listDirections } from "../../server/repositories/directions";
import { errors } from "../../shared/messages/id-errors";
import {
  type AdminWorld,
  adminWorld,
  agencyIdOf,
  errorOf,
  expectNoAudit,
  expectOneAudit,
  fieldErrorsOf,
  issueIdOf,
  lastAuditId,
} from "../fixtures/admin";
import { callerAs, createAccount, testServices } from "../fixtures/db";

// The server tests' clock: Friday 27 Nov 2026, 09:00 WIB.
let w: AdminWorld;
let dlh: number;
let tps: number;
beforeEach(async () => {
  w = await adminWorld();
  dlh = await agencyIdOf(w.db, "DLH");
  tps = await issueIdOf(w.db, 3);
});

/** A caller as `user` whose clock reads `iso`. */
function at(iso: string, user = w.opd) {
  return callerAs(w.db, user, {}, testServices(w.db, { now: () => new Date(iso) }));
}

describe("directions.create", () => {
  it("records an arahan for an agency and an issue, lists it open and audits it", async () => {
    const before = await lastAuditId(w.db);
    const created = await w.asPimpinan.directions.create({
      agencyId: dlh,
      issueId: tps,
      text: "Percepat serah terima TPS.",
      dueDate: "2026-12-07",
    });
    expect(created).toMatchObject({
      agencyId: dlh,
      issueId: tps,
      text: "Percepat serah terima TPS.",
      dueDate: "2026-12-07",
      givenOn: "2026-11-27",
      status: "open",
      overdue: false,
      createdBy: "walikota",
    });
    expect(await w.asOpd.directions.list({ agencyId: dlh })).toEqual([created]);
    const detail = await expectOneAudit(w.db, before, {
      action: "directions.create",
      actorId: w.pimpinan.id,
      entityType: "direction",
      entityId: created.id,
    });
    expect(detail.after).toMatchObject({
      text: "Percepat serah terima TPS.",
      agencyCode: "DLH",
      issueNumber: 3,
    });
  });

  it("counts an arahan recorded for an earlier apel as given at that apel, so that apel's view shows it", async () => {
    // Friday's clock; the apel was on Monday 23 Nov.
    const created = await w.asAdmin.directions.create({
      agencyId: dlh,
      issueId: tps,
      text: "Laporkan jadwal serah terima TPS.",
      dueDate: "2026-11-20",
      apelOn: "2026-11-23",
    });
    expect(created).toMatchObject({ givenOn: "2026-11-23", apelOn: "2026-11-23", overdue: true });
    expect(await w.asAdmin.directions.list({ asOf: "2026-11-23" })).toEqual([
      expect.objectContaining({ id: created.id, overdue: true }),
    ]);
    // An apel not yet held cannot have given it: it is given today.
    const ahead = await w.asAdmin.directions.create({
      agencyId: dlh,
      text: "Siapkan bahan apel berikutnya.",
      dueDate: "2026-12-07",
      apelOn: "2026-11-30",
    });
    expect(ahead.givenOn).toBe("2026-11-27");
  });

  it("accepts a due date in the past (recorded after the fact), which is overdue at once", async () => {
    const created = await w.asAdmin.directions.create({
      agencyId: dlh,
      text: "Laporkan progres TPS.",
      dueDate: "2026-11-20",
      givenOn: "2026-11-16",
    });
    expect(created.overdue).toBe(true);
  });

  it("refuses empty text, a bad date, an unknown agency or issue and an outside party, in Indonesian", async () => {
    const before = await lastAuditId(w.db);
    expect(
      await fieldErrorsOf(
        w.asPimpinan.directions.create({ agencyId: dlh, text: "  ", dueDate: "2026-02-30" }),
      ),
    ).toEqual({
      text: ["Isi arahan wajib diisi."],
      dueDate: ["Tanggal harus berupa tanggal yang sah (TTTT-BB-HH)."],
    });
    expect(
      await fieldErrorsOf(
        w.asPimpinan.directions.create({ agencyId: 99_999, text: "x", dueDate: "2026-12-01" }),
      ),
    ).toEqual({ agencyId: [errors.agencyNotFound] });
    expect(
      await fieldErrorsOf(
        w.asPimpinan.directions.create({ agencyId: dlh, issueId: 99_999, text: "x", dueDate: "2026-12-01" }),
      ),
    ).toEqual({ issueId: [errors.issueNotFound] });
    const donor = await agencyIdOf(w.db, "Forum-TSP");
    expect(
      await fieldErrorsOf(
        w.asPimpinan.directions.create({ agencyId: donor, text: "x", dueDate: "2026-12-01" }),
      ),
    ).toEqual({ agencyId: [errors.directionAgencyNotOpd] });
    await expectNoAudit(w.db, before);
  });
});

describe("directions.close", () => {
  async function arahan(agencyCode = "DLH", dueDate = "2026-11-25") {
    return w.asPimpinan.directions.create({
      agencyId: await agencyIdOf(w.db, agencyCode),
      issueId: tps,
      text: "Tuntaskan kendala lahan TPS.",
      dueDate,
      givenOn: "2026-11-16",
    });
  }

  it("lets the owner agency close it with a note; it is then done, no longer overdue, and audited", async () => {
    const direction = await arahan();
    expect(direction.overdue).toBe(true);
    const before = await lastAuditId(w.db);
    const closed = await w.asOpd.directions.close({ id: direction.id, note: "Lahan sudah dibebaskan." });
    expect(closed).toMatchObject({
      status: "done",
      overdue: false,
      closingNote: "Lahan sudah dibebaskan.",
      closedBy: "dlh-staf",
    });
    expect(await w.asOpd.directions.list({ status: "open" })).toEqual([]);
    const detail = await expectOneAudit(w.db, before, {
      action: "directions.close",
      actorId: w.opd.id,
      entityType: "direction",
      entityId: direction.id,
    });
    expect(detail).toMatchObject({ before: { status: "open" }, after: { status: "done" } });
    // Only what changed: the text and the dates stay out of the record of a closing.
    expect(detail.before).not.toHaveProperty("text");
  });

  it("refuses another agency's OPD and the Wali Kota, and changes nothing", async () => {
    const direction = await arahan("Dishub");
    const before = await lastAuditId(w.db);
    expect((await errorOf(w.asOpd.directions.close({ id: direction.id, note: "Selesai." }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await errorOf(w.asPimpinan.directions.close({ id: direction.id, note: "Selesai." }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await errorOf(w.asAdmin.directions.close({ id: 99_999, note: "Selesai." }))).code).toBe(
      "NOT_FOUND",
    );
    await expectNoAudit(w.db, before);
    expect((await w.asAdmin.directions.list({ status: "open" })).map((d) => d.id)).toEqual([direction.id]);
  });

  it("asks for a note, and says so when the arahan was already closed", async () => {
    const direction = await arahan();
    expect(await fieldErrorsOf(w.asOpd.directions.close({ id: direction.id, note: "" }))).toEqual({
      note: ["Catatan penyelesaian wajib diisi."],
    });
    await w.asOpd.directions.close({ id: direction.id, note: "Selesai." });
    const colleague = await createAccount(w.db, { username: "dlh-dua", role: "opd", agencyCode: "DLH" });
    const again = await errorOf(
      callerAs(w.db, colleague).directions.close({ id: direction.id, note: "Juga." }),
    );
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe(errors.directionAlreadyClosed);
  });
});

describe("the overdue rule, as of a date", () => {
  it("counts an arahan closed after the view date as open and overdue then, and leaves out one not yet given", async () => {
    const direction = await w.asPimpinan.directions.create({
      agencyId: dlh,
      issueId: tps,
      text: "Laporkan serah terima TPS.",
      givenOn: "2026-11-09",
      dueDate: "2026-11-16",
    });
    // Closed on Friday 27 Nov (the test clock).
    await w.asOpd.directions.close({ id: direction.id, note: "Sudah dilaporkan." });

    const onMonday = await w.asOpd.directions.list({ asOf: "2026-11-23" });
    expect(onMonday).toMatchObject([{ id: direction.id, status: "open", overdue: true, closingNote: null }]);
    const onDueDate = await w.asOpd.directions.list({ asOf: "2026-11-16" });
    expect(onDueDate).toMatchObject([{ status: "open", overdue: false }]);
    expect(await w.asOpd.directions.list({ asOf: "2026-11-08" })).toEqual([]);
    expect(await w.asOpd.directions.list({})).toMatchObject([{ status: "done", overdue: false }]);
  });

  it("makes an overdue arahan an attention reason of its issue on the dashboard, for as long as it is overdue", async () => {
    await w.asPimpinan.directions.create({
      agencyId: dlh,
      issueId: tps,
      text: "Laporkan serah terima TPS.",
      givenOn: "2026-11-09",
      dueDate: "2026-11-16",
    });
    const reasonsOfTps = async (asOf?: string) =>
      (await w.asPimpinan.dashboard.summary({ asOf })).attention.find((i) => i.number === 3)?.reasons ?? [];
    expect(await reasonsOfTps()).toContainEqual({ kind: "directions_overdue", count: 1 });
    expect(await reasonsOfTps("2026-11-16")).not.toContainEqual(
      expect.objectContaining({ kind: "directions_overdue" }),
    );
  });

  it("gives the exports plain rows through listDirections, with the same overdue flag", async () => {
    const created = await w.asPimpinan.directions.create({
      agencyId: dlh,
      text: "Siapkan data TPS.",
      dueDate: "2026-11-20",
      givenOn: "2026-11-16",
    });
    const rows = await listDirections(w.db, { asOf: "2026-11-27", status: "open", agencyId: dlh });
    expect(rows).toEqual([created]);
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
    expect(await listDirections(w.db, { asOf: "2026-11-18" })).toMatchObject([{ overdue: false }]);
  });
});

describe("apels", () => {
  it("defaults to this week's Monday, compared with the Monday before, until apels are recorded", async () => {
    expect(await w.asOpd.apels.list()).toEqual({
      recorded: [],
      current: { date: "2026-11-23", previous: "2026-11-16", previousRecorded: false },
    });
    const before = await lastAuditId(w.db);
    await w.asPimpinan.apels.record({ date: "2026-11-10" });
    await expectOneAudit(w.db, before, {
      action: "apels.record",
      actorId: w.pimpinan.id,
      entityType: "apel",
    });
    // Recording it again is harmless and audits nothing.
    const again = await lastAuditId(w.db);
    expect(await w.asAdmin.apels.record({ date: "2026-11-10" })).toEqual({
      date: "2026-11-10",
      created: false,
    });
    await expectNoAudit(w.db, again);
    // A Tuesday apel (a Monday holiday) is the latest apel until the next Monday.
    await w.asAdmin.apels.record({ date: "2026-11-24" });
    expect((await w.asOpd.apels.list()).current).toEqual({
      date: "2026-11-24",
      previous: "2026-11-10",
      previousRecorded: true,
    });
    expect((await at("2026-11-30T01:00:00Z").apels.list()).current.date).toBe("2026-11-30");
  });

  it("refuses an apel date in the future", async () => {
    const error = await errorOf(w.asAdmin.apels.record({ date: "2026-11-30" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(errors.apelInFuture);
  });

  it("replays the apel of 18 Nov 2024 against 11 Nov: 3 of 11 issues in penanganan, the dashboard's own figures", async () => {
    const deck = await w.asPimpinan.apels.deck({ per: "2024-11-18" });
    expect(deck.apel).toEqual({
      date: "2024-11-18",
      previous: "2024-11-11",
      previousRecorded: false,
      recorded: false,
    });
    expect(deck.summary.inHandlingOrLater).toBe(3);
    expect(deck.summary.total).toBe(11);
    expect(deck.summary).toEqual(
      await w.asPimpinan.dashboard.summary({ asOf: "2024-11-18", since: "2024-11-11" }),
    );
    expect(deck.issues.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const tpsSlide = deck.issues.find((i) => i.number === 3);
    expect(tpsSlide?.stage).toBe("penanganan");
    expect(tpsSlide?.latest?.note).toContain("memasuki tahap penanganan");
    expect(deck.summary.changes.find((c) => c.number === 3)).toMatchObject({
      fromStage: "identifikasi",
      toStage: "penanganan",
    });
    // The awards handed over at that apel are new; none dated after it are shown.
    expect(deck.awards.length).toBeGreaterThan(0);
    expect(deck.awards.every((a) => a.eventDate <= "2024-11-18" && a.isNew)).toBe(true);
    // Today's deck: no award is new since last Monday, so the slide shows them all.
    const today = await w.asPimpinan.apels.deck({});
    expect(today.apel.date).toBe("2026-11-23");
    expect(today.awards.some((a) => a.isNew)).toBe(false);
  });
});
