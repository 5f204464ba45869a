import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { DB } from "../../db/database";
import type { SessionUser } from "../../server/auth/sessions";
import { appRouter } from "../../server/routers/_app";
import { issueVersionOf } from "../fixtures/admin";
import { callerAs, createAccount, createTestDb, TEST_PASSWORD } from "../fixtures/db";

/**
 * Every procedure × every role × an object of the OPD's own agency and of another's. A procedure
 * added to the router without a row here fails the first test, so none can slip through unchecked.
 */

type Who = "nobody" | "pimpinan" | "opd" | "admin";
const WHO: Who[] = ["nobody", "pimpinan", "opd", "admin"];

interface World {
  db: DB;
  users: Record<Exclude<Who, "nobody">, SessionUser>;
  /** DLH, the OPD account's agency, and Dishub, another. */
  agency: { own: number; other: number };
  /** #3 TPS (led by DLH) and #5 parking (led by Dishub). */
  issue: { own: number; other: number };
  funding: { own: number; other: number };
  /** An account of DLH and one of Dishub, for the account procedures to act on. */
  account: { own: number; other: number };
  award: { event: number; result: number };
}

async function world(): Promise<World> {
  const db = await createTestDb();
  const agencyId = async (code: string) =>
    (await db.selectFrom("agencies").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
  const issueId = async (n: number) =>
    (await db.selectFrom("issues").select("id").where("number", "=", n).executeTakeFirstOrThrow()).id;
  const fundingOf = async (issue: number) =>
    (
      await db
        .selectFrom("funding_lines")
        .select("id")
        .where("issue_id", "=", issue)
        .executeTakeFirstOrThrow()
    ).id;
  const own = await issueId(3);
  const other = await issueId(5);
  const result = await db.selectFrom("award_results").select(["id", "event_id"]).executeTakeFirstOrThrow();
  return {
    db,
    users: {
      pimpinan: await createAccount(db, { username: "walikota", role: "pimpinan" }),
      opd: await createAccount(db, { username: "dlh-staf", role: "opd", agencyCode: "DLH" }),
      admin: await createAccount(db, { username: "sekda", role: "admin" }),
    },
    agency: { own: await agencyId("DLH"), other: await agencyId("Dishub") },
    issue: { own, other },
    funding: { own: await fundingOf(own), other: await fundingOf(other) },
    account: {
      own: (await createAccount(db, { username: "dlh-lain", role: "opd", agencyCode: "DLH" })).id,
      other: (await createAccount(db, { username: "dishub-staf", role: "opd", agencyCode: "Dishub" })).id,
    },
    award: { event: result.event_id, result: result.id },
  };
}

type Side = "own" | "other";
type Rule = (who: Who, side: Side) => boolean;

const anyone: Rule = () => true;
const signedIn: Rule = (who) => who !== "nobody";
const adminOnly: Rule = (who) => who === "admin";
/** Posting an update: admin on any issue, an OPD on its own agency's issues, pimpinan on none. */
/** Recording arahan and apel dates: the Wali Kota and the Sekda office. */
const directionGivers: Rule = (who) => who === "pimpinan" || who === "admin";
/** Closing an arahan: admin any, an OPD only its own agency's. */
const directionClosers: Rule = (who, side) => who === "admin" || (who === "opd" && side === "own");
const issueUpdaters: Rule = (who, side) => who === "admin" || (who === "opd" && side === "own");

const MATRIX: Record<string, { allow: Rule; input: (w: World, side: Side) => Promise<unknown> | unknown }> = {
  "agencies.list": { allow: signedIn, input: () => undefined },
  "agencies.create": {
    allow: adminOnly,
    input: (_, side) => ({ code: side === "own" ? "DLH-UJI" : "BARU", name: "Dinas Uji", kind: "dinas" }),
  },
  "agencies.update": {
    allow: adminOnly,
    input: (w, side) => ({ id: w.agency[side], name: "Nama Baru OPD" }),
  },
  "apels.list": { allow: signedIn, input: () => undefined },
  "apels.record": { allow: directionGivers, input: () => ({ date: "2026-11-23" }) },
  "apels.deck": { allow: signedIn, input: () => ({}) },
  "audit.list": { allow: adminOnly, input: () => ({}) },
  "auth.login": { allow: anyone, input: () => ({ username: "dlh-staf", password: TEST_PASSWORD }) },
  "auth.logout": { allow: signedIn, input: () => undefined },
  "auth.me": { allow: anyone, input: () => undefined },
  "awards.list": { allow: anyone, input: () => undefined },
  "awards.createEvent": {
    allow: adminOnly,
    input: () => ({
      name: "Penghargaan Uji",
      organiser: "Penyelenggara Uji",
      level: "kota",
      eventDate: "2025-01-10",
      place: "Malang",
    }),
  },
  "awards.updateEvent": { allow: adminOnly, input: (w) => ({ id: w.award.event, place: "Surabaya" }) },
  "awards.removeEvent": { allow: adminOnly, input: (w) => ({ id: w.award.event }) },
  "awards.addResult": {
    allow: adminOnly,
    input: (w, side) => ({
      eventId: w.award.event,
      category: "Kategori Uji",
      predicate: "Terbaik I",
      agencyId: w.agency[side],
    }),
  },
  "awards.updateResult": {
    allow: adminOnly,
    input: (w) => ({ id: w.award.result, predicate: "Terbaik III" }),
  },
  "awards.removeResult": { allow: adminOnly, input: (w) => ({ id: w.award.result }) },
  "dashboard.summary": { allow: signedIn, input: () => ({}) },
  "dashboard.history": { allow: signedIn, input: () => ({}) },
  "directions.list": { allow: signedIn, input: (w, side) => ({ agencyId: w.agency[side] }) },
  "directions.create": {
    allow: directionGivers,
    input: (w, side) => ({ agencyId: w.agency[side], text: "Arahan uji matriks.", dueDate: "2026-12-07" }),
  },
  "directions.close": {
    allow: directionClosers,
    // A fresh open arahan for each caller, so that one allowed close does not leave the next a closed one.
    input: async (w, side) => {
      const { id } = await w.db
        .insertInto("directions")
        .values({
          given_on: "2026-11-23",
          text: "Arahan uji.",
          agency_id: w.agency[side],
          due_date: "2026-11-30",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { id, note: "Sudah ditindaklanjuti." };
    },
  },
  "issues.list": { allow: signedIn, input: () => ({}) },
  "issues.byId": { allow: signedIn, input: (w, side) => ({ id: w.issue[side] }) },
  "issues.byNumber": { allow: signedIn, input: (_, side) => ({ number: side === "own" ? 3 : 5 }) },
  "issues.mine": { allow: signedIn, input: () => undefined },
  "issues.updateDetails": {
    allow: adminOnly,
    input: (w, side) => ({ id: w.issue[side], title: "Judul Uji" }),
  },
  "issues.setChain": { allow: adminOnly, input: (w, side) => ({ issueId: w.issue[side], chain: [] }) },
  "issues.addFunding": {
    allow: adminOnly,
    input: (w, side) => ({
      issueId: w.issue[side],
      source: "apbd_kota",
      description: "Pendanaan uji",
      confirmed: true,
    }),
  },
  "issues.updateFunding": {
    allow: adminOnly,
    input: (w, side) => ({ id: w.funding[side], description: "Pendanaan diubah" }),
  },
  "issues.removeFunding": { allow: adminOnly, input: (w, side) => ({ id: w.funding[side] }) },
  "updates.timeline": { allow: signedIn, input: (w, side) => ({ issueId: w.issue[side] }) },
  "updates.create": {
    allow: issueUpdaters,
    input: async (w, side) => ({
      issueId: w.issue[side],
      expectedVersion: await issueVersionOf(w.db, w.issue[side]),
      note: "Pembaruan uji matriks.",
    }),
  },
  "users.list": { allow: adminOnly, input: () => undefined },
  "users.create": {
    allow: adminOnly,
    input: (_, side) => ({
      username: "akun-baru",
      displayName: "Akun Baru",
      role: "opd",
      agencyCode: side === "own" ? "DLH" : "Dishub",
      password: "kata-sandi-yang-baru-sekali",
    }),
  },
  "users.update": {
    allow: adminOnly,
    input: (w, side) => ({ id: w.account[side], displayName: "Nama Lain" }),
  },
  "users.deactivate": { allow: adminOnly, input: (w, side) => ({ id: w.account[side] }) },
  "users.activate": { allow: adminOnly, input: (w, side) => ({ id: w.account[side] }) },
  "users.resetPassword": {
    allow: adminOnly,
    input: (w, side) => ({ id: w.account[side], password: "kata-sandi-pengganti" }),
  },
};

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;

async function call(w: World, who: Who, path: string, input: unknown): Promise<unknown> {
  const caller = callerAs(w.db, who === "nobody" ? null : w.users[who]) as unknown as Record<
    string,
    Record<string, (input: unknown) => Promise<unknown>>
  >;
  const [namespace, name] = path.split(".") as [string, string];
  const procedure = caller[namespace]?.[name];
  if (!procedure) throw new Error(`no procedure ${path}`);
  return procedure(input);
}

/** Rows of every table a refused call must leave alone. */
async function snapshot(db: DB): Promise<number[]> {
  const tables = [
    "agencies",
    "users",
    "issues",
    "issue_agencies",
    "funding_lines",
    "issue_updates",
    "award_events",
    "award_results",
    "audit_log",
    "sessions",
    "directions",
    "apels",
  ] as const;
  return Promise.all(
    tables.map(async (t) =>
      Number(
        (
          await db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ),
  );
}

describe("the authorization matrix", () => {
  it("has a row for every procedure in the router, and no row for one that is gone", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(procedures).sort());
  });

  for (const path of Object.keys(procedures)) {
    for (const side of ["own", "other"] as const) {
      it(`${path} on ${side === "own" ? "the OPD's own" : "another agency's"} object`, async () => {
        const rule = MATRIX[path];
        if (!rule) throw new Error(`${path} has no row in the matrix`);
        const w = await world();
        // The admin goes last: an allowed write may change what the others would see.
        for (const who of WHO) {
          const input = await rule.input(w, side);
          if (rule.allow(who, side)) {
            await expect(call(w, who, path, input), `${who} may call ${path}`).resolves.not.toThrow();
          } else {
            const before = await snapshot(w.db);
            const error = await call(w, who, path, input).then(
              () => null,
              (e: unknown) => e,
            );
            expect(error, `${who} must be refused ${path}`).toBeInstanceOf(TRPCError);
            expect((error as TRPCError).code, `${who} on ${path}`).toBe(
              who === "nobody" ? "UNAUTHORIZED" : "FORBIDDEN",
            );
            expect(await snapshot(w.db), `${who} refused ${path} but something was written`).toEqual(before);
          }
        }
      });
    }
  }
});
