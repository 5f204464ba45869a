import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { pipeline } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from "../shared/schemas/updates";
import { mayUpload } from "./auth/authorize";
import { clientIp, readSessionToken } from "./auth/cookies";
import { isSameOriginWrite } from "./auth/csrf";
import { resolveSession, type SessionUser } from "./auth/sessions";
import type { AppServices } from "./context";
import { recordAudit } from "./repositories/audit";

/** The content types an upload may declare; what it really is gets read from its bytes. */
const UPLOAD_CONTENT_TYPES = [...ATTACHMENT_TYPES, "application/octet-stream"];

function sendError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify({ error: { message } }));
}

async function signedInUser(services: AppServices, req: IncomingMessage): Promise<SessionUser | null> {
  const token = readSessionToken(req);
  return token ? resolveSession(services.db, token, services.now(), services.sessionPolicy) : null;
}

/** Reads the body, or null once it grows past `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function safeName(header: string | string[] | undefined): string {
  let name = typeof header === "string" ? header : "";
  try {
    name = decodeURIComponent(name);
  } catch {
    name = "";
  }
  // Keep a readable name, without paths or control characters.
  const cleaned = name
    .replace(/[\\/]/g, "_")
    .replace(/\p{Cc}/gu, "")
    .trim()
    .slice(0, 200);
  return cleaned || "lampiran";
}

/** RFC 5987 encoding of a file name: encodeURIComponent leaves a few characters it forbids. */
function encodeRfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function attachmentPath(dir: string, sha256: string): string {
  return join(dir, sha256.slice(0, 2), sha256);
}

/**
 * `POST /attachments`: the raw file as the body, its name in `X-File-Name` (URL-encoded). Stored
 * once per content (by SHA-256) under the data folder; answers the attachment's id.
 */
export async function handleUpload(services: AppServices, req: IncomingMessage, res: ServerResponse) {
  if (!isSameOriginWrite(req, UPLOAD_CONTENT_TYPES)) {
    return sendError(res, 403, "Permintaan ditolak: asal atau jenis isi tidak sah.");
  }
  const user = await signedInUser(services, req);
  if (!user) return sendError(res, 401, "Silakan masuk terlebih dahulu.");
  if (!mayUpload(user)) return sendError(res, 403, "Anda tidak berwenang mengunggah lampiran.");

  const body = await readBody(req, ATTACHMENT_MAX_BYTES);
  if (body === null) return sendError(res, 413, "Berkas melebihi 10 MB.");
  if (body.length === 0) return sendError(res, 400, "Berkas kosong.");

  const detected = await fileTypeFromBuffer(body);
  const contentType = detected?.mime;
  if (!contentType || !(ATTACHMENT_TYPES as readonly string[]).includes(contentType)) {
    return sendError(res, 415, "Jenis berkas tidak didukung. Unggah foto JPEG, PNG, WebP, atau dokumen PDF.");
  }

  const sha256 = createHash("sha256").update(body).digest("hex");
  const path = attachmentPath(services.attachmentsDir, sha256);
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await mkdir(join(services.attachmentsDir, sha256.slice(0, 2)), { recursive: true });
    // A name of its own: identical files uploaded at the same moment must not share one.
    const temporary = `${path}.${randomUUID()}.tmp`;
    await writeFile(temporary, body);
    await rename(temporary, path);
  }

  const name = safeName(req.headers["x-file-name"]);
  const attachment = await services.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("attachments")
      .values({
        sha256,
        content_type: contentType,
        size: body.length,
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
      detail: { name, contentType, size: body.length, sha256 },
      clientIp: clientIp(req, services.trustProxy),
    });
    return row;
  });

  res.writeHead(201, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify({ id: attachment.id, contentType, size: body.length, name }));
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

  res.writeHead(200, {
    "Content-Type": row.content_type,
    "Content-Length": row.size,
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": `inline; filename*=UTF-8''${encodeRfc5987(row.original_name)}`,
    // Evidence must not outlive the session in a shared computer's cache.
    "Cache-Control": "private, no-store",
  });
  // pipeline closes the file when the client goes away mid-download.
  pipeline(createReadStream(attachmentPath(services.attachmentsDir, row.sha256)), res, () => {});
}
