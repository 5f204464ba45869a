import type http from "node:http";

/**
 * How a request to /trpc/ reads to tRPC's HTTP handler, for the calls answered in-process
 * (`callReads`, `callMutation`): they take only requests they read the same way.
 */

/** The headers tRPC's HTTP handler sends with a JSON answer, in the order it sends them. */
export const JSON_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "application/json",
  vary: "trpc-accept, accept",
};

/** Whether the client asks for a streamed answer (JSON lines), which only the handler writes. */
export function wantsStream(headers: http.IncomingHttpHeaders): boolean {
  return headers["trpc-accept"] !== undefined || headers.accept?.includes("application/jsonl") === true;
}

/**
 * The procedure path a URL names (`a.b`, or `a.b,c.d` for a batch), decoded; null when it cannot
 * be decoded, or when the parsed URL no longer starts with /trpc/ (`/trpc/../x`): the handler
 * reads such a path otherwise, and finds no procedure there.
 */
export function procedurePath(url: URL): string | null {
  if (!url.pathname.startsWith("/trpc/")) return null;
  try {
    return decodeURIComponent(url.pathname.slice("/trpc/".length));
  } catch {
    return null;
  }
}
