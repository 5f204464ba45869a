import { viewDate } from "../../shared/asOf";
import { DIRECTION_GIVERS } from "../../shared/directions";
import {
  DirectionCloseInput,
  DirectionCreateInput,
  DirectionListInput,
} from "../../shared/schemas/directions";
import { assertMayCloseDirection } from "../auth/authorize";
import { writeMeta } from "../repositories/audit";
import { closeDirection, createDirection, listDirections } from "../repositories/directions";
import { readProcedure, roleProcedure, router } from "../trpc";

export const directionsRouter = router({
  /** The arahan given by the view date, each with its status and `overdue` as they stood then. */
  list: readProcedure.input(DirectionListInput).query(({ ctx, input }) =>
    listDirections(ctx.db, {
      asOf: viewDate(input.asOf, ctx.now()),
      agencyId: input.agencyId,
      issueId: input.issueId,
      status: input.status,
    }),
  ),

  create: roleProcedure(...DIRECTION_GIVERS)
    .input(DirectionCreateInput)
    .mutation(({ ctx, input }) => createDirection(ctx.db, input, writeMeta(ctx), ctx.now())),

  close: roleProcedure("opd", "admin")
    .input(DirectionCloseInput)
    .mutation(async ({ ctx, input }) => {
      await assertMayCloseDirection(ctx.db, ctx.user, input.id);
      return closeDirection(ctx.db, input, writeMeta(ctx), ctx.now());
    }),
});
