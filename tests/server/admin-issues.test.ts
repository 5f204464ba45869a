import { beforeEach, describe, expect, it } from "vitest";
import { errors } from "../../shared/messages/id-errors";
import { CHAIN_DUPLICATE } from "../../shared/schemas/issues";
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
/** Issue #4, the Soekarno-Hatta flooding: led by DPUPRPKP, built by the province. */
let flood: number;

beforeEach(async () => {
  w = await adminWorld();
  flood = await issueIdOf(w.db, 4);
});

const DATE_MESSAGE = "Tanggal harus berupa tanggal yang sah (TTTT-BB-HH).";

describe("issues.updateDetails", () => {
  it("edits what the issue is, records only what changed, and leaves its state and history alone", async () => {
    const was = await w.asAdmin.issues.byId({ id: flood });
    const timeline = await w.asAdmin.updates.timeline({ issueId: flood });
    const before = await lastAuditId(w.db);

    const issue = await w.asAdmin.issues.updateDetails({
      id: flood,
      title: "Banjir Soekarno-Hatta",
      indicator: { label: "Panjang saluran terbangun", unit: "meter", target: 1300, baseline: 0 },
      startDate: "2024-08-01",
      targetDate: "2025-12-31",
      targetDatePrecision: "month",
    });
    expect(issue).toMatchObject({
      title: "Banjir Soekarno-Hatta",
      description: was.description,
      location: was.location,
      indicator: { label: "Panjang saluran terbangun", unit: "meter", target: 1300, baseline: 0 },
      startDate: "2024-08-01",
      targetDate: "2025-12-31",
      targetDatePrecision: "month",
      stage: was.stage,
      health: was.health,
      version: was.version,
      lastUpdatedAt: was.lastUpdatedAt,
    });
    expect(await w.asPimpinan.issues.byId({ id: flood })).toMatchObject({ title: "Banjir Soekarno-Hatta" });
    expect(await w.asAdmin.updates.timeline({ issueId: flood })).toEqual(timeline);

    const detail = await expectOneAudit(w.db, before, {
      action: "issues.updateDetails",
      actorId: w.admin.id,
      entityType: "issue",
      entityId: flood,
    });
    expect(Object.keys(detail.after).sort()).toEqual([
      "indicator",
      "startDate",
      "targetDate",
      "targetDatePrecision",
      "title",
    ]);
    expect(detail.before).toMatchObject({ title: "Banjir kawasan Soekarno-Hatta", indicator: null });
  });

  it("clears an indicator with null and a note with an empty text", async () => {
    const tps = await issueIdOf(w.db, 3);
    expect((await w.asAdmin.issues.byId({ id: tps })).indicator).not.toBeNull();
    const issue = await w.asAdmin.issues.updateDetails({ id: tps, indicator: null, location: "" });
    expect(issue.indicator).toBeNull();
    expect(issue.location).toBeNull();
  });

  it("hands the issue to another OPD, whose staff may then post its updates", async () => {
    const dlh = await agencyIdOf(w.db, "DLH");
    expect((await w.asOpd.issues.byId({ id: flood })).canUpdate).toBe(false);
    const issue = await w.asAdmin.issues.updateDetails({ id: flood, leadAgencyId: dlh });
    expect(issue.leadAgency).toMatchObject({ id: dlh, code: "DLH" });
    expect((await w.asOpd.issues.byId({ id: flood })).canUpdate).toBe(true);
    await expect(
      w.asOpd.updates.create({ issueId: flood, expectedVersion: issue.version, note: "Survei lokasi" }),
    ).resolves.toMatchObject({ version: issue.version + 1 });
  });

  it("refuses a lead that is unknown, an outside party, or already in the chain", async () => {
    const before = await lastAuditId(w.db);
    expect(await fieldErrorsOf(w.asAdmin.issues.updateDetails({ id: flood, leadAgencyId: 99_999 }))).toEqual({
      leadAgencyId: [errors.agencyNotFound],
    });
    const province = await agencyIdOf(w.db, "DPUSDA-Jatim");
    expect(
      await fieldErrorsOf(w.asAdmin.issues.updateDetails({ id: flood, leadAgencyId: province })),
    ).toEqual({
      leadAgencyId: [errors.leadNotOpd],
    });
    const dinkes = await agencyIdOf(w.db, "Dinkes");
    await w.asAdmin.issues.setChain({ issueId: flood, chain: [{ agencyId: dinkes, role: "pendukung" }] });
    const afterChain = await lastAuditId(w.db);
    expect(await fieldErrorsOf(w.asAdmin.issues.updateDetails({ id: flood, leadAgencyId: dinkes }))).toEqual({
      leadAgencyId: [errors.leadInChain],
    });
    expect(afterChain).toBe(before + 1);
    await expectNoAudit(w.db, afterChain);
    expect((await w.asAdmin.issues.byId({ id: flood })).leadAgency.code).toBe("DPUPRPKP");
  });

  it("refuses bad dates, an empty title and a negative target, in Indonesian", async () => {
    const fields = await fieldErrorsOf(
      w.asAdmin.issues.updateDetails({
        id: flood,
        title: " ",
        startDate: "2025-02-30",
        targetDate: "31-12-2025",
        indicator: { label: "Saluran", unit: "meter", target: -5 },
      }),
    );
    expect(fields).toEqual({
      title: ["Judul isu wajib diisi."],
      startDate: [DATE_MESSAGE],
      targetDate: [DATE_MESSAGE],
      indicator: ["Target indikator tidak boleh negatif."],
    });
    expect(
      await fieldErrorsOf(
        w.asAdmin.issues.updateDetails({ id: flood, startDate: "2025-06-01", targetDate: "2025-01-31" }),
      ),
    ).toEqual({ targetDate: [errors.targetBeforeStart] });
  });

  it("checks a new start date against the target date already recorded", async () => {
    const tps = await issueIdOf(w.db, 3);
    expect((await w.asAdmin.issues.byId({ id: tps })).targetDate).toBe("2024-12-31");
    expect(await fieldErrorsOf(w.asAdmin.issues.updateDetails({ id: tps, startDate: "2025-01-01" }))).toEqual(
      {
        startDate: [errors.targetBeforeStart],
      },
    );
  });

  it("answers NOT_FOUND for an unknown issue", async () => {
    const error = await errorOf(w.asAdmin.issues.updateDetails({ id: 99_999, title: "Isu baru" }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe(errors.issueNotFound);
  });
});

describe("issues.setChain", () => {
  it("replaces the delivery chain; a supporting OPD may then post updates, and no longer once removed", async () => {
    const province = await agencyIdOf(w.db, "DPUSDA-Jatim");
    const dlh = await agencyIdOf(w.db, "DLH");
    const before = await lastAuditId(w.db);
    const issue = await w.asAdmin.issues.setChain({
      issueId: flood,
      chain: [
        { agencyId: province, role: "pelaksana", note: "Membangun saluran" },
        { agencyId: dlh, role: "pendukung", note: "Kebersihan saluran" },
      ],
    });
    const shown = (await w.asPimpinan.issues.byId({ id: flood })).chain;
    expect(issue.chain).toEqual(shown);
    expect(shown.map((c) => [c.agency.code, c.role, c.note])).toEqual([
      ["DPUSDA-Jatim", "pelaksana", "Membangun saluran"],
      ["DLH", "pendukung", "Kebersihan saluran"],
    ]);
    const detail = await expectOneAudit(w.db, before, {
      action: "issues.setChain",
      actorId: w.admin.id,
      entityType: "issue",
      entityId: flood,
    });
    expect(detail.before).toEqual([
      {
        agencyId: province,
        agencyCode: "DPUSDA-Jatim",
        role: "pelaksana",
        note: "Membangun saluran dengan APBD Provinsi",
        since: "2024-10-29",
      },
    ]);
    expect(detail.after).toHaveLength(2);
    expect((await w.asOpd.issues.byId({ id: flood })).canUpdate).toBe(true);

    await w.asAdmin.issues.setChain({ issueId: flood, chain: [] });
    expect((await w.asAdmin.issues.byId({ id: flood })).chain).toEqual([]);
    expect((await w.asOpd.issues.byId({ id: flood })).canUpdate).toBe(false);
    const refused = await errorOf(
      w.asOpd.updates.create({ issueId: flood, expectedVersion: issue.version, note: "x" }),
    );
    expect(refused.code).toBe("FORBIDDEN");
  });

  it("refuses an unknown agency, the same party twice, the lead, or an unknown role, and keeps the old chain", async () => {
    const was = (await w.asAdmin.issues.byId({ id: flood })).chain;
    const before = await lastAuditId(w.db);
    const dlh = await agencyIdOf(w.db, "DLH");
    const lead = await agencyIdOf(w.db, "DPUPRPKP");
    expect(
      await fieldErrorsOf(
        w.asAdmin.issues.setChain({ issueId: flood, chain: [{ agencyId: 99_999, role: "mitra" }] }),
      ),
    ).toEqual({ chain: [errors.agencyNotFound] });
    expect(
      await fieldErrorsOf(
        w.asAdmin.issues.setChain({
          issueId: flood,
          chain: [
            { agencyId: dlh, role: "mitra" },
            { agencyId: dlh, role: "pendukung" },
          ],
        }),
      ),
    ).toEqual({ chain: [CHAIN_DUPLICATE] });
    expect(
      await fieldErrorsOf(
        w.asAdmin.issues.setChain({ issueId: flood, chain: [{ agencyId: lead, role: "pendukung" }] }),
      ),
    ).toEqual({ chain: [errors.chainHasLead] });
    expect(
      await fieldErrorsOf(
        w.asAdmin.issues.setChain({ issueId: flood, chain: [{ agencyId: dlh, role: "sponsor" as "mitra" }] }),
      ),
    ).toEqual({ chain: ["Pilih peran yang tersedia."] });
    await expectNoAudit(w.db, before);
    expect((await w.asAdmin.issues.byId({ id: flood })).chain).toEqual(was);
  });

  it("answers NOT_FOUND for an unknown issue", async () => {
    expect((await errorOf(w.asAdmin.issues.setChain({ issueId: 99_999, chain: [] }))).code).toBe("NOT_FOUND");
  });
});

describe("an OPD of the issue", () => {
  it("still cannot edit what the issue is", async () => {
    const tps = await issueIdOf(w.db, 3);
    expect((await w.asOpd.issues.byId({ id: tps })).canUpdate).toBe(true);
    expect((await errorOf(w.asOpd.issues.updateDetails({ id: tps, title: "TPS" }))).code).toBe("FORBIDDEN");
    expect((await errorOf(w.asOpd.issues.setChain({ issueId: tps, chain: [] }))).code).toBe("FORBIDDEN");
  });
});
