import { TRPCError } from "@trpc/server";
import { asOfCutoff, shiftDate, wibDate } from "../../shared/asOf";
import { monthEnds, rollup, staleness, trend } from "../../shared/rollup";
import { HistoryInput, SummaryInput } from "../../shared/schemas/dashboard";
import { listIssueIds, listIssues } from "../repositories/issues";
import { firstUpdateAt, statesAt, updateCountsBetween } from "../repositories/updates";
import { readProcedure, router } from "../trpc";

/** The date a view shows: the as-of date, but never past today (the future looks like today). */
function viewDate(asOf: string | undefined, now: Date): string {
  const today = wibDate(now);
  return asOf === undefined || asOf > today ? today : asOf;
}

/** The default comparison: one week back, the previous Monday apel. */
const DEFAULT_SINCE_DAYS = 7;

export const dashboardRouter = router({
  summary: readProcedure.input(SummaryInput.optional()).query(async ({ ctx, input }) => {
    const now = ctx.now();
    const asOfDate = viewDate(input?.asOf, now);
    const since = input?.since ?? shiftDate(asOfDate, DEFAULT_SINCE_DAYS);
    if (since > asOfDate) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: "Tanggal pembanding harus sebelum tanggal tampilan.",
      });
    }
    const cutoff = asOfCutoff(input?.asOf, now);
    const sinceCutoff = asOfCutoff(since, now);

    const [issues, before, counts] = await Promise.all([
      listIssues(ctx.db, cutoff),
      listIssues(ctx.db, sinceCutoff),
      updateCountsBetween(ctx.db, sinceCutoff, cutoff),
    ]);
    const beforeById = new Map(before.map((issue) => [issue.id, issue]));

    const changes = issues.flatMap((issue) => {
      const updates = counts.get(issue.id) ?? 0;
      if (updates === 0) return [];
      const previous = beforeById.get(issue.id);
      return [
        {
          id: issue.id,
          number: issue.number,
          title: issue.title,
          updates,
          fromStage: previous?.stage ?? null,
          toStage: issue.stage,
          fromHealth: previous?.health ?? null,
          toHealth: issue.health,
          fromProgress: previous?.progress ?? null,
          toProgress: issue.progress,
        },
      ];
    });

    const staleIssues = issues.flatMap((issue) => {
      const { stale, daysSinceUpdate } = staleness(issue.lastUpdatedAt, cutoff, ctx.staleAfterDays);
      if (!stale) return [];
      return [
        {
          id: issue.id,
          number: issue.number,
          title: issue.title,
          leadAgency: issue.leadAgency,
          lastUpdatedAt: issue.lastUpdatedAt,
          daysSinceUpdate,
        },
      ];
    });

    return {
      asOf: input?.asOf ?? null,
      since,
      staleAfterDays: ctx.staleAfterDays,
      ...rollup(issues),
      changes,
      staleIssues,
    };
  }),

  /** Mean progress at the end of every month up to the as-of date: the trend chart. */
  history: readProcedure.input(HistoryInput.optional()).query(async ({ ctx, input }) => {
    const now = ctx.now();
    const asOfDate = viewDate(input?.asOf, now);
    const cutoff = asOfCutoff(input?.asOf, now);
    const first = await firstUpdateAt(ctx.db, cutoff);
    if (first === null) return [];
    const dates = monthEnds(wibDate(first), asOfDate);
    const [states, issueIds] = await Promise.all([
      // Nothing after the view's own cutoff counts, as if the history ended there.
      statesAt(
        ctx.db,
        dates.map((date) => {
          const end = asOfCutoff(date, now);
          if (end > cutoff) return cutoff;
          return end;
        }),
      ),
      listIssueIds(ctx.db),
    ]);
    return trend(states, issueIds, dates);
  }),
});
