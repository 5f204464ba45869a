import type http from "node:http";
import type { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/database";
import type { SessionUser } from "../../server/auth/sessions";
import { callMutation, mutationCall } from "../../server/callMutation";
import { createInnerContext } from "../../server/context";
import { appRouter } from "../../server/routers/_app";
import { MAX_BATCH_SIZE } from "../../shared/api";
import { issueIdOf, issueVersionOf } from "../fixtures/admin";
import { createAccount, createTestDb, testServices } from "../fixtures/db";

/**
 * Two databases built alike: every write goes to both, once through tRPC's own HTTP handler and
 * once called in-process, so their answers (ids and versions included) must be the same bytes.
 */
let viaHandler: DB;
let viaCall: DB;
let admin: SessionUser;
let opdElsewhere: SessionUser;
let flood: number;

beforeAll(async () => {
  viaHandler = await createTestDb();
  viaCall = await createTestDb();
  for (const db of [viaHandler, viaCall]) {
    admin = await createAccount(db, { username: "sekda", role: "admin" });
    opdElsewhere = await createAccount(db, { username: "dishub", role: "opd", agencyCode: "Dishub" });
  }
  flood = await issueIdOf(viaHandler, 4);
  expect(await issueIdOf(viaCall, 4)).toBe(flood);
});

function post(path: string, headers: http.IncomingHttpHeaders = {}): http.IncomingMessage {
  return {
    url: path,
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
  } as http.IncomingMessage;
}

async function handlerAnswer(path: string, body: string, user: SessionUser | null) {
  const response = await fetchRequestHandler({
    router: appRouter,
    endpoint: "/trpc",
    maxBatchSize: MAX_BATCH_SIZE,
    req: new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    }),
    createContext: async () => createInnerContext(testServices(viaHandler), { user }),
  });
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: Buffer.from(await response.arrayBuffer()).toString(),
  };
}

async function calledAnswer(path: string, body: string, user: SessionUser | null, errors: TRPCError[] = []) {
  const call = mutationCall(post(path), Buffer.from(body));
  if (!call) return null;
  const answer = await callMutation(
    call,
    async () => createInnerContext(testServices(viaCall), { user }),
    ({ error }) => errors.push(error),
  );
  return { status: answer.status, headers: answer.headers, body: answer.body.toString() };
}

const update = (expectedVersion: number, extra: Record<string, unknown> = {}) => ({
  issueId: flood,
  expectedVersion,
  note: "Pompa air Jalan Soekarno-Hatta diperbaiki",
  ...extra,
});

describe("A single mutation called in-process", () => {
  it("answers with the status, headers and bytes of tRPC's HTTP handler, success or error", async () => {
    const cases: [string, string, () => SessionUser | null, (version: number) => unknown][] = [
      // Written, as a plain call and as the app's client sends it (a batch of one).
      ["written", "/trpc/updates.create", () => admin, (v) => update(v, { physicalProgress: 40 })],
      ["written (batch)", "/trpc/updates.create?batch=1", () => admin, (v) => ({ 0: update(v) })],
      // Someone else wrote first.
      ["conflict", "/trpc/updates.create", () => admin, (v) => update(v - 1)],
      // Field errors: zod's, and the update rules' (a finished stage needs 100% progress).
      ["invalid input", "/trpc/updates.create", () => admin, (v) => update(v, { physicalProgress: 140 })],
      [
        "rule broken",
        "/trpc/updates.create?batch=1",
        () => admin,
        (v) => ({ 0: update(v, { stage: "selesai", physicalProgress: 60 }) }),
      ],
      // Who may not, and what is not there.
      ["not responsible", "/trpc/updates.create", () => opdElsewhere, (v) => update(v)],
      ["signed out", "/trpc/updates.create?batch=1", () => null, (v) => ({ 0: update(v) })],
      ["unknown issue", "/trpc/updates.create", () => admin, () => ({ ...update(1), issueId: 999_999 })],
      ["no input", "/trpc/updates.create?batch=1", () => admin, () => ({})],
      ["another mutation", "/trpc/agencies.create", () => opdElsewhere, () => ({ code: "X", name: "Y" })],
    ];
    const statuses: Record<string, number> = {};
    for (const [name, path, user, input] of cases) {
      const version = await issueVersionOf(viaHandler, flood);
      expect(await issueVersionOf(viaCall, flood), name).toBe(version);
      const body = JSON.stringify(input(version));
      const expected = await handlerAnswer(path, body, user());
      expect(await calledAnswer(path, body, user()), name).toEqual(expected);
      statuses[name] = expected.status;
    }
    // The cases say what they claim to: two writes and every kind of refusal.
    expect(statuses).toEqual({
      written: 200,
      "written (batch)": 200,
      conflict: 409,
      "invalid input": 400,
      "rule broken": 400,
      "not responsible": 403,
      "signed out": 401,
      "unknown issue": 404,
      "no input": 400,
      "another mutation": 403,
    });
  });

  it("tells the error handler of a refusal, as the HTTP handler's onError is", async () => {
    const errors: TRPCError[] = [];
    const body = JSON.stringify(update((await issueVersionOf(viaCall, flood)) - 1));
    await calledAnswer("/trpc/updates.create", body, admin, errors);
    expect(errors.map((e) => e.code)).toEqual(["CONFLICT"]);
  });

  it("leaves every request it does not read the same way to tRPC's handler, before anything runs", () => {
    const body = Buffer.from(JSON.stringify(update(1)));
    const batchOfTwo = Buffer.from(JSON.stringify({ 0: update(1), 1: update(2) }));
    const untaken: [string, http.IncomingMessage, Buffer][] = [
      ["a batch of two", post("/trpc/updates.create,updates.create?batch=1"), batchOfTwo],
      ["a query", post("/trpc/dashboard.summary"), Buffer.from("{}")],
      ["an unknown path", post("/trpc/updates.hapus"), body],
      ["a path no procedure has", post("/trpc/updates"), body],
      ["a malformed path", post("/trpc/%E0%A4%A"), body],
      // The handler would look for "xupdates.create" here, and find nothing.
      ["a path that leaves /trpc/", post("/trpc/../xxxxxupdates.create"), body],
      ["an encoded one", post("/trpc/%2e%2e/xxxxxupdates.create"), body],
      ["a body that is not JSON", post("/trpc/updates.create"), Buffer.from("{not-json")],
      ["an empty body", post("/trpc/updates.create"), Buffer.alloc(0)],
      ["a batch whose input is not an object", post("/trpc/updates.create?batch=1"), Buffer.from("[1]")],
      ["other query parameters", post("/trpc/updates.create?batch=1&input=%7B%7D"), body],
      ["a streamed call", post("/trpc/updates.create?batch=1", { "trpc-accept": "application/jsonl" }), body],
      ["a streamed accept", post("/trpc/updates.create", { accept: "application/jsonl" }), body],
      ["a GET", { ...post("/trpc/updates.create"), method: "GET" } as http.IncomingMessage, body],
    ];
    for (const [name, req, payload] of untaken) expect(mutationCall(req, payload), name).toBeNull();
    expect(mutationCall(post("/trpc/updates.create"), body)).toEqual({
      path: "updates.create",
      input: update(1),
      batch: false,
    });
  });
});
