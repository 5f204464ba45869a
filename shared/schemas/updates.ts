import { z } from "zod";
import { HEALTHS, STAGES } from "../domain";
import { entityId, httpUrl, optionalText } from "./common";

export const TIMELINE_PAGE = 50;
export const TIMELINE_PAGE_MAX = 200;

/** One page of an issue's updates, newest first: those older than the update `before`. */
export const TimelineInput = z.object({
  issueId: entityId,
  limit: z
    .number({ error: "Jumlah harus berupa angka." })
    .int({ error: "Jumlah harus berupa bilangan bulat." })
    .min(1, { error: "Jumlah paling sedikit 1." })
    .max(TIMELINE_PAGE_MAX, { error: `Jumlah paling banyak ${TIMELINE_PAGE_MAX}.` })
    .optional(),
  before: entityId.optional(),
});
export type TimelineInput = z.infer<typeof TimelineInput>;

const TEXT_MAX = 4000;

const percent = (label: string) =>
  z
    .number({ error: `${label} harus berupa angka.` })
    .min(0, { error: `${label} tidak boleh kurang dari 0%.` })
    .max(100, { error: `${label} tidak boleh lebih dari 100%.` })
    .nullable()
    .optional();

/** Evidence: what the server accepts, checked from the file's bytes. */
export const ATTACHMENT_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_UPDATE = 10;

/**
 * One update to an issue, as the form sends it and the server checks it. A field left out keeps
 * the issue's current value; `null` clears it.
 */
export const UpdateInput = z.object({
  issueId: entityId,
  expectedVersion: z.number().int().min(0),
  note: z
    .string({ error: "Uraian kegiatan wajib diisi." })
    .trim()
    .min(1, { error: "Uraian kegiatan wajib diisi." })
    .max(TEXT_MAX, { error: `Uraian kegiatan maksimal ${TEXT_MAX} karakter.` }),
  stage: z.enum(STAGES, { error: "Pilih tahap yang tersedia." }).optional(),
  health: z.enum(HEALTHS, { error: "Pilih kondisi yang tersedia." }).optional(),
  physicalProgress: percent("Progres fisik"),
  budgetProgress: percent("Realisasi anggaran"),
  indicatorValue: z
    .number({ error: "Capaian indikator harus berupa angka." })
    .min(0, { error: "Capaian indikator tidak boleh negatif." })
    .max(1e15, { error: "Capaian indikator terlalu besar." })
    .nullable()
    .optional(),
  obstacles: optionalText("Kendala", TEXT_MAX),
  nextSteps: optionalText("Rencana tindak lanjut", TEXT_MAX),
  sourceUrl: httpUrl("Tautan sumber").nullable().optional(),
  stageReason: optionalText("Alasan", TEXT_MAX),
  attachmentIds: z
    .array(entityId)
    .max(ATTACHMENTS_PER_UPDATE, { error: `Paling banyak ${ATTACHMENTS_PER_UPDATE} lampiran per pembaruan.` })
    .optional(),
});
export type UpdateInput = z.input<typeof UpdateInput>;

export const STAGE_REASON_REQUIRED = "Tahap mundur: tuliskan alasannya.";
