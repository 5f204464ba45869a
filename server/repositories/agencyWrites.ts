import type { DB, Executor } from "../../db/database";
import { isOpdKind } from "../../shared/domain";
import { errors } from "../../shared/messages/id-errors";
import type { AgencyCreateInput, AgencyUpdateInput } from "../../shared/schemas/agencies";
import { fieldError, notFound, orConflict } from "../errors";
import { type Agency, findAgency } from "./agencies";
import { changes, recordAudit, type WriteMeta } from "./audit";

const codeTaken = () => fieldError("code", errors.agencyCodeTaken, "CONFLICT");

/** Refuses a code another agency already has; the column compares without regard to case. */
async function assertCodeFree(db: Executor, code: string, exceptId?: number): Promise<void> {
  const other = await db
    .selectFrom("agencies")
    .select("id")
    .where("code", "=", code)
    .$if(exceptId !== undefined, (q) => q.where("id", "!=", exceptId as number))
    .executeTakeFirst();
  if (other) throw codeTaken();
}

/** An agency that accounts belong to or that leads an issue must stay one of the city's OPD. */
async function assertMayLeaveOpdKinds(db: Executor, agencyId: number): Promise<void> {
  const account = await db
    .selectFrom("users")
    .select("id")
    .where("agency_id", "=", agencyId)
    .executeTakeFirst();
  if (account) throw fieldError("kind", errors.kindHasAccounts);
  const led = await db
    .selectFrom("issues")
    .select("id")
    .where("lead_agency_id", "=", agencyId)
    .executeTakeFirst();
  if (led) throw fieldError("kind", errors.kindLeadsIssue);
}

async function reread(db: Executor, id: number): Promise<Agency> {
  const agency = await findAgency(db, id);
  if (!agency) throw notFound(errors.agencyNotFound);
  return agency;
}

const auditView = ({ code, name, kind }: Agency) => ({ code, name, kind });

export async function createAgency(db: DB, input: AgencyCreateInput, meta: WriteMeta): Promise<Agency> {
  return orConflict(
    () =>
      db.transaction().execute(async (trx) => {
        await assertCodeFree(trx, input.code);
        const { id } = await trx
          .insertInto("agencies")
          .values({ code: input.code, name: input.name, kind: input.kind })
          .returning("id")
          .executeTakeFirstOrThrow();
        const agency = await reread(trx, id);
        await recordAudit(trx, {
          action: "agencies.create",
          actor: meta.actor,
          entityType: "agency",
          entityId: id,
          detail: { before: null, after: auditView(agency) },
          clientIp: meta.clientIp,
        });
        return agency;
      }),
    codeTaken,
  );
}

export async function updateAgency(db: DB, input: AgencyUpdateInput, meta: WriteMeta): Promise<Agency> {
  return orConflict(
    () =>
      db.transaction().execute(async (trx) => {
        const before = await findAgency(trx, input.id);
        if (!before) throw notFound(errors.agencyNotFound);
        if (input.code !== undefined) await assertCodeFree(trx, input.code, before.id);
        if (input.kind !== undefined && isOpdKind(before.kind) && !isOpdKind(input.kind)) {
          await assertMayLeaveOpdKinds(trx, before.id);
        }
        await trx
          .updateTable("agencies")
          .set({
            code: input.code ?? before.code,
            name: input.name ?? before.name,
            kind: input.kind ?? before.kind,
          })
          .where("id", "=", before.id)
          .execute();
        const after = await reread(trx, before.id);
        await recordAudit(trx, {
          action: "agencies.update",
          actor: meta.actor,
          entityType: "agency",
          entityId: before.id,
          detail: changes(auditView(before), auditView(after)),
          clientIp: meta.clientIp,
        });
        return after;
      }),
    codeTaken,
  );
}
