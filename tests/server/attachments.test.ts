import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ATTACHMENT_MAX_BYTES } from "../../shared/schemas/updates";
import { createAccount } from "../fixtures/db";
import { JPEG, tinyPdf, tinyPng, WEBP } from "../fixtures/files";
import { postJson, rowCounts, signIn, startServer, type TestServer } from "../fixtures/http";

const GIF = Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64");
const HTML = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><rect width="1" height="1"/></svg>',
);

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

// --- The server ---------------------------------------------------------------------------------

let app: TestServer;
let dir: string;
const cookies: Record<"admin" | "opd" | "pimpinan" | "otherOpd", string> = {
  admin: "",
  opd: "",
  pimpinan: "",
  otherOpd: "",
};

beforeAll(async () => {
  app = await startServer();
  dir = app.services.attachmentsDir;
  await createAccount(app.db, { username: "sekda", role: "admin" });
  await createAccount(app.db, { username: "dlh", role: "opd", agencyCode: "DLH" });
  await createAccount(app.db, { username: "dishub", role: "opd", agencyCode: "Dishub" });
  await createAccount(app.db, { username: "walikota", role: "pimpinan" });
  cookies.admin = (await signIn(app.base, "sekda")).cookie;
  cookies.opd = (await signIn(app.base, "dlh")).cookie;
  cookies.otherOpd = (await signIn(app.base, "dishub")).cookie;
  cookies.pimpinan = (await signIn(app.base, "walikota")).cookie;
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

interface UploadOptions {
  contentType?: string;
  name?: string;
  cookie?: string | null;
  origin?: string | null;
}

function upload(bytes: Buffer, options: UploadOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {
    "Content-Type": options.contentType ?? "application/octet-stream",
  };
  const origin = options.origin === undefined ? app.base : options.origin;
  if (origin !== null) headers.Origin = origin;
  const cookie = options.cookie === undefined ? cookies.opd : options.cookie;
  if (cookie !== null) headers.Cookie = cookie;
  if (options.name !== undefined) headers["X-File-Name"] = encodeURIComponent(options.name);
  return fetch(`${app.base}/attachments`, { method: "POST", headers, body: new Uint8Array(bytes) });
}

interface Uploaded {
  id: number;
  contentType: string;
  size: number;
  name: string;
}

function download(id: number, cookie: string | null = cookies.opd): Promise<Response> {
  return fetch(`${app.base}/attachments/${id}`, { headers: cookie === null ? {} : { Cookie: cookie } });
}

/** Every file under the attachments folder, as paths relative to it. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Asserts that a refused upload stored nothing: no row, no file. */
async function expectRefused(response: Response, status: number, before: { rows: number; files: string[] }) {
  expect(response.status).toBe(status);
  await response.body?.cancel();
  expect((await rowCounts(app.db)).attachments).toBe(before.rows);
  expect(await storedFiles()).toEqual(before.files);
}

async function snapshot() {
  return { rows: (await rowCounts(app.db)).attachments, files: await storedFiles() };
}

describe("uploading evidence", () => {
  it.each([
    ["a PNG", tinyPng(200, 30, 30), "image/png", "image/png", "foto-tps.png"],
    ["a JPEG", JPEG, "image/jpeg", "image/jpeg", "foto lokasi.jpg"],
    ["a WebP", WEBP, "image/webp", "image/webp", "foto.webp"],
    ["a PDF", tinyPdf(), "application/pdf", "application/pdf", "Laporan Progres (Nov).pdf"],
    ["a PNG sent as octet-stream", tinyPng(1, 2, 3), "application/octet-stream", "image/png", "gambar.png"],
    [
      "a PDF that claims to be a PNG",
      tinyPdf().subarray(0, 200),
      "image/png",
      "application/pdf",
      "bukan-foto.pdf",
    ],
  ])(
    "stores %s once by its SHA-256 and serves it back as it is",
    async (_, bytes, sentAs, detected, name) => {
      const auditBefore = (await rowCounts(app.db)).audit_log;
      const res = await upload(bytes, { contentType: sentAs, name });
      expect(res.status).toBe(201);
      const body = (await res.json()) as Uploaded;
      expect(body).toEqual({ id: expect.any(Number), contentType: detected, size: bytes.length, name });

      const hash = sha256(bytes);
      expect(await readFile(join(dir, hash.slice(0, 2), hash))).toEqual(bytes);
      const row = await app.db
        .selectFrom("attachments")
        .selectAll()
        .where("id", "=", body.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual(
        expect.objectContaining({ sha256: hash, content_type: detected, size: bytes.length }),
      );
      expect((await rowCounts(app.db)).audit_log).toBe(auditBefore + 1);

      const served = await download(body.id);
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe(detected);
      expect(served.headers.get("x-content-type-options")).toBe("nosniff");
      expect(served.headers.get("content-length")).toBe(String(bytes.length));
      expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);
    },
  );

  it("keeps one file for the same bytes uploaded twice, by different people", async () => {
    const bytes = tinyPng(10, 20, 30);
    const before = await storedFiles();
    const first = (await (await upload(bytes, { name: "satu.png" })).json()) as Uploaded;
    const second = (await (
      await upload(bytes, { name: "dua.png", cookie: cookies.admin })
    ).json()) as Uploaded;
    expect(second.id).not.toBe(first.id);
    const hash = sha256(bytes);
    expect(await storedFiles()).toEqual([...before, join(hash.slice(0, 2), hash)].sort());
    for (const [id, cookie] of [
      [first.id, cookies.opd],
      [second.id, cookies.admin],
    ] as const) {
      expect(Buffer.from(await (await download(id, cookie)).arrayBuffer())).toEqual(bytes);
    }
  });

  it("stores the same file uploaded several times at the same moment once, answering each", async () => {
    const bytes = tinyPng(200, 100, 50);
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => upload(bytes, { name: `serentak-${i}.png` })),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as Uploaded).id));
    for (const id of ids) expect(Buffer.from(await (await download(id)).arrayBuffer())).toEqual(bytes);
    const hash = sha256(bytes);
    expect((await storedFiles()).filter((f) => f.endsWith(hash))).toHaveLength(1);
    expect((await storedFiles()).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("names every stored file by its content hash alone", async () => {
    for (const file of await storedFiles()) expect(file).toMatch(/^[0-9a-f]{2}[\\/][0-9a-f]{64}$/);
  });

  it("accepts a file of exactly 10 MB", async () => {
    const bytes = Buffer.alloc(ATTACHMENT_MAX_BYTES);
    tinyPng(0, 0, 0).copy(bytes);
    const res = await upload(bytes, { contentType: "image/png" });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Uploaded).size).toBe(ATTACHMENT_MAX_BYTES);
  });
});

describe("refusing an upload", () => {
  it.each([
    ["an HTML page named .png", HTML, "image/png", "foto.png"],
    ["an SVG with a script named .png", SVG, "image/png", "foto.png"],
    ["an SVG sent as octet-stream", SVG, "application/octet-stream", "gambar.svg"],
    ["a GIF (an image, but not one of the accepted kinds)", GIF, "image/png", "animasi.png"],
    ["plain text named .pdf", Buffer.from("bukan pdf sama sekali"), "application/pdf", "laporan.pdf"],
  ])("answers 415 for %s and stores nothing", async (_, bytes, contentType, name) => {
    const before = await snapshot();
    await expectRefused(await upload(bytes, { contentType, name }), 415, before);
  });

  it("answers 413 for a file over 10 MB and stores nothing", async () => {
    const bytes = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1);
    tinyPng(0, 0, 0).copy(bytes);
    const before = await snapshot();
    await expectRefused(await upload(bytes, { contentType: "image/png" }), 413, before);
  });

  it("answers 400 for an empty file", async () => {
    const before = await snapshot();
    await expectRefused(await upload(Buffer.alloc(0), { contentType: "image/png" }), 400, before);
  });

  it("answers 401 when signed out, or with a session that does not exist", async () => {
    const before = await snapshot();
    await expectRefused(await upload(tinyPng(5, 5, 5), { cookie: null }), 401, before);
    await expectRefused(
      await upload(tinyPng(5, 5, 5), { cookie: `pantau_session=${"A".repeat(43)}` }),
      401,
      before,
    );
  });

  it("answers 403 to pimpinan, who posts no updates", async () => {
    const before = await snapshot();
    await expectRefused(await upload(tinyPng(6, 6, 6), { cookie: cookies.pimpinan }), 403, before);
  });

  it.each([
    ["no Origin", { origin: null }],
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["a form's content type", { contentType: "multipart/form-data; boundary=x" }],
    ["text/plain", { contentType: "text/plain" }],
    ["a type that is not accepted", { contentType: "image/svg+xml" }],
  ] as [string, UploadOptions][])("answers 403 for %s (cross-site request)", async (_, options) => {
    const before = await snapshot();
    await expectRefused(await upload(tinyPng(7, 7, 7), options), 403, before);
  });
});

describe("the file name", () => {
  it.each([
    ["../../../../tmp/evil.png", "a relative path"],
    ["/etc/passwd", "an absolute path"],
    ["C:\\Users\\staf\\Desktop\\foto.png", "a Windows path"],
    ["foto.png\r\nSet-Cookie: pantau_session=dicuri", "a header injection"],
    ["foto\u0000.png", "a NUL byte"],
  ])("keeps %s (%s) from becoming a path or a header", async (name) => {
    const res = await upload(tinyPng(8, 8, 8), { name, contentType: "image/png" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Uploaded;
    expect(body.name).not.toMatch(/[/\\]/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
    expect(body.name).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(body.name.length).toBeGreaterThan(0);
    const row = await app.db
      .selectFrom("attachments")
      .select("original_name")
      .where("id", "=", body.id)
      .executeTakeFirstOrThrow();
    expect(row.original_name).toBe(body.name);

    const served = await download(body.id);
    expect(served.status).toBe(200);
    expect(served.headers.get("set-cookie")).toBeNull();
    const disposition = served.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^inline; filename\*=UTF-8''[A-Za-z0-9%._~'()!*-]+$/);
    await served.body?.cancel();
  });

  it("writes nothing outside the attachments folder", () => {
    expect(existsSync(join(dir, "../../../../tmp/evil.png"))).toBe(false);
    expect(existsSync(join(dir, "..", "evil.png"))).toBe(false);
  });

  it("falls back to a neutral name when none is given", async () => {
    const res = await upload(tinyPng(9, 9, 9), { contentType: "image/png" });
    expect(((await res.json()) as Uploaded).name).toBe("lampiran.png");
  });
});

describe("downloading evidence", () => {
  let id: number;
  beforeAll(async () => {
    const res = await upload(tinyPdf(), { contentType: "application/pdf", name: "bukti.pdf" });
    id = ((await res.json()) as Uploaded).id;
    // Published: part of an update on DLH's issue #3.
    const issue = await app.db
      .selectFrom("issues")
      .select(["id", "version"])
      .where("number", "=", 3)
      .executeTakeFirstOrThrow();
    const posted = await postJson(
      app.base,
      "updates.create",
      {
        issueId: issue.id,
        expectedVersion: issue.version,
        note: "Berita acara terlampir.",
        attachmentIds: [id],
      },
      { Cookie: cookies.opd ?? "" },
    );
    expect(posted.status).toBe(200);
  });

  it("shows an upload that is not yet part of an update only to its uploader and the admin", async () => {
    const res = await upload(tinyPng(1, 2, 3), { name: "draf.png" });
    const draft = ((await res.json()) as Uploaded).id;
    for (const [cookie, status] of [
      [cookies.opd, 200],
      [cookies.admin, 200],
      [cookies.pimpinan, 404],
      [cookies.otherOpd, 404],
    ] as const) {
      const served = await download(draft, cookie);
      expect(served.status).toBe(status);
      await served.body?.cancel();
    }
  });

  it("answers 401 when signed out, without the file", async () => {
    for (const cookie of [null, `pantau_session=${"B".repeat(43)}`, "pantau_session=rusak"]) {
      const res = await download(id, cookie);
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain("%PDF");
    }
  });

  it("serves any signed-in user, pimpinan included", async () => {
    for (const cookie of [cookies.pimpinan, cookies.otherOpd, cookies.admin]) {
      const res = await download(id, cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      await res.body?.cancel();
    }
  });

  it("answers 404 for an attachment that does not exist", async () => {
    const res = await download(987_654);
    expect(res.status).toBe(404);
    await res.body?.cancel();
  });
});
