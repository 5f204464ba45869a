import { TRPCError } from "@trpc/server";
import { apelDates, sinceLastApel } from "../../shared/apel";
import { asOfCutoff, datedAsOf, pastViewDate, wibDate } from "../../shared/asOf";
import { DIRECTION_GIVERS } from "../../shared/directions";
import { errors } from "../../shared/messages/id-errors";
import { ApelDeckInput, ApelRecordInput } from "../../shared/schemas/apels";
import { listApels, recordApel } from "../repositories/apels";
import { writeMeta } from "../repositories/audit";
import { listAwards } from "../repositories/awards";
import { listDirections } from "../repositories/directions";
import { findIssue, type IssueDetail } from "../repositories/issues";
import { timeline } from "../repositories/updates";
import { createCallerFactory, readProcedure, roleProcedure, router } from "../trpc";
import { dashboardRouter } from "./dashboard";

const dashboardCaller = createCallerFactory(dashboardRouter);

export const apelsRouter = router({
  /** The recorded apel dates, and the apel a deck shows today with the one it compares with. */
  list: readProcedure.query(async ({ ctx }) => {
    const recorded = await listApels(ctx.db);
    return { recorded, current: apelDates(recorded, wibDate(ctx.now())) };
  }),

  record: roleProcedure(...DIRECTION_GIVERS)
    .input(ApelRecordInput)
    .mutation(async ({ ctx, input }) => {
      if (input.date > wibDate(ctx.now())) {
        throw new TRPCError({ code: "BAD_REQUEST", message: errors.apelInFuture });
      }
      return recordApel(ctx.db, input.date, writeMeta(ctx));
    }),

  /**
   * Everything the apel deck shows, in one answer, so that once loaded it keeps working without
   * the network: the summary as of the apel compared with the previous apel (the dashboard's own
   * rule), each issue with its chain, latest note and what changed since, the arahan and awards.
   */
  deck: readProcedure.input(ApelDeckInput).query(async ({ ctx, input }) => {
    const now = ctx.now();
    const today = wibDate(now);
    const per = input.per !== undefined && input.per <= today ? input.per : undefined;
    const recorded = await listApels(ctx.db);
    const dates = apelDates(recorded, today, per);
    const cutoff = asOfCutoff(dates.date, now);
    const previousCutoff = asOfCutoff(dates.previous, now);
    const shownOn = pastViewDate(dates.date, now);

    const summary = await dashboardCaller(ctx).summary({ asOf: dates.date, since: dates.previous });
    const [directions, awards] = await Promise.all([
      listDirections(ctx.db, { asOf: dates.date }),
      listAwards(ctx.db),
    ]);

    const issues = [];
    for (const id of (await ctx.db.selectFrom("issues").select("id").orderBy("number").execute()).map(
      (r) => r.id,
    )) {
      const [detail, [latest], [before]] = await Promise.all([
        findIssue(ctx.db, { id }, cutoff, shownOn),
        timeline(ctx.db, id, { limit: 1, upTo: cutoff }),
        timeline(ctx.db, id, { limit: 1, upTo: previousCutoff }),
      ]);
      if (!detail) continue;
      issues.push(deckIssue(detail, latest ?? null, before ?? null));
    }

    return {
      generatedAt: now.toISOString(),
      apel: { ...dates, recorded: recorded.includes(dates.date) },
      summary,
      issues,
      directions,
      awards: awards
        .filter((event) => datedAsOf(event.eventDate, shownOn))
        .map((event) => ({
          ...event,
          isNew: sinceLastApel(event.eventDate, dates) || sinceLastApel(event.handedOverOn, dates),
        })),
    };
  }),
});

type Entry = Awaited<ReturnType<typeof timeline>>[number];

function deckIssue(detail: IssueDetail, latest: Entry | null, before: Entry | null) {
  const obstacles = latest?.obstacles ?? null;
  return {
    ...detail,
    latest:
      latest === null
        ? null
        : {
            note: latest.note,
            obstacles,
            nextSteps: latest.nextSteps,
            createdAt: latest.createdAt,
            datePrecision: latest.datePrecision,
            author: latest.author.displayName,
            agency: latest.agency?.code ?? null,
          },
    /** Obstacles reported since the previous apel: present now and not the same as then. */
    newObstacles: obstacles !== null && obstacles !== (before?.obstacles ?? null) ? obstacles : null,
  };
}
