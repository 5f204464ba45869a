/**
 * `npm run export -- --format csv|xlsx|pdf|whatsapp [--as-of YYYY-MM-DD] [--agency CODE] --out FILE`
 * writes one export of the database that DATABASE_URL names, for scheduled weekly reports.
 * For csv, `--what issues|updates` (default issues) chooses the table. It only reads.
 */
import { createWriteStream, existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import { openDatabase } from "../../db/database";
import { id as t } from "../../shared/messages/id";
import { type ExportFile, exportQuery } from "../../shared/schemas/exports";
import { databasePath, readEnv } from "../env";
import { writeExport } from "../export/index";
import { listAgencies } from "../repositories/agencies";

const x = t.export.cli;

class UsageError extends Error {}

const BY_FORMAT: Record<string, ExportFile | { issues: ExportFile; updates: ExportFile }> = {
  csv: { issues: "issues.csv", updates: "updates.csv" },
  xlsx: "pantau.xlsx",
  pdf: "laporan.pdf",
  whatsapp: "whatsapp.txt",
};

function chooseFile(format: string | undefined, what: string | undefined): ExportFile {
  const choice = format === undefined ? undefined : BY_FORMAT[format.toLowerCase()];
  if (choice === undefined) throw new UsageError(`${x.unknownFormat(format ?? "")}\n\n${x.usage}`);
  if (typeof choice === "string") return choice;
  const table = (what ?? "issues").toLowerCase();
  if (table !== "issues" && table !== "updates") throw new UsageError(x.unknownWhat(table));
  return choice[table];
}

async function main(argv: string[]): Promise<void> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        format: { type: "string" },
        what: { type: "string" },
        "as-of": { type: "string" },
        agency: { type: "string" },
        out: { type: "string" },
      },
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${x.usage}`);
  }
  const file = chooseFile(values.format, values.what);
  const out = values.out;
  if (!out) throw new UsageError(`${x.missingOut}\n\n${x.usage}`);

  const env = readEnv();
  const path = databasePath(env.DATABASE_URL);
  if (path !== ":memory:" && !existsSync(path)) throw new UsageError(x.noDatabase(path));
  const db = openDatabase(path);
  try {
    const codes = (await listAgencies(db)).map((a) => a.code);
    const query = exportQuery(codes).safeParse({ asOf: values["as-of"], agency: values.agency });
    if (!query.success) throw new UsageError(query.error.issues.map((issue) => issue.message).join("\n"));

    // Written beside the target and renamed at the end, so a failed export leaves no half file.
    const partial = `${out}.partial`;
    try {
      await writeExport(
        file,
        { db, query: query.data, now: new Date(), staleAfterDays: env.STALE_AFTER_DAYS },
        createWriteStream(partial),
      );
      await rename(partial, out);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    console.log(x.written(out));
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : `${t.export.failed}\n${String(error)}`);
  process.exitCode = 1;
});
