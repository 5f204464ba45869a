import { listAwards } from "../repositories/awards";
import { publicProcedure, router } from "../trpc";

export const awardsRouter = router({
  // Public by contract: the awards are the city's to show.
  list: publicProcedure.query(({ ctx }) => listAwards(ctx.db)),
});
