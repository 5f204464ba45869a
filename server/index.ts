import { migrateToLatest, openDatabase } from "../db/database";
import { seedIfEmpty } from "../db/seed";
import { createServer } from "./app";
import { databasePath, readEnv } from "./env";
import { createServices } from "./services";

const env = readEnv();
const file = databasePath(env.DATABASE_URL);
const db = openDatabase(file);
await migrateToLatest(db);
if (await seedIfEmpty(db)) console.log("Basis data baru diisi dengan data awal 11 isu prioritas.");

const accounts = await db
  .selectFrom("users")
  .select("id")
  .where("password_hash", "is not", null)
  .where("role", "=", "admin")
  .where("active", "=", 1)
  .executeTakeFirst();
if (!accounts) {
  console.log(
    "Belum ada akun admin. Buat yang pertama dengan:\n" +
      "  npm run user -- add <nama-pengguna> --role admin\n" +
      "(kata sandi diminta, atau diambil dari variabel PANTAU_PASSWORD)",
  );
}

const server = createServer(createServices(db, env, file));
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
