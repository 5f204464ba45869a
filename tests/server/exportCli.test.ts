import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/database";
import { prepareDatabase } from "../../db/seed";
import { readCsv } from "../fixtures/exports";

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "pantau-export-cli-"));
  const db = openDatabase(join(dir, "pantau.sqlite"));
  await prepareDatabase(db);
  await db.destroy();
}, 60_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

function exportCommand(args: string[]) {
  return run(process.execPath, ["--import", "tsx", "server/cli/export.ts", ...args], {
    env: { ...process.env, DATABASE_URL: `file:${join(dir, "pantau.sqlite")}` },
  });
}

describe("npm run export", () => {
  it("writes the issues CSV as of a date for one agency", async () => {
    const out = join(dir, "isu.csv");
    const { stdout } = await exportCommand([
      "--format",
      "csv",
      "--as-of",
      "2024-11-18",
      "--agency",
      "dpuprpkp",
      "--out",
      out,
    ]);
    expect(stdout).toContain(`Ekspor ditulis ke ${out}.`);
    const { rows } = readCsv(await readFile(out));
    expect(rows.map((r) => [r["No."], r.Tahap])).toContainEqual(["4", "Penanganan / Pelaksanaan"]);
  }, 60_000);

  it("refuses bad input in Indonesian, exits non-zero and writes nothing", async () => {
    const out = join(dir, "salah.csv");
    await expect(
      exportCommand(["--format", "csv", "--as-of", "2024-02-30", "--out", out]),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/Tanggal/),
    });
    await expect(exportCommand(["--format", "docx", "--out", out])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Format "docx" tidak dikenal'),
    });
    await expect(exportCommand(["--format", "xlsx", "--agency", "ABC", "--out", out])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Tidak ada OPD dengan kode "ABC".'),
    });
    await expect(readFile(out)).rejects.toThrow();
  }, 180_000);
});
