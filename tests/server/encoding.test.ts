import http from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../fixtures/db";
import { signIn, startServer, type TestServer } from "../fixtures/http";

let app: TestServer;
let reader: string;
let admin: string;

beforeAll(async () => {
  app = await startServer();
  await createAccount(app.db, { username: "pimpinan", role: "pimpinan" });
  await createAccount(app.db, { username: "sekda", role: "admin" });
  reader = (await signIn(app.base, "pimpinan")).cookie;
  admin = (await signIn(app.base, "sekda")).cookie;
});

afterAll(() => app.close());

const DASHBOARD =
  "/trpc/dashboard.summary,issues.list,dashboard.history?batch=1&input=" +
  encodeURIComponent(JSON.stringify({ 0: {}, 1: {}, 2: {} }));

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they crossed the wire, not decompressed. */
  wire: Buffer;
}

/** A GET whose answer is kept as sent: fetch would decompress it and hide what was sent. */
function rawGet(path: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(`${app.base}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, wire: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

function decoded(answer: RawAnswer): string {
  const encoding = answer.headers["content-encoding"];
  if (encoding === "br") return brotliDecompressSync(answer.wire).toString();
  if (encoding === "gzip") return gunzipSync(answer.wire).toString();
  return answer.wire.toString();
}

const BROWSER = "gzip, deflate, br, zstd";

describe("API answers over the network", () => {
  it("come brotli-compressed to a browser, a fraction of the size, decoding to the very same JSON", async () => {
    const plain = await rawGet(DASHBOARD, { Cookie: reader });
    const packed = await rawGet(DASHBOARD, { Cookie: reader, "Accept-Encoding": BROWSER });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(packed.headers["content-encoding"]).toBe("br");
    expect(decoded(packed)).toBe(plain.wire.toString());
    expect(JSON.parse(decoded(packed))[0].result.data.total).toBe(11);
    expect(Number(packed.headers["content-length"])).toBe(packed.wire.length);
    expect(packed.wire.length).toBeLessThan(plain.wire.length / 4);
    // Both say the answer depends on Accept-Encoding, beside what tRPC already named.
    for (const answer of [plain, packed]) {
      expect(answer.headers.vary?.split(/,\s*/)).toEqual(["trpc-accept", "accept", "accept-encoding"]);
    }
  });

  it("follow what the client accepts: gzip alone, br refused, or nothing but identity", async () => {
    const cases: [string, string | undefined][] = [
      ["gzip", "gzip"],
      ["br;q=0, gzip", "gzip"],
      ["br;q=0.5, gzip", "gzip"],
      ["*", "br"],
      ["identity", undefined],
      ["gzip;q=0, br;q=0", undefined],
      ["deflate", undefined],
    ];
    const plain = (await rawGet(DASHBOARD, { Cookie: reader })).wire.toString();
    for (const [accept, expected] of cases) {
      const answer = await rawGet(DASHBOARD, { Cookie: reader, "Accept-Encoding": accept });
      expect({ accept, encoding: answer.headers["content-encoding"] }).toEqual({
        accept,
        encoding: expected,
      });
      expect(decoded(answer)).toBe(plain);
    }
  });

  it("give each encoding its own ETag, and 304 to a repeat that names it", async () => {
    const plain = await rawGet(DASHBOARD, { Cookie: reader });
    const packed = await rawGet(DASHBOARD, { Cookie: reader, "Accept-Encoding": BROWSER });
    const tag = packed.headers.etag;
    expect(tag).toMatch(/^".+-br"$/);
    expect(tag).not.toBe(plain.headers.etag);
    const again = await rawGet(DASHBOARD, {
      Cookie: reader,
      "Accept-Encoding": BROWSER,
      "If-None-Match": tag ?? "",
    });
    expect(again.status).toBe(304);
    expect(again.wire.length).toBe(0);
    // The identity bytes' tag does not stand for the compressed bytes.
    const other = await rawGet(DASHBOARD, {
      Cookie: reader,
      "Accept-Encoding": BROWSER,
      "If-None-Match": plain.headers.etag ?? "",
    });
    expect(other.status).toBe(200);
    expect(decoded(other)).toBe(plain.wire.toString());
  });

  it("leave a small answer as it is", async () => {
    const me = await rawGet("/trpc/auth.me", { Cookie: reader, "Accept-Encoding": BROWSER });
    expect(me.status).toBe(200);
    expect(me.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(me.wire.toString()).result.data.username).toBe("pimpinan");
  });

  it("compress answers that are never cached too, and errors keep their status", async () => {
    // Enough accounts for the list to be worth compressing.
    for (let i = 1; i <= 10; i++) await createAccount(app.db, { username: `staf-${i}`, role: "pimpinan" });
    const users = await rawGet("/trpc/users.list", { Cookie: admin, "Accept-Encoding": "gzip" });
    expect(users.status).toBe(200);
    expect(users.headers["content-encoding"]).toBe("gzip");
    expect(users.wire.length).toBeLessThan(decoded(users).length / 2);
    expect(JSON.parse(decoded(users)).result.data.map((u: { username: string }) => u.username)).toContain(
      "sekda",
    );
    const refused = await rawGet("/trpc/users.list", { Cookie: reader, "Accept-Encoding": "gzip" });
    expect(refused.status).toBe(403);
    expect(JSON.parse(decoded(refused)).error.data.code).toBe("FORBIDDEN");
  });
});
