import { z } from "zod";
import { TIMELINE_PAGE_MAX } from "../api";
import { HEALTHS, isStageBackward, STAGES, type Stage } from "../domain";
import { entityId, hasVisibleText, httpUrl, optionalText } from "./common";

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
    .max(TEXT_MAX, { error: `Uraian kegiatan maksimal ${TEXT_MAX} karakter.` })
    .refine(hasVisibleText, { error: "Uraian kegiatan wajib diisi." }),
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
export const PROGRESS_AGAIN_REQUIRED =
  'Tahap mundur: isi lagi progres fisik saat ini, atau pilih "Belum ada angka".';
export const FINISHED_NEEDS_FULL_PROGRESS =
  'Tahap Selesai berarti progres fisik 100%. Isi 100, atau pilih "Belum ada angka" bila sumber tidak menyebutnya.';

/** What the rules between an update's fields look at: the issue's stage and physical progress now. */
export interface UpdateBase {
  stage: Stage | null;
  physicalProgress: number | null;
}

type UpdateRuleInput = Pick<UpdateInput, "stage" | "physicalProgress" | "stageReason">;
export type UpdateRuleErrors = Partial<Record<"stageReason" | "physicalProgress", string>>;

/** The stage an update leaves the issue at: the one it names, else the current one. */
export function stageAfter(current: Stage | null, next: Stage | undefined): Stage {
  return next ?? current ?? "identifikasi";
}

/**
 * The rules between an update's fields, judged on the state it leaves (a field left out keeps
 * its current value), which the form and the server both apply:
 * - going back a stage needs a reason, and the physical progress stated again (a number, or
 *   null for "no figure"), since the old figure belonged to the later stage;
 * - `selesai` means 100% physical progress, or no figure at all.
 */
export function updateRuleErrors(current: UpdateBase, input: UpdateRuleInput): UpdateRuleErrors {
  const errors: UpdateRuleErrors = {};
  const stage = stageAfter(current.stage, input.stage);
  if (isStageBackward(current.stage, stage)) {
    if (!input.stageReason?.trim()) errors.stageReason = STAGE_REASON_REQUIRED;
    if (input.physicalProgress === undefined) errors.physicalProgress = PROGRESS_AGAIN_REQUIRED;
  }
  const progress = input.physicalProgress === undefined ? current.physicalProgress : input.physicalProgress;
  if (stage === "selesai" && progress !== null && progress !== 100 && errors.physicalProgress === undefined) {
    errors.physicalProgress = FINISHED_NEEDS_FULL_PROGRESS;
  }
  return errors;
}
