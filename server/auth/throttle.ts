import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export interface ThrottleOptions {
  /** Wrong passwords in a row for one account from one address (or trusted device) before a wait. */
  freeFailures: number;
  /** The first wait, in seconds; each further one is twice as long, up to `maxDelaySeconds`. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** Attempts one address may make in a day, across all accounts, before it waits a day. */
  perClientPerDay: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  freeFailures: 5,
  firstDelaySeconds: 60,
  maxDelaySeconds: 3600,
  perClientPerDay: 100,
};

const DAY = 24 * 3600;

/**
 * Slows password guessing without handing anyone a way to lock an account's owner out
 * (rate-limiter-flexible's login-protection pattern):
 *
 * - failures in a row for one account from one address: after `freeFailures`, that pair waits,
 *   a minute at first and twice as long each time after, up to an hour. Other addresses, and the
 *   owner's own browser, are not affected;
 * - attempts from one address across all accounts: at most `perClientPerDay` a day (slow guessing
 *   of many accounts);
 * - a browser that has signed in to the account before (a signed device cookie) is counted by
 *   that device instead of by address, and is exempt from the per-address limit.
 *
 * A success clears the pair's failures and gives the address its attempt back. Counts live in
 * memory per process: a restart forgives them.
 */
export function createLoginThrottle(options: Partial<ThrottleOptions> = {}) {
  const o = { ...DEFAULT_THROTTLE, ...options };
  const consecutive = new RateLimiterMemory({
    keyPrefix: "login_consecutive",
    points: o.freeFailures,
    duration: DAY,
  });
  // How many waits a pair has earned today: each one doubles the next.
  const strikes = new RateLimiterMemory({ keyPrefix: "login_strikes", points: 1_000_000, duration: DAY });
  const perDay = new RateLimiterMemory({
    keyPrefix: "login_client_day",
    points: o.perClientPerDay,
    duration: DAY,
    blockDuration: DAY,
  });

  const pairKey = (username: string, ip: string, device: string | null) =>
    `${username.trim().toLowerCase()}|${device ? `device:${device}` : `ip:${ip}`}`;

  async function overLimit(key: string, res: RateLimiterRes): Promise<number> {
    // The attempt that first goes past the free ones starts a wait, longer each time.
    if (res.consumedPoints === o.freeFailures + 1) {
      const strike = await strikes.penalty(key);
      const seconds = Math.min(o.maxDelaySeconds, o.firstDelaySeconds * 2 ** (strike.consumedPoints - 1));
      return (await consecutive.block(key, seconds)).msBeforeNext;
    }
    return res.msBeforeNext;
  }

  return {
    /**
     * Counts an attempt before its password is checked, so that attempts made at the same moment
     * (or batched into one request) cannot all slip past the limit. `device` is the id of a valid
     * device cookie for this account, or null. Returns the seconds to wait, or 0 to go ahead.
     */
    async attempt(username: string, ip: string, device: string | null = null): Promise<number> {
      const key = pairKey(username, ip, device);
      const checks = [consecutive.consume(key)];
      if (!device) checks.push(perDay.consume(ip));
      const results = await Promise.allSettled(checks);
      const waits: number[] = [];
      for (const [i, result] of results.entries()) {
        if (result.status === "fulfilled" || !(result.reason instanceof RateLimiterRes)) continue;
        waits.push(i === 0 ? await overLimit(key, result.reason) : result.reason.msBeforeNext);
      }
      return waits.length === 0 ? 0 : Math.max(1, Math.ceil(Math.max(...waits) / 1000));
    },
    /** A correct password: the pair's failures are forgiven, and the address gets its attempt back. */
    async succeed(username: string, ip: string, device: string | null = null): Promise<void> {
      const key = pairKey(username, ip, device);
      await Promise.all([
        consecutive.delete(key),
        strikes.delete(key),
        device ? Promise.resolve() : perDay.reward(ip, 1),
      ]);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
