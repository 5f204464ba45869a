import type http from "node:http";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/database";
import type { SessionUser } from "../../server/auth/sessions";
import { callReads } from "../../server/callReads";
import { createInnerContext } from "../../server/context";
import { appRouter } from "../../server/routers/_app";
import { MAX_BATCH_SIZE } from "../../shared/api";
import { issueIdOf } from "../fixtures/admin";
import { createTestDb, READER, testServices } from "../fixtures/db";

let db: DB;
let flood: number;

const OPD: SessionUser = {
  ...READER,
  id: -2,
  username: "opd-uji",
  role: "opd",
  agencyId: 1,
  agencyCode: "X",
};

beforeAll(async () => {
  db = await createTestDb();
  flood = await issueIdOf(db, 4);
});

function url(paths: string[], inputs?: unknown[], batch = paths.length > 1): string {
  const params = new URLSearchParams();
  if (batch) params.set("batch", "1");
  if (inputs !== undefined) {
    params.set("input", JSON.stringify(batch ? Object.fromEntries(inputs.map((v, i) => [i, v])) : inputs[0]));
  }
  const query = params.toString();
  return `/trpc/${paths.join(",")}${query ? `?${query}` : ""}`;
}

function request(path: string, headers: http.IncomingHttpHeaders = {}): http.IncomingMessage {
  return { url: path, method: "GET", headers } as http.IncomingMessage;
}

/** What tRPC's own HTTP handler sends for the same GET, as the server sent it before. */
async function routerAnswer(path: string, user: SessionUser | null, headers: Record<string, string> = {}) {
  const response = await fetchRequestHandler({
    router: appRouter,
    endpoint: "/trpc",
    maxBatchSize: MAX_BATCH_SIZE,
    req: new Request(`http://localhost${path}`, { headers }),
    createContext: async () => createInnerContext(testServices(db), { user }),
  });
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: Buffer.from(await response.arrayBuffer()).toString(),
  };
}

async function called(path: string, user: SessionUser | null, headers: http.IncomingHttpHeaders = {}) {
  const answer = await callReads(request(path, headers), async () =>
    createInnerContext(testServices(db), { user }),
  );
  return answer && { status: answer.status, headers: answer.headers, body: answer.body.toString() };
}

describe("A cached read computed by calling its procedures", () => {
  it("sends the very bytes and headers tRPC's HTTP handler sends, for every cached read", async () => {
    const cases: [string, SessionUser | null][] = [
      [url(["dashboard.summary"]), READER],
      [url(["dashboard.summary"], [{ asOf: "2025-06-30" }]), READER],
      [url(["dashboard.summary"], [{ since: "2026-01-01" }]), READER],
      [url(["dashboard.history"], [{ asOf: "2025-01-06" }]), READER],
      [url(["issues.list"]), READER],
      [url(["issues.list"], [{ asOf: "2024-11-18" }]), READER],
      [url(["issues.byId"], [{ id: flood }]), READER],
      // What the issue page says one may do depends on who asks.
      [url(["issues.byId"], [{ id: flood }]), OPD],
      [url(["issues.byNumber"], [{ number: 9 }]), OPD],
      [url(["updates.timeline"], [{ issueId: flood, limit: 2 }]), READER],
      [url(["agencies.list"]), READER],
      [url(["awards.list"]), null],
      // The dashboard's batch, as the app's client sends it.
      [url(["dashboard.summary", "issues.list", "awards.list"], [undefined, { asOf: "2025-06-30" }]), READER],
      [url(["issues.list"], [undefined], true), READER],
    ];
    for (const [path, user] of cases) {
      const expected = await routerAnswer(path, user);
      expect(expected.status, path).toBe(200);
      expect(await called(path, user), path).toEqual(expected);
    }
  });

  it("leaves every failing call to tRPC's handler, so its errors keep their shape", async () => {
    const failing: [string, SessionUser | null][] = [
      // Signed out, unknown issue, invalid input, malformed JSON.
      [url(["dashboard.summary"]), null],
      [url(["issues.byId"], [{ id: 999_999 }]), READER],
      [url(["dashboard.summary"], [{ asOf: "1999-12-31" }]), READER],
      ["/trpc/issues.list?input=%7Bnot-json", READER],
      // One bad call in a batch, a batch whose input is not an object, a batch too big.
      [url(["issues.list", "issues.byId"], [undefined, { id: 999_999 }]), READER],
      ["/trpc/issues.list,agencies.list?batch=1&input=%5B1%5D", READER],
      [url(Array.from({ length: MAX_BATCH_SIZE + 1 }, () => "issues.list")), READER],
      // Two names without batch=1 are one name no procedure has; a mutation is not a read.
      [url(["issues.list", "agencies.list"], undefined, false), READER],
      [url(["updates.create"], [{}]), READER],
      ["/trpc/%E0%A4%A", READER],
      // A path that leaves /trpc/ once parsed: the handler looks for "xissues.list" and finds none.
      ["/trpc/../xxxxxissues.list", READER],
    ];
    for (const [path, user] of failing) {
      expect((await routerAnswer(path, user)).status, path).not.toBe(200);
      expect(await called(path, user), path).toBeNull();
    }
  });

  it("leaves a streamed batch to tRPC's handler", async () => {
    const path = url(["issues.list"], [undefined], true);
    expect(await called(path, READER, { "trpc-accept": "application/jsonl" })).toBeNull();
    expect(await called(path, READER, { accept: "application/jsonl" })).toBeNull();
    expect(await called(path, READER, { accept: "application/json" })).not.toBeNull();
  });
});
