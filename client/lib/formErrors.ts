import type { z } from "zod";
import { id as t } from "../../shared/messages/id";
import { errorCode } from "./auth";

/** A message per field, keyed by the field's path (`title`, `indicator.label`, `chain.0.agencyId`). */
export type FieldErrors = Record<string, string>;

/** The first message of each field of a failed `safeParse`. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const found: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    if (found[key] === undefined) found[key] = issue.message;
  }
  return found;
}

interface ServerErrorData {
  code?: unknown;
  zodError?: { fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] } | null;
}

/**
 * What a failed mutation means for a form: messages for its fields (the server's zod field
 * errors, already in Indonesian), or one message for the whole form. A lost session gives
 * neither: the app takes the user to the sign-in page.
 */
export function mutationFailure(error: unknown): { fields: FieldErrors; message: string | null } {
  const code = errorCode(error);
  if (code === "UNAUTHORIZED") return { fields: {}, message: null };
  const data = (error as { data?: ServerErrorData | null } | null)?.data;
  const fields: FieldErrors = {};
  for (const [name, messages] of Object.entries(data?.zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) fields[name] = messages[0];
  }
  if (Object.keys(fields).length > 0) return { fields, message: null };
  const formError = data?.zodError?.formErrors?.[0];
  if (formError) return { fields, message: formError };
  // The server words its refusals in Indonesian; anything else is a fault or a lost connection.
  const worded = code !== undefined && code !== "INTERNAL_SERVER_ERROR" && error instanceof Error;
  return { fields, message: worded ? error.message : t.admin.form.failed };
}
