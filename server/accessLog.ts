import type { IncomingMessage, ServerResponse } from "node:http";
import { clientIp } from "./auth/cookies";

/** One request, as the access log writes it: no query string, header, cookie or body. */
export interface LogLine {
  time: string;
  method: string;
  /** The path without its query string (a query's input may name what someone looked for). */
  path: string;
  status: number;
  ms: number;
  /** Bytes of the answer's body, when it said so. */
  bytes: number | null;
  ip: string;
  /** False when the client went away before the whole answer was sent. */
  completed: boolean;
}

/** Body sizes of answers whose headers were written in one `writeHead` call (not kept by `getHeader`). */
const bodyBytes = new WeakMap<ServerResponse, number>();

/** Tells the access log the size of an answer sent without `setHeader`. */
export function recordBodyBytes(res: ServerResponse, bytes: number): void {
  bodyBytes.set(res, bytes);
}

/** Calls `write` with one line once each request's answer is sent (or the client goes away). */
export function accessLogger(write: (line: LogLine) => void, trustProxy: boolean) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const start = process.hrtime.bigint();
    res.once("close", () => {
      const length = res.getHeader("content-length") ?? bodyBytes.get(res);
      write({
        time: new Date().toISOString(),
        method: req.method ?? "?",
        path: (req.url ?? "/").split("?")[0]?.slice(0, 300) ?? "/",
        status: res.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - start) / 1e5) / 10,
        bytes: length === undefined ? null : Number(length),
        ip: clientIp(req, trustProxy),
        completed: res.writableFinished,
      });
    });
  };
}

let unwritten: string[] = [];

/** Writes the lines gathered so far. */
export function flushAccessLog(): void {
  if (unwritten.length === 0) return;
  const text = unwritten.join("");
  unwritten = [];
  process.stdout.write(text);
}

/**
 * The access log of a running server: one JSON object per line on standard output, written once
 * per turn of the event loop (one write for all the requests answered in it, not one each).
 */
export function writeJsonLine(line: LogLine): void {
  if (unwritten.length === 0) setImmediate(flushAccessLog);
  unwritten.push(`${JSON.stringify(line)}\n`);
}
