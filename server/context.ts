import type { CreateHTTPContextOptions } from "@trpc/server/adapters/standalone";
import type { DB } from "../db/database";
import { clientIp, isHttps, readSessionToken } from "./auth/cookies";
import { type DeviceTrust, readDeviceCookie } from "./auth/devices";
import type { SessionCache } from "./auth/sessionCache";
import type { SessionPolicy, SessionUser } from "./auth/sessions";
import type { LoginThrottle } from "./auth/throttle";
import type { UploadPolicy } from "./uploadPolicy";

/** What the whole process shares: the database, the clock, settings. */
export interface AppServices {
  db: DB;
  now: () => Date;
  staleAfterDays: number;
  sessionPolicy: SessionPolicy;
  throttle: LoginThrottle;
  /** Signs and checks the cookie of browsers that have signed in before. */
  devices: DeviceTrust;
  uploads: UploadPolicy;
  /** Where evidence files are stored, by content hash. */
  attachmentsDir: string;
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of Pantau. */
  trustProxy: boolean;
  /** The origin people open Pantau at behind a proxy (`https://pantau.example`), or null. */
  publicOrigin: string | null;
  /** Host names a request may be addressed to (see `allowedHostnames`). */
  allowedHosts: readonly string[];
}

/** What one request brings: who is signed in, from where, and how to answer with a cookie. */
export interface RequestInfo {
  user: SessionUser | null;
  sessionToken: string | null;
  /** The trusted-device cookie the browser sent, unchecked. */
  deviceCookie: string | null;
  clientIp: string;
  secure: boolean;
  setCookie: (cookie: string) => void;
}

export type Context = AppServices & RequestInfo;

/**
 * The context built from plain values, as tests make it: a signed-in user is just a value here.
 */
export function createInnerContext(services: AppServices, request: Partial<RequestInfo> = {}): Context {
  return {
    ...services,
    user: null,
    sessionToken: null,
    deviceCookie: null,
    clientIp: "127.0.0.1",
    secure: false,
    setCookie: () => {},
    ...request,
  };
}

/** The per-request context: reads the session cookie and resolves it to the signed-in user. */
export function contextFactory(services: AppServices, sessions: SessionCache) {
  return async ({ req, res }: Pick<CreateHTTPContextOptions, "req" | "res">): Promise<Context> => {
    const token = readSessionToken(req);
    const user = token ? await sessions.resolve(token) : null;
    return createInnerContext(services, {
      user,
      sessionToken: user ? token : null,
      deviceCookie: readDeviceCookie(req),
      clientIp: clientIp(req, services.trustProxy),
      secure: isHttps(req, services.trustProxy),
      setCookie: (cookie) => res.appendHeader("Set-Cookie", cookie),
    });
  };
}
