import { createHash } from "node:crypto";
import type http from "node:http";
import { performance } from "node:perf_hooks";
import { dataVersion } from "../db/database";
import { asOfCutoff, wibDate } from "../shared/asOf";
import { recordBodyBytes } from "./accessLog";
import { readSessionToken } from "./auth/cookies";
import type { SessionCache } from "./auth/sessionCache";
import type { AppServices } from "./context";
import { acceptedEncoding, type Encoding, encode, MIN_COMPRESSED_BYTES } from "./encoding";

/**
 * Who may be given a cached answer of a read:
 * - `public`: anyone (the procedure is open to all);
 * - `signedIn`: any signed-in user (the answer is the same for all of them);
 * - `user`: only the user it was computed for (it says what that user may do).
 * A read not listed here is never cached.
 */
type Scope = "public" | "signedIn" | "user";

export const CACHED_READS: Readonly<Record<string, Scope>> = {
  "awards.list": "public",
  "agencies.list": "signedIn",
  "issues.list": "signedIn",
  "dashboard.summary": "signedIn",
  "dashboard.history": "signedIn",
  "updates.timeline": "signedIn",
  "issues.byId": "user",
  "issues.byNumber": "user",
};

const SCOPE_ORDER: Scope[] = ["public", "signedIn", "user"];

/**
 * A live view's "days since an update" counts whole days from the last update to this instant, so
 * it may turn at any time of day: no answer is kept longer than this, whatever else changes.
 */
export const MAX_AGE_MS = 60_000;

/** Bounds memory: many distinct as-of dates or users empty the cache rather than grow it. */
const MAX_ENTRIES = 2_000;

/** The router's answer to a call: its status, headers and body. */
export interface RouterAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** An answer kept for the next identical read, with the tag a client's repeat may name. */
export interface CachedAnswer extends RouterAnswer {
  etag: string;
}

interface Entry extends CachedAnswer {
  version: string;
  day: string;
  /** performance.now() when computed. */
  at: number;
}

/** What a request needs to be answered from (or stored in) the cache. */
export interface CacheKey {
  key: string;
  version: string;
  day: string;
}

export function etagOf(body: Buffer): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/**
 * Answers of read procedures, kept per data version (`dataVersion`) and WIB day: a change to data
 * some read shows (here, or in another process) or a new day makes every entry stale at once, and
 * none is kept past MAX_AGE_MS. The tRPC router still computes every answer; this only remembers
 * it for the next identical request that may see it.
 */
export function createReadCache(services: AppServices, sessions: SessionCache) {
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<CachedAnswer>>();
  let today = { day: "", until: 0 };

  /** The WIB date now, recomputed only when the previous day has ended. */
  function currentDay(): string {
    const now = services.now().getTime();
    if (now >= today.until || now < today.until - 86_400_000) {
      const day = wibDate(new Date(now));
      today = { day, until: Date.parse(asOfCutoff(day, new Date(now))) + 1 };
    }
    return today.day;
  }

  const scopes = new Map<string, Scope | null>();

  /** The scope the procedures of a (batched) call need, or null when one of them is not cached. */
  function scopeOf(url: string): Scope | null {
    const query = url.indexOf("?");
    const procedures = query < 0 ? url : url.slice(0, query);
    const known = scopes.get(procedures);
    if (known !== undefined) return known;
    let names: string[];
    try {
      names = decodeURIComponent(procedures.slice("/trpc/".length)).split(",");
    } catch {
      return null; // Not a name any procedure has: the router refuses it (400).
    }
    let scope: Scope | null = "public";
    for (const path of names) {
      const needed = CACHED_READS[path];
      if (needed === undefined) {
        scope = null;
        break;
      }
      if (SCOPE_ORDER.indexOf(needed) > SCOPE_ORDER.indexOf(scope)) scope = needed;
    }
    if (scopes.size >= MAX_ENTRIES) scopes.clear();
    scopes.set(procedures, scope);
    return scope;
  }

  /**
   * The cache key of a GET to /trpc/, or null when it must go to the router uncached: not a cached
   * read, or signed out (the router says so). `unknownSession` when the session must first be
   * resolved (then ask again).
   */
  function keyOf(req: http.IncomingMessage): CacheKey | "unknownSession" | null {
    const url = req.url ?? "";
    const scope = scopeOf(url);
    if (scope === null) return null;
    let who = "*";
    if (scope !== "public") {
      const token = readSessionToken(req);
      if (!token) return null;
      const user = sessions.peek(token);
      if (!user) return "unknownSession";
      who = scope === "user" ? `u${user.id}` : "signed-in";
    }
    return { key: `${who} ${url}`, version: dataVersion(services.db), day: currentDay() };
  }

  function lookup(key: CacheKey): CachedAnswer | undefined {
    const entry = entries.get(key.key);
    if (!entry) return undefined;
    if (entry.version === key.version && entry.day === key.day && performance.now() - entry.at < MAX_AGE_MS) {
      return entry;
    }
    entries.delete(key.key);
    return undefined;
  }

  /**
   * Computes an answer once however many identical requests arrive meanwhile, and keeps it when
   * it succeeded and no write came in between (else it may be older than the data).
   */
  function compute(key: CacheKey, run: () => Promise<CachedAnswer>): Promise<CachedAnswer> {
    const id = `${key.version} ${key.day} ${key.key}`;
    const running = pending.get(id);
    if (running) return running;
    const at = performance.now();
    const promise = run()
      .then((answer): CachedAnswer => {
        // The very object kept is the one sent, so its compressed bytes are made once for all.
        const entry: Entry = { ...answer, version: key.version, day: key.day, at };
        if (answer.status === 200 && dataVersion(services.db) === key.version && currentDay() === key.day) {
          if (entries.size >= MAX_ENTRIES) entries.clear();
          entries.set(key.key, entry);
        }
        return entry;
      })
      .finally(() => pending.delete(id));
    pending.set(id, promise);
    return promise;
  }

  return { keyOf, lookup, compute };
}

export type ReadCache = ReturnType<typeof createReadCache>;

interface HeaderLists {
  /** With the body's length: for the answer itself. */
  full: string[];
  /** Without it: for 304 Not Modified. */
  notModified: string[];
}

/** An answer as sent in one encoding: its bytes, their ETag (a cached answer's), its headers. */
interface Representation {
  body: Buffer;
  etag: string | undefined;
  /** Header lists per `base`, built on first use. */
  lists: Map<readonly string[], HeaderLists>;
}

const representations = new WeakMap<RouterAnswer, Partial<Record<Encoding | "identity", Representation>>>();

/**
 * An answer in an encoding (null: as it is), made once per answer: a cached answer is compressed
 * once for all the requests it serves. An encoded answer's ETag names its encoding, since a
 * validator stands for one set of bytes.
 */
function representationOf(answer: RouterAnswer | CachedAnswer, encoding: Encoding | null): Representation {
  let all = representations.get(answer);
  if (!all) {
    all = {};
    representations.set(answer, all);
  }
  const key = encoding ?? "identity";
  let representation = all[key];
  if (!representation) {
    const etag =
      answer.status === 200 && "etag" in answer
        ? encoding
          ? `${answer.etag.slice(0, -1)}-${encoding}"`
          : answer.etag
        : undefined;
    const body = encoding ? encode(answer.body, encoding) : answer.body;
    representation = { body, etag, lists: new Map() };
    all[key] = representation;
  }
  return representation;
}

/** Headers after `base`, as the flat list one `writeHead` call takes; built once per answer and encoding. */
function listsOf(
  answer: RouterAnswer,
  representation: Representation,
  encoding: Encoding | null,
  base: readonly string[],
): HeaderLists {
  let lists = representation.lists.get(base);
  if (!lists) {
    const common = [...base];
    const compressible = answer.body.length >= MIN_COMPRESSED_BYTES;
    let vary: string | undefined;
    for (const [name, value] of Object.entries(answer.headers)) {
      const lower = name.toLowerCase();
      if (lower === "vary") vary = value;
      else if (!["cache-control", "content-length", "etag"].includes(lower)) common.push(name, value);
    }
    if (compressible) vary = vary ? `${vary}, accept-encoding` : "accept-encoding";
    if (vary) common.push("Vary", vary);
    if (encoding) common.push("Content-Encoding", encoding);
    if (representation.etag !== undefined) common.push("ETag", representation.etag);
    common.push("Cache-Control", "no-store");
    lists = { full: [...common, "Content-Length", String(representation.body.length)], notModified: common };
    representation.lists.set(base, lists);
  }
  return lists;
}

/**
 * Writes an answer after the `base` headers (the security headers every answer carries), all in
 * one `writeHead`, compressed when the client accepts it and the answer is worth it; for a
 * cached read, 304 when the client already holds these exact bytes.
 */
export function sendAnswer(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  answer: RouterAnswer | CachedAnswer,
  base: readonly string[],
): void {
  const encoding = answer.body.length >= MIN_COMPRESSED_BYTES ? acceptedEncoding(req) : null;
  const representation = representationOf(answer, encoding);
  const lists = listsOf(answer, representation, encoding, base);
  if (representation.etag !== undefined && req.headers["if-none-match"] === representation.etag) {
    res.writeHead(304, lists.notModified);
    res.end();
    return;
  }
  res.writeHead(answer.status, lists.full);
  recordBodyBytes(res, representation.body.length);
  res.end(representation.body);
}
