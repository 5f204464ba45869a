import type { Server } from "node:http";
import { openDatabase } from "../db/database";
import { prepareDatabase } from "../db/seed";
import { createServer } from "./app";
import { databasePath, type Env } from "./env";
import { createServices } from "./services";

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

  const server = createServer(createServices(db, env, file));
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  console.log(`Pantau berjalan di http://${env.HOST}:${port}`);

  const shutdown = () => {
    server.close(() => {
      void db.destroy().then(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  return server;
}
