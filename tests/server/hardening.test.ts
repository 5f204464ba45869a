import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../../server/auth/sessions";
import { MAX_BATCH_SIZE } from "../../shared/api";
import { callerAs, createAccount, TEST_PASSWORD, testServices } from "../fixtures/db";
import { cookiePair, getQuery, postJson, signIn, startServer, type TestServer } from "../fixtures/http";

let app: TestServer;

beforeAll(async () => {
  app = await startServer();
  await createAccount(app.db, { username: "sekda", role: "admin" });
  await createAccount(app.db, { username: "walikota", role: "pimpinan" });
});

afterAll(async () => {
  await app.close();
});

describe("sign-in attempts made at the same moment", () => {
  it("count before the password is checked, so a batch cannot slip past the limit", async () => {
    const services = testServices(app.db);
    const nobody = callerAs(app.db, null, { clientIp: "203.0.113.9" }, services);
    const attempts = Array.from({ length: 12 }, (_, i) =>
      nobody.auth.login({ username: "sekda", password: i === 11 ? TEST_PASSWORD : `tebakan-${i}` }).then(
        () => "OK",
        (e: unknown) => (e instanceof TRPCError ? e.code : "OTHER"),
      ),
    );
    const codes = await Promise.all(attempts);
    expect(codes.filter((c) => c === "UNAUTHORIZED").length + codes.filter((c) => c === "OK").length).toBe(5);
    expect(codes.filter((c) => c === "TOO_MANY_REQUESTS")).toHaveLength(7);
  });

  it("refuse a batched request of many guesses the same way", async () => {
    // A server of its own: this test uses up the address's allowance.
    const target = await startServer();
    try {
      await createAccount(target.db, { username: "korban", role: "admin" });
      const guesses = Array.from({ length: MAX_BATCH_SIZE }, (_, i) => ({
        username: "korban",
        password: `salah-${i}`,
      }));
      const body = Object.fromEntries(guesses.map((g, i) => [String(i), g]));
      const path = `auth.login${",auth.login".repeat(guesses.length - 1)}`;
      const res = await fetch(`${target.base}/trpc/${path}?batch=1`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: target.base },
        body: JSON.stringify(body),
      });
      const answers = (await res.json()) as { error?: { data?: { code?: string } } }[];
      const codes = answers.map((a) => a.error?.data?.code);
      expect(codes.filter((c) => c === "UNAUTHORIZED")).toHaveLength(5);
      expect(codes.filter((c) => c === "TOO_MANY_REQUESTS")).toHaveLength(MAX_BATCH_SIZE - 5);
    } finally {
      await target.close();
    }
  });
});

describe("what the server says about itself", () => {
  it("never sends a stack trace with an error", async () => {
    const res = await postJson(app.base, "auth.login", { username: "siapa", password: "x" });
    const text = await res.text();
    expect(text).not.toContain("stack");
    expect(text).not.toMatch(/\/work\/|node_modules|\.ts:/);
  });

  it("refuses a request body larger than any form sends, without reading it all", async () => {
    const res = await postJson(app.base, "auth.login", {
      username: "sekda",
      password: "x".repeat(400 * 1024),
    });
    expect(res.status).toBe(413);
    await res.body?.cancel();
  });
});

describe("dates", () => {
  it("shows a view dated in the future as today, and refuses dates outside 2000–2100", async () => {
    const { cookie } = await signIn(app.base, "walikota");
    const res = await getQuery(app.base, "dashboard.history", { asOf: "2100-12-31" }, { Cookie: cookie });
    const points = ((await res.json()) as { result: { data: { date: string }[] } }).result.data;
    expect(points.at(-1)?.date).toBe("2026-11-27");
    // One point a week since August 2024, not one a week up to 2100.
    expect(points.length).toBeLessThan(130);

    const old = await getQuery(app.base, "issues.list", { asOf: "1999-12-31" }, { Cookie: cookie });
    expect(old.status).toBe(400);
    const body = (await old.json()) as { error: { data: { zodError: { fieldErrors: { asOf: string[] } } } } };
    expect(body.error.data.zodError.fieldErrors.asOf).toEqual(["Tanggal harus antara tahun 2000 dan 2100."]);
  });
});

describe("signing in again", () => {
  it("ends the browser's previous session instead of leaving it open", async () => {
    const first = await signIn(app.base, "walikota");
    const again = await postJson(
      app.base,
      "auth.login",
      { username: "walikota", password: TEST_PASSWORD },
      { Cookie: first.cookie },
    );
    expect(again.status).toBe(200);
    const second = cookiePair(again.headers.get("set-cookie"));
    expect(second).not.toBe(first.cookie);
    const oldToken = first.cookie.split("=")[1] ?? "";
    const left = await app.db
      .selectFrom("sessions")
      .select("id")
      .where("id", "=", hashToken(oldToken))
      .execute();
    expect(left).toEqual([]);
    const stale = await getQuery(app.base, "issues.list", {}, { Cookie: first.cookie });
    expect(stale.status).toBe(401);
    await stale.body?.cancel();
  });
});
