import type { Writable } from "node:stream";
import type { ExportFile } from "../../shared/schemas/exports";
import { writeIssuesCsv, writeUpdatesCsv } from "./csv";
import { type ExportModel, type ExportSource, loadExportModel } from "./model";
import { writeReport } from "./pdf";
import { writeWhatsapp } from "./whatsapp";
import { writeWorkbook } from "./xlsx";

interface ExportFormat {
  contentType: string;
  /** The download's name for a date: `pantau-2024-11-18.xlsx`. */
  fileName: (date: string, agency: string | null) => string;
  write: (model: ExportModel, out: Writable) => Promise<void>;
}

const named = (stem: string, extension: string) => (date: string, agency: string | null) =>
  `${stem}-${agency === null ? "" : `${agency.toLowerCase()}-`}${date}.${extension}`;

export const EXPORT_FORMATS: Record<ExportFile, ExportFormat> = {
  "issues.csv": {
    contentType: "text/csv; charset=utf-8",
    fileName: named("pantau-isu", "csv"),
    write: writeIssuesCsv,
  },
  "updates.csv": {
    contentType: "text/csv; charset=utf-8",
    fileName: named("pantau-riwayat", "csv"),
    write: writeUpdatesCsv,
  },
  "pantau.xlsx": {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName: named("pantau", "xlsx"),
    write: writeWorkbook,
  },
  "laporan.pdf": {
    contentType: "application/pdf",
    fileName: named("laporan-pantau", "pdf"),
    write: writeReport,
  },
  "whatsapp.txt": {
    contentType: "text/plain; charset=utf-8",
    fileName: named("ringkasan-whatsapp", "txt"),
    write: writeWhatsapp,
  },
};

/** Loads the as-of state once and writes one export of it to `out`; reads only, never writes. */
export async function writeExport(
  file: ExportFile,
  source: ExportSource,
  out: Writable,
): Promise<ExportModel> {
  const model = await loadExportModel(source);
  await EXPORT_FORMATS[file].write(model, out);
  return model;
}
