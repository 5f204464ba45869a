import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sweepAttachments } from "../../server/attachmentSweep";
import { attachmentPath, temporaryDir } from "../../server/attachments";
import type { AppServices } from "../../server/context";
import { createUploadPolicy } from "../../server/uploadPolicy";
import { callerAs, createAccount } from "../fixtures/db";
import { GPS_LATITUDE, JPEG, jpegWithGps, tinyPdf, tinyPng } from "../fixtures/files";
import { signIn, startServer, type TestServer } from "../fixtures/http";

const DAY_MS = 24 * 3_600_000;
let servers: TestServer[] = [];

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function serverWith(services: Partial<AppServices> = {}) {
  const app = await startServer({ services });
  servers.push(app);
  const user = await createAccount(app.db, { username: "dlh", role: "opd", agencyCode: "DLH" });
  const { cookie } = await signIn(app.base, "dlh");
  const upload = (
    body: Buffer | ReadableStream<Uint8Array>,
    name = "foto.png",
    headers: Record<string, string> = {},
  ) =>
    fetch(`${app.base}/attachments`, {
      method: "POST",
      headers: {
        "Content-Type": "application/octet-stream",
        Origin: app.base,
        Cookie: cookie,
        "X-File-Name": encodeURIComponent(name),
        ...headers,
      },
      body: body instanceof Buffer ? new Uint8Array(body) : body,
      duplex: "half",
    } as RequestInit);
  return { app, user, cookie, upload };
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

describe("an upload", () => {
  it("goes to disk as it arrives, not into memory", async () => {
    const { app, upload } = await serverWith();
    const tmp = temporaryDir(app.services.attachmentsDir);
    const first = Buffer.concat([tinyPng(1, 1, 1), Buffer.alloc(2 * 1024 * 1024)]);
    let send: (chunk: Uint8Array | null) => void = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        send = (chunk) => (chunk ? controller.enqueue(chunk) : controller.close());
      },
    });
    const answer = upload(body);
    send(new Uint8Array(first));
    // While the client is still sending, what it sent is already in a file.
    let written = 0;
    for (let i = 0; i < 100 && written < first.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const files = await readdir(tmp).catch(() => []);
      const sizes = await Promise.all(files.map((f) => stat(join(tmp, f)).then((s) => s.size)));
      written = Math.max(0, ...sizes);
    }
    expect(written).toBe(first.length);
    send(new Uint8Array(Buffer.alloc(1024)));
    send(null);
    const res = await answer;
    expect(res.status).toBe(201);
    expect((await json<{ size: number }>(res)).size).toBe(first.length + 1024);
    expect(await readdir(tmp)).toEqual([]);
  });

  it("stops at the account's quota of unattached evidence", async () => {
    const size = tinyPng(0, 0, 0).length;
    const { upload } = await serverWith({ uploads: createUploadPolicy({ quotaBytes: 3 * size }) });
    for (let i = 0; i < 3; i++) expect((await upload(tinyPng(i, 0, 0))).status).toBe(201);
    const refused = await upload(tinyPng(9, 9, 9));
    expect(refused.status).toBe(413);
    expect((await json<{ error: { message: string } }>(refused)).error.message).toMatch(/belum dipakai/);
    // Declared too large: refused before a byte is read.
    const declared = await upload(Buffer.alloc(0), "besar.png", {
      "Content-Length": String(11 * 1024 * 1024),
    }).catch(() => null);
    if (declared) expect(declared.status).toBe(413);
  });

  it("keeps to the quota when many uploads arrive at once", async () => {
    const size = tinyPng(0, 0, 0).length;
    const { upload } = await serverWith({ uploads: createUploadPolicy({ quotaBytes: 3 * size }) });
    const statuses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => upload(tinyPng(i, i, 1)).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 413)).toHaveLength(5);
  });

  it("is refused when one account uploads too often", async () => {
    const { upload } = await serverWith({ uploads: createUploadPolicy({ perHour: 3 }) });
    for (let i = 0; i < 3; i++) expect((await upload(tinyPng(0, i, 0))).status).toBe(201);
    const refused = await upload(tinyPng(0, 9, 9));
    expect(refused.status).toBe(429);
    expect((await json<{ error: { message: string } }>(refused)).error.message).toMatch(
      /^Terlalu banyak unggahan/,
    );
  });

  it("keeps a name without format characters, with the extension of what the file is", async () => {
    const { upload } = await serverWith();
    const cases: [Buffer, string, string][] = [
      [tinyPng(5, 5, 5), "invoice\u202egnp.exe", "invoicegnp.png"],
      [tinyPng(6, 6, 6), "fo\u200bto\u2060 lokasi.png", "foto lokasi.png"],
      [JPEG, "laporan.pdf", "laporan.jpg"],
      [tinyPdf(), "surat.JPG", "surat.pdf"],
      [JPEG, "kamera.jpeg", "kamera.jpeg"],
    ];
    for (const [bytes, sent, stored] of cases) {
      const res = await upload(bytes, sent);
      expect(res.status, sent).toBe(201);
      expect((await json<{ name: string }>(res)).name, sent).toBe(stored);
    }
  });

  it("loses a photo's GPS position but keeps it upright and its picture unchanged", async () => {
    const { app, upload, cookie } = await serverWith();
    const photo = jpegWithGps(6);
    expect(photo.includes(GPS_LATITUDE)).toBe(true);
    const res = await upload(photo, "lokasi.jpg");
    expect(res.status).toBe(201);
    const { id, size } = await json<{ id: number; size: number }>(res);
    expect(size).toBeLessThan(photo.length);

    const res2 = await fetch(`${app.base}/attachments/${id}`, { headers: { Cookie: cookie } });
    const served = Buffer.from(await res2.arrayBuffer());
    expect(served.includes(GPS_LATITUDE)).toBe(false);
    expect(served.includes(Buffer.from("S\0", "latin1"))).toBe(false);
    // Orientation 6 ("rotate 90°"), as a big-endian EXIF entry.
    expect(served.includes(Buffer.from([0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0, 6]))).toBe(true);
    // The picture's own bytes, all of them after the metadata, are untouched.
    expect(served.subarray(served.length - (JPEG.length - 2))).toEqual(JPEG.subarray(2));
    const stored = createHash("sha256").update(served).digest("hex");
    expect(existsSync(attachmentPath(app.services.attachmentsDir, stored))).toBe(true);
  });

  it("of a PDF is served as a download, never shown inside the app", async () => {
    const { app, upload, cookie } = await serverWith();
    const pdf = await json<{ id: number }>(await upload(tinyPdf(), "laporan.pdf"));
    const photo = await json<{ id: number }>(await upload(tinyPng(3, 3, 3), "foto.png"));
    const pdfRes = await fetch(`${app.base}/attachments/${pdf.id}`, { headers: { Cookie: cookie } });
    expect(pdfRes.headers.get("content-disposition")).toMatch(/^attachment; filename\*=UTF-8''laporan\.pdf$/);
    expect(pdfRes.headers.get("content-security-policy")).toContain("sandbox");
    await pdfRes.body?.cancel();
    const photoRes = await fetch(`${app.base}/attachments/${photo.id}`, { headers: { Cookie: cookie } });
    expect(photoRes.headers.get("content-disposition")).toMatch(/^inline;/);
    await photoRes.body?.cancel();
  });
});

describe("the sweep of the evidence folder", () => {
  it("removes uploads no update used within a day, files no row names, and what a killed upload left", async () => {
    const { app, user, upload } = await serverWith();
    const dir = app.services.attachmentsDir;
    const issue = await app.db
      .selectFrom("issues")
      .select(["id", "version"])
      .where("number", "=", 3)
      .executeTakeFirstOrThrow();

    const used = await json<{ id: number }>(await upload(tinyPng(1, 2, 3), "dipakai.png"));
    const unused = await json<{ id: number }>(await upload(tinyPng(3, 2, 1), "ditinggal.png"));
    await callerAs(app.db, user).updates.create({
      issueId: issue.id,
      expectedVersion: issue.version,
      note: "Foto lokasi",
      attachmentIds: [used.id],
    });
    const shaOf = async (id: number) =>
      (await app.db.selectFrom("attachments").select("sha256").where("id", "=", id).executeTakeFirstOrThrow())
        .sha256;
    const usedFile = attachmentPath(dir, await shaOf(used.id));
    const unusedFile = attachmentPath(dir, await shaOf(unused.id));

    // A stored file without a row, from long ago; a killed upload's temporary file (pid 999999
    // is not running) naming the stored file it had just added.
    const orphan = attachmentPath(dir, "ab".padEnd(64, "0"));
    const killedSha = "cd".padEnd(64, "1");
    const killedFile = attachmentPath(dir, killedSha);
    for (const file of [orphan, killedFile]) {
      await mkdir(join(file, ".."), { recursive: true });
      await writeFile(file, "x");
    }
    await utimes(orphan, new Date(Date.now() - 2 * DAY_MS), new Date(Date.now() - 2 * DAY_MS));
    await mkdir(temporaryDir(dir), { recursive: true });
    await writeFile(join(temporaryDir(dir), `999999-${killedSha}.part`), "x");

    // The same day: only the killed upload's leftovers go.
    expect(await sweepAttachments(app.db, dir, new Date())).toEqual({
      unattached: 0,
      orphans: 2,
      temporaries: 1,
    });
    expect(existsSync(killedFile)).toBe(false);
    expect(existsSync(unusedFile)).toBe(true);

    // Two days on: the unused upload goes, the used one stays.
    expect(await sweepAttachments(app.db, dir, new Date(Date.now() + 2 * DAY_MS))).toEqual({
      unattached: 1,
      orphans: 0,
      temporaries: 0,
    });
    expect(existsSync(unusedFile)).toBe(false);
    expect(existsSync(usedFile)).toBe(true);
    const left = await app.db.selectFrom("attachments").select("id").execute();
    expect(left.map((r) => r.id)).toEqual([used.id]);
  });
});
