/**
 * `npm run demo`: a throwaway Pantau with the shipped data and one account per role, on a
 * temporary database that is deleted when the demo stops.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/database";
import { prepareDatabase } from "../../db/seed";
import { readEnv } from "../env";
import { startServer } from "../main";
import { createUser } from "../repositories/userWrites";

/** The demo's accounts; documented in the README. Never use these anywhere else. */
export const DEMO_ACCOUNTS = [
  { username: "demo-admin", displayName: "Demo Bagian Umum Setda", role: "admin", agencyCode: null },
  { username: "demo-pimpinan", displayName: "Demo Wali Kota", role: "pimpinan", agencyCode: null },
  { username: "demo-dlh", displayName: "Demo Operator DLH", role: "opd", agencyCode: "DLH" },
] as const;
export const DEMO_PASSWORD = "coba-pantau-malang";

const dir = mkdtempSync(join(tmpdir(), "pantau-demo-"));
const databaseUrl = `file:${join(dir, "demo.sqlite")}`;
const db = openDatabase(join(dir, "demo.sqlite"));
await prepareDatabase(db);
for (const account of DEMO_ACCOUNTS) {
  await createUser(
    db,
    { ...account, password: DEMO_PASSWORD },
    { actor: null, clientIp: "demo" },
    { demo: true },
  );
}
await db.destroy();

process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
const env = readEnv({ ...process.env, DATABASE_URL: databaseUrl });
await startServer(env);
console.log(
  `Demo: masuk dengan ${DEMO_ACCOUNTS.map((a) => a.username).join(", ")}; kata sandi "${DEMO_PASSWORD}".\n` +
    "Basis data demo dihapus saat demo dihentikan (Ctrl+C).",
);
