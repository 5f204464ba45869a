import { AgencyCreateInput, AgencyUpdateInput } from "../../shared/schemas/agencies";
import { listAgencies } from "../repositories/agencies";
import { createAgency, updateAgency } from "../repositories/agencyWrites";
import { writeMeta } from "../repositories/audit";
import { adminProcedure, readProcedure, router } from "../trpc";

export const agenciesRouter = router({
  list: readProcedure.query(({ ctx }) => listAgencies(ctx.db)),

  create: adminProcedure
    .input(AgencyCreateInput)
    .mutation(({ ctx, input }) => createAgency(ctx.db, input, writeMeta(ctx))),

  update: adminProcedure
    .input(AgencyUpdateInput)
    .mutation(({ ctx, input }) => updateAgency(ctx.db, input, writeMeta(ctx))),
});
