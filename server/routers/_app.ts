import { router } from "../trpc";
import { agenciesRouter } from "./agencies";
import { apelsRouter } from "./apels";
import { auditRouter } from "./audit";
import { authRouter } from "./auth";
import { awardsRouter } from "./awards";
import { dashboardRouter } from "./dashboard";
import { directionsRouter } from "./directions";
import { issuesRouter } from "./issues";
import { updatesRouter } from "./updates";
import { usersRouter } from "./users";

export const appRouter = router({
  agencies: agenciesRouter,
  apels: apelsRouter,
  audit: auditRouter,
  auth: authRouter,
  awards: awardsRouter,
  dashboard: dashboardRouter,
  directions: directionsRouter,
  issues: issuesRouter,
  updates: updatesRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
