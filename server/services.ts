import { dirname, join } from "node:path";
import type { DB } from "../db/database";
import { createLoginThrottle } from "./auth/throttle";
import type { AppServices } from "./context";
import type { Env } from "./env";

const HOUR = 3_600_000;

/** The process-wide services, from the configuration. */
export function createServices(db: DB, env: Env, databaseFile: string): AppServices {
  return {
    db,
    now: () => new Date(),
    staleAfterDays: env.STALE_AFTER_DAYS,
    sessionPolicy: { idleMs: env.SESSION_IDLE_HOURS * HOUR, absoluteMs: env.SESSION_MAX_DAYS * 24 * HOUR },
    throttle: createLoginThrottle(),
    attachmentsDir: env.ATTACHMENTS_DIR ?? join(dirname(databaseFile), "attachments"),
    trustProxy: env.TRUST_PROXY,
  };
}
