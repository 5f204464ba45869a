import { beforeEach, describe, expect, it } from "vitest";
import { COMMON_PASSWORD_MESSAGE } from "../../server/auth/password";
import { createSession, resolveSession } from "../../server/auth/sessions";
import { errors } from "../../shared/messages/id-errors";
import {
  type AdminWorld,
  adminWorld,
  errorOf,
  expectNoAudit,
  expectOneAudit,
  fieldErrorsOf,
  lastAuditId,
} from "../fixtures/admin";
import { TEST_NOW, TEST_PASSWORD } from "../fixtures/db";

const PASSWORD = "lapor-progres-tiap-senin";
/** Any policy long enough for the test: these sessions end by being deleted, not by expiring. */
const POLICY = { idleMs: 3_600_000, absoluteMs: 86_400_000 };

let w: AdminWorld;
beforeEach(async () => {
  w = await adminWorld();
});

function login(username: string, password: string) {
  return w.asNobody.auth.login({ username, password });
}

async function wrongPasswordMessage(): Promise<string> {
  return (await errorOf(login("sekda", "bukan-kata-sandinya"))).message;
}

describe("users.deactivate", () => {
  it("ends the account's sessions at once, and it can no longer sign in", async () => {
    const phone = await createSession(w.db, w.opd.id, TEST_NOW, POLICY);
    const laptop = await createSession(w.db, w.opd.id, TEST_NOW, POLICY);
    const mine = await createSession(w.db, w.admin.id, TEST_NOW, POLICY);
    expect(await resolveSession(w.db, phone.token, TEST_NOW, POLICY)).toMatchObject({ id: w.opd.id });

    const before = await lastAuditId(w.db);
    const user = await w.asAdmin.users.deactivate({ id: w.opd.id });
    expect(user.active).toBe(false);
    const detail = await expectOneAudit(w.db, before, {
      action: "users.deactivate",
      actorId: w.admin.id,
      entityType: "user",
      entityId: w.opd.id,
    });
    expect(detail).toEqual({ before: { active: true }, after: { active: false }, sessionsEnded: 2 });

    expect(await resolveSession(w.db, phone.token, TEST_NOW, POLICY)).toBeNull();
    expect(await resolveSession(w.db, laptop.token, TEST_NOW, POLICY)).toBeNull();
    expect(await resolveSession(w.db, mine.token, TEST_NOW, POLICY)).toMatchObject({ id: w.admin.id });

    const refused = await errorOf(login("dlh-staf", TEST_PASSWORD));
    expect(refused.code).toBe("UNAUTHORIZED");
    expect(refused.message).toBe(await wrongPasswordMessage());
  });

  it("will not let an admin deactivate themself", async () => {
    const before = await lastAuditId(w.db);
    const error = await errorOf(w.asAdmin.users.deactivate({ id: w.admin.id }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(errors.cannotDeactivateSelf);
    await expectNoAudit(w.db, before);
    await expect(login("sekda", TEST_PASSWORD)).resolves.toMatchObject({ id: w.admin.id });
  });

  it("lets one admin deactivate another", async () => {
    const other = await w.asAdmin.users.create({
      username: "sekda-2",
      displayName: "Admin Kedua",
      role: "admin",
      password: PASSWORD,
    });
    expect((await w.asAdmin.users.deactivate({ id: other.id })).active).toBe(false);
  });
});

describe("users.activate", () => {
  it("lets a deactivated account sign in again", async () => {
    await w.asAdmin.users.deactivate({ id: w.opd.id });
    const before = await lastAuditId(w.db);
    expect((await w.asAdmin.users.activate({ id: w.opd.id })).active).toBe(true);
    expect(
      await expectOneAudit(w.db, before, {
        action: "users.activate",
        actorId: w.admin.id,
        entityId: w.opd.id,
      }),
    ).toEqual({ before: { active: false }, after: { active: true }, sessionsEnded: 0 });
    await expect(login("dlh-staf", TEST_PASSWORD)).resolves.toMatchObject({ id: w.opd.id });
  });
});

describe("users.resetPassword", () => {
  it("sets a new password, ends every session, and records no secret", async () => {
    const session = await createSession(w.db, w.opd.id, TEST_NOW, POLICY);
    const before = await lastAuditId(w.db);
    await w.asAdmin.users.resetPassword({ id: w.opd.id, password: PASSWORD });
    const detail = await expectOneAudit(w.db, before, {
      action: "users.resetPassword",
      actorId: w.admin.id,
      entityType: "user",
      entityId: w.opd.id,
      secrets: [PASSWORD],
    });
    expect(detail).toEqual({ passwordChanged: true, sessionsEnded: 1 });
    expect(await resolveSession(w.db, session.token, TEST_NOW, POLICY)).toBeNull();
    expect((await errorOf(login("dlh-staf", TEST_PASSWORD))).code).toBe("UNAUTHORIZED");
    await expect(login("dlh-staf", PASSWORD)).resolves.toMatchObject({ id: w.opd.id });
  });

  it("refuses a short or common password and keeps the old one and the sessions", async () => {
    const session = await createSession(w.db, w.opd.id, TEST_NOW, POLICY);
    const before = await lastAuditId(w.db);
    expect(await fieldErrorsOf(w.asAdmin.users.resetPassword({ id: w.opd.id, password: "1234567" }))).toEqual(
      {
        password: ["Kata sandi minimal 8 karakter, tanpa spasi di awal dan akhir."],
      },
    );
    expect(
      await fieldErrorsOf(w.asAdmin.users.resetPassword({ id: w.opd.id, password: "12345678" })),
    ).toEqual({
      password: [COMMON_PASSWORD_MESSAGE],
    });
    await expectNoAudit(w.db, before);
    expect(await resolveSession(w.db, session.token, TEST_NOW, POLICY)).toMatchObject({ id: w.opd.id });
    await expect(login("dlh-staf", TEST_PASSWORD)).resolves.toMatchObject({ id: w.opd.id });
  });
});
