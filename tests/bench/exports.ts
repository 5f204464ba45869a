/**
 * `npm run bench:exports`: for each history size (`BENCH_UPDATES`, comma-separated; 25,000 and
 * 100,000 by default) builds a database, and for each download starts the real server afresh on
 * it and measures the download: its time and the server process's memory before and at its peak.
 * Each in a fresh process, so that one download's heap does not hide or inflate the next's: the
 * sizes side by side show whether memory grows with the history.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/database";
import { prepareDatabase } from "../../db/seed";
import { createAccount, SOURCE_AUTHOR, TEST_PASSWORD } from "../fixtures/db";

const SIZES = (process.env.BENCH_UPDATES ?? "25000,100000").split(",").map(Number);
const DOWNLOADS = ["/export/updates.csv", "/export/pantau.xlsx", "/export/laporan.pdf"];
const dir = mkdtempSync(join(tmpdir(), "pantau-bench-exports-"));
/** A database file at `file` with the shipped data, an admin who signs in and `updates` more updates. */
async function buildDatabase(file: string, updates: number): Promise<void> {
  const db = openDatabase(file);
  await prepareDatabase(db);
  await createAccount(db, { username: "sekda", role: "admin" });
  const issues = await db.selectFrom("issues").select("id").execute();
  const author = await db
    .selectFrom("users")
    .select("id")
    .where("username", "=", SOURCE_AUTHOR.username)
    .executeTakeFirstOrThrow();
  const start = Date.parse("2025-01-01T00:00:00Z");
  await db.transaction().execute(async (trx) => {
    for (let batch = 0; batch < updates; batch += 500) {
      const rows = Array.from({ length: Math.min(500, updates - batch) }, (_, i) => {
        const n = batch + i;
        return {
          issue_id: issues[n % issues.length]?.id ?? 1,
          author_id: author.id,
          agency_id: null,
          created_at: new Date(start + n * 60_000).toISOString(),
          stage: "penanganan",
          health: n % 7 === 0 ? "at_risk" : "on_track",
          physical_progress: (n % 100) + 0.5,
          budget_progress: n % 90,
          indicator_value: null,
          note: `Pembaruan ke-${n}: pekerjaan berlanjut, "sesuai jadwal", catatan lapangan, koordinasi dengan OPD pendukung.`,
          obstacles: n % 3 === 0 ? "Cuaca; akses alat berat terbatas" : null,
          next_steps: "Lanjutkan pekerjaan minggu depan",
        };
      });
      await trx.insertInto("issue_updates").values(rows).execute();
    }
  });
  await db.destroy();
}

function rssKb(pid: number, field = "VmRSS"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

async function startServer(file: string): Promise<{ server: ChildProcess; url: string }> {
  // BENCH_OLD_SPACE_MB caps the server's heap: a download that finishes under a small cap at every
  // size needs no memory that grows with the history, whatever the collector lets RSS reach.
  const cap = process.env.BENCH_OLD_SPACE_MB
    ? [`--max-old-space-size=${process.env.BENCH_OLD_SPACE_MB}`]
    : [];
  const server = spawn(process.execPath, [...cap, "--import", "tsx", "server/index.ts"], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATABASE_URL: `file:${file}` },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    server.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match) resolve(match[0]);
    });
    server.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { server, url };
}

async function measure(url: string, cookie: string, pid: number, path: string) {
  let peak = rssKb(pid);
  const before = peak;
  let anon = rssKb(pid, "RssAnon");
  const anonBefore = anon;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssKb(pid));
    anon = Math.max(anon, rssKb(pid, "RssAnon"));
  }, 20);
  const started = performance.now();
  const response = await fetch(`${url}${path}`, { headers: { Cookie: cookie } });
  let bytes = 0;
  for await (const chunk of response.body ?? []) bytes += (chunk as Uint8Array).byteLength;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, rssKb(pid));
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  console.log(
    `${path.padEnd(20)} ${seconds.toFixed(2).padStart(6)} s  ${(bytes / 1e6).toFixed(1).padStart(6)} MB  server RSS ${(before / 1024).toFixed(0)} → peak ${(peak / 1024).toFixed(0)} MB (anonymous ${(anonBefore / 1024).toFixed(0)} → ${(anon / 1024).toFixed(0)} MB)`,
  );
}

try {
  for (const size of SIZES) {
    const file = join(dir, `pantau-${size}.sqlite`);
    const built = performance.now();
    await buildDatabase(file, size);
    console.log(
      `Database with ${size} extra updates built in ${((performance.now() - built) / 1000).toFixed(1)} s`,
    );
    for (const path of DOWNLOADS) {
      const { server, url } = await startServer(file);
      try {
        const login = await fetch(`${url}/trpc/auth.login`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Origin: url },
          body: JSON.stringify({ username: "sekda", password: TEST_PASSWORD }),
        });
        const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
        await measure(url, cookie, server.pid ?? 0, path);
      } finally {
        server.kill("SIGTERM");
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
