import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { link, mkdir, open, rename, stat, unlink } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream";
import { fileTypeFromFile } from "file-type";
import type { ExpressionBuilder } from "kysely";
import type { Executor } from "../db/database";
import type { Database } from "../db/schema";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from "../shared/schemas/updates";
import { mayUpload } from "./auth/authorize";
import { clientIp, readSessionToken } from "./auth/cookies";
import { isSameOriginWrite } from "./auth/csrf";
import { resolveSession, type SessionUser } from "./auth/sessions";
import type { AppServices } from "./context";
import { writeWithoutMetadata } from "./imageMetadata";
import { recordAudit } from "./repositories/audit";

/** The content types an upload may declare; what it really is gets read from its bytes. */
const UPLOAD_CONTENT_TYPES = [...ATTACHMENT_TYPES, "application/octet-stream"];

/** The extensions a stored name may have for each accepted type; the first is the one given. */
const EXTENSIONS: Record<string, string[]> = {
  "image/jpeg": ["jpg", "jpeg", "jpe"],
  "image/png": ["png"],
  "image/webp": ["webp"],
  "application/pdf": ["pdf"],
};

/** Images whose metadata (EXIF: the camera's GPS position, its serial number) is removed. */
const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

function sendError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify({ error: { message } }));
}

async function signedInUser(services: AppServices, req: IncomingMessage): Promise<SessionUser | null> {
  const token = readSessionToken(req);
  return token ? resolveSession(services.db, token, services.now(), services.sessionPolicy) : null;
}

/**
 * A readable name for the file, of the type it really is: no path, no control or format
 * characters (U+202E would show `invoice\u202Egnp.exe` as `invoiceexe.png`), and the extension
 * of `contentType`.
 */
export function safeName(header: string | string[] | undefined, contentType: string): string {
  let name = typeof header === "string" ? header : "";
  try {
    name = decodeURIComponent(name);
  } catch {
    name = "";
  }
  const cleaned = name
    .normalize("NFC")
    .replace(/[\\/]/g, "_")
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/gu, "")
    .trim()
    .slice(0, 200);
  const extensions = EXTENSIONS[contentType] ?? [];
  const match = /^(.*?)\.([A-Za-z0-9]{1,5})$/.exec(cleaned);
  if (match && extensions.includes((match[2] ?? "").toLowerCase())) return cleaned;
  const base = (match ? (match[1] ?? "") : cleaned).trim() || "lampiran";
  return `${base}.${extensions[0] ?? "bin"}`;
}

/** RFC 5987 encoding of a file name: encodeURIComponent leaves a few characters it forbids. */
function encodeRfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Where a query on `attachments as f` keeps only the files no update uses (yet). */
export function notInAnyUpdate(eb: ExpressionBuilder<Database & { f: Database["attachments"] }, "f">) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom("update_attachments as ua")
        .select("ua.update_id")
        .whereRef("ua.attachment_id", "=", "f.id"),
    ),
  );
}

export function attachmentPath(dir: string, sha256: string): string {
  return join(dir, sha256.slice(0, 2), sha256);
}

/**
 * Where uploads are written while they arrive, named `<pid>-…`: the sweep at start removes the
 * ones whose process is gone (see attachmentSweep.ts).
 */
export function temporaryDir(dir: string): string {
  return join(dir, "tmp");
}

function temporaryPath(dir: string, label: string): string {
  return join(temporaryDir(dir), `${process.pid}-${label}-${randomUUID()}.part`);
}

/** Flushes a file or a directory entry to disk, so a commit that follows never names a lost file. */
async function syncToDisk(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes the body to `path` as it arrives; null once it grows past `limit` bytes. */
async function receive(req: IncomingMessage, path: string, limit: number): Promise<number | null> {
  const file = await open(path, "wx");
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) return null;
      await file.write(chunk);
    }
    return size;
  } finally {
    await file.close();
  }
}

async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest("hex"), size };
}

async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => {});
}

/** Bytes `userId` has uploaded that no update uses yet. */
async function unattachedBytes(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom("attachments as f")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("f.size"), eb.lit(0)).as("bytes"))
    .where("f.uploaded_by", "=", userId)
    .where(notInAnyUpdate)
    .executeTakeFirstOrThrow();
  return Number(row.bytes);
}

const MB = 1024 * 1024;

/**
 * `POST /attachments`: the raw file as the body, its name in `X-File-Name` (URL-encoded). The
 * body goes straight to a temporary file (never held in memory), is recognised from its bytes,
 * has an image's metadata removed, and is stored once per content (by SHA-256). The file is on
 * disk before its row commits; a crash in between leaves a temporary file that the next start
 * clears together with the file it named. Answers the attachment's id.
 */
export async function handleUpload(services: AppServices, req: IncomingMessage, res: ServerResponse) {
  if (!isSameOriginWrite(req, UPLOAD_CONTENT_TYPES, services)) {
    return sendError(res, 403, "Permintaan ditolak: asal atau jenis isi tidak sah.");
  }
  const user = await signedInUser(services, req);
  if (!user) return sendError(res, 401, "Silakan masuk terlebih dahulu.");
  if (!mayUpload(user)) return sendError(res, 403, "Anda tidak berwenang mengunggah lampiran.");

  const tooLarge = `Berkas melebihi ${ATTACHMENT_MAX_BYTES / MB} MB.`;
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > ATTACHMENT_MAX_BYTES) return sendError(res, 413, tooLarge);
  const wait = await services.uploads.attempt(user.id);
  if (wait > 0) {
    return sendError(res, 429, `Terlalu banyak unggahan. Coba lagi dalam ${Math.ceil(wait / 60)} menit.`);
  }
  const quotaFull = `Lampiran Anda yang belum dipakai dalam pembaruan sudah ${services.uploads.quotaBytes / MB} MB. Kirim pembaruannya dulu; lampiran yang tidak dipakai dihapus setelah sehari.`;
  const held = await unattachedBytes(services.db, user.id);
  if (held + declared > services.uploads.quotaBytes) return sendError(res, 413, quotaFull);

  await mkdir(temporaryDir(services.attachmentsDir), { recursive: true });
  const received = temporaryPath(services.attachmentsDir, "upload");
  const temporaries = [received];
  try {
    const size = await receive(req, received, ATTACHMENT_MAX_BYTES);
    if (size === null) return sendError(res, 413, tooLarge);
    if (size === 0) return sendError(res, 400, "Berkas kosong.");
    if (held + size > services.uploads.quotaBytes) return sendError(res, 413, quotaFull);

    const contentType = (await fileTypeFromFile(received))?.mime;
    if (!contentType || !(ATTACHMENT_TYPES as readonly string[]).includes(contentType)) {
      return sendError(
        res,
        415,
        "Jenis berkas tidak didukung. Unggah foto JPEG, PNG, WebP, atau dokumen PDF.",
      );
    }

    let content = received;
    if (IMAGE_TYPES.has(contentType)) {
      // Removes the metadata segments only; the picture itself is not re-encoded.
      content = temporaryPath(services.attachmentsDir, "clean");
      temporaries.push(content);
      if (!(await writeWithoutMetadata(received, content, contentType))) {
        return sendError(res, 415, "Berkas gambar rusak atau tidak lengkap.");
      }
    }
    const stored = await hashFile(content);
    await syncToDisk(content);
    // Named by its hash from here on: should the process die before the row commits, the sweep
    // at the next start knows which stored file it may have left without a row.
    const pending = join(temporaryDir(services.attachmentsDir), `${process.pid}-${stored.sha256}.part`);
    await rename(content, pending);
    temporaries.push(pending);

    const path = attachmentPath(services.attachmentsDir, stored.sha256);
    const name = safeName(req.headers["x-file-name"], contentType);
    const attachment = await services.db.transaction().execute(async (trx) => {
      // Again, now that writes are one at a time: uploads sent at once all passed the first check.
      if ((await unattachedBytes(trx, user.id)) + stored.size > services.uploads.quotaBytes) return null;
      const row = await trx
        .insertInto("attachments")
        .values({
          sha256: stored.sha256,
          content_type: contentType,
          size: stored.size,
          original_name: name,
          uploaded_by: user.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        action: "attachments.upload",
        actor: { id: user.id, username: user.username },
        entityType: "attachment",
        entityId: row.id,
        detail: { name, contentType, size: stored.size, sha256: stored.sha256 },
        clientIp: clientIp(req, services.trustProxy),
      });
      const exists = await stat(path).then(
        () => true,
        () => false,
      );
      if (!exists) {
        await mkdir(dirname(path), { recursive: true });
        // A second name for the pending file: identical files stored at the same moment are one.
        await link(pending, path).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== "EEXIST") throw error;
        });
        await syncToDisk(dirname(path));
      }
      return row;
    });
    if (!attachment) return sendError(res, 413, quotaFull);

    res.writeHead(201, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
    res.end(JSON.stringify({ id: attachment.id, contentType, size: stored.size, name }));
  } finally {
    await Promise.all(temporaries.map(removeQuietly));
  }
}

/** `GET /attachments/:id`: the file, to signed-in users only, with its checked content type. */
export async function handleDownload(
  services: AppServices,
  req: IncomingMessage,
  res: ServerResponse,
  id: number,
) {
  const user = await signedInUser(services, req);
  if (!user) return sendError(res, 401, "Silakan masuk terlebih dahulu.");
  const row = await services.db
    .selectFrom("attachments as f")
    .select([
      "f.sha256",
      "f.content_type",
      "f.size",
      "f.original_name",
      "f.uploaded_by",
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom("update_attachments as ua")
              .select("ua.update_id")
              .whereRef("ua.attachment_id", "=", "f.id"),
          )
          .as("published"),
    ])
    .where("f.id", "=", id)
    .executeTakeFirst();
  // Evidence is shown once it is part of an update; before that only its uploader (and the
  // Sekda office) may open it. Either way an unknown id and a hidden one look the same.
  const visible = row && (row.published === 1 || row.uploaded_by === user.id || user.role === "admin");
  if (!row || !visible) return sendError(res, 404, "Lampiran tidak ditemukan.");

  // A PDF can carry scripts and forms: it is downloaded, never shown inside Pantau's origin.
  const disposition = row.content_type === "application/pdf" ? "attachment" : "inline";
  res.writeHead(200, {
    "Content-Type": row.content_type,
    "Content-Length": row.size,
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": `${disposition}; filename*=UTF-8''${encodeRfc5987(row.original_name)}`,
    "Content-Security-Policy": "default-src 'none'; sandbox",
    // Evidence must not outlive the session in a shared computer's cache.
    "Cache-Control": "private, no-store",
  });
  // pipeline closes the file when the client goes away mid-download.
  pipeline(createReadStream(attachmentPath(services.attachmentsDir, row.sha256)), res, () => {});
}
