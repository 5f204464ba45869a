import { TRPCError } from "@trpc/server";
import { TimelineInput } from "../../shared/schemas/updates";
import { timeline } from "../repositories/updates";
import { readProcedure, router } from "../trpc";

export const updatesRouter = router({
  timeline: readProcedure.input(TimelineInput).query(async ({ ctx, input }) => {
    const issue = await ctx.db
      .selectFrom("issues")
      .select("id")
      .where("id", "=", input.issueId)
      .executeTakeFirst();
    if (!issue) throw new TRPCError({ code: "NOT_FOUND", message: "Isu tidak ditemukan." });
    return timeline(ctx.db, input.issueId);
  }),
});
