import type { IncomingMessage } from "node:http";
import { parse, serialize } from "cookie";

export const SESSION_COOKIE = "pantau_session";

export function readSessionToken(req: IncomingMessage): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  const token = parse(header)[SESSION_COOKIE];
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/**
 * The session cookie: HttpOnly (no script can read it), SameSite=Lax (not sent on cross-site
 * requests other than following a link), and Secure whenever the request came over HTTPS.
 */
export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires: expiresAt,
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 0 });
}

/** Whether the request reached us over HTTPS (directly, or through a proxy we were told to trust). */
export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ("encrypted" in req.socket && req.socket.encrypted) return true;
  return trustProxy && req.headers["x-forwarded-proto"] === "https";
}

/** The client's address, for throttling and the audit trail. */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  // The proxy appends the address it saw: the last entry. Earlier ones are the client's to invent.
  if (trustProxy && typeof forwarded === "string") return forwarded.split(",").at(-1)?.trim() || "unknown";
  return req.socket.remoteAddress ?? "unknown";
}
