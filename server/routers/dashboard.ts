import { TRPCError } from "@trpc/server";
import { asOfCutoff, shiftDate, viewDate, wibDate } from "../../shared/asOf";
import { DEFAULT_SINCE_DAYS, issuesNeedingAttention } from "../../shared/attention";
import { rollup, staleness, trend, trendDates } from "../../shared/rollup";
import { HistoryInput, SummaryInput } from "../../shared/schemas/dashboard";
import { overdueDirectionsByIssue } from "../repositories/directions";
import { listIssues, listMeasures } from "../repositories/issues";
import { firstUpdateAt, statesAt, updateCountsBetween } from "../repositories/updates";
import { readProcedure, router } from "../trpc";

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

    const [issues, before, counts, overdue] = await Promise.all([
      listIssues(ctx.db, cutoff),
      listIssues(ctx.db, sinceCutoff),
      updateCountsBetween(ctx.db, sinceCutoff, cutoff),
      overdueDirectionsByIssue(ctx.db, asOfDate),
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

    const staleIssues = issues
      .flatMap((issue) => {
        const { stale, daysSinceUpdate } = staleness(issue, cutoff, ctx.staleAfterDays);
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
      })
      // Longest without an update first; never updated before all.
      .sort(
        (a, b) =>
          (b.daysSinceUpdate ?? Number.MAX_SAFE_INTEGER) - (a.daysSinceUpdate ?? Number.MAX_SAFE_INTEGER) ||
          a.number - b.number,
      );

    const attention = issuesNeedingAttention(
      issues.map((issue) => ({ ...issue, overdueDirections: overdue.get(issue.id) ?? 0 })),
      (issue) => beforeById.get(issue.id)?.stage ?? null,
      cutoff,
      ctx.staleAfterDays,
    ).map(({ id, number, title, leadAgency, stage, health, progress, reasons }) => ({
      id,
      number,
      title,
      leadAgency,
      stage,
      health,
      progress,
      reasons,
    }));

    return {
      asOf: input?.asOf ?? null,
      since,
      staleAfterDays: ctx.staleAfterDays,
      ...rollup(issues),
      attention,
      changes,
      staleIssues,
    };
  }),

  /** Mean progress at every Monday (the apel) up to the as-of date: the trend chart. */
  history: readProcedure.input(HistoryInput.optional()).query(async ({ ctx, input }) => {
    const now = ctx.now();
    const asOfDate = viewDate(input?.asOf, now);
    const cutoff = asOfCutoff(input?.asOf, now);
    const first = await firstUpdateAt(ctx.db, cutoff);
    if (first === null) return [];
    const dates = trendDates(wibDate(first), asOfDate);
    const [states, measures] = await Promise.all([
      // Nothing after the view's own cutoff counts, as if the history ended there.
      statesAt(
        ctx.db,
        dates.map((date) => {
          const end = asOfCutoff(date, now);
          if (end > cutoff) return cutoff;
          return end;
        }),
      ),
      listMeasures(ctx.db),
    ]);
    return trend(states, measures, dates);
  }),
});
