import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/database";
import { DEVICE_COOKIE } from "../../server/auth/devices";
import { createLoginThrottle, type ThrottleOptions } from "../../server/auth/throttle";
import type { AppServices } from "../../server/context";
import { callerAs, createAccount, createTestDb, TEST_PASSWORD, testServices } from "../fixtures/db";
import { postJson, startServer } from "../fixtures/http";

let db: DB;

beforeAll(async () => {
  db = await createTestDb();
  for (const username of ["walikota", "sekda", "lain"])
    await createAccount(db, { username, role: "pimpinan" });
});

afterAll(async () => {
  await db.destroy();
});

function servicesWith(options: Partial<ThrottleOptions> = {}): AppServices {
  return testServices(db, { throttle: createLoginThrottle(options) });
}

/** Signs in as `username` from `ip`, with the browser's device cookie when it has one. */
async function attempt(
  services: AppServices,
  username: string,
  password: string,
  ip: string,
  deviceCookie: string | null = null,
): Promise<{ code: string; cookies: string[] }> {
  const cookies: string[] = [];
  const caller = callerAs(
    db,
    null,
    { clientIp: ip, deviceCookie, setCookie: (c) => cookies.push(c) },
    services,
  );
  try {
    await caller.auth.login({ username, password });
    return { code: "OK", cookies };
  } catch (error) {
    return { code: (error as { code?: string }).code ?? "?", cookies };
  }
}

function deviceValue(cookies: string[]): string {
  const cookie = cookies.find((c) => c.startsWith(`${DEVICE_COOKIE}=`)) ?? "";
  return cookie.slice(DEVICE_COOKIE.length + 1).split(";")[0] ?? "";
}

async function fail(services: AppServices, username: string, ip: string, times: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < times; i++)
    codes.push((await attempt(services, username, `salah-${i}-sandinya`, ip)).code);
  return codes;
}

describe("wrong passwords cannot lock an account's owner out", () => {
  it("five wrong passwords from anywhere leave the owner signing in from her own address", async () => {
    const services = servicesWith();
    for (let i = 0; i < 5; i++) await fail(services, "walikota", `192.0.2.${i + 1}`, 1);
    expect((await fail(services, "walikota", "192.0.2.66", 10)).slice(5)).toEqual(
      Array(5).fill("TOO_MANY_REQUESTS"),
    );
    expect((await attempt(services, "walikota", TEST_PASSWORD, "198.51.100.10")).code).toBe("OK");
  });

  it("makes the guessing address wait, and longer each time", async () => {
    const throttle = createLoginThrottle({ freeFailures: 3, firstDelaySeconds: 1, maxDelaySeconds: 600 });
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) waits.push(await throttle.attempt("walikota", "203.0.113.5"));
    expect(waits).toEqual([0, 0, 0, 1, 1]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const next: number[] = [];
    for (let i = 0; i < 4; i++) next.push(await throttle.attempt("walikota", "203.0.113.5"));
    expect(next).toEqual([0, 0, 0, 2]);
    // Another address guessing the same account has its own count.
    expect(await throttle.attempt("walikota", "203.0.113.6")).toBe(0);
  });

  it("counts every spelling of a username as the same account", async () => {
    const services = servicesWith();
    for (const [i, spelling] of ["LAIN", "Lain", " lain", "lAIn ", "lain"].entries()) {
      await attempt(services, spelling, `salah-${i}-sandinya`, "192.0.2.200");
    }
    expect((await attempt(services, "lain", TEST_PASSWORD, "192.0.2.200")).code).toBe("TOO_MANY_REQUESTS");
  });

  it("forgives the failures before a successful sign-in", async () => {
    const services = servicesWith();
    for (let round = 0; round < 3; round++) {
      expect(await fail(services, "sekda", "198.18.0.1", 4)).toEqual(Array(4).fill("UNAUTHORIZED"));
      expect((await attempt(services, "sekda", TEST_PASSWORD, "198.18.0.1")).code).toBe("OK");
    }
  });
});

describe("a browser that has signed in before", () => {
  it("keeps getting in from an address someone else is guessing from", async () => {
    const services = servicesWith();
    const first = await attempt(services, "walikota", TEST_PASSWORD, "10.1.1.1");
    const device = deviceValue(first.cookies);
    expect(device).toMatch(/^\d+\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);

    // Someone in the same office network guesses her password.
    await fail(services, "walikota", "10.1.1.1", 12);
    expect((await attempt(services, "walikota", TEST_PASSWORD, "10.1.1.1")).code).toBe("TOO_MANY_REQUESTS");
    const again = await attempt(services, "walikota", TEST_PASSWORD, "10.1.1.1", device);
    expect(again.code).toBe("OK");
    // The browser keeps the cookie it has: no new one.
    expect(deviceValue(again.cookies)).toBe("");
  });

  it("is exempt from the address's daily limit", async () => {
    const services = servicesWith({ perClientPerDay: 8 });
    const device = deviceValue((await attempt(services, "sekda", TEST_PASSWORD, "10.2.2.2")).cookies);
    for (const account of ["lain", "walikota", "tidak-ada"]) await fail(services, account, "10.2.2.2", 3);
    expect((await attempt(services, "lain", TEST_PASSWORD, "10.2.2.2")).code).toBe("TOO_MANY_REQUESTS");
    expect((await attempt(services, "sekda", TEST_PASSWORD, "10.2.2.2", device)).code).toBe("OK");
    // Another address is not concerned.
    expect((await attempt(services, "lain", TEST_PASSWORD, "10.2.2.3")).code).toBe("OK");
  });

  it("counts for nothing with another account's cookie, or a forged one", async () => {
    const services = servicesWith();
    const device = deviceValue((await attempt(services, "sekda", TEST_PASSWORD, "10.3.3.3")).cookies);
    await fail(services, "lain", "10.3.3.3", 6);
    expect((await attempt(services, "lain", TEST_PASSWORD, "10.3.3.3", device)).code).toBe(
      "TOO_MANY_REQUESTS",
    );
    const [id, deviceId] = device.split(".");
    const forged = `${id}.${deviceId}.${"A".repeat(43)}`;
    await fail(services, "sekda", "10.3.3.4", 6);
    expect((await attempt(services, "sekda", TEST_PASSWORD, "10.3.3.4", forged)).code).toBe(
      "TOO_MANY_REQUESTS",
    );
  });

  it("gets its cookie over HTTP: HttpOnly, only for the API, kept for a year", async () => {
    const server = await startServer();
    try {
      await createAccount(server.db, { username: "walikota", role: "pimpinan" });
      const res = await postJson(server.base, "auth.login", {
        username: "walikota",
        password: TEST_PASSWORD,
      });
      expect(res.status).toBe(200);
      const device = res.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`)) ?? "";
      const attributes = device.toLowerCase().split(/;\s*/);
      expect(attributes).toEqual(
        expect.arrayContaining(["httponly", "samesite=lax", "path=/trpc", "max-age=31536000"]),
      );
      const audit = await server.db.selectFrom("audit_log").select("detail").execute();
      expect(JSON.stringify(audit)).not.toContain(device.split(";")[0]?.split("=")[1]);
      await res.body?.cancel();
    } finally {
      await server.close();
    }
  });
});

describe("slow guessing of many accounts from one address", () => {
  it("stops at the address's daily limit, for every account", async () => {
    const services = servicesWith({ perClientPerDay: 10 });
    const codes: string[] = [];
    for (let i = 0; i < 10; i++)
      codes.push((await attempt(services, `tebakan-${i}`, "salah-sandinya", "203.0.113.77")).code);
    expect(codes).toEqual(Array(10).fill("UNAUTHORIZED"));
    expect((await attempt(services, "lain", TEST_PASSWORD, "203.0.113.77")).code).toBe("TOO_MANY_REQUESTS");
    expect((await attempt(services, "lain", TEST_PASSWORD, "203.0.113.78")).code).toBe("OK");
  });
});
