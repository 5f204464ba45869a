import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Slows password guessing: 5 sign-in attempts for one account, or 20 from one client address,
 * that do not succeed within 15 minutes block further attempts on it for 15 minutes. A success
 * clears the account's count. Counts live in memory: a restart forgives them, which is
 * acceptable for one process.
 */
export function createLoginThrottle(options = { perAccount: 5, perClient: 20, windowSeconds: 900 }) {
  const byAccount = new RateLimiterMemory({
    keyPrefix: "account",
    points: options.perAccount,
    duration: options.windowSeconds,
    blockDuration: options.windowSeconds,
  });
  const byClient = new RateLimiterMemory({
    keyPrefix: "client",
    points: options.perClient,
    duration: options.windowSeconds,
    blockDuration: options.windowSeconds,
  });

  const accountKey = (username: string) => username.trim().toLowerCase();

  return {
    /**
     * Counts an attempt before its password is checked, so that attempts made at the same moment
     * (or batched into one request) cannot all slip past the limit. Returns the seconds to wait
     * when the limit is reached, or 0 when this attempt may go ahead.
     */
    async attempt(username: string, ip: string): Promise<number> {
      const results = await Promise.allSettled([
        byAccount.consume(accountKey(username)),
        byClient.consume(ip),
      ]);
      const refused = results.flatMap((r) =>
        r.status === "rejected" && r.reason instanceof RateLimiterRes ? [r.reason.msBeforeNext] : [],
      );
      return refused.length === 0 ? 0 : Math.max(1, Math.ceil(Math.max(...refused) / 1000));
    },
    /** A correct password: the account's count starts again, and the address gets its point back. */
    async succeed(username: string, ip: string): Promise<void> {
      await Promise.all([byAccount.delete(accountKey(username)), byClient.reward(ip, 1)]);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
