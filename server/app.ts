import { existsSync } from "node:fs";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { sql } from "kysely";
import sirv from "sirv";
import { handleDownload, handleUpload } from "./attachments";
import { isSameOriginWrite } from "./auth/csrf";
import { type AppServices, contextFactory } from "./context";
import { handleExport } from "./export/http";
import { appRouter } from "./routers/_app";

export const CLIENT_DIR = fileURLToPath(new URL("../dist/client", import.meta.url));

const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  // Charts set inline style attributes; scripts and everything else come from this origin only.
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}

function fail(res: http.ServerResponse, error: unknown): void {
  console.error("HTTP handler failed:", error);
  if (!res.headersSent) sendJson(res, 500, { error: { message: "Terjadi kesalahan di server." } });
  else res.destroy();
}

/** One Node process serves the API, the health check and the built SPA. */
export function createServer(services: AppServices, clientDir = CLIENT_DIR): http.Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    // Forms send a few KB; evidence goes to /attachments, which has its own limit.
    maxBodySize: 256 * 1024,
    createContext: contextFactory(services),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"}:`, error);
    },
  });

  const spa = existsSync(clientDir)
    ? sirv(clientDir, {
        single: true,
        etag: true,
        setHeaders(res, pathname) {
          // Hashed build assets never change; the HTML shell must always be fresh.
          res.setHeader(
            "Cache-Control",
            pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
          );
        },
      })
    : null;

  return http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const path = (req.url ?? "/").split("?")[0] ?? "/";

    if (path === "/healthz") {
      sql`select 1`
        .execute(services.db)
        .then(() => sendJson(res, 200, { ok: true }))
        .catch(() => sendJson(res, 503, { ok: false }));
      return;
    }
    if (path.startsWith("/trpc/")) {
      // Mutations only from this origin's own pages: JSON content type and a matching Origin.
      if (req.method !== "GET" && !isSameOriginWrite(req, ["application/json"])) {
        sendJson(res, 403, { error: { message: "Permintaan ditolak: asal atau jenis isi tidak sah." } });
        return;
      }
      trpc(req, res);
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
  });
}
