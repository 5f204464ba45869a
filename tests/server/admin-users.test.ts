import { beforeEach, describe, expect, it } from "vitest";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "../../server/auth/password";
import { errors } from "../../shared/messages/id-errors";
import { AGENCY_ONLY_FOR_OPD, OPD_AGENCY_REQUIRED } from "../../shared/schemas/users";
import {
  type AdminWorld,
  adminWorld,
  errorOf,
  expectNoAudit,
  expectOneAudit,
  fieldErrorsOf,
  lastAuditId,
} from "../fixtures/admin";

const PASSWORD = "lapor-progres-tiap-senin";

let w: AdminWorld;
beforeEach(async () => {
  w = await adminWorld();
});

/** Signs in as nobody would from the login page; the error when it fails. */
function login(username: string, password: string) {
  return w.asNobody.auth.login({ username, password });
}

describe("users.list", () => {
  it("lists the accounts people sign in with, and no password hash", async () => {
    const users = await w.asAdmin.users.list();
    expect(users.map((u) => u.username)).toEqual(["dlh-staf", "sekda", "walikota"]);
    expect(users.find((u) => u.username === "dlh-staf")).toMatchObject({
      role: "opd",
      active: true,
      agency: { code: "DLH" },
    });
    const text = JSON.stringify(users);
    expect(text).not.toContain("argon2");
    expect(text).not.toMatch(/password/i);
  });
});

describe("users.create", () => {
  it("creates an OPD account whose agency is typed in any case; it can sign in", async () => {
    const before = await lastAuditId(w.db);
    const user = await w.asAdmin.users.create({
      username: "Dishub-Operator",
      displayName: "Operator Dishub",
      role: "opd",
      agencyCode: "dishub",
      password: PASSWORD,
    });
    expect(user).toMatchObject({
      username: "Dishub-Operator",
      displayName: "Operator Dishub",
      role: "opd",
      active: true,
      agency: { code: "Dishub" },
    });
    expect(user).not.toHaveProperty("passwordHash");
    const detail = await expectOneAudit(w.db, before, {
      action: "users.create",
      actorId: w.admin.id,
      entityType: "user",
      entityId: user.id,
      secrets: [PASSWORD],
    });
    expect(detail).toEqual({
      before: null,
      after: {
        username: "Dishub-Operator",
        displayName: "Operator Dishub",
        role: "opd",
        agencyCode: "Dishub",
        active: true,
      },
    });
    await expect(login("dishub-operator", PASSWORD)).resolves.toMatchObject({ id: user.id });
  });

  it("creates a mayor's account with no agency", async () => {
    const user = await w.asAdmin.users.create({
      username: "wakil",
      displayName: "Wakil Wali Kota",
      role: "pimpinan",
      password: PASSWORD,
    });
    expect(user).toMatchObject({ role: "pimpinan", agency: null });
    expect((await w.asAdmin.users.list()).map((u) => u.username)).toContain("wakil");
  });

  const valid = { username: "baru", displayName: "Akun Baru", role: "opd" as const, agencyCode: "DLH" };

  it("refuses a short password and a common one, next to the password field", async () => {
    expect(isCommonPassword("iloveyou")).toBe(true);
    const before = await lastAuditId(w.db);
    expect(await fieldErrorsOf(w.asAdmin.users.create({ ...valid, password: "pendek" }))).toEqual({
      password: ["Kata sandi minimal 8 karakter, tanpa spasi di awal dan akhir."],
    });
    expect(await fieldErrorsOf(w.asAdmin.users.create({ ...valid, password: "iloveyou" }))).toEqual({
      password: [COMMON_PASSWORD_MESSAGE],
    });
    expect(await fieldErrorsOf(w.asAdmin.users.create({ ...valid, password: "IloveYou" }))).toEqual({
      password: [COMMON_PASSWORD_MESSAGE],
    });
    await expectNoAudit(w.db, before);
    expect((await w.asAdmin.users.list()).map((u) => u.username)).not.toContain("baru");
  });

  it("requires an agency for an OPD account, and only for one", async () => {
    const { agencyCode: _, ...noAgency } = valid;
    expect(
      (await fieldErrorsOf(w.asAdmin.users.create({ ...noAgency, password: PASSWORD }))).agencyCode,
    ).toEqual([OPD_AGENCY_REQUIRED]);
    expect(
      (await fieldErrorsOf(w.asAdmin.users.create({ ...valid, agencyCode: "", password: PASSWORD })))
        .agencyCode,
    ).toEqual([OPD_AGENCY_REQUIRED]);
    expect(
      (await fieldErrorsOf(w.asAdmin.users.create({ ...valid, role: "pimpinan", password: PASSWORD })))
        .agencyCode,
    ).toEqual([AGENCY_ONLY_FOR_OPD]);
  });

  it("refuses an agency that does not exist or is not one of the city's OPD", async () => {
    expect(
      await fieldErrorsOf(w.asAdmin.users.create({ ...valid, agencyCode: "DINAS-X", password: PASSWORD })),
    ).toEqual({ agencyCode: [errors.agencyCodeUnknown] });
    expect(
      await fieldErrorsOf(w.asAdmin.users.create({ ...valid, agencyCode: "forum-tsp", password: PASSWORD })),
    ).toEqual({ agencyCode: [errors.accountAgencyNotOpd] });
  });

  it("refuses an unknown role and a bad username in Indonesian", async () => {
    const fields = await fieldErrorsOf(
      w.asAdmin.users.create({ ...valid, username: "a b", role: "root" as "admin", password: PASSWORD }),
    );
    expect(fields.role).toEqual(["Pilih peran yang tersedia."]);
    expect(fields.username).toEqual([
      "Nama pengguna hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung.",
    ]);
  });

  it("refuses a username already taken in another case, and writes nothing", async () => {
    const before = await lastAuditId(w.db);
    const usersBefore = await w.db.selectFrom("users").select("id").execute();
    const fields = await fieldErrorsOf(
      w.asAdmin.users.create({ ...valid, username: "DLH-Staf", password: PASSWORD }),
      "CONFLICT",
    );
    expect(fields).toEqual({ username: [errors.usernameTaken] });
    expect(await w.db.selectFrom("users").select("id").execute()).toEqual(usersBefore);
    await expectNoAudit(w.db, before);
  });
});

describe("users.update", () => {
  it("renames an account and records only what changed", async () => {
    const before = await lastAuditId(w.db);
    const user = await w.asAdmin.users.update({ id: w.opd.id, displayName: "Seksi Persampahan DLH" });
    expect(user).toMatchObject({
      displayName: "Seksi Persampahan DLH",
      role: "opd",
      agency: { code: "DLH" },
    });
    const detail = await expectOneAudit(w.db, before, {
      action: "users.update",
      actorId: w.admin.id,
      entityType: "user",
      entityId: w.opd.id,
    });
    expect(detail).toEqual({
      before: { displayName: "dlh-staf" },
      after: { displayName: "Seksi Persampahan DLH" },
    });
  });

  it("moves an OPD account to another OPD, which then decides what it may update", async () => {
    const user = await w.asAdmin.users.update({ id: w.opd.id, agencyCode: "dpuprpkp" });
    expect(user.agency?.code).toBe("DPUPRPKP");
    const row = await w.db
      .selectFrom("users")
      .select("agency_id")
      .where("id", "=", w.opd.id)
      .executeTakeFirst();
    expect(row?.agency_id).toBe(user.agency?.id);
  });

  it("unlinks the agency when the account leaves the opd role, and asks for one when it joins", async () => {
    expect(await w.asAdmin.users.update({ id: w.opd.id, role: "pimpinan" })).toMatchObject({
      role: "pimpinan",
      agency: null,
    });
    expect(await fieldErrorsOf(w.asAdmin.users.update({ id: w.pimpinan.id, role: "opd" }))).toEqual({
      agencyCode: [OPD_AGENCY_REQUIRED],
    });
    expect(
      await w.asAdmin.users.update({ id: w.pimpinan.id, role: "opd", agencyCode: "Dinkes" }),
    ).toMatchObject({ role: "opd", agency: { code: "Dinkes" } });
    expect(await fieldErrorsOf(w.asAdmin.users.update({ id: w.pimpinan.id, agencyCode: null }))).toEqual({
      agencyCode: [OPD_AGENCY_REQUIRED],
    });
    expect(await fieldErrorsOf(w.asAdmin.users.update({ id: w.admin.id, agencyCode: "DLH" }))).toEqual({
      agencyCode: [AGENCY_ONLY_FOR_OPD],
    });
  });

  it("will not let an admin change their own role", async () => {
    const before = await lastAuditId(w.db);
    expect(await fieldErrorsOf(w.asAdmin.users.update({ id: w.admin.id, role: "pimpinan" }))).toEqual({
      role: [errors.cannotChangeOwnRole],
    });
    await expectNoAudit(w.db, before);
    expect((await w.asAdmin.users.update({ id: w.admin.id, displayName: "Sekda" })).role).toBe("admin");
  });

  it("answers NOT_FOUND for an unknown account and for the password-less author of the shipped history", async () => {
    const author = await w.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "data-awal")
      .executeTakeFirstOrThrow();
    for (const id of [99_999, author.id]) {
      const error = await errorOf(w.asAdmin.users.update({ id, displayName: "Siapa" }));
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe(errors.userNotFound);
      expect((await errorOf(w.asAdmin.users.resetPassword({ id, password: PASSWORD }))).code).toBe(
        "NOT_FOUND",
      );
      expect((await errorOf(w.asAdmin.users.activate({ id }))).code).toBe("NOT_FOUND");
      expect((await errorOf(w.asAdmin.users.deactivate({ id }))).code).toBe("NOT_FOUND");
    }
  });
});
