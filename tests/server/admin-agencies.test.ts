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

const BPBD = { code: "BPBD", name: "Badan Penanggulangan Bencana Daerah", kind: "badan" as const };

describe("agencies.create", () => {
  it("adds an agency that every signed-in user then sees", async () => {
    const before = await lastAuditId(w.db);
    const agency = await w.asAdmin.agencies.create(BPBD);
    expect(agency).toEqual({ id: expect.any(Number), ...BPBD });
    expect(
      await expectOneAudit(w.db, before, {
        action: "agencies.create",
        actorId: w.admin.id,
        entityType: "agency",
        entityId: agency.id,
      }),
    ).toEqual({ before: null, after: BPBD });
    expect(await w.asOpd.agencies.list()).toContainEqual(agency);
  });

  it("refuses a code already taken in another case, and writes nothing", async () => {
    const count = (await w.asAdmin.agencies.list()).length;
    const before = await lastAuditId(w.db);
    expect(await fieldErrorsOf(w.asAdmin.agencies.create({ ...BPBD, code: "dlh" }), "CONFLICT")).toEqual({
      code: [errors.agencyCodeTaken],
    });
    expect(await w.asAdmin.agencies.list()).toHaveLength(count);
    await expectNoAudit(w.db, before);
  });

  it("refuses an unknown kind, an empty name and a code with odd characters, in Indonesian", async () => {
    const fields = await fieldErrorsOf(
      w.asAdmin.agencies.create({ code: "BPBD/Kota", name: "  ", kind: "swasta" as "badan" }),
    );
    expect(fields).toEqual({
      code: ["Kode OPD hanya boleh berisi huruf, angka, spasi, titik, garis bawah dan tanda hubung."],
      name: ["Nama OPD wajib diisi."],
      kind: ["Pilih jenis instansi yang tersedia."],
    });
  });
});

describe("agencies.update", () => {
  it("renames an agency and records only what changed", async () => {
    const id = await agencyIdOf(w.db, "Dishub");
    const before = await lastAuditId(w.db);
    const agency = await w.asAdmin.agencies.update({ id, name: "Dinas Perhubungan Kota Malang" });
    expect(agency).toEqual({ id, code: "Dishub", name: "Dinas Perhubungan Kota Malang", kind: "dinas" });
    expect(
      await expectOneAudit(w.db, before, { action: "agencies.update", actorId: w.admin.id, entityId: id }),
    ).toEqual({ before: { name: "Dinas Perhubungan" }, after: { name: "Dinas Perhubungan Kota Malang" } });
    const issues = await w.asAdmin.issues.list();
    expect(issues.find((i) => i.number === 5)?.leadAgency.name).toBe("Dinas Perhubungan Kota Malang");
  });

  it("lets an agency change the case of its own code, but not take another's", async () => {
    const id = await agencyIdOf(w.db, "Dishub");
    expect((await w.asAdmin.agencies.update({ id, code: "DISHUB" })).code).toBe("DISHUB");
    const before = await lastAuditId(w.db);
    expect(await fieldErrorsOf(w.asAdmin.agencies.update({ id, code: "Dlh" }), "CONFLICT")).toEqual({
      code: [errors.agencyCodeTaken],
    });
    await expectNoAudit(w.db, before);
    expect((await w.asAdmin.agencies.list()).find((a) => a.id === id)?.code).toBe("DISHUB");
  });

  it("keeps an agency with accounts, or one that leads an issue, among the city's OPD", async () => {
    const dlh = await agencyIdOf(w.db, "DLH");
    expect(await fieldErrorsOf(w.asAdmin.agencies.update({ id: dlh, kind: "csr" }))).toEqual({
      kind: [errors.kindHasAccounts],
    });
    const dishub = await agencyIdOf(w.db, "Dishub");
    expect(await fieldErrorsOf(w.asAdmin.agencies.update({ id: dishub, kind: "lainnya" }))).toEqual({
      kind: [errors.kindLeadsIssue],
    });
    // Another OPD kind is fine, and so is any kind for an agency nobody depends on.
    expect((await w.asAdmin.agencies.update({ id: dlh, kind: "badan" })).kind).toBe("badan");
    const koni = await agencyIdOf(w.db, "KONI");
    expect((await w.asAdmin.agencies.update({ id: koni, kind: "csr" })).kind).toBe("csr");
  });

  it("answers NOT_FOUND for an unknown agency", async () => {
    const error = await errorOf(w.asAdmin.agencies.update({ id: 99_999, name: "Tidak ada" }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe(errors.agencyNotFound);
  });
});
