import { TRPCError } from "@trpc/server";
import type { DB } from "../../db/database";
import { asOfCutoff, pastViewDate } from "../../shared/asOf";
import { staleness } from "../../shared/rollup";
import { FundingCreateInput, FundingRemoveInput, FundingUpdateInput } from "../../shared/schemas/funding";
import {
  IssueByIdInput,
  IssueByNumberInput,
  IssueChainInput,
  IssueDetailsInput,
  IssueListInput,
} from "../../shared/schemas/issues";
import { mayUpdateIssue, responsibleAgencies } from "../auth/authorize";
import type { SessionUser } from "../auth/sessions";
import { writeMeta } from "../repositories/audit";
import { addFunding, removeFunding, updateFunding } from "../repositories/funding";
import { setIssueChain, updateIssueDetails } from "../repositories/issueDetails";
import { findIssue, type IssueDetail, listIssues } from "../repositories/issues";
import { adminProcedure, readProcedure, router } from "../trpc";

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Isu tidak ditemukan." });

/** The issue, with whether the signed-in user may post updates on it (the form shows only then). */
async function withPermission(ctx: { db: DB; user: SessionUser }, issue: IssueDetail) {
  const agencyIds = (await responsibleAgencies(ctx.db, issue.id)).get(issue.id) ?? [];
  return { ...issue, canUpdate: mayUpdateIssue(ctx.user, agencyIds) };
}

/** The issue as it now stands, as `byId` gives it: what an edit of its description returns. */
async function current(ctx: { db: DB; user: SessionUser; now: () => Date }, id: number) {
  const issue = await findIssue(ctx.db, { id }, ctx.now().toISOString());
  if (!issue) throw notFound();
  return withPermission(ctx, issue);
}

export const issuesRouter = router({
  list: readProcedure
    .input(IssueListInput.optional())
    .query(({ ctx, input }) => listIssues(ctx.db, asOfCutoff(input?.asOf, ctx.now()))),

  byId: readProcedure.input(IssueByIdInput).query(async ({ ctx, input }) => {
    const now = ctx.now();
    const issue = await findIssue(
      ctx.db,
      { id: input.id },
      asOfCutoff(input.asOf, now),
      pastViewDate(input.asOf, now),
    );
    if (!issue) throw notFound();
    return withPermission(ctx, issue);
  }),

  /**
   * "Isu saya": every issue, those the user's agency leads or supports first, each marked stale
   * by the dashboard's own rule (`staleness`: not finished, no update for `staleAfterDays`).
   */
  mine: readProcedure.query(async ({ ctx }) => {
    const cutoff = ctx.now().toISOString();
    const [issues, responsible] = await Promise.all([
      listIssues(ctx.db, cutoff),
      responsibleAgencies(ctx.db),
    ]);
    const agencyId = ctx.user.agencyId;
    return issues
      .map((issue) => ({
        ...issue,
        mine: agencyId !== null && (responsible.get(issue.id) ?? []).includes(agencyId),
        ...staleness(issue, cutoff, ctx.staleAfterDays),
      }))
      .sort((a, b) => Number(b.mine) - Number(a.mine) || a.number - b.number);
  }),

  byNumber: readProcedure.input(IssueByNumberInput).query(async ({ ctx, input }) => {
    const now = ctx.now();
    const issue = await findIssue(
      ctx.db,
      { number: input.number },
      asOfCutoff(input.asOf, now),
      pastViewDate(input.asOf, now),
    );
    if (!issue) throw notFound();
    return withPermission(ctx, issue);
  }),

  // The Sekda office's edits of what an issue is. Its state and history are not editable: they
  // only ever change by a new update, and updates are never edited or deleted.

  updateDetails: adminProcedure.input(IssueDetailsInput).mutation(async ({ ctx, input }) => {
    await updateIssueDetails(ctx.db, input, writeMeta(ctx));
    return current(ctx, input.id);
  }),

  setChain: adminProcedure.input(IssueChainInput).mutation(async ({ ctx, input }) => {
    await setIssueChain(ctx.db, input, writeMeta(ctx));
    return current(ctx, input.issueId);
  }),

  addFunding: adminProcedure
    .input(FundingCreateInput)
    .mutation(({ ctx, input }) => addFunding(ctx.db, input, writeMeta(ctx))),

  updateFunding: adminProcedure
    .input(FundingUpdateInput)
    .mutation(({ ctx, input }) => updateFunding(ctx.db, input, writeMeta(ctx))),

  removeFunding: adminProcedure
    .input(FundingRemoveInput)
    .mutation(({ ctx, input }) => removeFunding(ctx.db, input.id, writeMeta(ctx))),
});
