import type { IncomingMessage } from "node:http";
import { networkInterfaces } from "node:os";
import { isHttps } from "./cookies";

/** Where requests may come from and be addressed to; see `allowedHostnames`. */
export interface OriginPolicy {
  /** The origin people open Pantau at behind a proxy (`https://pantau.example`), or null. */
  publicOrigin: string | null;
  /** Host names (without port) a request's `Host` may name; IPv6 addresses in brackets. */
  allowedHosts: readonly string[];
  trustProxy: boolean;
}

const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];
const WILDCARDS = new Set(["0.0.0.0", "::", "[::]"]);

function bracketed(address: string): string {
  return address.includes(":") ? `[${address}]` : address;
}

/**
 * The host names Pantau answers to: this machine by loopback (any port), the address it listens
 * on (every interface's address when it listens on all of them), the public origin's host, and
 * any named in ALLOWED_HOSTS. A DNS-rebinding page reaches the server under the attacker's own
 * name, which is none of these.
 */
export function allowedHostnames(
  options: { host?: string; publicOrigin?: string | null; extra?: readonly string[] } = {},
): string[] {
  const names = new Set(LOOPBACK);
  const host = options.host?.toLowerCase();
  if (host && WILDCARDS.has(host)) {
    for (const list of Object.values(networkInterfaces())) {
      for (const entry of list ?? []) names.add(bracketed(entry.address.toLowerCase()));
    }
  } else if (host) {
    names.add(bracketed(host));
  }
  if (options.publicOrigin) names.add(new URL(options.publicOrigin).hostname);
  for (const name of options.extra ?? []) names.add(bracketed(name.toLowerCase()));
  return [...names];
}

/** The host name (without port) of a `Host` header, or null when it is not a valid one. */
function hostnameOf(host: string | undefined): string | null {
  if (!host || /[\s/?#@\\]/.test(host)) return null;
  try {
    return new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Host headers already judged: a server hears the same few names on every request. */
const judgedHosts = new Map<string, string | null>();
const MAX_JUDGED_HOSTS = 100;

export function isAllowedHost(req: IncomingMessage, policy: OriginPolicy): boolean {
  const host = req.headers.host ?? "";
  let name = judgedHosts.get(host);
  if (name === undefined) {
    name = hostnameOf(host);
    if (judgedHosts.size >= MAX_JUDGED_HOSTS) judgedHosts.clear();
    judgedHosts.set(host, name);
  }
  return name !== null && policy.allowedHosts.includes(name);
}

/** The origin this request's own pages have: the public origin, or the scheme and host it came to. */
export function expectedOrigin(req: IncomingMessage, policy: OriginPolicy): string | null {
  if (policy.publicOrigin) return policy.publicOrigin;
  const host = req.headers.host;
  if (!hostnameOf(host)) return null;
  return new URL(`${isHttps(req, policy.trustProxy) ? "https" : "http"}://${host}`).origin;
}

/**
 * A state-changing request must carry a JSON (or, for uploads, a file) content type, which a
 * cross-site HTML form cannot send, and an `Origin` equal to this site's own: scheme, host and
 * port.
 */
export function isSameOriginWrite(
  req: IncomingMessage,
  allowedContentTypes: readonly string[],
  policy: OriginPolicy,
): boolean {
  const contentType = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!allowedContentTypes.includes(contentType)) return false;
  const origin = req.headers.origin;
  const expected = expectedOrigin(req, policy);
  if (!origin || !expected) return false;
  try {
    return new URL(origin).origin === expected;
  } catch {
    return false;
  }
}
