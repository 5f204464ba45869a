import type http from "node:http";
import { id as t } from "../../shared/messages/id";
import { ExportFileInput, exportQuery } from "../../shared/schemas/exports";
import { readSessionToken } from "../auth/cookies";
import { resolveSession } from "../auth/sessions";
import type { AppServices } from "../context";
import { listAgencies } from "../repositories/agencies";
import { EXPORT_FORMATS } from "./index";
import { loadExportModel } from "./model";

function sendError(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify({ error: { message } }));
}

/**
 * `GET /export/<file>?asOf=YYYY-MM-DD&agency=CODE`, for signed-in users: the session is resolved
 * as the tRPC context does it; the query is checked by the shared schema; nothing is written.
 */
export async function handleExport(
  services: AppServices,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  name: string,
): Promise<void> {
  const now = services.now();
  const token = readSessionToken(req);
  const user = token ? await resolveSession(services.db, token, now, services.sessionPolicy) : null;
  if (user === null) {
    sendError(res, 401, t.export.signInFirst);
    return;
  }
  const file = ExportFileInput.safeParse(name);
  if (!file.success) {
    sendError(res, 400, file.error.issues[0]?.message ?? t.state.notFound);
    return;
  }
  const params = new URL(req.url ?? "/", "http://localhost").searchParams;
  const agencies = await listAgencies(services.db);
  const query = exportQuery(agencies.map((a) => a.code)).safeParse({
    asOf: params.get("asOf") ?? undefined,
    agency: params.get("agency") ?? undefined,
  });
  if (!query.success) {
    sendError(res, 400, query.error.issues.map((issue) => issue.message).join(" "));
    return;
  }

  const format = EXPORT_FORMATS[file.data];
  const model = await loadExportModel({
    db: services.db,
    query: query.data,
    now,
    staleAfterDays: services.staleAfterDays,
  });
  res.writeHead(200, {
    "Content-Type": format.contentType,
    "Content-Disposition": `attachment; filename="${format.fileName(model.date, model.agency?.code ?? null)}"`,
    "Cache-Control": "no-store",
  });
  await format.write(model, res);
}
