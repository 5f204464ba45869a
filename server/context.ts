import type { CreateHTTPContextOptions } from "@trpc/server/adapters/standalone";
import type { DB } from "../db/database";

/**
 * What every procedure may use, built from plain values so tests can make one directly:
 * the database, the clock, and settings.
 */
export interface InnerContext {
  db: DB;
  now: () => Date;
  staleAfterDays: number;
}

export function createInnerContext(opts: InnerContext): InnerContext {
  return opts;
}

export type Context = InnerContext;

/** The per-request context; it reads the request (the session cookie, once accounts land). */
export function contextFactory(inner: InnerContext) {
  return (_opts: CreateHTTPContextOptions): Context => inner;
}
