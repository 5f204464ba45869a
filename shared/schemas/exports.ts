import { z } from "zod";
import { exportText } from "../messages/id-export";
import { isoDate } from "./common";

/** The downloads under `/export/`, by file name. */
export const EXPORT_FILES = [
  "issues.csv",
  "updates.csv",
  "pantau.xlsx",
  "laporan.pdf",
  "whatsapp.txt",
] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export const ExportFileInput = z
  .string()
  .refine((f): f is ExportFile => (EXPORT_FILES as readonly string[]).includes(f), {
    error: (issue) => exportText.unknownFormat(String(issue.input)),
  });

/** A query parameter left empty (`?agency=`) means the same as one left out. */
const blankAsMissing = (value: unknown) => (value === "" ? undefined : value);

/**
 * An export's query: `asOf` (a real date, `YYYY-MM-DD`; none for today) and `agency`, a code
 * from `agencyCodes`, matched case-insensitively and answered in its stored spelling.
 */
export function exportQuery(agencyCodes: readonly string[]) {
  const byLower = new Map(agencyCodes.map((code) => [code.toLowerCase(), code]));
  return z.object({
    asOf: z.preprocess(blankAsMissing, isoDate.optional()),
    agency: z.preprocess(
      blankAsMissing,
      z
        .string()
        .trim()
        .transform((code, ctx) => {
          const known = byLower.get(code.toLowerCase());
          if (known === undefined) {
            ctx.addIssue({ code: "custom", message: exportText.unknownAgency(code.slice(0, 40)) });
            return z.NEVER;
          }
          return known;
        })
        .optional(),
    ),
  });
}
export type ExportQuery = z.infer<ReturnType<typeof exportQuery>>;
