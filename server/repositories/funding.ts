import type { DB, Executor } from "../../db/database";
import type { DatePrecision, FundingSource } from "../../shared/domain";
import { errors } from "../../shared/messages/id-errors";
import type { FundingCreateInput, FundingUpdateInput } from "../../shared/schemas/funding";
import { fieldError, notFound } from "../errors";
import { type AgencyRef, agencyRefOrNull } from "./agencies";
import { changes, recordAudit, type WriteMeta } from "./audit";

export interface FundingLine {
  id: number;
  issueId: number;
  source: FundingSource;
  description: string;
  fiscalYear: number | null;
  amountPlanned: number | null;
  amountRealised: number | null;
  donor: AgencyRef | null;
  confirmed: boolean;
  sourceName: string | null;
  sourceUrl: string | null;
  /** When the line was committed or reported; null when not known. */
  reportedOn: string | null;
  reportedOnPrecision: DatePrecision;
  /** The later line that revised this one. */
  replacedById: number | null;
}

function fundingQuery(db: Executor) {
  return db
    .selectFrom("funding_lines as f")
    .leftJoin("agencies as d", "d.id", "f.donor_agency_id")
    .select([
      "f.id",
      "f.issue_id",
      "f.source",
      "f.description",
      "f.fiscal_year",
      "f.amount_planned",
      "f.amount_realised",
      "f.confirmed",
      "f.source_name",
      "f.source_url",
      "f.reported_on",
      "f.reported_on_precision",
      "f.replaced_by_id",
      "d.id as donorId",
      "d.code as donorCode",
      "d.name as donorName",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof fundingQuery>["executeTakeFirstOrThrow"]>>;

function toFundingLine(f: Row): FundingLine {
  return {
    id: f.id,
    issueId: f.issue_id,
    source: f.source as FundingSource,
    description: f.description,
    fiscalYear: f.fiscal_year,
    amountPlanned: f.amount_planned,
    amountRealised: f.amount_realised,
    donor: agencyRefOrNull(f.donorId, f.donorCode, f.donorName),
    confirmed: f.confirmed === 1,
    sourceName: f.source_name,
    sourceUrl: f.source_url,
    reportedOn: f.reported_on,
    reportedOnPrecision: f.reported_on_precision as DatePrecision,
    replacedById: f.replaced_by_id,
  };
}

/** An issue's funding lines, in the order they were recorded. */
export async function listFunding(db: Executor, issueId: number): Promise<FundingLine[]> {
  const rows = await fundingQuery(db).where("f.issue_id", "=", issueId).orderBy("f.id").execute();
  return rows.map(toFundingLine);
}

async function findFundingLine(db: Executor, id: number): Promise<FundingLine> {
  const row = await fundingQuery(db).where("f.id", "=", id).executeTakeFirst();
  if (!row) throw notFound(errors.fundingNotFound);
  return toFundingLine(row);
}

async function assertDonorExists(db: Executor, donorAgencyId: number | null | undefined): Promise<void> {
  if (donorAgencyId === null || donorAgencyId === undefined) return;
  const donor = await db
    .selectFrom("agencies")
    .select("id")
    .where("id", "=", donorAgencyId)
    .executeTakeFirst();
  if (!donor) throw fieldError("donorAgencyId", errors.agencyNotFound);
}

/** What the audit trail records of a funding line. */
function auditView({ id: _id, donor, ...line }: FundingLine) {
  return { ...line, donorCode: donor?.code ?? null };
}

export async function addFunding(db: DB, input: FundingCreateInput, meta: WriteMeta): Promise<FundingLine> {
  return db.transaction().execute(async (trx) => {
    const issue = await trx
      .selectFrom("issues")
      .select("id")
      .where("id", "=", input.issueId)
      .executeTakeFirst();
    if (!issue) throw notFound(errors.issueNotFound);
    await assertDonorExists(trx, input.donorAgencyId);
    const { id } = await trx
      .insertInto("funding_lines")
      .values({
        issue_id: issue.id,
        source: input.source,
        description: input.description,
        fiscal_year: input.fiscalYear ?? null,
        amount_planned: input.amountPlanned ?? null,
        amount_realised: input.amountRealised ?? null,
        donor_agency_id: input.donorAgencyId ?? null,
        confirmed: input.confirmed ? 1 : 0,
        source_name: input.sourceName ?? null,
        source_url: input.sourceUrl ?? null,
        reported_on: input.reportedOn ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const line = await findFundingLine(trx, id);
    await recordAudit(trx, {
      action: "issues.addFunding",
      actor: meta.actor,
      entityType: "funding_line",
      entityId: id,
      detail: { before: null, after: auditView(line) },
      clientIp: meta.clientIp,
    });
    return line;
  });
}

export async function updateFunding(
  db: DB,
  input: FundingUpdateInput,
  meta: WriteMeta,
): Promise<FundingLine> {
  return db.transaction().execute(async (trx) => {
    const before = await findFundingLine(trx, input.id);
    await assertDonorExists(trx, input.donorAgencyId);
    const keep = <T>(value: T | undefined, previous: T): T => (value === undefined ? previous : value);
    await trx
      .updateTable("funding_lines")
      .set({
        source: input.source ?? before.source,
        description: input.description ?? before.description,
        fiscal_year: keep(input.fiscalYear, before.fiscalYear),
        amount_planned: keep(input.amountPlanned, before.amountPlanned),
        amount_realised: keep(input.amountRealised, before.amountRealised),
        donor_agency_id: keep(input.donorAgencyId, before.donor?.id ?? null),
        confirmed: (input.confirmed ?? before.confirmed) ? 1 : 0,
        source_name: keep(input.sourceName, before.sourceName),
        source_url: keep(input.sourceUrl, before.sourceUrl),
        reported_on: keep(input.reportedOn, before.reportedOn),
      })
      .where("id", "=", before.id)
      .execute();
    const after = await findFundingLine(trx, before.id);
    await recordAudit(trx, {
      action: "issues.updateFunding",
      actor: meta.actor,
      entityType: "funding_line",
      entityId: before.id,
      detail: changes(auditView(before), auditView(after)),
      clientIp: meta.clientIp,
    });
    return after;
  });
}

/** Removes a funding line; returns it as it was. */
export async function removeFunding(db: DB, id: number, meta: WriteMeta): Promise<FundingLine> {
  return db.transaction().execute(async (trx) => {
    const before = await findFundingLine(trx, id);
    await trx.deleteFrom("funding_lines").where("id", "=", id).execute();
    await recordAudit(trx, {
      action: "issues.removeFunding",
      actor: meta.actor,
      entityType: "funding_line",
      entityId: id,
      detail: { before: auditView(before), after: null },
      clientIp: meta.clientIp,
    });
    return before;
  });
}
