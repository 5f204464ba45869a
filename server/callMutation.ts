import type http from "node:http";
import {
  type AnyTRPCProcedure,
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  type TRPCError,
} from "@trpc/server";
import { getHTTPStatusCode } from "@trpc/server/http";
import type { Context } from "./context";
import type { RouterAnswer } from "./readCache";
import { appRouter } from "./routers/_app";
import { JSON_HEADERS, procedurePath, wantsStream } from "./trpcRequest";

/** One mutation as a POST carries it: its path, its input, and whether it came as a batch of one. */
export interface MutationCall {
  path: string;
  input: unknown;
  batch: boolean;
}

/**
 * The mutation a POST asks for, when it is one this module answers exactly as tRPC's HTTP handler
 * does: `/trpc/a` with the input as its JSON body, or the client's batch of one, `/trpc/a?batch=1`
 * with `{"0": input}`. Null for anything else (a batch of several, a streamed call, a query, an
 * unknown path, a body that is not JSON): the handler answers those, and nothing has run yet.
 */
export function mutationCall(req: http.IncomingMessage, body: Buffer): MutationCall | null {
  if (req.method !== "POST" || wantsStream(req.headers)) return null;
  const url = new URL(req.url ?? "/", "http://localhost");
  const query = [...url.searchParams.keys()];
  const batch = query.length === 1 && url.searchParams.get("batch") === "1";
  if (query.length > 0 && !batch) return null;
  const path = procedurePath(url);
  if (path === null) return null;
  // Keyed by the full dotted path, as the handler finds a procedure.
  const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;
  if (!Object.hasOwn(procedures, path) || procedures[path]?._def.type !== "mutation") return null;

  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    return null;
  }
  if (!batch) return { path, input: parsed, batch };
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  return { path, input: (parsed as Record<string, unknown>)[0], batch };
}

/**
 * Runs a mutation in-process: the same procedure, middlewares, input validation and authorization
 * as over HTTP, and the same status and bytes, success or error, as tRPC's HTTP handler sends,
 * without building a web Request and Response around it (which cost more than a write itself).
 * `onError` is told of a failure as the handler's own option is.
 */
export async function callMutation(
  call: MutationCall,
  context: () => Promise<Context>,
  onError: (opts: { error: TRPCError; path: string }) => void,
): Promise<RouterAnswer> {
  let ctx: Context | undefined;
  const wrap = (json: object) => (call.batch ? [json] : json);
  let answer: object;
  let body: string;
  try {
    ctx = await context();
    const data: unknown = await callTRPCProcedure({
      router: appRouter,
      path: call.path,
      getRawInput: async () => call.input,
      ctx,
      type: "mutation",
      signal: undefined,
      batchIndex: 0,
    });
    answer = wrap({ result: { data } });
    // Inside the try: an answer that cannot be written as JSON is tRPC's internal error too.
    body = JSON.stringify(answer);
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    onError({ error, path: call.path });
    const shape = getTRPCErrorShape({
      config: appRouter._def._config,
      ctx,
      error,
      input: call.input,
      path: call.path,
      type: "mutation",
    });
    answer = wrap({ error: shape });
    body = JSON.stringify(answer);
  }
  return {
    status: getHTTPStatusCode(answer as Parameters<typeof getHTTPStatusCode>[0]),
    headers: JSON_HEADERS,
    body: Buffer.from(body),
  };
}
