import { QueryClient } from "@tanstack/react-query";
import { errorCode } from "./auth";

/** Answers that asking again will not change. */
const FINAL = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"]);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The dashboard stays on a projector for the whole apel: refresh quietly now and then.
        staleTime: 30_000,
        refetchInterval: 5 * 60_000,
        retry: (failures, error) => failures < 1 && !FINAL.has(errorCode(error) ?? ""),
      },
    },
  });
}
