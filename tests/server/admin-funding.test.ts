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
  issueIdOf,
  lastAuditId,
} from "../fixtures/admin";

let w: AdminWorld;
/** Issue #4, the Soekarno-Hatta flooding, funded by the province and the city. */
let flood: number;

beforeEach(async () => {
  w = await adminWorld();
  flood = await issueIdOf(w.db, 4);
});

describe("funding lines", () => {
  const line = {
    source: "apbd_kota" as const,
    description: "Sodetan tambahan oleh Pemkot",
    fiscalYear: 2025,
    amountPlanned: 1_750_000_000,
    confirmed: false,
    sourceName: "malangkota.go.id",
    sourceUrl: "https://malangkota.go.id/berita/sodetan",
  };

  it("adds a line that issues.byId then shows, in whole Rupiah", async () => {
    const before = await lastAuditId(w.db);
    const added = await w.asAdmin.issues.addFunding({ issueId: flood, ...line });
    expect(added).toMatchObject({ issueId: flood, ...line, amountRealised: null, donor: null });
    const funding = (await w.asPimpinan.issues.byId({ id: flood })).funding;
    expect(funding).toHaveLength(4);
    expect(funding[3]).toEqual({ ...added, superseded: false });
    const detail = await expectOneAudit(w.db, before, {
      action: "issues.addFunding",
      actorId: w.admin.id,
      entityType: "funding_line",
      entityId: added.id,
    });
    expect(detail).toMatchObject({ before: null, after: { ...line, donorCode: null } });
  });

  it("names a donor agency", async () => {
    const donor = await agencyIdOf(w.db, "Bank-Jatim");
    const added = await w.asAdmin.issues.addFunding({
      issueId: flood,
      source: "csr",
      description: "CSR pompa air",
      donorAgencyId: donor,
      confirmed: true,
    });
    expect(added.donor).toMatchObject({ id: donor, code: "Bank-Jatim" });
  });

  it("refuses negative or fractional Rupiah, a bad link, an unknown source or donor, in Indonesian", async () => {
    const before = await lastAuditId(w.db);
    const fields = await fieldErrorsOf(
      w.asAdmin.issues.addFunding({
        issueId: flood,
        ...line,
        source: "hibah" as "apbn",
        amountPlanned: -1,
        amountRealised: 1_000.5,
        sourceUrl: "ftp://malangkota.go.id/berkas",
      }),
    );
    expect(fields).toEqual({
      source: ["Pilih sumber dana yang tersedia."],
      amountPlanned: ["Nilai rencana tidak boleh negatif."],
      amountRealised: ["Nilai realisasi harus dalam Rupiah utuh, tanpa sen."],
      sourceUrl: ["Tautan sumber harus berupa alamat web (http:// atau https://)."],
    });
    expect(
      (
        await fieldErrorsOf(
          w.asAdmin.issues.addFunding({ issueId: flood, ...line, sourceUrl: "bukan alamat" }),
        )
      ).sourceUrl,
    ).toEqual(["Tautan sumber harus berupa alamat web (http:// atau https://)."]);
    expect(
      await fieldErrorsOf(w.asAdmin.issues.addFunding({ issueId: flood, ...line, donorAgencyId: 99_999 })),
    ).toEqual({
      donorAgencyId: [errors.agencyNotFound],
    });
    await expectNoAudit(w.db, before);
    expect((await w.asAdmin.issues.byId({ id: flood })).funding).toHaveLength(3);
  });

  it("answers NOT_FOUND for a line on an unknown issue", async () => {
    const error = await errorOf(w.asAdmin.issues.addFunding({ issueId: 99_999, ...line }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe(errors.issueNotFound);
  });

  it("updates a line and records only what changed", async () => {
    const [shown] = (await w.asAdmin.issues.byId({ id: flood })).funding;
    if (!shown) throw new Error("issue #4 has funding");
    const { superseded, ...first } = shown;
    const before = await lastAuditId(w.db);
    const updated = await w.asAdmin.issues.updateFunding({
      id: first.id,
      amountRealised: 8_000_000_000,
      confirmed: true,
    });
    expect(updated).toEqual({ ...first, issueId: flood, amountRealised: 8_000_000_000, confirmed: true });
    expect((await w.asAdmin.issues.byId({ id: flood })).funding[0]).toEqual({ ...updated, superseded });
    const detail = await expectOneAudit(w.db, before, {
      action: "issues.updateFunding",
      actorId: w.admin.id,
      entityId: first.id,
    });
    expect(detail.before).toEqual({
      amountRealised: first.amountRealised,
      ...(first.confirmed ? {} : { confirmed: false }),
    });
    expect(detail.after).toMatchObject({ amountRealised: 8_000_000_000 });

    expect((await w.asAdmin.issues.updateFunding({ id: first.id, donorAgencyId: null })).donor).toBeNull();
    expect(
      (await fieldErrorsOf(w.asAdmin.issues.updateFunding({ id: first.id, amountPlanned: -100 })))
        .amountPlanned,
    ).toEqual(["Nilai rencana tidak boleh negatif."]);
    const missing = await errorOf(w.asAdmin.issues.updateFunding({ id: 99_999, confirmed: true }));
    expect(missing.code).toBe("NOT_FOUND");
    expect(missing.message).toBe(errors.fundingNotFound);
  });

  it("removes a line, which issues.byId then no longer shows", async () => {
    const [first, second] = (await w.asAdmin.issues.byId({ id: flood })).funding;
    if (!first || !second) throw new Error("issue #4 has funding lines");
    const before = await lastAuditId(w.db);
    expect(await w.asAdmin.issues.removeFunding({ id: first.id })).toMatchObject({ id: first.id });
    const after = (await w.asAdmin.issues.byId({ id: flood })).funding.map((f) => f.id);
    expect(after).not.toContain(first.id);
    expect(after).toContain(second.id);
    const detail = await expectOneAudit(w.db, before, {
      action: "issues.removeFunding",
      actorId: w.admin.id,
      entityId: first.id,
    });
    expect(detail).toMatchObject({ before: { description: first.description }, after: null });
    expect((await errorOf(w.asAdmin.issues.removeFunding({ id: first.id }))).code).toBe("NOT_FOUND");
  });
});
