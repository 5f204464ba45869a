import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { issueVersionOf } from "../fixtures/admin";
import { createAccount } from "../fixtures/db";
import {
  getQuery,
  postJson,
  type RowCounts,
  rowCounts,
  signIn,
  startServer,
  type TestServer,
} from "../fixtures/http";

/**
 * A cross-site attacker can make a signed-in browser send a form (urlencoded, multipart or
 * text/plain) or a no-cors fetch, with the victim's cookie but with the attacker's Origin, or
 * none. None of that may change anything.
 */

let app: TestServer;
let cookie: string;
let issueId: number;

beforeAll(async () => {
  app = await startServer();
  await createAccount(app.db, { username: "sekda", role: "admin" });
  cookie = (await signIn(app.base, "sekda")).cookie;
  const issue = await app.db
    .selectFrom("issues")
    .select("id")
    .where("number", "=", 3)
    .executeTakeFirstOrThrow();
  issueId = issue.id;
});

afterAll(async () => {
  await app.close();
});

function version(): Promise<number> {
  return issueVersionOf(app.db, issueId);
}

async function updateBody(): Promise<string> {
  return JSON.stringify({ issueId, expectedVersion: await version(), note: "Dikirim dari situs lain" });
}

function send(path: string, body: string, headers: Record<string, string>, method = "POST") {
  return fetch(`${app.base}${path}`, { method, headers: { Cookie: cookie, ...headers }, body });
}

let before: RowCounts;
beforeEach(async () => {
  before = await rowCounts(app.db);
});

async function expectNothingWritten() {
  expect(await rowCounts(app.db)).toEqual(before);
}

describe("a mutation from anywhere but this origin's pages", () => {
  const json = { "Content-Type": "application/json" };
  const cases: [string, () => Record<string, string>][] = [
    ["no Origin", () => json],
    ["a foreign Origin", () => ({ ...json, Origin: "https://evil.example" })],
    ["Origin null (sandboxed frame, file://)", () => ({ ...json, Origin: "null" })],
    ["this host on another port", () => ({ ...json, Origin: "http://127.0.0.1:1" })],
    ["a look-alike host", () => ({ ...json, Origin: `${app.base}.evil.example` })],
    ["a garbage Origin", () => ({ ...json, Origin: "::::" })],
    ["content-type text/plain", () => ({ "Content-Type": "text/plain", Origin: app.base })],
    [
      "content-type application/x-www-form-urlencoded",
      () => ({ "Content-Type": "application/x-www-form-urlencoded", Origin: app.base }),
    ],
    [
      "content-type multipart/form-data",
      () => ({ "Content-Type": "multipart/form-data; boundary=x", Origin: app.base }),
    ],
    ["no content-type", () => ({ Origin: app.base })],
  ];

  it.each(cases)("is refused with 403 and writes nothing: %s", async (_, headers) => {
    const res = await send("/trpc/updates.create", await updateBody(), headers());
    expect(res.status).toBe(403);
    await res.body?.cancel();
    await expectNothingWritten();
  });

  it("cannot sign a browser in to the attacker's account (login CSRF)", async () => {
    const res = await send(
      "/trpc/auth.login",
      JSON.stringify({ username: "sekda", password: "kata-sandi-uji-yang-panjang" }),
      { "Content-Type": "text/plain", Origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    await res.body?.cancel();
    await expectNothingWritten();
  });

  it("cannot sign the victim out", async () => {
    const res = await send("/trpc/auth.logout", "null", { "Content-Type": "application/json" });
    expect(res.status).toBe(403);
    await res.body?.cancel();
    await expectNothingWritten();
    const still = await getQuery(app.base, "issues.list", undefined, { Cookie: cookie });
    expect(still.status).toBe(200);
    await still.body?.cancel();
  });

  it("is refused when sent as a GET", async () => {
    const input = encodeURIComponent(await updateBody());
    const variants: Record<string, string>[] = [{}, { Origin: app.base }];
    for (const headers of variants) {
      const res = await fetch(`${app.base}/trpc/updates.create?input=${input}`, {
        headers: { Cookie: cookie, ...headers },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      await res.body?.cancel();
    }
    const logout = await fetch(`${app.base}/trpc/auth.logout`, { headers: { Cookie: cookie } });
    expect(logout.status).toBeGreaterThanOrEqual(400);
    await logout.body?.cancel();
    await expectNothingWritten();
    const still = await getQuery(app.base, "auth.me", undefined, { Cookie: cookie });
    expect(
      ((await still.json()) as { result: { data: { username: string } | null } }).result.data?.username,
    ).toBe("sekda");
  });
});

describe("the app's own requests", () => {
  it("write with a JSON content type and this origin", async () => {
    const expectedVersion = await version();
    const res = await send("/trpc/updates.create", await updateBody(), {
      "Content-Type": "application/json",
      Origin: app.base,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      result: { data: { id: expect.any(Number), version: expectedVersion + 1 } },
    });
    const after = await rowCounts(app.db);
    expect(after.issue_updates).toBe(before.issue_updates + 1);
    expect(after.audit_log).toBe(before.audit_log + 1);
  });

  it("may add parameters to the JSON content type", async () => {
    const res = await send("/trpc/updates.create", await updateBody(), {
      "Content-Type": "application/json; charset=utf-8",
      Origin: app.base,
    });
    expect(res.status).toBe(200);
    await res.body?.cancel();
  });

  it("read with GET and no Origin at all", async () => {
    for (const path of ["issues.list", "agencies.list", "auth.me", "dashboard.summary"]) {
      const res = await getQuery(app.base, path, undefined, { Cookie: cookie });
      expect(res.status, path).toBe(200);
      await res.body?.cancel();
    }
    await expectNothingWritten();
  });

  it("sign in and out with the right headers", async () => {
    const { cookie: other, response } = await signIn(app.base, "sekda");
    expect(response.status).toBe(200);
    const out = await postJson(app.base, "auth.logout", null, { Cookie: other });
    expect(out.status).toBe(200);
    await out.body?.cancel();
  });
});
