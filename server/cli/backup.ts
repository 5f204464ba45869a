/**
 * `npm run db:backup -- FILE`: a consistent copy of the database that DATABASE_URL names, taken
 * while the server runs (SQLite's online backup API), with the evidence files its rows name,
 * copied into `attachments/` beside FILE. The copy is a database Pantau can open as it is:
 * `DATABASE_URL=file:FILE npm start` serves it.
 */
import { copyFile, mkdir, rename, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { attachmentPath } from "../attachments";
import { databasePath, readEnv } from "../env";

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function main(argv: string[]): Promise<void> {
  const [target] = argv;
  if (!target || argv.length !== 1) {
    throw new Error("Pemakaian: npm run db:backup -- <berkas-cadangan.sqlite>");
  }
  const env = readEnv();
  const source = databasePath(env.DATABASE_URL);
  const file = resolve(target);
  if (resolve(source) === file) throw new Error("Berkas cadangan tidak boleh basis data itu sendiri.");
  if (await exists(file)) throw new Error(`${file} sudah ada: pilih nama lain.`);
  if (!(await exists(source))) throw new Error(`Basis data ${source} tidak ditemukan.`);
  await mkdir(dirname(file), { recursive: true });

  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    // Written beside, then renamed: a half-written copy never looks like a backup.
    const partial = `${file}.part`;
    await db.backup(partial);
    await rename(partial, file);
  } finally {
    db.close();
  }

  // Evidence is written before its row commits and never changed after, so every file the copy
  // names is already on disk.
  const copy = new SQLite(file, { readonly: true });
  let rows: { sha256: string }[];
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`Salinan rusak: ${String(check)}`);
    rows = copy.prepare("select distinct sha256 from attachments").all() as { sha256: string }[];
  } finally {
    copy.close();
  }
  const from = env.ATTACHMENTS_DIR ?? join(dirname(source), "attachments");
  const to = join(dirname(file), "attachments");
  let copied = 0;
  const missing: string[] = [];
  for (const { sha256 } of rows) {
    const destination = attachmentPath(to, sha256);
    if (await exists(destination)) continue;
    await mkdir(dirname(destination), { recursive: true });
    try {
      await copyFile(attachmentPath(from, sha256), destination);
      copied++;
    } catch {
      missing.push(sha256);
    }
  }
  console.log(`Cadangan ditulis ke ${file}; ${copied} lampiran disalin ke ${to}.`);
  if (missing.length > 0) console.error(`Peringatan: ${missing.length} lampiran tidak ditemukan di ${from}.`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
