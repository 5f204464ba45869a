import { migrateToLatest, openDatabase } from "../db/database";
import { seedIfEmpty } from "../db/seed";
import { createServer } from "./app";
import { databasePath, readEnv } from "./env";

const env = readEnv();
const db = openDatabase(databasePath(env.DATABASE_URL));
await migrateToLatest(db);
if (await seedIfEmpty(db)) console.log("Basis data baru diisi dengan data awal 11 isu prioritas.");

const server = createServer({ db, now: () => new Date(), staleAfterDays: env.STALE_AFTER_DAYS });
server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  console.log(`Pantau berjalan di http://${env.HOST}:${port}`);
});

function shutdown() {
  server.close(() => {
    void db.destroy().then(() => process.exit(0));
  });
  server.closeAllConnections();
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
