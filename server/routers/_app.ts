import { router } from "../trpc";
import { agenciesRouter } from "./agencies";
import { auditRouter } from "./audit";
import { authRouter } from "./auth";
import { awardsRouter } from "./awards";
import { dashboardRouter } from "./dashboard";
import { issuesRouter } from "./issues";
import { updatesRouter } from "./updates";
import { usersRouter } from "./users";

export const appRouter = router({
  agencies: agenciesRouter,
  audit: auditRouter,
  auth: authRouter,
  awards: awardsRouter,
  dashboard: dashboardRouter,
  issues: issuesRouter,
  updates: updatesRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
