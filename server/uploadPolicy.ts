import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export interface UploadLimits {
  /** Bytes of evidence one account may hold that is not yet part of an update. */
  quotaBytes: number;
  /** Uploads one account may make in an hour. */
  perHour: number;
}

/** Ten updates' worth of full-size photos; an update takes at most 10 files. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { quotaBytes: 100 * 1024 * 1024, perHour: 60 };

/** How much one account may upload: a quota of unattached bytes, and a rate. */
export function createUploadPolicy(limits: Partial<UploadLimits> = {}) {
  const { quotaBytes, perHour } = { ...DEFAULT_UPLOAD_LIMITS, ...limits };
  const rate = new RateLimiterMemory({ keyPrefix: "uploads", points: perHour, duration: 3600 });
  return {
    quotaBytes,
    /** Counts an upload by `userId`: the seconds to wait, or 0 when it may go ahead. */
    async attempt(userId: number): Promise<number> {
      try {
        await rate.consume(String(userId));
        return 0;
      } catch (error) {
        if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw error;
      }
    },
  };
}

export type UploadPolicy = ReturnType<typeof createUploadPolicy>;
