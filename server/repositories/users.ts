import type { DB, Executor } from "../../db/database";
import type { Role } from "../../shared/schemas/auth";

export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  agency: { id: number; code: string } | null;
  createdAt: string;
}

function baseQuery(db: Executor) {
  return db
    .selectFrom("users as u")
    .leftJoin("agencies as a", "a.id", "u.agency_id")
    .select([
      "u.id",
      "u.username",
      "u.display_name",
      "u.role",
      "u.active",
      "u.created_at",
      "a.id as agency_id",
      "a.code as agency_code",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;

function toSummary(r: Row): UserSummary {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    active: r.active === 1,
    agency: r.agency_id === null || r.agency_code === null ? null : { id: r.agency_id, code: r.agency_code },
    createdAt: r.created_at,
  };
}

/** Accounts people use (the history's source author, which has no password, is left out). */
export async function listUsers(db: DB): Promise<UserSummary[]> {
  const rows = await baseQuery(db).where("u.password_hash", "is not", null).orderBy("u.username").execute();
  return rows.map(toSummary);
}

export async function findUser(db: Executor, id: number): Promise<UserSummary | null> {
  const row = await baseQuery(db).where("u.id", "=", id).executeTakeFirst();
  return row ? toSummary(row) : null;
}

/** The credentials of an active account, for sign-in only. */
export async function findCredentials(db: DB, username: string) {
  return db
    .selectFrom("users")
    .select(["id", "username", "password_hash"])
    .where("username", "=", username)
    .where("active", "=", 1)
    .where("password_hash", "is not", null)
    .executeTakeFirst();
}
