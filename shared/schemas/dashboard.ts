import { z } from "zod";
import { isoDate } from "./common";

export const SummaryInput = z
  .object({ asOf: isoDate.optional(), since: isoDate.optional() })
  .refine((input) => !input.asOf || !input.since || input.since <= input.asOf, {
    error: "Tanggal pembanding harus sebelum tanggal tampilan.",
    path: ["since"],
  });
export type SummaryInput = z.infer<typeof SummaryInput>;

export { AsOfInput as HistoryInput } from "./common";
