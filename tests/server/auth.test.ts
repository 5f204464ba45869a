import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/database";
import { hashPassword, isCommonPassword, verifyPassword } from "../../server/auth/password";
import { createLoginThrottle } from "../../server/auth/throttle";
import type { AppServices } from "../../server/context";
import { appRouter } from "../../server/routers/_app";
import { Password } from "../../shared/schemas/auth";
import { callerAs, createAccount, createTestDb, TEST_NOW, TEST_PASSWORD, testServices } from "../fixtures/db";
import { errorOf } from "../fixtures/errors";
import { getQuery, postJson, rowCounts, signIn, startServer, type TestServer } from "../fixtures/http";

/** A signed-out caller sharing `services` (so the throttle persists), from `clientIp`. */
function anonymous(services: AppServices, clientIp = "203.0.113.7", cookies: string[] = []) {
  return callerAs(services.db, null, { clientIp, setCookie: (c) => cookies.push(c) }, services);
}

function login(services: AppServices, username: string, password: string, clientIp?: string) {
  return anonymous(services, clientIp).auth.login({ username, password });
}

async function auditRows(db: DB) {
  return db.selectFrom("audit_log").selectAll().orderBy("id").execute();
}

const QUERIES = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
)
  .filter(([, procedure]) => procedure._def.type === "query")
  .map(([path]) => path);
/** Open to anyone by the contract: the awards, and "who am I" (null when signed out). */
const PUBLIC_QUERIES = ["awards.list", "auth.me"];

/** The procedure at a dotted path of a caller, whatever its input. */
function procedureAt(caller: unknown, path: string): (input?: unknown) => Promise<unknown> {
  let node = caller as Record<string, unknown>;
  for (const part of path.split(".")) node = node[part] as Record<string, unknown>;
  return node as unknown as (input?: unknown) => Promise<unknown>;
}

describe("passwords", () => {
  it("are stored as argon2id at OWASP's parameters, and a hash checks only its own password", async () => {
    const hash = await hashPassword(TEST_PASSWORD);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain(TEST_PASSWORD);
    expect(await verifyPassword(hash, TEST_PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, `${TEST_PASSWORD}x`)).toBe(false);
    expect(await verifyPassword("not a hash", TEST_PASSWORD)).toBe(false);
    // Salted: the same password never gives the same hash twice.
    expect(await hashPassword(TEST_PASSWORD)).not.toBe(hash);
  });

  it("take at least 8 characters and accept long passphrases", () => {
    expect(Password.safeParse("1234567").success).toBe(false);
    expect(Password.safeParse("abcdefgh").success).toBe(true);
    expect(Password.safeParse("kuda liar berlari di alun-alun tugu malang ".repeat(5)).success).toBe(true);
  });

  it("recognise the most common passwords, in any case", () => {
    for (const common of ["password", "12345678", "qwerty123", "PASSWORD", "Dragon"]) {
      expect(isCommonPassword(common), common).toBe(true);
    }
    expect(isCommonPassword(TEST_PASSWORD)).toBe(false);
  });

  it("cost a measurable time to hash and to verify (reported, not asserted)", async () => {
    await hashPassword("pemanasan-dulu"); // load the native module before timing
    const t0 = performance.now();
    const hash = await hashPassword(TEST_PASSWORD);
    const t1 = performance.now();
    await verifyPassword(hash, TEST_PASSWORD);
    const t2 = performance.now();
    console.log(
      `argon2id: hashPassword ${(t1 - t0).toFixed(1)} ms, verifyPassword ${(t2 - t1).toFixed(1)} ms`,
    );
    expect(hash).toMatch(/^\$argon2id\$/);
  });
});

describe("auth.login through createCaller", () => {
  let db: DB;
  beforeAll(async () => {
    db = await createTestDb();
    await createAccount(db, { username: "sekda", role: "admin", displayName: "Sekretariat Daerah" });
    await createAccount(db, { username: "dlh", role: "opd", agencyCode: "DLH" });
    const mantan = await createAccount(db, { username: "mantan", role: "opd", agencyCode: "Dishub" });
    await db.updateTable("users").set({ active: 0 }).where("id", "=", mantan.id).execute();
    await createAccount(db, {
      username: "frasa",
      role: "pimpinan",
      password: "pagi ini apel di balai kota, lalu ke pasar besar, lalu ke tps supit urang ".repeat(3),
    });
  });

  it("returns the user, without any password hash, and sets the session cookie", async () => {
    const services = testServices(db);
    const cookies: string[] = [];
    const user = await anonymous(services, undefined, cookies).auth.login({
      username: "sekda",
      password: TEST_PASSWORD,
    });
    expect(user).toEqual(
      expect.objectContaining({ username: "sekda", displayName: "Sekretariat Daerah", role: "admin" }),
    );
    const json = JSON.stringify(user);
    expect(json).not.toMatch(/argon2|password|hash/i);
    expect(cookies.filter((c) => c.startsWith("pantau_session="))).toEqual([
      expect.stringMatching(/^pantau_session=[A-Za-z0-9_-]{43};/),
    ]);
  });

  it("accepts a long passphrase", async () => {
    const user = await login(
      testServices(db),
      "frasa",
      "pagi ini apel di balai kota, lalu ke pasar besar, lalu ke tps supit urang ".repeat(3),
    );
    expect(user?.username).toBe("frasa");
  });

  it("treats usernames case-insensitively, and trims them", async () => {
    const services = testServices(db);
    for (const username of ["SEKDA", "Sekda", "  sekda "]) {
      const user = await login(services, username, TEST_PASSWORD);
      expect(user?.username, username).toBe("sekda");
    }
  });

  it("says the same words for an unknown user, a wrong password, an inactive user and a password-less account", async () => {
    const services = testServices(db);
    const failures = await Promise.all([
      errorOf(login(services, "tidak-ada", TEST_PASSWORD)),
      errorOf(login(services, "sekda", "salah-sandinya-ini")),
      errorOf(login(services, "mantan", TEST_PASSWORD)),
      // The seed's source author has no password at all.
      errorOf(login(services, "data-awal", TEST_PASSWORD)),
      errorOf(login(services, "data-awal", "")),
    ]);
    const [first] = failures;
    expect(first?.code).toBe("UNAUTHORIZED");
    for (const failure of failures.slice(0, 4)) {
      expect(failure.code).toBe("UNAUTHORIZED");
      expect(failure.message).toBe(first?.message);
    }
    // An empty password is refused as input, before any account is looked at.
    expect(failures[4]?.code).toBe("BAD_REQUEST");
  });

  it("refuses a password over 256 characters as input", async () => {
    const error = await errorOf(login(testServices(db), "sekda", "x".repeat(257)));
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("records success and failure in the audit trail, never the password", async () => {
    const services = testServices(db);
    const before = (await auditRows(db)).length;
    await login(services, "dlh", TEST_PASSWORD, "198.51.100.4");
    await errorOf(login(services, "dlh", "tebakan-yang-salah-1", "198.51.100.5"));
    await errorOf(login(services, "siapa-ini", "tebakan-yang-salah-2", "198.51.100.6"));
    const rows = (await auditRows(db)).slice(before);
    expect(rows.map((r) => [r.action, r.actor_username, r.client_ip])).toEqual([
      ["auth.login", "dlh", "198.51.100.4"],
      ["auth.login_failed", null, "198.51.100.5"],
      ["auth.login_failed", null, "198.51.100.6"],
    ]);
    expect(JSON.parse(rows[1]?.detail ?? "null")).toEqual({ username: "dlh" });
    // A name that is no account may be a password typed into the wrong field: it is not kept.
    expect(JSON.parse(rows[2]?.detail ?? "null")).toEqual({ username: "(tidak dikenal)" });
    const all = JSON.stringify(await auditRows(db));
    for (const secret of [
      TEST_PASSWORD,
      "tebakan-yang-salah-1",
      "tebakan-yang-salah-2",
      "$argon2",
      "siapa-ini",
    ]) {
      expect(all).not.toContain(secret);
    }
  });

  it("answers auth.me with null when signed out, and the user when signed in", async () => {
    const services = testServices(db);
    expect(await anonymous(services).auth.me()).toBeNull();
    const sekda = await db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "sekda")
      .executeTakeFirstOrThrow();
    const me = await callerAs(
      db,
      { id: sekda.id, username: "sekda", displayName: "x", role: "admin", agencyId: null, agencyCode: null },
      {},
      services,
    ).auth.me();
    expect(me?.username).toBe("sekda");
    expect(JSON.stringify(me)).not.toMatch(/argon2|password/i);
  });
});

describe("reads need a session", () => {
  let db: DB;
  beforeAll(async () => {
    db = await createTestDb();
  });

  it("finds the read procedures to check", () => {
    expect(QUERIES).toEqual(expect.arrayContaining(["issues.list", "issues.byId", "dashboard.summary"]));
  });

  it.each(QUERIES.filter((p) => !PUBLIC_QUERIES.includes(p)))(
    "%s answers UNAUTHORIZED when signed out",
    async (path) => {
      const caller = callerAs(db, null);
      for (const input of [undefined, {}, { id: 1, issueId: 1, number: 1 }]) {
        const error = await errorOf(procedureAt(caller, path)(input));
        expect(error.code).toBe("UNAUTHORIZED");
      }
    },
  );

  it("serves awards.list to anyone, and auth.me as null", async () => {
    const caller = callerAs(db, null);
    expect((await caller.awards.list()).length).toBeGreaterThan(0);
    expect(await caller.auth.me()).toBeNull();
  });
});

describe("auth over HTTP", () => {
  let app: TestServer;
  let proxied: TestServer;

  beforeAll(async () => {
    app = await startServer();
    proxied = await startServer({ services: { trustProxy: true } });
    for (const { db } of [app, proxied]) {
      await createAccount(db, { username: "sekda", role: "admin" });
      await createAccount(db, { username: "dlh", role: "opd", agencyCode: "DLH" });
    }
  });

  afterAll(async () => {
    await app.close();
    await proxied.close();
  });

  it("sets an HttpOnly, SameSite=Lax, Path=/ cookie with an expiry, not Secure over plain HTTP", async () => {
    const { response, setCookie, body } = await signIn(app.base, "sekda");
    expect(response.status).toBe(200);
    const attributes = setCookie.split(";").map((a) => a.trim().toLowerCase());
    expect(attributes[0]).toMatch(/^pantau_session=[a-z0-9_-]{43}$/);
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes).not.toContain("secure");
    const expires = attributes.find((a) => a.startsWith("expires="));
    expect(expires).toBeDefined();
    // The absolute expiry: seven days after sign-in on the test clock.
    expect(Date.parse(expires?.slice("expires=".length) ?? "")).toBe(
      TEST_NOW.getTime() + app.services.sessionPolicy.absoluteMs,
    );
    const text = JSON.stringify(body);
    expect(text).toContain('"username":"sekda"');
    expect(text).not.toMatch(/argon2|password/i);
  });

  it("marks the cookie Secure behind a trusted HTTPS proxy, and only then", async () => {
    const behindProxy = await signIn(proxied.base, "sekda", TEST_PASSWORD, {
      "X-Forwarded-Proto": "https",
      // The page itself was loaded over HTTPS through the proxy.
      Origin: proxied.base.replace("http:", "https:"),
    });
    expect(behindProxy.setCookie.toLowerCase().split(/;\s*/)).toContain("secure");
    const plainOnProxy = await signIn(proxied.base, "sekda");
    expect(plainOnProxy.setCookie.toLowerCase().split(/;\s*/)).not.toContain("secure");
    // Without trustProxy the header is anyone's to send: it changes nothing.
    const spoofed = await signIn(app.base, "sekda", TEST_PASSWORD, { "X-Forwarded-Proto": "https" });
    expect(spoofed.setCookie.toLowerCase().split(/;\s*/)).not.toContain("secure");
  });

  it("answers unknown user and wrong password alike: 401, same body", async () => {
    const unknown = await postJson(app.base, "auth.login", {
      username: "tidak-ada",
      password: TEST_PASSWORD,
    });
    const wrong = await postJson(app.base, "auth.login", { username: "dlh", password: "bukan-sandinya" });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.headers.get("set-cookie")).toBeNull();
    const messageOf = async (r: Response) =>
      ((await r.json()) as { error: { message: string } }).error.message;
    expect(await messageOf(unknown)).toBe(await messageOf(wrong));
  });

  it("ends the session on the server at logout: the old cookie no longer reads anything", async () => {
    const { cookie } = await signIn(app.base, "dlh");
    expect((await getQuery(app.base, "issues.list", undefined, { Cookie: cookie })).status).toBe(200);
    const sessionsBefore = (await rowCounts(app.db)).sessions;

    const logout = await postJson(app.base, "auth.logout", null, { Cookie: cookie });
    expect(logout.status).toBe(200);
    expect(logout.headers.get("set-cookie")).toMatch(/^pantau_session=;.*Max-Age=0/i);
    expect((await rowCounts(app.db)).sessions).toBe(sessionsBefore - 1);

    // Someone who kept the cookie (or stole it) gets nothing with it.
    const after = await getQuery(app.base, "issues.list", undefined, { Cookie: cookie });
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { data: { code: string } } }).error.data.code).toBe(
      "UNAUTHORIZED",
    );
    const me = await getQuery(app.base, "auth.me", undefined, { Cookie: cookie });
    expect(((await me.json()) as { result: { data: unknown } }).result.data).toBeNull();
  });

  it("answers auth.me with null when signed out", async () => {
    const me = await getQuery(app.base, "auth.me");
    expect(me.status).toBe(200);
    expect(((await me.json()) as { result: { data: unknown } }).result.data).toBeNull();
  });

  it("answers every read but awards.list with 401 when signed out; /healthz works", async () => {
    for (const path of QUERIES.filter((p) => !PUBLIC_QUERIES.includes(p))) {
      const res = await getQuery(app.base, path, { id: 1, issueId: 1, number: 1 });
      expect(res.status, path).toBe(401);
      await res.body?.cancel();
    }
    const awards = await getQuery(app.base, "awards.list");
    expect(awards.status).toBe(200);
    await awards.body?.cancel();
    const health = await fetch(`${app.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
  });

  it("behind a trusted proxy, throttles by the address the proxy saw, not by one the client prepends", async () => {
    const server = await startServer({
      services: { trustProxy: true, throttle: createLoginThrottle({ perClientPerDay: 20 }) },
    });
    try {
      await createAccount(server.db, { username: "korban", role: "opd", agencyCode: "DLH" });
      for (let i = 0; i < 20; i++) {
        const res = await postJson(
          server.base,
          "auth.login",
          { username: `tebakan-${i}`, password: "salah-sandinya" },
          // The proxy appends the real client's address after whatever the client sent.
          { "X-Forwarded-For": `10.9.${i}.1, 198.51.100.77` },
        );
        expect(res.status).toBe(401);
        await res.body?.cancel();
      }
      const blocked = await postJson(
        server.base,
        "auth.login",
        { username: "korban", password: TEST_PASSWORD },
        { "X-Forwarded-For": "10.9.99.1, 198.51.100.77" },
      );
      expect(blocked.status).toBe(429);
      await blocked.body?.cancel();
    } finally {
      await server.close();
    }
  });

  it("throttles by the socket's address, not by a forged X-Forwarded-For", async () => {
    const server = await startServer({
      services: { throttle: createLoginThrottle({ perClientPerDay: 20 }) },
    });
    try {
      await createAccount(server.db, { username: "korban", role: "opd", agencyCode: "DLH" });
      for (let i = 0; i < 20; i++) {
        const res = await postJson(
          server.base,
          "auth.login",
          { username: `tebakan-${i}`, password: "salah-sandinya" },
          { "X-Forwarded-For": `10.9.${i}.1` },
        );
        expect(res.status).toBe(401);
        await res.body?.cancel();
      }
      const blocked = await postJson(
        server.base,
        "auth.login",
        { username: "korban", password: TEST_PASSWORD },
        { "X-Forwarded-For": "10.9.99.1" },
      );
      expect(blocked.status).toBe(429);
      expect(((await blocked.json()) as { error: { data: { code: string } } }).error.data.code).toBe(
        "TOO_MANY_REQUESTS",
      );
    } finally {
      await server.close();
    }
  });
});
