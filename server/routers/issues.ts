import { TRPCError } from "@trpc/server";
import type { DB } from "../../db/database";
import { asOfCutoff, daysBetween } from "../../shared/asOf";
import { IssueByIdInput, IssueByNumberInput, IssueListInput } from "../../shared/schemas/issues";
import { issueAgencies, issueAgencyIds, mayUpdateIssue } from "../auth/authorize";
import type { SessionUser } from "../auth/sessions";
import { findIssue, type IssueDetail, listIssues } from "../repositories/issues";
import { readProcedure, router } from "../trpc";

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Isu tidak ditemukan." });

/** The issue, with whether the signed-in user may post updates on it (the form shows only then). */
async function withPermission(ctx: { db: DB; user: SessionUser }, issue: IssueDetail) {
  const agencyIds = (await issueAgencies(ctx.db, issue.id)) ?? [];
  return { ...issue, canUpdate: mayUpdateIssue(ctx.user, agencyIds) };
}

export const issuesRouter = router({
  list: readProcedure
    .input(IssueListInput.optional())
    .query(({ ctx, input }) => listIssues(ctx.db, asOfCutoff(input?.asOf, ctx.now()))),

  byId: readProcedure.input(IssueByIdInput).query(async ({ ctx, input }) => {
    const issue = await findIssue(ctx.db, { id: input.id }, asOfCutoff(input.asOf, ctx.now()));
    if (!issue) throw notFound();
    return withPermission(ctx, issue);
  }),

  /**
   * "Isu saya": every issue, those the user's agency leads or supports first, each marked stale
   * when it has had no update for `staleAfterDays`.
   */
  mine: readProcedure.query(async ({ ctx }) => {
    const cutoff = ctx.now().toISOString();
    const [issues, responsible] = await Promise.all([listIssues(ctx.db, cutoff), issueAgencyIds(ctx.db)]);
    const agencyId = ctx.user.agencyId;
    return issues
      .map((issue) => ({
        ...issue,
        mine: agencyId !== null && (responsible.get(issue.id) ?? []).includes(agencyId),
        stale: issue.lastUpdatedAt === null || daysBetween(issue.lastUpdatedAt, cutoff) >= ctx.staleAfterDays,
      }))
      .sort((a, b) => Number(b.mine) - Number(a.mine) || a.number - b.number);
  }),

  byNumber: readProcedure.input(IssueByNumberInput).query(async ({ ctx, input }) => {
    const issue = await findIssue(ctx.db, { number: input.number }, asOfCutoff(input.asOf, ctx.now()));
    if (!issue) throw notFound();
    return withPermission(ctx, issue);
  }),
});
