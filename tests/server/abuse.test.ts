import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../../server/app";
import { allowedHostnames } from "../../server/auth/csrf";
import { passwordProblem } from "../../server/auth/password";
import { readEnv } from "../../server/env";
import { MAX_BATCH_SIZE } from "../../shared/api";
import { UpdateInput } from "../../shared/schemas/updates";
import { createAccount, createTestDb, TEST_PASSWORD, testServices } from "../fixtures/db";
import { getQuery, postJson, signIn, startServer, type TestServer } from "../fixtures/http";

let app: TestServer;
let admin: string;

beforeAll(async () => {
  app = await startServer();
  await createAccount(app.db, { username: "sekda", role: "admin" });
  admin = (await signIn(app.base, "sekda")).cookie;
});

afterAll(async () => {
  await app.close();
});

/** A raw HTTP request, so that `Host` can be anything (fetch always sends the real one). */
function rawRequest(
  base: string,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: options.path,
        method: options.method ?? "GET",
        headers: options.headers,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

describe("batched calls", () => {
  it("refuses a batch of 500 calls before doing any of them", async () => {
    const path = Array(500).fill("awards.list").join(",");
    const res = await fetch(`${app.base}/trpc/${path}?batch=1`);
    expect(res.status).toBe(400);
    const text = await res.text();
    // One small refusal, not 500 answers.
    expect(text.length).toBeLessThan(2000);
    expect(text).not.toContain('"result"');
  });

  it("answers a batch as large as the client sends", async () => {
    const path = Array(MAX_BATCH_SIZE).fill("awards.list").join(",");
    const res = await fetch(`${app.base}/trpc/${path}?batch=1`);
    expect(res.status).toBe(200);
    expect((await res.json()) as unknown[]).toHaveLength(MAX_BATCH_SIZE);
  });
});

describe("API answers", () => {
  it("are never kept by a shared cache: every one says no-store", async () => {
    const answers = [
      await getQuery(app.base, "users.list", undefined, { Cookie: admin }),
      await getQuery(app.base, "audit.list", {}, { Cookie: admin }),
      await getQuery(app.base, "awards.list"),
      await getQuery(app.base, "issues.list"),
      await postJson(app.base, "auth.login", { username: "sekda", password: "salah-sandinya" }),
    ];
    for (const res of answers) {
      expect(res.headers.get("cache-control"), res.url).toBe("no-store");
      await res.body?.cancel();
    }
  });

  it("say what is wrong with an input in Indonesian, without zod's issue list", async () => {
    const res = await postJson(
      app.base,
      "users.create",
      { username: "a b", displayName: "", role: "raja", password: "x" },
      { Cookie: admin },
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { message: string; data: { zodError: { fieldErrors: Record<string, string[]> } } };
    };
    expect(body.error.message).toBe("Isian tidak sah. Periksa kembali kolom yang ditandai.");
    expect(body.error.data.zodError.fieldErrors.username).toEqual([
      "Nama pengguna hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung.",
    ]);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/"code":"(invalid|too_small|custom)|\^\[a-z0-9|stack|Invalid/);
  });
});

describe("response headers", () => {
  it("isolate the app from other sites' windows and embeds, and turn off sensors", async () => {
    // awards.list twice: the second answer comes from the read cache, headers written in one go.
    for (const path of ["/", "/healthz", "/trpc/awards.list", "/trpc/awards.list", "/attachments/1"]) {
      const res = await fetch(`${app.base}${path}`);
      expect(res.headers.get("cross-origin-opener-policy"), path).toBe("same-origin");
      expect(res.headers.get("cross-origin-resource-policy"), path).toBe("same-origin");
      expect(res.headers.get("permissions-policy"), path).toContain("geolocation=()");
      expect(res.headers.get("strict-transport-security"), path).toBeNull();
      await res.body?.cancel();
    }
  });

  it("ask for HTTPS from then on when served over HTTPS through a trusted proxy", async () => {
    const proxied = await startServer({ services: { trustProxy: true } });
    try {
      for (const path of ["/healthz", "/trpc/awards.list", "/trpc/awards.list"]) {
        const res = await fetch(`${proxied.base}${path}`, { headers: { "X-Forwarded-Proto": "https" } });
        expect(res.headers.get("strict-transport-security"), path).toBe("max-age=31536000");
        await res.body?.cancel();
      }
      const plain = await fetch(`${proxied.base}/trpc/awards.list`);
      expect(plain.headers.get("strict-transport-security")).toBeNull();
      await plain.body?.cancel();
    } finally {
      await proxied.close();
    }
  });
});

describe("Origin and Host", () => {
  it("refuses a mutation whose Origin has this host but another scheme", async () => {
    const res = await postJson(
      app.base,
      "auth.login",
      { username: "sekda", password: TEST_PASSWORD },
      { Origin: app.base.replace("http:", "https:") },
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    await res.body?.cancel();
  });

  it("refuses requests addressed to an unknown host, as a DNS-rebinding page sends them", async () => {
    const signInAttempt = await rawRequest(app.base, {
      path: "/trpc/auth.login",
      method: "POST",
      headers: {
        Host: "rebind.evil.example",
        Origin: "http://rebind.evil.example",
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ username: "sekda", password: TEST_PASSWORD }),
    });
    expect(signInAttempt.status).toBe(421);
    expect(signInAttempt.headers["set-cookie"]).toBeUndefined();
    const read = await rawRequest(app.base, {
      path: "/trpc/awards.list",
      headers: { Host: "rebind.evil.example" },
    });
    expect(read.status).toBe(421);
  });

  it("answers on localhost and 127.0.0.1 at any port by default", async () => {
    const port = new URL(app.base).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, "127.0.0.1", "[::1]:8080"]) {
      const res = await rawRequest(app.base, { path: "/healthz", headers: { Host: host } });
      expect(res.status, host).toBe(200);
    }
  });

  it("behind a proxy, takes writes only from the configured public origin", async () => {
    const db = await createTestDb();
    await createAccount(db, { username: "sekda", role: "admin" });
    const server = createServer(
      testServices(db, {
        trustProxy: true,
        publicOrigin: "https://pantau.malangkota.go.id",
        allowedHosts: allowedHostnames({ publicOrigin: "https://pantau.malangkota.go.id" }),
      }),
      "/nonexistent-pantau-client",
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const send = (origin: string) =>
        rawRequest(base, {
          path: "/trpc/auth.login",
          method: "POST",
          headers: {
            Host: "pantau.malangkota.go.id",
            Origin: origin,
            "Content-Type": "application/json",
            "X-Forwarded-Proto": "https",
          },
          body: JSON.stringify({ username: "sekda", password: TEST_PASSWORD }),
        });
      expect((await send("http://pantau.malangkota.go.id")).status).toBe(403);
      expect((await send("https://pantau.malangkota.go.id:8443")).status).toBe(403);
      const ok = await send("https://pantau.malangkota.go.id");
      expect(ok.status).toBe(200);
      expect(String(ok.headers["set-cookie"])).toMatch(/Secure/);
      expect((await rawRequest(base, { path: "/healthz", headers: { Host: "localhost" } })).status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.destroy();
    }
  });
});

describe("slow clients", () => {
  it("are cut off when their body does not arrive in time", async () => {
    const db = await createTestDb();
    const server = createServer(testServices(db), "/nonexistent-pantau-client", {
      timeouts: { headersMs: 1000, requestMs: 1000 },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const started = Date.now();
      const status = await new Promise<number>((resolve) => {
        const req = http.request({
          host: "127.0.0.1",
          port,
          path: "/trpc/auth.login",
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "Content-Length": "1000",
            Origin: `http://127.0.0.1:${port}`,
          },
        });
        req.on("response", (res) => resolve(res.statusCode ?? 0));
        req.on("error", () => resolve(-1));
        req.write('{"username":"');
        // …and nothing more.
      });
      expect([408, -1]).toContain(status);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.destroy();
    }
  });

  it("wait at most 20 s for headers and 2 minutes for a whole request by default", () => {
    const server = createServer(testServices({} as never), "/nonexistent-pantau-client");
    expect(server.headersTimeout).toBeLessThanOrEqual(20_000);
    expect(server.requestTimeout).toBeLessThanOrEqual(120_000);
    expect(server.requestTimeout).toBeGreaterThan(0);
  });
});

describe("the access log", () => {
  it("writes one JSON line per request, without query, cookies or passwords", async () => {
    const lines: unknown[] = [];
    const db = await createTestDb();
    await createAccount(db, { username: "sekda", role: "admin" });
    const server = createServer(testServices(db), "/nonexistent-pantau-client", {
      accessLog: (line) => lines.push(JSON.parse(JSON.stringify(line))),
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { cookie } = await signIn(base, "sekda");
      const first = await getQuery(base, "issues.list", { asOf: "2024-11-18" }, { Cookie: cookie });
      await first.arrayBuffer();
      // The bytes sent: compressed, since fetch accepts gzip.
      expect(first.headers.get("content-encoding")).toBe("gzip");
      const size = Number(first.headers.get("content-length"));
      // The same read again is answered from the cache: its line still says how many bytes it sent.
      const again = await getQuery(base, "issues.list", { asOf: "2024-11-18" }, { Cookie: cookie });
      await again.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const read = { method: "GET", path: "/trpc/issues.list", status: 200, completed: true, bytes: size };
      expect(lines).toEqual([
        expect.objectContaining({ method: "POST", path: "/trpc/auth.login", status: 200, ip: "127.0.0.1" }),
        expect.objectContaining(read),
        expect.objectContaining(read),
      ]);
      const text = JSON.stringify(lines);
      expect(text).not.toContain(TEST_PASSWORD);
      expect(text).not.toContain(cookie.split("=")[1]);
      expect(text).not.toContain("2024-11-18");
      for (const line of lines)
        expect(line).toEqual(expect.objectContaining({ time: expect.any(String), ms: expect.any(Number) }));
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.destroy();
    }
  });
});

describe("new passwords", () => {
  it.each([
    "malang123",
    "pantau2025",
    "kotamalang",
    "aaaaaaaa",
    "password123 ",
    "        ",
    "coba-pantau-malang",
    "Malang#2024",
    "p4ssw0rd!",
  ])("refuses %j", (password) => {
    expect(passwordProblem(password, "sekda")).not.toBeNull();
  });

  it("refuses one that contains the username, in any case", () => {
    expect(passwordProblem("Sekda-Kota-Tugu-99", "sekda")).toBe(
      "Kata sandi tidak boleh memuat nama pengguna.",
    );
    expect(passwordProblem("sepeda-biru-di-tugu", "sekda")).toBeNull();
  });

  it("accepts a passphrase", () => {
    for (const password of [TEST_PASSWORD, "tugu-bunga-bromo", "kuda liar berlari di alun-alun"]) {
      expect(passwordProblem(password, "sekda"), password).toBeNull();
    }
  });

  it("are refused the same way by the admin's form and procedures", async () => {
    const res = await postJson(
      app.base,
      "users.create",
      { username: "dlh.kepala", displayName: "Kepala DLH", role: "pimpinan", password: "malang123" },
      { Cookie: admin },
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { data: { zodError: { fieldErrors: Record<string, string[]> } } };
    };
    expect(body.error.data.zodError.fieldErrors.password).toEqual([
      "Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain.",
    ]);
  });
});

describe("smaller holes", () => {
  it("a broken percent escape in an API path gets a 400, and the server goes on serving", async () => {
    for (const path of ["/trpc/%E0%A4%A", "/trpc/issues.list%", "/trpc/%ZZ?input=%7B"]) {
      const res = await rawRequest(app.base, { path, headers: { Cookie: admin } });
      expect(res.status, path).toBe(400);
    }
    const res = await fetch(`${app.base}/trpc/issues.list`, { headers: { Cookie: admin } });
    expect(res.status).toBe(200);
    await res.body?.cancel();
  });

  it("a note of zero-width spaces is not a note", () => {
    const result = UpdateInput.safeParse({
      issueId: 1,
      expectedVersion: 0,
      note: "\u200b\u200b\u200c\u2060\ufeff",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(["Uraian kegiatan wajib diisi."]);
  });

  it("an idle-session time under 15 minutes is refused at start", () => {
    expect(() => readEnv({ SESSION_IDLE_HOURS: "0.01" })).toThrow(/SESSION_IDLE_HOURS/);
    expect(readEnv({ SESSION_IDLE_HOURS: "0.25" }).SESSION_IDLE_HOURS).toBe(0.25);
  });

  it("PUBLIC_ORIGIN must be an http(s) origin", () => {
    expect(readEnv({ PUBLIC_ORIGIN: "https://pantau.malangkota.go.id/" }).PUBLIC_ORIGIN).toBe(
      "https://pantau.malangkota.go.id",
    );
    expect(() => readEnv({ PUBLIC_ORIGIN: "pantau.malangkota.go.id" })).toThrow(/PUBLIC_ORIGIN/);
  });
});
