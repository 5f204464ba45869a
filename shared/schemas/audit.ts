import { z } from "zod";
import { entityId } from "./common";

export const AUDIT_PAGE_MAX = 200;

/** A page of the audit trail, newest first; `beforeId` is the last id of the previous page. */
export const AuditListInput = z
  .object({
    limit: z
      .number({ error: "Jumlah baris harus berupa angka." })
      .int({ error: "Jumlah baris harus bilangan bulat." })
      .min(1, { error: "Jumlah baris minimal 1." })
      .max(AUDIT_PAGE_MAX, { error: `Jumlah baris maksimal ${AUDIT_PAGE_MAX}.` })
      .default(50),
    beforeId: entityId.optional(),
    action: z
      .string({ error: "Jenis tindakan harus berupa teks." })
      .trim()
      .min(1, { error: "Jenis tindakan wajib diisi." })
      .max(64, { error: "Jenis tindakan maksimal 64 karakter." })
      .optional(),
  })
  .prefault({});
export type AuditListInput = z.input<typeof AuditListInput>;
