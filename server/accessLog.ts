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

/** Calls `write` with one line once each request's answer is sent (or the client goes away). */
export function accessLogger(write: (line: LogLine) => void, trustProxy: boolean) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const start = process.hrtime.bigint();
    res.once("close", () => {
      const length = res.getHeader("content-length");
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

/** The access log of a running server: one JSON object per line on standard output. */
export function writeJsonLine(line: LogLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
