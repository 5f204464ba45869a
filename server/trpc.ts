import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import type { Role } from "../shared/schemas/auth";
import type { Context } from "./context";

const INVALID_INPUT = "Isian tidak sah. Periksa kembali kolom yang ditandai.";

/**
 * tRPC's building blocks for this app. No data transformer: inputs and outputs are plain JSON
 * (dates as ISO-8601 strings), so any HTTP client can call the API.
 */
const t = initTRPC.context<Context>().create({
  // Never send stack traces, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    const invalidInput = error.cause instanceof ZodError;
    return {
      ...shape,
      // An internal error's own message may describe the server's insides (SQL, paths); tRPC
      // makes an invalid input's message from zod's whole issue list (patterns, English notes).
      // The field errors below say what is wrong, in Indonesian.
      message: internal
        ? "Terjadi kesalahan di server. Coba lagi sebentar lagi."
        : invalidInput && error.message.startsWith("[")
          ? INVALID_INPUT
          : shape.message,
      data: {
        ...shape.data,
        // Field errors for forms; the message of each is already in Indonesian.
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Open to anyone: sign-in, and the awards the city shows. */
export const publicProcedure = t.procedure;

/** Signed-in users only; after it, `ctx.user` is known to be there. */
export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Silakan masuk terlebih dahulu." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Reads of the dashboard's data. */
export const readProcedure = authedProcedure;

/** Signed-in users with one of `roles`; which objects they may touch is checked per object. */
export function roleProcedure(...roles: Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Anda tidak berwenang melakukan ini." });
    }
    return next();
  });
}

export const adminProcedure = roleProcedure("admin");
