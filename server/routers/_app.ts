import { router } from "../trpc";
import { agenciesRouter } from "./agencies";
import { authRouter } from "./auth";
import { awardsRouter } from "./awards";
import { dashboardRouter } from "./dashboard";
import { issuesRouter } from "./issues";
import { updatesRouter } from "./updates";

export const appRouter = router({
  agencies: agenciesRouter,
  auth: authRouter,
  awards: awardsRouter,
  dashboard: dashboardRouter,
  issues: issuesRouter,
  updates: updatesRouter,
});

export type AppRouter = typeof appRouter;
