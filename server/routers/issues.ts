import { TRPCError } from "@trpc/server";
import { asOfCutoff } from "../../shared/asOf";
import { IssueByIdInput, IssueByNumberInput, IssueListInput } from "../../shared/schemas/issues";
import { findIssue, listIssues } from "../repositories/issues";
import { readProcedure, router } from "../trpc";

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Isu tidak ditemukan." });

export const issuesRouter = router({
  list: readProcedure
    .input(IssueListInput.optional())
    .query(({ ctx, input }) => listIssues(ctx.db, asOfCutoff(input?.asOf, ctx.now()))),

  byId: readProcedure.input(IssueByIdInput).query(async ({ ctx, input }) => {
    const issue = await findIssue(ctx.db, { id: input.id }, asOfCutoff(input.asOf, ctx.now()));
    if (!issue) throw notFound();
    return issue;
  }),

  byNumber: readProcedure.input(IssueByNumberInput).query(async ({ ctx, input }) => {
    const issue = await findIssue(ctx.db, { number: input.number }, asOfCutoff(input.asOf, ctx.now()));
    if (!issue) throw notFound();
    return issue;
  }),
});
