import { AuditListInput } from "../../shared/schemas/audit";
import { listAudit } from "../repositories/audit";
import { adminProcedure, router } from "../trpc";

/** The audit trail: who changed what, and when. Only the Sekda office reads it. */
export const auditRouter = router({
  list: adminProcedure.input(AuditListInput).query(({ ctx, input }) => listAudit(ctx.db, input)),
});
