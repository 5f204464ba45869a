import { initTRPC } from "@trpc/server";
import { ZodError, z } from "zod";
import type { Context } from "./context";

/**
 * tRPC's building blocks for this app. No data transformer: inputs and outputs are plain JSON
 * (dates as ISO-8601 strings), so any HTTP client can call the API.
 */
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    return {
      ...shape,
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
export const publicProcedure = t.procedure;

/**
 * Reads of the dashboard's data. They are open while Pantau has no accounts; when sign-in
 * lands, this becomes the signed-in procedure and every read follows.
 */
export const readProcedure = t.procedure;
