import { z } from "zod";

/** Configuration from the environment; the defaults make `npm start` work with none set. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().min(1).default("file:data/pantau.sqlite"),
  STALE_AFTER_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(8),
  SESSION_MAX_DAYS: z.coerce.number().positive().max(365).default(7),
  /** Where evidence files go; by default `attachments/` beside the database file. */
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  TRUST_PROXY: z
    .enum(["0", "1", "true", "false"])
    .default("0")
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
