import type { DB, Executor } from "../../db/database";
import type { AgencyKind } from "../../shared/domain";

export interface Agency {
  id: number;
  code: string;
  name: string;
  kind: AgencyKind;
}

export async function listAgencies(db: DB): Promise<Agency[]> {
  const rows = await db
    .selectFrom("agencies")
    .select(["id", "code", "name", "kind"])
    .orderBy("name")
    .execute();
  return rows.map((row) => ({ ...row, kind: row.kind as AgencyKind }));
}

export async function findAgency(db: Executor, id: number): Promise<Agency | null> {
  const row = await db
    .selectFrom("agencies")
    .select(["id", "code", "name", "kind"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? { ...row, kind: row.kind as AgencyKind } : null;
}

export interface AgencyRef {
  id: number;
  code: string;
  name: string;
}

/** The agency of a left-joined row, or null when the row names none. */
export function agencyRefOrNull(
  id: number | null,
  code: string | null,
  name: string | null,
): AgencyRef | null {
  return id === null || code === null || name === null ? null : { id, code, name };
}
