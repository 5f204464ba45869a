import { dirname, join } from "node:path";
import type { DB } from "../db/database";
import { allowedHostnames } from "./auth/csrf";
import { createDeviceTrust } from "./auth/devices";
import { createLoginThrottle } from "./auth/throttle";
import type { AppServices } from "./context";
import type { Env } from "./env";
import { createUploadPolicy } from "./uploadPolicy";

const HOUR = 3_600_000;

/** The process-wide services, from the configuration. */
export function createServices(db: DB, env: Env, databaseFile: string): AppServices {
  return {
    db,
    now: () => new Date(),
    staleAfterDays: env.STALE_AFTER_DAYS,
    sessionPolicy: { idleMs: env.SESSION_IDLE_HOURS * HOUR, absoluteMs: env.SESSION_MAX_DAYS * 24 * HOUR },
    throttle: createLoginThrottle(),
    devices: createDeviceTrust(db),
    uploads: createUploadPolicy(),
    attachmentsDir: env.ATTACHMENTS_DIR ?? join(dirname(databaseFile), "attachments"),
    trustProxy: env.TRUST_PROXY,
    publicOrigin: env.PUBLIC_ORIGIN ?? null,
    allowedHosts: allowedHostnames({
      host: env.HOST,
      publicOrigin: env.PUBLIC_ORIGIN,
      extra: env.ALLOWED_HOSTS,
    }),
  };
}
