import { z } from "zod";
import { entityId, isoDate } from "./common";

export { AsOfInput as IssueListInput } from "./common";

export const IssueByIdInput = z.object({ id: entityId, asOf: isoDate.optional() });
export type IssueByIdInput = z.infer<typeof IssueByIdInput>;

export const IssueByNumberInput = z.object({
  number: z.number().int().min(1).max(99),
  asOf: isoDate.optional(),
});
export type IssueByNumberInput = z.infer<typeof IssueByNumberInput>;
