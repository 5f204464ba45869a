import type { DB } from "../../db/database";
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
