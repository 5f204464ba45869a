import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../fixtures/db";
import { tinyPng } from "../fixtures/files";
import { getQuery, postJson, signIn } from "../fixtures/http";

/**
 * The real server (`server/index.ts`, as `npm start` runs it) in child processes: killed, run
 * twice on one file, backed up and stopped, as operations would.
 */

const run = promisify(execFile);
const dirs: string[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "pantau-proc-"));
  dirs.push(dir);
  return dir;
}

function envFor(file: string): NodeJS.ProcessEnv {
  return { ...process.env, PORT: "0", HOST: "127.0.0.1", DATABASE_URL: `file:${file}`, ACCESS_LOG: "0" };
}

async function userCommand(file: string, ...args: string[]) {
  return run(process.execPath, ["--import", "tsx", "server/cli/user.ts", ...args], {
    env: { ...envFor(file), PANTAU_PASSWORD: TEST_PASSWORD },
  });
}

interface Running {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
}

async function startChild(file: string): Promise<Running> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: envFor(file),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const base = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match) resolve(match[0]);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, base, exited };
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function issue3(base: string, cookie: string): Promise<{ id: number; version: number }> {
  const res = await getQuery(base, "issues.byNumber", { number: 3 }, { Cookie: cookie });
  return ((await res.json()) as { result: { data: { id: number; version: number } } }).result.data;
}

/**
 * Issue #3's version as the file holds it. A server's read cache notices another process's
 * write within a fraction of a second, not at once, so exact counts are read from the file.
 */
function versionInFile(file: string): number {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare("select version from issues where number = 3").get() as { version: number }).version;
  } finally {
    db.close();
  }
}

function uploadPng(base: string, cookie: string, seed: number): Promise<Response> {
  return fetch(`${base}/attachments`, {
    method: "POST",
    headers: {
      "Content-Type": "image/png",
      Origin: base,
      Cookie: cookie,
      "X-File-Name": `bukti-${seed}.png`,
    },
    body: new Uint8Array(tinyPng(seed % 256, Math.floor(seed / 256) % 256, 7)),
  });
}

/** Every stored evidence file, relative to the folder. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe("a server killed while updates stream in", () => {
  it("restarts with every acknowledged update, a sound database and no orphaned file", async () => {
    const dir = tempDir();
    const file = join(dir, "pantau.sqlite");
    await userCommand(file, "add", "dlh", "--role", "opd", "--agency", "DLH");
    const first = await startChild(file);
    const { cookie } = await signIn(first.base, "dlh");
    const issue = await issue3(first.base, cookie);

    const acknowledged: number[] = [];
    let version = issue.version;
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        try {
          const up = await uploadPng(first.base, cookie, i);
          const { id: attachment } = (await up.json()) as { id: number };
          const res = await postJson(
            first.base,
            "updates.create",
            {
              issueId: issue.id,
              expectedVersion: version,
              note: `Laporan ke-${i}`,
              attachmentIds: [attachment],
            },
            { Cookie: cookie },
          );
          const body = (await res.json()) as { result?: { data: { id: number; version: number } } };
          if (!body.result) throw new Error(JSON.stringify(body));
          acknowledged.push(body.result.data.id);
          version = body.result.data.version;
        } catch {
          return; // the server is gone
        }
      }
    })();
    while (acknowledged.length < 8) await new Promise((resolve) => setTimeout(resolve, 20));
    first.child.kill("SIGKILL");
    stop = true;
    await writer;
    await first.exited;

    const second = await startChild(file);
    try {
      const { cookie: again } = await signIn(second.base, "dlh");
      const timeline = await getQuery(
        second.base,
        "updates.timeline",
        { issueId: issue.id, limit: 200 },
        { Cookie: again },
      );
      const ids = ((await timeline.json()) as { result: { data: { id: number }[] } }).result.data.map(
        (u) => u.id,
      );
      expect(ids).toEqual(expect.arrayContaining(acknowledged));

      const sqlite = new SQLite(file, { readonly: true });
      try {
        expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
        const known = new Set(
          (sqlite.prepare("select sha256 from attachments").all() as { sha256: string }[]).map(
            (r) => r.sha256,
          ),
        );
        const files = await filesUnder(join(dir, "attachments"));
        expect(files.length).toBeGreaterThan(0);
        // Every stored file is named by a row, and nothing half-written is left.
        expect(files.filter((f) => !known.has(f.split(/[\\/]/).at(-1) ?? ""))).toEqual([]);
      } finally {
        sqlite.close();
      }
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  }, 120_000);
});

describe("two server processes on one database", () => {
  let dir: string;
  let file: string;
  let a: Running;
  let b: Running;
  let cookieA: string;
  let cookieB: string;

  beforeAll(async () => {
    dir = tempDir();
    file = join(dir, "pantau.sqlite");
    await userCommand(file, "add", "sekda", "--role", "admin");
    [a, b] = await Promise.all([startChild(file), startChild(file)]);
    cookieA = (await signIn(a.base, "sekda")).cookie;
    cookieB = (await signIn(b.base, "sekda")).cookie;
  }, 120_000);

  afterAll(async () => {
    for (const server of [a, b]) if (server?.child.exitCode === null) server.child.kill("SIGTERM");
  });

  it("take racing updates with no 'database is locked': exactly one of 20 wins, the rest are conflicts", async () => {
    const issue = { id: (await issue3(a.base, cookieA)).id, version: versionInFile(file) };
    const send = (i: number) => {
      const [base, cookie] = i % 2 === 0 ? [a.base, cookieA] : [b.base, cookieB];
      return postJson(
        base,
        "updates.create",
        { issueId: issue.id, expectedVersion: issue.version, note: `Balapan ${i}` },
        { Cookie: cookie },
      );
    };
    const statuses = (await Promise.all(Array.from({ length: 20 }, (_, i) => send(i)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(versionInFile(file)).toBe(issue.version + 1);
  }, 60_000);

  it("lose no update when both keep writing, while the user command adds an account", async () => {
    const start = { id: (await issue3(a.base, cookieA)).id, version: versionInFile(file) };
    const writer = async (base: string, cookie: string, label: string) => {
      const statuses: number[] = [];
      for (let done = 0; done < 6; ) {
        const { version } = await issue3(base, cookie);
        const res = await postJson(
          base,
          "updates.create",
          { issueId: start.id, expectedVersion: version, note: `${label} ${done}` },
          { Cookie: cookie },
        );
        statuses.push(res.status);
        await res.body?.cancel();
        if (res.status === 200) done++;
      }
      return statuses;
    };
    const [fromA, fromB, command] = await Promise.all([
      writer(a.base, cookieA, "A"),
      writer(b.base, cookieB, "B"),
      userCommand(file, "add", "walikota", "--role", "pimpinan"),
    ]);
    expect([...fromA, ...fromB].filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(versionInFile(file)).toBe(start.version + 12);
    expect(command.stdout).toContain("walikota");
    expect((await signIn(b.base, "walikota")).response.status).toBe(200);
  }, 90_000);

  it("can be backed up while serving, and the restored copy serves the same data", async () => {
    const up = await uploadPng(a.base, cookieA, 4242);
    const { id: attachment } = (await up.json()) as { id: number };
    const issue = await issue3(a.base, cookieA);
    const update = await postJson(
      a.base,
      "updates.create",
      {
        issueId: issue.id,
        expectedVersion: issue.version,
        note: "Sebelum cadangan",
        attachmentIds: [attachment],
      },
      { Cookie: cookieA },
    );
    expect(update.status).toBe(200);

    const backupDir = tempDir();
    const backup = join(backupDir, "cadangan", "pantau.sqlite");
    const result = await run(process.execPath, ["--import", "tsx", "server/cli/backup.ts", backup], {
      env: envFor(file),
    });
    expect(result.stdout).toContain("Cadangan ditulis");

    const restored = await startChild(backup);
    try {
      const cookie = (await signIn(restored.base, "sekda")).cookie;
      for (const [procedure, input] of [
        ["issues.list", {}],
        ["updates.timeline", { issueId: issue.id, limit: 200 }],
        ["users.list", undefined],
      ] as const) {
        const [original, copy] = await Promise.all([
          getQuery(a.base, procedure, input, { Cookie: cookieA }).then((r) => r.json()),
          getQuery(restored.base, procedure, input, { Cookie: cookie }).then((r) => r.json()),
        ]);
        expect(copy, procedure).toEqual(original);
      }
      const [original, copy] = await Promise.all([
        fetch(`${a.base}/attachments/${attachment}`, { headers: { Cookie: cookieA } }).then((r) =>
          r.arrayBuffer(),
        ),
        fetch(`${restored.base}/attachments/${attachment}`, { headers: { Cookie: cookie } }).then((r) =>
          r.arrayBuffer(),
        ),
      ]);
      expect(Buffer.from(copy)).toEqual(Buffer.from(original));
    } finally {
      restored.child.kill("SIGTERM");
      await restored.exited;
    }
  }, 90_000);

  it("stops on SIGTERM only after finishing a request under way, then closes the database", async () => {
    let send: (chunk: Uint8Array | null) => void = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        send = (chunk) => (chunk ? controller.enqueue(chunk) : controller.close());
      },
    });
    const png = tinyPng(1, 99, 1);
    const answer = fetch(`${b.base}/attachments`, {
      method: "POST",
      headers: { "Content-Type": "image/png", Origin: b.base, Cookie: cookieB, "X-File-Name": "lambat.png" },
      body,
      duplex: "half",
    } as RequestInit);
    send(new Uint8Array(png.subarray(0, 20)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    b.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    // New connections are no longer taken…
    await expect(fetch(`${b.base}/healthz`)).rejects.toThrow();
    // …but the upload under way is finished and answered.
    send(new Uint8Array(png.subarray(20)));
    send(null);
    const res = await answer;
    expect(res.status).toBe(201);
    expect(await b.exited).toBe(0);
  }, 60_000);
});
