import { listAgencies } from "../repositories/agencies";
import { readProcedure, router } from "../trpc";

export const agenciesRouter = router({
  list: readProcedure.query(({ ctx }) => listAgencies(ctx.db)),
});
