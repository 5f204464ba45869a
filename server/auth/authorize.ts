import { TRPCError } from "@trpc/server";
import type { DB } from "../../db/database";
import type { SessionUser } from "./sessions";

/**
 * Who may change what, in one place. Every procedure that takes an object's id asks here about
 * that very object, never only about the role.
 */

const forbidden = () =>
  new TRPCError({ code: "FORBIDDEN", message: "Anda tidak berwenang mengubah data ini." });

/**
 * The agencies responsible for each issue: its lead and its supporting OPD, by issue id; only
 * for `issueId` when given.
 */
export async function responsibleAgencies(db: DB, issueId?: number): Promise<Map<number, number[]>> {
  const [issues, supporting] = await Promise.all([
    db
      .selectFrom("issues")
      .select(["id", "lead_agency_id"])
      .$if(issueId !== undefined, (q) => q.where("id", "=", issueId as number))
      .execute(),
    db
      .selectFrom("issue_agencies")
      .select(["issue_id", "agency_id"])
      .where("role", "=", "pendukung")
      .$if(issueId !== undefined, (q) => q.where("issue_id", "=", issueId as number))
      .execute(),
  ]);
  const map = new Map(issues.map((i) => [i.id, [i.lead_agency_id]]));
  for (const s of supporting) map.get(s.issue_id)?.push(s.agency_id);
  return map;
}

/** Whether `user` may post updates on an issue whose responsible agencies are `agencyIds`. */
export function mayUpdateIssue(user: SessionUser, agencyIds: readonly number[]): boolean {
  if (user.role === "admin") return true;
  if (user.role === "opd") return user.agencyId !== null && agencyIds.includes(user.agencyId);
  return false;
}

/**
 * Throws FORBIDDEN when `user` may not post updates on an issue whose responsible agencies are
 * `agencyIds`. Synchronous, so a write checks it inside its own transaction.
 */
export function assertMayUpdateIssue(user: SessionUser, agencyIds: readonly number[]): void {
  if (!mayUpdateIssue(user, agencyIds)) throw forbidden();
}

/** Whether `user` may upload evidence at all (only those who may post updates somewhere). */
export function mayUpload(user: SessionUser): boolean {
  return user.role === "admin" || (user.role === "opd" && user.agencyId !== null);
}

/** Whether `user` may close an arahan owned by `ownerAgencyId`: that agency's OPD, or admin. */
export function mayCloseDirection(user: SessionUser, ownerAgencyId: number): boolean {
  if (user.role === "admin") return true;
  return user.role === "opd" && user.agencyId !== null && user.agencyId === ownerAgencyId;
}

/** Throws NOT_FOUND for an unknown arahan, FORBIDDEN when `user` may not close it. */
export async function assertMayCloseDirection(db: DB, user: SessionUser, directionId: number): Promise<void> {
  const row = await db
    .selectFrom("directions")
    .select("agency_id")
    .where("id", "=", directionId)
    .executeTakeFirst();
  if (row === undefined) throw new TRPCError({ code: "NOT_FOUND", message: "Arahan tidak ditemukan." });
  if (!mayCloseDirection(user, row.agency_id)) throw forbidden();
}
