/**
 * `npm run bench [-- --quick] [-- --out FILE]`: the API measured from outside, over loopback.
 *
 * For each history size it builds a database file (the shipped data, 300 accounts, synthetic
 * updates up to the size), starts the real server as its own process, and drives it with
 * autocannon at 32 connections (after a second's warm-up); in the same run a bare node:http
 * process serves the very same bytes for each URL (body and headers, to the same request), the
 * ceiling the ratio is taken against. Then sequential `updates.create`
 * over HTTP, 32 readers with one writer at once, and, once the server has stopped, what bounds
 * sequential writes below HTTP: the same writes in-process, and the disk's sync alone. Prints the table, the query plans of the hot
 * queries and the gzipped sizes of the built SPA's chunks; `--out` writes all of it as JSON.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { CLIENT_DIR } from "../../server/app";
import { chunkSizes } from "./chunks";
import { type CommitFloor, commitFloor } from "./commitFloor";
import { BENCH_ADMIN, BENCH_OPD, BENCH_PASSWORD, buildDatabase } from "./data";
import { dashboardLayoutShift, type LayoutShift } from "./layoutShift";
import { hotQueryPlans } from "./plans";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const outIndex = args.indexOf("--out");
const out = outIndex >= 0 ? args[outIndex + 1] : undefined;

const SIZES = [1_000, 100_000];
const USERS = 300;
const CONNECTIONS = 32;
const SECONDS = quick ? 1 : 5;
const WRITES = quick ? 100 : 500;
const MIXED_SECONDS = quick ? 2 : 5;

/** What the real server sent for a URL: the body, and its headers as a flat name, value list. */
export interface Answer {
  body: string;
  headers: string[];
}

interface Row {
  updates: number;
  case: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  bareReqPerSec: number;
  bareP99: number;
  ratio: number;
  bytes: number;
  errors: number;
}

const dir = mkdtempSync(join(tmpdir(), "pantau-bench-"));
const children: ChildProcess[] = [];
const rows: Row[] = [];
const writes: { updates: number; perSecond: number; count: number }[] = [];
const floors: ({ updates: number } & CommitFloor)[] = [];
let layoutShift: LayoutShift[] = [];
const mixed: {
  updates: number;
  readsPerSec: number;
  readP50: number;
  readP99: number;
  writesPerSec: number;
}[] = [];

try {
  for (const size of SIZES) await benchSize(size);
  const plans = await hotQueryPlans(join(dir, `bench-${SIZES.at(-1)}.sqlite`), new Date());
  const chunks = chunkSizes(CLIENT_DIR);

  console.log(
    `\nReads at ${CONNECTIONS} connections, ${SECONDS} s each (ratio: to a bare node:http server sending the same bytes, same run)`,
  );
  printTable([
    ["updates", "case", "req/s", "p50 ms", "p99 ms", "bare req/s", "bare p99", "ratio", "bytes", "errors"],
    ...rows.map((r) => [
      r.updates.toLocaleString("en"),
      r.case,
      r.reqPerSec.toFixed(0),
      r.p50.toFixed(1),
      r.p99.toFixed(1),
      r.bareReqPerSec.toFixed(0),
      r.bareP99.toFixed(1),
      r.ratio.toFixed(2),
      String(r.bytes),
      String(r.errors),
    ]),
  ]);
  console.log("\nSequential updates.create over HTTP (synchronous=FULL)");
  printTable([
    ["updates", "writes", "writes/s"],
    ...writes.map((w) => [w.updates.toLocaleString("en"), String(w.count), w.perSecond.toFixed(0)]),
  ]);
  console.log(
    "\nWhat no HTTP path can beat: the same writes in-process, and the disk's sync of what each one appends to the log",
  );
  printTable([
    ["updates", "in-process writes/s", "log bytes/write", "sync ms", "sync ms, 2 ms apart"],
    ...floors.map((f) => [
      f.updates.toLocaleString("en"),
      f.inProcessPerSecond.toFixed(0),
      String(f.walBytesPerCommit),
      f.diskSyncMs.toFixed(2),
      f.diskSyncMsSpaced.toFixed(2),
    ]),
  ]);
  console.log(
    `\n${CONNECTIONS} readers (dashboard.summary, issues.list, updates.timeline) with one sequential writer`,
  );
  printTable([
    ["updates", "reads/s", "read p50 ms", "read p99 ms", "writes/s"],
    ...mixed.map((m) => [
      m.updates.toLocaleString("en"),
      m.readsPerSec.toFixed(0),
      m.readP50.toFixed(1),
      m.readP99.toFixed(1),
      m.writesPerSec.toFixed(0),
    ]),
  ]);
  console.log(`\nQuery plans at ${SIZES.at(-1)?.toLocaleString("en")} updates`);
  for (const plan of plans) {
    console.log(`- ${plan.query}`);
    for (const line of plan.plan) console.log(`    ${line}`);
  }
  console.log("\nBuilt JavaScript (dist/client/assets), gzip -9");
  printTable([
    ["chunk", "loaded", "bytes", "gzip bytes"],
    ...chunks.map((c) => [c.file, c.initial ? "initial" : "lazy", String(c.bytes), String(c.gzipBytes)]),
  ]);
  if (chunks.length === 0) console.log("(no build found: run `npm run build` first)");
  console.log("\nCumulative layout shift of / while it loads (Chromium, PerformanceObserver 'layout-shift')");
  for (const shift of layoutShift)
    console.log(`  ${shift.account.padEnd(5)} ${shift.viewport.padEnd(9)}  ${shift.cumulative.toFixed(3)}`);
  if (out) {
    writeFileSync(
      out,
      JSON.stringify(
        {
          quick,
          connections: CONNECTIONS,
          seconds: SECONDS,
          rows,
          writes,
          commitFloor: floors,
          mixed,
          plans,
          chunks,
          layoutShift,
        },
        null,
        2,
      ),
    );
    console.log(`\nJSON written to ${out}`);
  }
} finally {
  for (const child of children) child.kill();
  rmSync(dir, { recursive: true, force: true });
}

async function benchSize(size: number): Promise<void> {
  const path = join(dir, `bench-${size}.sqlite`);
  const built = performance.now();
  await buildDatabase(path, size, USERS);
  console.log(
    `${size.toLocaleString("en")} updates: database built in ${(performance.now() - built).toFixed(0)} ms`,
  );

  const port = await freePort();
  const server = start("tsx", ["server/index.ts"], {
    DATABASE_URL: `file:${path}`,
    PORT: String(port),
    HOST: "127.0.0.1",
  });
  const base = `http://127.0.0.1:${port}`;
  await ready(server, "berjalan di");
  const cookie = await signIn(base);
  const headers = { Cookie: cookie };

  const issues = (await getJson(`${base}/trpc/issues.list`, headers)) as { id: number; number: number }[];
  const flood = issues.find((i) => i.number === 4)?.id ?? 1;
  const query = (procedure: string, input?: unknown) =>
    `/trpc/${procedure}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
  const cases: [string, string][] = [
    ["dashboard.summary", query("dashboard.summary")],
    ["dashboard.summary asOf", query("dashboard.summary", { asOf: "2025-06-30" })],
    ["dashboard.summary since", query("dashboard.summary", { since: "2026-01-01" })],
    ["issues.list", query("issues.list")],
    ["issues.byId", query("issues.byId", { id: flood })],
    ["updates.timeline", query("updates.timeline", { issueId: flood })],
    ["dashboard.history", query("dashboard.history")],
  ];

  // The bare server answers with the very bytes the real one sent: the body and the headers
  // (Node adds Date, Connection and Keep-Alive to both). The load generator sends no
  // Accept-Encoding, so the real server answers it uncompressed; fetch would ask for gzip and
  // decode it, leaving the compressed length beside the decoded body.
  const answers: Record<string, Answer> = {};
  for (const [, url] of cases) {
    const response = await fetch(`${base}${url}`, { headers: { ...headers, "Accept-Encoding": "identity" } });
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    const sent = [...response.headers].filter(
      ([name]) => !["date", "connection", "keep-alive"].includes(name),
    );
    answers[url] = { body: await response.text(), headers: sent.flat() };
  }
  const answersFile = join(dir, `answers-${size}.json`);
  writeFileSync(answersFile, JSON.stringify(answers));
  const barePort = await freePort();
  const bare = start("tsx", ["tests/bench/bare.ts", answersFile, String(barePort)], {});
  await ready(bare, "ready");

  for (const [name, url] of cases) {
    // A second of each first: the JIT has compiled the hot path before anything is counted.
    await load(`${base}${url}`, headers, 1);
    const ceiling = await load(`http://127.0.0.1:${barePort}${url}`, headers);
    const real = await load(`${base}${url}`, headers);
    rows.push({
      updates: size,
      case: name,
      reqPerSec: real.requests.average,
      p50: real.latency.p50,
      p99: real.latency.p99,
      bareReqPerSec: ceiling.requests.average,
      bareP99: ceiling.latency.p99,
      ratio: real.requests.average / ceiling.requests.average,
      bytes: Buffer.byteLength(answers[url]?.body ?? ""),
      errors: real.errors + real.timeouts + real.non2xx,
    });
    console.log(
      `  ${name}: ${real.requests.average.toFixed(0)} req/s (bare ${ceiling.requests.average.toFixed(0)})`,
    );
  }
  bare.kill();
  if (size === SIZES[0] && chunkSizes(CLIENT_DIR).length > 0)
    layoutShift = [
      ...(await dashboardLayoutShift(base, cookie, "admin")),
      ...(await dashboardLayoutShift(base, await signIn(base, BENCH_OPD), "opd")),
    ];

  const writer = sequentialWriter(base, headers, flood);
  const started = performance.now();
  const count = await writer.run(WRITES);
  writes.push({ updates: size, count, perSecond: count / ((performance.now() - started) / 1000) });

  const readers = Promise.all(
    [cases[0], cases[3], cases[5]].map(([, url] = ["", ""]) =>
      autocannon({
        url: `${base}${url}`,
        connections: Math.round(CONNECTIONS / 3),
        duration: MIXED_SECONDS,
        headers,
      }),
    ),
  );
  const mixedStart = performance.now();
  let written = 0;
  let done = false;
  void readers.then(() => {
    done = true;
  });
  while (!done) written += await writer.run(1);
  const results = await readers;
  const mixedSeconds = (performance.now() - mixedStart) / 1000;
  mixed.push({
    updates: size,
    readsPerSec: results.reduce((sum, r) => sum + r.requests.average, 0),
    readP50: Math.max(...results.map((r) => r.latency.p50)),
    readP99: Math.max(...results.map((r) => r.latency.p99)),
    writesPerSec: written / mixedSeconds,
  });
  writer.close();
  await stopped(server);
  floors.push({ updates: size, ...(await commitFloor(path, 4, WRITES)) });
}

/** Kills a process and waits until it has exited (and let go of its database). */
function stopped(started: Started): Promise<void> {
  return new Promise((resolve) => {
    if (started.child.exitCode !== null || started.child.signalCode !== null) return resolve();
    started.child.once("exit", () => resolve());
    started.kill();
  });
}

/**
 * Posts updates to one issue one after another, each on the version the previous one returned,
 * over one kept-alive connection of node:http: a client as lean as the load generator, so what is
 * measured is the server (fetch cost this process more than the server spent on a write).
 */
function sequentialWriter(base: string, headers: Record<string, string>, issueId: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let version: number | null = null;
  const post = (body: string) =>
    new Promise<string>((resolve, reject) => {
      const request = http.request(
        `${base}/trpc/updates.create`,
        { method: "POST", agent, headers: { ...headers, "Content-Type": "application/json", Origin: base } },
        (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            text += chunk;
          });
          response.on("end", () => resolve(text));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  return {
    async run(count: number): Promise<number> {
      if (version === null) {
        const issue = (await getJson(
          `${base}/trpc/issues.byId?input=${encodeURIComponent(JSON.stringify({ id: issueId }))}`,
          headers,
        )) as { version: number };
        version = issue.version;
      }
      for (let k = 0; k < count; k++) {
        const text = await post(
          JSON.stringify({
            issueId,
            expectedVersion: version,
            note: "Pembaruan dari uji beban",
            physicalProgress: 50,
          }),
        );
        const body = JSON.parse(text) as { result?: { data: { version: number } } };
        if (!body.result) throw new Error(`updates.create: ${text}`);
        version = body.result.data.version;
      }
      return count;
    },
    close: () => agent.destroy(),
  };
}

function load(url: string, headers: Record<string, string>, seconds = SECONDS) {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
}

/**
 * Starts a process with its standard output in a file of the bench folder: a server's access log
 * then costs it what writing a log file costs, and the load generator (this process) reads none of it.
 */
function start(command: string, commandArgs: string[], env: Record<string, string>): Started {
  const log = join(dir, `${command}-${children.length}.log`);
  const fd = openSync(log, "w");
  const child = spawn(join("node_modules", ".bin", command), commandArgs, {
    env: { ...process.env, ...env },
    stdio: ["ignore", fd, "inherit"],
  });
  closeSync(fd);
  children.push(child);
  return { child, log, kill: () => child.kill() };
}

interface Started {
  child: ChildProcess;
  log: string;
  kill: () => void;
}

/** Waits until the process has written `marker` to its output. */
function ready(started: Started, marker: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => {
      clearInterval(poll);
      reject(new Error(`exited with ${code} before "${marker}": ${readFileSync(started.log, "utf8")}`));
    };
    const poll = setInterval(() => {
      if (!readFileSync(started.log, "utf8").includes(marker)) return;
      clearInterval(poll);
      started.child.off("exit", exited);
      resolve();
    }, 50);
    started.child.once("exit", exited);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function signIn(base: string, username = BENCH_ADMIN): Promise<string> {
  const response = await fetch(`${base}/trpc/auth.login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: base },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

async function getJson(url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { headers });
  const body = (await response.json()) as { result?: { data: unknown } };
  if (!body.result) throw new Error(`${url}: ${JSON.stringify(body)}`);
  return body.result.data;
}

function printTable(table: readonly string[][]): void {
  const widths = table[0]?.map((_, c) => Math.max(...table.map((r) => (r[c] ?? "").length))) ?? [];
  table.forEach((row, index) => {
    console.log(
      row.map((cell, c) => (c <= 1 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join("  "),
    );
    if (index === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  });
}
