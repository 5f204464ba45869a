import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";

/**
 * Slows password guessing: 5 failed sign-ins for one account, or 20 from one client address,
 * within 15 minutes block further attempts on it for 15 minutes. A success clears the account's
 * count. Counts live in memory: a restart forgives them, which is acceptable for one process.
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
    /** Seconds until another attempt is allowed, or 0 when one is allowed now. */
    async retryAfter(username: string, ip: string): Promise<number> {
      const [account, client] = await Promise.all([byAccount.get(accountKey(username)), byClient.get(ip)]);
      const blocked = [account, client].filter(
        (r): r is RateLimiterRes => r !== null && r.remainingPoints <= 0 && r.msBeforeNext > 0,
      );
      return blocked.length === 0 ? 0 : Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000);
    },
    async fail(username: string, ip: string): Promise<void> {
      await Promise.allSettled([byAccount.consume(accountKey(username)), byClient.consume(ip)]);
    },
    async succeed(username: string): Promise<void> {
      await byAccount.delete(accountKey(username));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
