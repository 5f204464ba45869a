import type http from "node:http";
import { MAX_BATCH_SIZE } from "../shared/api";
import type { Context } from "./context";
import { CACHED_READS, type RouterAnswer } from "./readCache";
import { appRouter } from "./routers/_app";
import { createCallerFactory } from "./trpc";
import { JSON_HEADERS, procedurePath, wantsStream } from "./trpcRequest";

const createCaller = createCallerFactory(appRouter);

type Procedure = (input: unknown) => Promise<unknown>;

/**
 * A GET of read procedures (`/trpc/a?input=…`, or a batch `/trpc/a,b?batch=1&input={"0":…}`),
 * answered by calling them in-process: the same procedures, middlewares, input validation and
 * authorization as over HTTP, without building a web Request and Response around them, which
 * cost more than a dashboard read itself. The bytes are those tRPC's HTTP handler sends when every
 * call succeeds.
 *
 * Null when that handler must answer instead: a call failed (its error is then tRPC's own, and
 * a read is safe to run again), or the request is one this does not read the same way (a
 * streamed batch, a body type, malformed input).
 */
export async function callReads(
  req: http.IncomingMessage,
  context: () => Promise<Context>,
): Promise<RouterAnswer | null> {
  if (wantsStream(req.headers) || req.headers["content-type"] !== undefined) return null;
  const url = new URL(req.url ?? "/", "http://localhost");
  const names = procedurePath(url)?.split(",");
  if (names === undefined) return null;
  const batch = url.searchParams.get("batch") === "1";
  if (names.length > (batch ? MAX_BATCH_SIZE : 1)) return null;
  if (!names.every((name) => Object.hasOwn(CACHED_READS, name))) return null;

  let inputs: unknown;
  const raw = url.searchParams.get("input");
  if (raw) {
    try {
      inputs = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  if (
    batch &&
    inputs !== undefined &&
    (typeof inputs !== "object" || inputs === null || Array.isArray(inputs))
  ) {
    return null;
  }
  const inputAt = (index: number): unknown =>
    batch ? (inputs as Record<string, unknown> | undefined)?.[index] : inputs;

  let data: unknown[];
  try {
    const caller = createCaller(await context()) as unknown as Record<string, Record<string, Procedure>>;
    data = await Promise.all(
      names.map((name, index) => {
        const [space = "", procedure = ""] = name.split(".");
        const call = caller[space]?.[procedure];
        if (typeof call !== "function") throw new Error(`no procedure ${name}`);
        return call(inputAt(index));
      }),
    );
  } catch {
    return null;
  }
  const results = data.map((value) => ({ result: { data: value } }));
  return {
    status: 200,
    headers: JSON_HEADERS,
    body: Buffer.from(JSON.stringify(batch ? results : results[0])),
  };
}
