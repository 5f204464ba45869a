import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { parse, serialize } from "cookie";
import type { DB } from "../../db/database";

/**
 * A browser that has signed in to an account before carries a signed cookie naming that account
 * and a random device id. The sign-in throttle counts its attempts by that device instead of by
 * address, so someone guessing from the same office network (or anywhere else) cannot shut the
 * account's owner out. The cookie grants nothing else: the password is still needed.
 */
export const DEVICE_COOKIE = "pantau_device";
const SECRET_NAME = "device_cookie_key";
const YEAR_SECONDS = 365 * 24 * 3600;

async function loadSecret(db: DB): Promise<Buffer> {
  // Every process on this database makes the same choice: the first key written wins.
  await db
    .insertInto("server_secrets")
    .values({ name: SECRET_NAME, value: randomBytes(32).toString("base64url") })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db
    .selectFrom("server_secrets")
    .select("value")
    .where("name", "=", SECRET_NAME)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, "base64url");
}

export function readDeviceCookie(req: IncomingMessage): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  const value = parse(header)[DEVICE_COOKIE];
  return value && value.length <= 200 ? value : null;
}

export function deviceCookie(value: string, secure: boolean): string {
  return serialize(DEVICE_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    // Only sign-in needs it.
    path: "/trpc",
    maxAge: YEAR_SECONDS,
  });
}

export function createDeviceTrust(db: DB) {
  let secret: Promise<Buffer> | undefined;
  const key = () => {
    secret ??= loadSecret(db);
    return secret;
  };
  const mac = async (payload: string) =>
    createHmac("sha256", await key())
      .update(payload)
      .digest();

  return {
    /** A new cookie value for `userId` on this browser. */
    async issue(userId: number): Promise<string> {
      const payload = `${userId}.${randomBytes(16).toString("base64url")}`;
      return `${payload}.${(await mac(payload)).toString("base64url")}`;
    },
    /** The device id when `value` is a genuine cookie of this server for `userId`, else null. */
    async verify(value: string | null, userId: number): Promise<string | null> {
      const match = value ? /^(\d{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value) : null;
      if (!match || Number(match[1]) !== userId) return null;
      const expected = await mac(`${match[1]}.${match[2]}`);
      const given = Buffer.from(match[3] ?? "", "base64url");
      return given.length === expected.length && timingSafeEqual(given, expected) ? (match[2] ?? null) : null;
    },
  };
}

export type DeviceTrust = ReturnType<typeof createDeviceTrust>;
