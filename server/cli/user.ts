/**
 * `npm run user -- <command>`: manages accounts in the database that DATABASE_URL names.
 *
 *   add <username> --role admin|pimpinan|opd [--agency CODE] [--name "Nama tampilan"]
 *   deactivate <username>
 *   reset-password <username>
 *
 * The password comes from PANTAU_PASSWORD, or is asked for (twice, not echoed).
 */
import { parseArgs } from "node:util";
import { read } from "read";
import { z } from "zod";
import { openDatabase } from "../../db/database";
import { prepareDatabase } from "../../db/seed";
import { id as t } from "../../shared/messages/id";
import { UserCreateInput } from "../../shared/schemas/users";
import { databasePath, readEnv } from "../env";
import type { WriteMeta } from "../repositories/audit";
import { createUser, resetUserPassword, setUserActive } from "../repositories/userWrites";

const USAGE = `Pemakaian:
  npm run user -- add <nama-pengguna> --role admin|pimpinan|opd [--agency KODE] [--name "Nama tampilan"]
  npm run user -- deactivate <nama-pengguna>
  npm run user -- reset-password <nama-pengguna>

Kata sandi diambil dari PANTAU_PASSWORD, atau ditanyakan.`;

class UsageError extends Error {}

/** Changes made here are audited as the command line's, with no account behind them. */
const META: WriteMeta = { actor: null, clientIp: "baris perintah" };

async function askPassword(): Promise<string> {
  const fromEnv = process.env.PANTAU_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError("Tidak ada terminal: isi kata sandi lewat PANTAU_PASSWORD.");
  const first = await read({ prompt: "Kata sandi baru: ", silent: true, replace: "*" });
  const second = await read({ prompt: "Ulangi kata sandi: ", silent: true, replace: "*" });
  if (first !== second) throw new UsageError("Kedua kata sandi tidak sama.");
  return first;
}

/** The message of a validation or domain error, as a person at the terminal needs it. */
function explain(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (error instanceof z.ZodError || cause instanceof z.ZodError) {
    const zodError = (error instanceof z.ZodError ? error : cause) as z.ZodError;
    return zodError.issues
      .map((issue) => {
        const field = issue.path.map(String).join(".");
        return `- ${t.admin.audit.fields[field] ?? (field || "Masukan")}: ${issue.message}`;
      })
      .join("\n");
  }
  return error instanceof Error ? error.message : String(error);
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: "string" }, agency: { type: "string" }, name: { type: "string" } },
  });
  const [command, username] = positionals;
  if (!command || !username) throw new UsageError(USAGE);

  const env = readEnv();
  const db = openDatabase(databasePath(env.DATABASE_URL));
  try {
    await prepareDatabase(db);
    const find = () =>
      db
        .selectFrom("users")
        .select("id")
        .where("username", "=", username)
        .where("password_hash", "is not", null)
        .executeTakeFirst();

    if (command === "add") {
      const input = UserCreateInput.parse({
        username,
        displayName: values.name ?? username,
        role: values.role,
        agencyCode: values.agency,
        password: await askPassword(),
      });
      const user = await createUser(db, input, META);
      console.log(
        `Akun ${user.username} (${t.account.role[user.role]}${user.agency ? `, ${user.agency.code}` : ""}) dibuat.`,
      );
    } else if (command === "deactivate") {
      const account = await find();
      if (!account) throw new UsageError(`Akun ${username} tidak ditemukan.`);
      await setUserActive(db, account.id, false, META);
      console.log(`Akun ${username} dinonaktifkan; semua sesinya diakhiri.`);
    } else if (command === "reset-password") {
      const account = await find();
      if (!account) throw new UsageError(`Akun ${username} tidak ditemukan.`);
      await resetUserPassword(db, { id: account.id, password: await askPassword() }, META);
      console.log(`Kata sandi ${username} diganti; semua sesinya diakhiri.`);
    } else {
      throw new UsageError(USAGE);
    }
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : `Gagal:\n${explain(error)}`);
  process.exitCode = 1;
});
