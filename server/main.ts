import type { Server } from "node:http";
import { openDatabase } from "../db/database";
import { prepareDatabase } from "../db/seed";
import { flushAccessLog, writeJsonLine } from "./accessLog";
import { createServer } from "./app";
import { sweepAttachments } from "./attachmentSweep";
import { databasePath, type Env } from "./env";
import { createServices } from "./services";

const HOUR_MS = 3_600_000;
/** How long a stop waits for requests in flight before it cuts their connections. */
const DRAIN_MS = 10_000;

/** Opens (migrating, and seeding when empty) the database and serves Pantau until stopped. */
export async function startServer(env: Env): Promise<Server> {
  const file = databasePath(env.DATABASE_URL);
  const db = openDatabase(file);
  if (await prepareDatabase(db)) console.log("Basis data baru diisi dengan data awal 11 isu prioritas.");

  const admin = await db
    .selectFrom("users")
    .select("id")
    .where("password_hash", "is not", null)
    .where("role", "=", "admin")
    .where("active", "=", 1)
    .executeTakeFirst();
  if (!admin) {
    console.log(
      "Belum ada akun admin. Buat yang pertama dengan:\n" +
        "  npm run user -- add <nama-pengguna> --role admin\n" +
        "(kata sandi ditanyakan, atau diambil dari variabel PANTAU_PASSWORD)",
    );
  }

  const services = createServices(db, env, file);
  const sweep = async () => {
    const swept = await sweepAttachments(db, services.attachmentsDir, new Date());
    if (swept.unattached + swept.orphans + swept.temporaries > 0) {
      console.log(
        `Lampiran dibersihkan: ${swept.unattached} tidak dipakai, ${swept.orphans} tanpa catatan, ${swept.temporaries} sementara.`,
      );
    }
  };
  // Before listening: an upload cut short by a crash leaves nothing behind.
  await sweep();
  const sweepTimer = setInterval(() => {
    sweep().catch((error: unknown) => console.error("Pembersihan lampiran gagal:", error));
  }, HOUR_MS);
  sweepTimer.unref();

  const server = createServer(services, undefined, env.ACCESS_LOG ? { accessLog: writeJsonLine } : {});
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  console.log(`Pantau berjalan di http://${env.HOST}:${port}`);

  let stopping = false;
  // Requests already under way finish (an OPD's update is not cut off mid-save); new connections
  // are refused, idle ones closed; then the database is closed cleanly.
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: berhenti setelah permintaan yang sedang berjalan selesai.`);
    clearInterval(sweepTimer);
    server.close(() => {
      void db.destroy().then(() => {
        flushAccessLog();
        process.exit(0);
      });
    });
    // A kept-alive connection goes idle once its answer is sent: close it then.
    setInterval(() => server.closeIdleConnections(), 100).unref();
    setTimeout(() => server.closeAllConnections(), DRAIN_MS).unref();
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  return server;
}
