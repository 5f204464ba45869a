import { TRPCError } from "@trpc/server";
import { LoginInput } from "../../shared/schemas/auth";
import { clearedSessionCookie, sessionCookie } from "../auth/cookies";
import { deviceCookie } from "../auth/devices";
import { verifyAgainstNothing, verifyPassword } from "../auth/password";
import { createSession, endExpiredSessions, endSession } from "../auth/sessions";
import { recordAudit } from "../repositories/audit";
import { findCredentials, findUser } from "../repositories/users";
import { authedProcedure, publicProcedure, router } from "../trpc";

/** The same words for an unknown user and a wrong password: neither reveals which it was. */
const LOGIN_FAILED = "Nama pengguna atau kata sandi salah.";

export const authRouter = router({
  login: publicProcedure.input(LoginInput).mutation(async ({ ctx, input }) => {
    const account = await findCredentials(ctx.db, input.username);
    // A browser that has signed in to this account before is counted by itself, not by address.
    const device = account ? await ctx.devices.verify(ctx.deviceCookie, account.id) : null;
    const waitSeconds = await ctx.throttle.attempt(input.username, ctx.clientIp, device);
    if (waitSeconds > 0) {
      throw new TRPCError({
        code: "TOO_MANY_REQUESTS",
        message: `Terlalu banyak percobaan masuk. Coba lagi dalam ${Math.ceil(waitSeconds / 60)} menit.`,
      });
    }

    const valid =
      account?.password_hash != null
        ? await verifyPassword(account.password_hash, input.password)
        : await verifyAgainstNothing(input.password);

    if (!account || !valid) {
      await recordAudit(ctx.db, {
        action: "auth.login_failed",
        actor: null,
        // Only a name that is an account: someone who typed a password into the name field
        // must not find it in the audit trail.
        detail: { username: account ? account.username : "(tidak dikenal)" },
        clientIp: ctx.clientIp,
      });
      throw new TRPCError({ code: "UNAUTHORIZED", message: LOGIN_FAILED });
    }

    await ctx.throttle.succeed(input.username, ctx.clientIp, device);
    const now = ctx.now();
    const session = await ctx.db.transaction().execute(async (trx) => {
      // Signing in again replaces the browser's previous session rather than leaving it open.
      if (ctx.sessionToken) await endSession(trx, ctx.sessionToken);
      await endExpiredSessions(trx, now);
      const created = await createSession(trx, account.id, now, ctx.sessionPolicy);
      await recordAudit(trx, {
        action: "auth.login",
        actor: { id: account.id, username: account.username },
        entityType: "user",
        entityId: account.id,
        clientIp: ctx.clientIp,
      });
      return created;
    });
    ctx.setCookie(sessionCookie(session.token, session.expiresAt, ctx.secure));
    if (!device) ctx.setCookie(deviceCookie(await ctx.devices.issue(account.id), ctx.secure));
    return findUser(ctx.db, account.id);
  }),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    await ctx.db.transaction().execute(async (trx) => {
      if (ctx.sessionToken) await endSession(trx, ctx.sessionToken);
      await recordAudit(trx, {
        action: "auth.logout",
        actor: { id: ctx.user.id, username: ctx.user.username },
        entityType: "user",
        entityId: ctx.user.id,
        clientIp: ctx.clientIp,
      });
    });
    ctx.setCookie(clearedSessionCookie(ctx.secure));
    return { ok: true as const };
  }),

  me: publicProcedure.query(({ ctx }) => (ctx.user ? findUser(ctx.db, ctx.user.id) : null)),
});
