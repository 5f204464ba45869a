import { performance } from "node:perf_hooks";
import { accessVersion } from "../../db/database";
import type { AppServices } from "../context";
import { resolveSession, type SessionUser } from "./sessions";

/** How long a session resolved from the database is trusted without asking it again. */
export const SESSION_RECHECK_MS = 5_000;

/** Bounds the memory a flood of distinct sessions could take. */
const MAX_ENTRIES = 10_000;

interface Entry {
  user: SessionUser;
  version: string;
  /** performance.now() until which the entry is trusted. */
  until: number;
}

export interface SessionCache {
  /** The signed-in user of a token, from memory when it was resolved recently, else from the database. */
  resolve(token: string): Promise<SessionUser | null>;
  /** The user of a token if memory knows it now, without asking the database; undefined if not. */
  peek(token: string): SessionUser | undefined;
}

/**
 * Sessions resolved without a database round trip on every request. An entry is dropped when a
 * session ends or an account or agency changes (`accessVersion`: a deactivation, a sign-out, a
 * password reset, here or in another process) and after SESSION_RECHECK_MS in any case, so a
 * session ended on the server is refused within seconds;
 * the database check then also applies the idle and absolute expiry and refreshes last-seen.
 */
export function createSessionCache(services: AppServices): SessionCache {
  // Keyed by the token itself: this memory already holds it in the request, and a lookup costs
  // no hash (the database keeps only the token's hash).
  const entries = new Map<string, Entry>();

  function peek(token: string): SessionUser | undefined {
    const entry = entries.get(token);
    if (!entry) return undefined;
    if (entry.until > performance.now() && entry.version === accessVersion(services.db)) return entry.user;
    entries.delete(token);
    return undefined;
  }

  // Requests arriving with the same token while it is being looked up share that one lookup.
  const pending = new Map<string, Promise<SessionUser | null>>();

  async function lookUp(token: string): Promise<SessionUser | null> {
    const version = accessVersion(services.db);
    const until = performance.now() + SESSION_RECHECK_MS;
    const user = await resolveSession(services.db, token, services.now(), services.sessionPolicy);
    if (user) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(token, { user, version, until });
    }
    return user;
  }

  function resolve(token: string): Promise<SessionUser | null> {
    const known = peek(token);
    if (known) return Promise.resolve(known);
    let running = pending.get(token);
    if (!running) {
      running = lookUp(token).finally(() => pending.delete(token));
      pending.set(token, running);
    }
    return running;
  }

  return { peek, resolve };
}
