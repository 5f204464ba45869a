import { z } from "zod";

/** Configuration from the environment; the defaults make `npm start` work with none set. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().min(1).default("file:data/pantau.sqlite"),
  STALE_AFTER_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  // At least 15 minutes: a session is marked as used at most once a minute, so a shorter idle
  // time would end sessions that are in use.
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .min(0.25, { error: "SESSION_IDLE_HOURS minimal 0.25 (15 menit)." })
    .max(24 * 30)
    .default(8),
  SESSION_MAX_DAYS: z.coerce.number().positive().max(365).default(7),
  /** Where evidence files go; by default `attachments/` beside the database file. */
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  TRUST_PROXY: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  /**
   * The address people open Pantau at, e.g. `https://pantau.malangkota.go.id`, when it runs
   * behind a reverse proxy: a mutation's Origin must equal it, and its host is accepted.
   */
  PUBLIC_ORIGIN: z
    .url({ protocol: /^https?$/, error: "PUBLIC_ORIGIN harus berupa alamat http(s)://nama[:port]." })
    .transform((v) => new URL(v).origin)
    .optional(),
  /** More host names (comma-separated, without port) that requests may be addressed to. */
  ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** One JSON line per request on standard output. */
  ACCESS_LOG: z
    .enum(["0", "1", "true", "false"])
    .default("1")
    .transform((v) => v === "1" || v === "true"),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Konfigurasi tidak sah:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** `file:data/pantau.sqlite` or a plain path → the path better-sqlite3 opens. */
export function databasePath(url: string): string {
  return url.startsWith("file:") ? url.slice("file:".length) : url;
}
