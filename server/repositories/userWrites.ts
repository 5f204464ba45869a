import { TRPCError } from "@trpc/server";
import type { DB, Executor } from "../../db/database";
import { isOpdKind } from "../../shared/domain";
import { errors } from "../../shared/messages/id-errors";
import {
  AGENCY_ONLY_FOR_OPD,
  OPD_AGENCY_REQUIRED,
  type UserCreateInput,
  type UserPasswordInput,
  type UserUpdateInput,
} from "../../shared/schemas/users";
import { hashPassword, passwordProblem } from "../auth/password";
import { endUserSessions } from "../auth/sessions";
import { fieldError, notFound, orConflict } from "../errors";
import { changes, recordAudit, type WriteMeta } from "./audit";
import { findUser, type UserSummary } from "./users";

/**
 * Account management by the Sekda office. Passwords are hashed before the transaction starts
 * (hashing is deliberately slow, and SQLite has one writer); no audit row ever holds one.
 */

const usernameTaken = () => fieldError("username", errors.usernameTaken, "CONFLICT");

/** A new password's hash; one that is too easy to guess is refused, as a field error. */
async function newPasswordHash(password: string, username: string): Promise<string> {
  const problem = passwordProblem(password, username);
  if (problem) throw fieldError("password", problem);
  return hashPassword(password);
}

/** The id of the agency an OPD account belongs to: it must exist and be one of the city's OPD. */
async function opdAgencyId(db: Executor, code: string | null | undefined): Promise<number> {
  if (!code) throw fieldError("agencyCode", OPD_AGENCY_REQUIRED);
  const agency = await db
    .selectFrom("agencies")
    .select(["id", "kind"])
    .where("code", "=", code)
    .executeTakeFirst();
  if (!agency) throw fieldError("agencyCode", errors.agencyCodeUnknown);
  if (!isOpdKind(agency.kind)) throw fieldError("agencyCode", errors.accountAgencyNotOpd);
  return agency.id;
}

/** An account people sign in with (the shipped history's author has no password and is none). */
async function managedUser(db: Executor, id: number): Promise<UserSummary> {
  const account = await db
    .selectFrom("users")
    .select("id")
    .where("id", "=", id)
    .where("password_hash", "is not", null)
    .executeTakeFirst();
  const user = account ? await findUser(db, account.id) : null;
  if (!user) throw notFound(errors.userNotFound);
  return user;
}

/** What the audit trail records of an account. */
function auditView(user: UserSummary) {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    agencyCode: user.agency?.code ?? null,
    active: user.active,
  };
}

async function reread(db: Executor, id: number): Promise<UserSummary> {
  const user = await findUser(db, id);
  if (!user) throw notFound(errors.userNotFound);
  return user;
}

export async function createUser(
  db: DB,
  input: UserCreateInput,
  meta: WriteMeta,
  // Only the throwaway demo, whose published password the rule refuses everywhere else.
  options: { demo?: boolean } = {},
): Promise<UserSummary> {
  const passwordHash = options.demo
    ? await hashPassword(input.password)
    : await newPasswordHash(input.password, input.username);
  return orConflict(
    () =>
      db.transaction().execute(async (trx) => {
        const taken = await trx
          .selectFrom("users")
          .select("id")
          .where("username", "=", input.username)
          .executeTakeFirst();
        if (taken) throw usernameTaken();
        if (input.role !== "opd" && input.agencyCode) throw fieldError("agencyCode", AGENCY_ONLY_FOR_OPD);
        const agencyId = input.role === "opd" ? await opdAgencyId(trx, input.agencyCode) : null;
        const { id } = await trx
          .insertInto("users")
          .values({
            username: input.username,
            display_name: input.displayName,
            role: input.role,
            agency_id: agencyId,
            active: 1,
            password_hash: passwordHash,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const user = await reread(trx, id);
        await recordAudit(trx, {
          action: "users.create",
          actor: meta.actor,
          entityType: "user",
          entityId: id,
          detail: { before: null, after: auditView(user) },
          clientIp: meta.clientIp,
        });
        return user;
      }),
    usernameTaken,
  );
}

/** Display name, role and agency. Leaving the `opd` role unlinks the agency. */
export async function updateUser(db: DB, input: UserUpdateInput, meta: WriteMeta): Promise<UserSummary> {
  return db.transaction().execute(async (trx) => {
    const before = await managedUser(trx, input.id);
    const role = input.role ?? before.role;
    if (input.id === meta.actor?.id && role !== before.role) {
      throw fieldError("role", errors.cannotChangeOwnRole);
    }
    let agencyId: number | null = null;
    if (role === "opd") {
      agencyId = await opdAgencyId(
        trx,
        input.agencyCode === undefined ? before.agency?.code : input.agencyCode,
      );
    } else if (input.agencyCode) {
      throw fieldError("agencyCode", AGENCY_ONLY_FOR_OPD);
    }
    await trx
      .updateTable("users")
      .set({ display_name: input.displayName ?? before.displayName, role, agency_id: agencyId })
      .where("id", "=", before.id)
      .execute();
    const after = await reread(trx, before.id);
    await recordAudit(trx, {
      action: "users.update",
      actor: meta.actor,
      entityType: "user",
      entityId: before.id,
      detail: changes(auditView(before), auditView(after)),
      clientIp: meta.clientIp,
    });
    return after;
  });
}

/**
 * Deactivating ends every session of the account at once, in the same transaction; an inactive
 * account cannot sign in. Activating lets it sign in again (its old sessions stay ended).
 */
export async function setUserActive(
  db: DB,
  id: number,
  active: boolean,
  meta: WriteMeta,
): Promise<UserSummary> {
  if (!active && id === meta.actor?.id) {
    throw new TRPCError({ code: "BAD_REQUEST", message: errors.cannotDeactivateSelf });
  }
  return db.transaction().execute(async (trx) => {
    const before = await managedUser(trx, id);
    await trx
      .updateTable("users")
      .set({ active: active ? 1 : 0 })
      .where("id", "=", id)
      .execute();
    const sessionsEnded = active ? 0 : await endUserSessions(trx, id);
    const after = await reread(trx, id);
    await recordAudit(trx, {
      action: active ? "users.activate" : "users.deactivate",
      actor: meta.actor,
      entityType: "user",
      entityId: id,
      detail: { before: { active: before.active }, after: { active: after.active }, sessionsEnded },
      clientIp: meta.clientIp,
    });
    return after;
  });
}

/** Sets a new password and ends every session of the account: whoever held one must sign in again. */
export async function resetUserPassword(
  db: DB,
  input: UserPasswordInput,
  meta: WriteMeta,
): Promise<UserSummary> {
  const passwordHash = await newPasswordHash(input.password, (await managedUser(db, input.id)).username);
  return db.transaction().execute(async (trx) => {
    const user = await managedUser(trx, input.id);
    await trx.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", user.id).execute();
    const sessionsEnded = await endUserSessions(trx, user.id);
    await recordAudit(trx, {
      action: "users.resetPassword",
      actor: meta.actor,
      entityType: "user",
      entityId: user.id,
      detail: { passwordChanged: true, sessionsEnded },
      clientIp: meta.clientIp,
    });
    return user;
  });
}
