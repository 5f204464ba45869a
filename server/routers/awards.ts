import { datedAsOf, pastViewDate } from "../../shared/asOf";
import {
  AwardEventCreateInput,
  AwardEventRemoveInput,
  AwardEventUpdateInput,
  AwardResultCreateInput,
  AwardResultRemoveInput,
  AwardResultUpdateInput,
} from "../../shared/schemas/awards";
import { AsOfInput } from "../../shared/schemas/common";
import { writeMeta } from "../repositories/audit";
import { listAwards } from "../repositories/awards";
import {
  addAwardResult,
  createAwardEvent,
  removeAwardEvent,
  removeAwardResult,
  updateAwardEvent,
  updateAwardResult,
} from "../repositories/awardWrites";
import { adminProcedure, publicProcedure, router } from "../trpc";

export const awardsRouter = router({
  // Public by contract: the awards are the city's to show. A past view lists the events held by then.
  list: publicProcedure.input(AsOfInput.optional()).query(async ({ ctx, input }) => {
    const shownOn = pastViewDate(input?.asOf, ctx.now());
    return (await listAwards(ctx.db)).filter((event) => datedAsOf(event.eventDate, shownOn));
  }),

  createEvent: adminProcedure
    .input(AwardEventCreateInput)
    .mutation(({ ctx, input }) => createAwardEvent(ctx.db, input, writeMeta(ctx))),

  updateEvent: adminProcedure
    .input(AwardEventUpdateInput)
    .mutation(({ ctx, input }) => updateAwardEvent(ctx.db, input, writeMeta(ctx))),

  removeEvent: adminProcedure
    .input(AwardEventRemoveInput)
    .mutation(({ ctx, input }) => removeAwardEvent(ctx.db, input.id, writeMeta(ctx))),

  addResult: adminProcedure
    .input(AwardResultCreateInput)
    .mutation(({ ctx, input }) => addAwardResult(ctx.db, input, writeMeta(ctx))),

  updateResult: adminProcedure
    .input(AwardResultUpdateInput)
    .mutation(({ ctx, input }) => updateAwardResult(ctx.db, input, writeMeta(ctx))),

  removeResult: adminProcedure
    .input(AwardResultRemoveInput)
    .mutation(({ ctx, input }) => removeAwardResult(ctx.db, input.id, writeMeta(ctx))),
});
