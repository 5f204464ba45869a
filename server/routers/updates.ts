import { TRPCError } from "@trpc/server";
import { TIMELINE_PAGE } from "../../shared/api";
import { TimelineInput, UpdateInput } from "../../shared/schemas/updates";
import { issueExists } from "../repositories/issues";
import { timeline } from "../repositories/updates";
import { createUpdate } from "../repositories/updateWrites";
import { readProcedure, roleProcedure, router } from "../trpc";

export const updatesRouter = router({
  timeline: readProcedure.input(TimelineInput).query(async ({ ctx, input }) => {
    if (!(await issueExists(ctx.db, input.issueId))) {
      throw new TRPCError({ code: "NOT_FOUND", message: "Isu tidak ditemukan." });
    }
    return timeline(ctx.db, input.issueId, { limit: input.limit ?? TIMELINE_PAGE, before: input.before });
  }),

  create: roleProcedure("opd", "admin")
    .input(UpdateInput)
    .mutation(({ ctx, input }) =>
      createUpdate(ctx.db, ctx.user, input, { now: ctx.now(), clientIp: ctx.clientIp }),
    ),
});
