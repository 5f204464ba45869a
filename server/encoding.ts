import type http from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import Negotiator from "negotiator";

/** The encodings an API answer may be sent in, best first. */
const ENCODINGS = ["br", "gzip"] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Smaller answers are sent as they are: compressing them saves less than it costs. */
export const MIN_COMPRESSED_BYTES = 1024;

/** Browsers send a handful of distinct `Accept-Encoding` values; each is judged once. */
const chosen = new Map<string, Encoding | null>();
const MAX_REMEMBERED = 64;

/** The encoding the request accepts for an answer (brotli before gzip), or null for none. */
export function acceptedEncoding(req: http.IncomingMessage): Encoding | null {
  const header = req.headers["accept-encoding"];
  if (header === undefined || header === "") return null;
  let encoding = chosen.get(header);
  if (encoding === undefined) {
    // Browsers list gzip first with the same weight as br; br is smaller, so it wins ties.
    const best = new Negotiator(req).encoding(ENCODINGS, { preferred: ENCODINGS });
    encoding = ENCODINGS.find((e) => e === best) ?? null;
    if (chosen.size >= MAX_REMEMBERED) chosen.clear();
    chosen.set(header, encoding);
  }
  return encoding;
}

/**
 * The body in an encoding. Brotli at quality 5 and gzip at level 6: about a millisecond for the
 * dashboard's 26 KB, which shrink to 3 KB. Higher brotli qualities save a few per cent more for
 * ten to a hundred times the time, which suits the build's assets, not answers made per request.
 */
export function encode(body: Buffer, encoding: Encoding): Buffer {
  return encoding === "br"
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipSync(body, { level: 6 });
}
