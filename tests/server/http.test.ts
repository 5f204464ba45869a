import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { get as httpGet, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/database";
import { createServer } from "../../server/app";
import { createAccount, createTestDb, TEST_PASSWORD, testServices } from "../fixtures/db";

const APP_JS = `console.log(${JSON.stringify("Pantau ".repeat(500))});\n`;
const INDEX_HTML = '<!doctype html><html lang="id"><body><div id="root">Pantau</div></body></html>';

let db: DB;
let server: Server;
let clientDir: string;
let base: string;
let cookie: string;

beforeAll(async () => {
  db = await createTestDb();
  clientDir = await mkdtemp(join(tmpdir(), "pantau-client-"));
  // Written before the server starts: sirv indexes the directory when it is created.
  await writeFile(join(clientDir, "index.html"), INDEX_HTML);
  await mkdir(join(clientDir, "assets"));
  await writeFile(join(clientDir, "assets", "app-1.js"), APP_JS);
  await writeFile(join(clientDir, "assets", "app-1.js.br"), brotliCompressSync(APP_JS));
  await writeFile(join(clientDir, "assets", "app-1.js.gz"), gzipSync(APP_JS));
  server = createServer(testServices(db), clientDir);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  await createAccount(db, { username: "pimpinan", role: "pimpinan" });
  const login = await fetch(`${base}/trpc/auth.login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: base },
    body: JSON.stringify({ username: "pimpinan", password: TEST_PASSWORD }),
  });
  expect(login.status).toBe(200);
  cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
});

/** A GET as the signed-in reader. */
function get(url: string) {
  return fetch(url, { headers: { Cookie: cookie } });
}

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  await db.destroy();
  await rm(clientDir, { recursive: true, force: true });
});

function query(path: string, input: unknown): string {
  return `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
}

describe("the HTTP server", () => {
  it("sends the build's pre-compressed assets to browsers that accept them, the plain file to others", async () => {
    const url = `${base}/assets/app-1.js`;
    for (const [accept, encoding] of [
      ["br, gzip", "br"],
      ["gzip", "gzip"],
      ["identity", null],
    ] as const) {
      // Node's fetch would decode the body itself; ask without it to see what was sent.
      const res = await new Promise<IncomingMessage>((resolve) =>
        httpGet(url, { headers: { "Accept-Encoding": accept } }, resolve),
      );
      res.resume();
      expect(res.headers["content-encoding"] ?? null).toBe(encoding);
      expect(res.headers["content-type"]).toContain("javascript");
    }
  });

  it("answers the health check once the database answers", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("serves issues.list as plain JSON to any HTTP client", async () => {
    const res = await get(query("issues.list", { asOf: "2024-11-18" }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { number: number; stage: string | null }[] } };
    expect(body.result.data).toHaveLength(11);
    const handled = body.result.data.filter((i) => i.stage === "penanganan" || i.stage === "selesai");
    expect(handled.map((i) => i.number)).toEqual([3, 4, 7]);
  });

  it("answers bad input with 400, BAD_REQUEST and the field's error in Indonesian", async () => {
    const res = await get(query("issues.byId", { id: 1, asOf: "2024-02-30" }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: {
        data: { code: string; httpStatus: number; zodError: { fieldErrors: Record<string, string[]> } };
      };
    };
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.data.httpStatus).toBe(400);
    expect(body.error.data.zodError.fieldErrors.asOf).toEqual([
      "Tanggal harus berupa tanggal yang sah (TTTT-BB-HH).",
    ]);
  });

  it("answers an unknown issue with 404", async () => {
    const res = await get(query("issues.byId", { id: 999 }));
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { data: { code: string } } };
    expect(body.error.data.code).toBe("NOT_FOUND");
  });

  it("answers a read without a session with 401, and serves the awards to anyone", async () => {
    const res = await fetch(query("issues.list", {}));
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe("UNAUTHORIZED");
    expect(body.error.message).toBe("Silakan masuk terlebih dahulu.");
    const awards = await fetch(`${base}/trpc/awards.list`);
    expect(awards.status).toBe(200);
    await awards.body?.cancel();
  });

  it("serves the SPA shell for a client-side route", async () => {
    const res = await fetch(`${base}/isu/3`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it("answers an unknown procedure with 404", async () => {
    const res = await fetch(`${base}/trpc/nope`);
    expect(res.status).toBe(404);
    await res.body?.cancel();
  });

  it("does not hand the SPA shell out for an API path", async () => {
    const res = await fetch(`${base}/trpc`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    await res.body?.cancel();
  });

  it("sends security headers on every response", async () => {
    for (const path of ["/", "/healthz", "/trpc/agencies.list"]) {
      const res = await fetch(`${base}${path}`);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      await res.body?.cancel();
    }
  });
});
