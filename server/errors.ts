import { type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import { ZodRealError } from "zod";

/**
 * An error about one field of the input, shaped like zod's own: the error formatter passes it to
 * the client as `zodError`, so the form shows it next to that field. For rules only the server
 * can check (a common password, a code already taken, an agency that does not exist).
 */
export function fieldError(
  path: string | readonly PropertyKey[],
  message: string,
  code: TRPC_ERROR_CODE_KEY = "BAD_REQUEST",
): TRPCError {
  const issuePath = typeof path === "string" ? [path] : [...path];
  return fieldErrors([[issuePath, message]], code);
}

/** Errors about several fields at once, so the form marks each; the first one is the message. */
export function fieldErrors(
  found: readonly (readonly [path: string | readonly PropertyKey[], message: string])[],
  code: TRPC_ERROR_CODE_KEY = "BAD_REQUEST",
): TRPCError {
  const issues = found.map(([path, message]) => ({
    code: "custom" as const,
    path: typeof path === "string" ? [path] : [...path],
    message,
    input: undefined,
  }));
  return new TRPCError({
    code,
    message: issues[0]?.message ?? "",
    // ZodRealError, not ZodError: only the former is an Error, and tRPC keeps only an Error as
    // the cause (it wraps anything else, and the formatter would no longer see zod's issues).
    cause: new ZodRealError(issues),
  });
}

export function notFound(message: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message });
}

/** Whether a database error is a UNIQUE constraint failing: a duplicate that slipped past a check. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    (error as { code: unknown }).code === "SQLITE_CONSTRAINT_UNIQUE"
  );
}

/**
 * Runs a write whose duplicates are checked beforehand, turning a UNIQUE violation that still
 * gets through (another process, such as the `user` command, writing in between) into `conflict`.
 */
export async function orConflict<T>(write: () => Promise<T>, conflict: () => TRPCError): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}
