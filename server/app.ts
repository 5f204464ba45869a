import { existsSync } from "node:fs";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { sql } from "kysely";
import sirv from "sirv";
import { MAX_BATCH_SIZE } from "../shared/api";
import { accessLogger, type LogLine } from "./accessLog";
import { handleDownload, handleUpload } from "./attachments";
import { isHttps } from "./auth/cookies";
import { isAllowedHost, isSameOriginWrite } from "./auth/csrf";
import { createSessionCache } from "./auth/sessionCache";
import { callMutation, mutationCall } from "./callMutation";
import { callReads } from "./callReads";
import { type AppServices, contextFactory } from "./context";
import { handleExport } from "./export/http";
import {
  type CachedAnswer,
  type CacheKey,
  createReadCache,
  etagOf,
  type RouterAnswer,
  sendAnswer,
} from "./readCache";
import { appRouter } from "./routers/_app";

export const CLIENT_DIR = fileURLToPath(new URL("../dist/client", import.meta.url));

const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  // Charts set inline style attributes; scripts and everything else come from this origin only.
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  // No other site's window keeps a handle on ours, and no other site may embed our responses.
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
};

/** Sent only over HTTPS (a browser ignores it over HTTP): never fall back to plain HTTP. */
const HSTS = "max-age=31536000";

/** The security headers as one flat list, for answers written with a single `writeHead`. */
const BASE_HEADERS: readonly string[] = Object.entries(SECURITY_HEADERS).flat();
const HTTPS_BASE_HEADERS: readonly string[] = [...BASE_HEADERS, "Strict-Transport-Security", HSTS];

/** How long a client may take; Node's defaults hold a slow request for 5 minutes. */
export interface HttpTimeouts {
  /** Until the request's headers are in. */
  headersMs: number;
  /** Until the whole request, body included, is in: a 10 MB upload at ~1 Mbit/s fits. */
  requestMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = { headersMs: 20_000, requestMs: 120_000 };

export interface HttpOptions {
  timeouts?: Partial<HttpTimeouts>;
  /** Receives one line per answered request (see `accessLogger`). */
  accessLog?: (line: LogLine) => void;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}

/** Forms send a few KB; evidence goes to /attachments, which has its own limit. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * A request's body whole, or "tooLarge" as soon as it passes `limit` bytes (the rest is not
 * kept), or null when the client went away or was cut off before sending it all. Read at once
 * rather than streamed into the router: a mutation's body is small, and a web stream per request
 * cost more than the write it carried.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | "tooLarge" | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (result: Buffer | "tooLarge" | null) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      resolve(result);
    };
    const onError = () => done(null);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) done("tooLarge");
      else chunks.push(chunk);
    };
    const onEnd = () => done(Buffer.concat(chunks, size));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/** The body of a request past the size limit: the router answers it with its own 413. */
function tooLargeBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.error(new TRPCError({ code: "PAYLOAD_TOO_LARGE" }));
    },
  });
}

function fail(res: http.ServerResponse, error: unknown): void {
  console.error("HTTP handler failed:", error);
  if (!res.headersSent) sendJson(res, 500, { error: { message: "Terjadi kesalahan di server." } });
  else res.destroy();
}

/** One Node process serves the API, the health check and the built SPA. */
export function createServer(
  services: AppServices,
  clientDir = CLIENT_DIR,
  options: HttpOptions = {},
): http.Server {
  const sessions = createSessionCache(services);
  const createContext = contextFactory(services, sessions);
  const handlerOptions = {
    router: appRouter,
    // A larger batch is refused before any of its calls runs (the client splits to stay within).
    maxBatchSize: MAX_BATCH_SIZE,
    onError({ error, path }: { error: TRPCError; path: string | undefined }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"}:`, error);
    },
  };
  const reads = createReadCache(services, sessions);

  /**
   * The router's answer to a call, as bytes: tRPC's own fetch handler runs the procedure (its
   * validation, errors and authorization), given the request with its body already read.
   */
  async function routerAnswer(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body?: Buffer | "tooLarge",
  ): Promise<RouterAnswer> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const init: RequestInit & { duplex?: "half" } = { method: req.method, headers };
    if (body === "tooLarge") Object.assign(init, { body: tooLargeBody(), duplex: "half" });
    // Mutations come only as JSON (see isSameOriginWrite): the body is text.
    else if (body !== undefined) init.body = body.toString("utf8");
    const response = await fetchRequestHandler({
      ...handlerOptions,
      endpoint: "/trpc",
      req: new Request(`http://localhost${req.url ?? "/"}`, init),
      createContext: () => createContext({ req, res }),
    });
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    };
  }

  /** The router's answer to a cacheable read, as bytes to keep. */
  async function answerOf(req: http.IncomingMessage, res: http.ServerResponse): Promise<CachedAnswer> {
    const answer =
      (await callReads(req, () => createContext({ req, res }))) ?? (await routerAnswer(req, res));
    return { ...answer, etag: etagOf(answer.body) };
  }

  /**
   * A call that is not answered from the cache: a mutation (called in-process when it is a single
   * one), a read never cached, or signed out.
   */
  function serveCall(req: http.IncomingMessage, res: http.ServerResponse): void {
    const body =
      req.method === "GET" || req.method === "HEAD"
        ? Promise.resolve(undefined)
        : readBody(req, MAX_BODY_BYTES);
    body
      .then(async (read) => {
        // Nobody is left to answer: the request timed out (Node has said 408) or was abandoned.
        if (read === null) return;
        const mutation = read !== undefined && read !== "tooLarge" ? mutationCall(req, read) : null;
        const answer = mutation
          ? await callMutation(mutation, () => createContext({ req, res }), handlerOptions.onError)
          : await routerAnswer(req, res, read);
        sendAnswer(req, res, answer, baseHeaders(req));
      })
      .catch((error: unknown) => fail(res, error));
  }

  const spa = existsSync(clientDir)
    ? sirv(clientDir, {
        single: true,
        etag: true,
        // The build writes .br and .gz beside each asset: sent to browsers that accept them.
        brotli: true,
        gzip: true,
        setHeaders(res, pathname) {
          // Hashed build assets never change; the HTML shell must always be fresh.
          res.setHeader(
            "Cache-Control",
            pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
          );
        },
      })
    : null;

  function baseHeaders(req: http.IncomingMessage): readonly string[] {
    return isHttps(req, services.trustProxy) ? HTTPS_BASE_HEADERS : BASE_HEADERS;
  }

  function serveRead(req: http.IncomingMessage, res: http.ServerResponse, key: CacheKey): void {
    // Known once the session is: answered at once, without a turn of the event loop.
    const known = reads.lookup(key);
    if (known) {
      sendAnswer(req, res, known, baseHeaders(req));
      return;
    }
    reads
      .compute(key, () => answerOf(req, res))
      .then((answer) => sendAnswer(req, res, answer, baseHeaders(req)))
      .catch((error: unknown) => fail(res, error));
  }

  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const log = options.accessLog ? accessLogger(options.accessLog, services.trustProxy) : null;

  return http.createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      // How often Node looks for requests past those times (30 s by default).
      connectionsCheckingInterval: Math.min(timeouts.headersMs, timeouts.requestMs, 30_000) / 4,
    },
    (req, res) => {
      log?.(req, res);
      const allowedHost = isAllowedHost(req, services);
      // A repeated read is answered at once from the cache, all its headers written in one go.
      const readKey =
        allowedHost && req.method === "GET" && req.url?.startsWith("/trpc/") ? reads.keyOf(req) : null;
      const known = readKey !== null && readKey !== "unknownSession" ? reads.lookup(readKey) : undefined;
      if (known) {
        sendAnswer(req, res, known, baseHeaders(req));
        return;
      }

      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      if (isHttps(req, services.trustProxy)) res.setHeader("Strict-Transport-Security", HSTS);
      const path = (req.url ?? "/").split("?")[0] ?? "/";

      // A page on another site that has rebound its own name to this server names itself here.
      if (!allowedHost) {
        sendJson(res, 421, { error: { message: "Alamat server tidak dikenal." } });
        return;
      }
      if (path === "/healthz") {
        sql`select 1`
          .execute(services.db)
          .then(() => sendJson(res, 200, { ok: true }))
          .catch(() => sendJson(res, 503, { ok: false }));
        return;
      }
      if (path.startsWith("/trpc/")) {
        // Answers hold who-did-what (and the audit trail's addresses): never for a shared cache.
        res.setHeader("Cache-Control", "no-store");
        // Mutations only from this origin's own pages: JSON content type and a matching Origin.
        if (req.method !== "GET" && !isSameOriginWrite(req, ["application/json"], services)) {
          sendJson(res, 403, { error: { message: "Permintaan ditolak: asal atau jenis isi tidak sah." } });
          return;
        }
        if (readKey === "unknownSession") {
          // Resolve the session once (from the database), then serve the read as a signed-in one.
          void createContext({ req, res })
            .then(() => {
              const again = reads.keyOf(req);
              if (again === null || again === "unknownSession") serveCall(req, res);
              else serveRead(req, res, again);
            })
            .catch((error: unknown) => fail(res, error));
          return;
        }
        if (readKey) serveRead(req, res, readKey);
        else serveCall(req, res);
        return;
      }
      if (path === "/attachments" && req.method === "POST") {
        handleUpload(services, req, res).catch((error: unknown) => fail(res, error));
        return;
      }
      const attachment = /^\/attachments\/(\d{1,12})$/.exec(path);
      if (attachment && req.method === "GET") {
        handleDownload(services, req, res, Number(attachment[1])).catch((error: unknown) => fail(res, error));
        return;
      }
      const download = /^\/export\/([^/]{1,40})$/.exec(path);
      if (download && (req.method === "GET" || req.method === "HEAD")) {
        handleExport(services, req, res, download[1] ?? "").catch((error: unknown) => fail(res, error));
        return;
      }
      if (path.startsWith("/trpc") || path.startsWith("/export")) {
        sendJson(res, 404, { error: "Tidak ditemukan." });
        return;
      }
      if (!spa) {
        res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8" });
        res.end("Tampilan belum dibangun: jalankan `npm run build`.");
        return;
      }
      spa(req, res, () => {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
        res.end("Tidak ditemukan.");
      });
    },
  );
}
