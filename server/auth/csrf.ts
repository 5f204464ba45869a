import type { IncomingMessage } from "node:http";

/**
 * A state-changing request must carry a JSON (or, for uploads, a file) content type, which a
 * cross-site HTML form cannot send, and an `Origin` naming this very host.
 */
export function isSameOriginWrite(req: IncomingMessage, allowedContentTypes: readonly string[]): boolean {
  const contentType = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!allowedContentTypes.includes(contentType)) return false;
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
