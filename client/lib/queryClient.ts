import { QueryClient } from "@tanstack/react-query";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The dashboard stays on a projector for the whole apel: refresh quietly now and then.
        staleTime: 30_000,
        refetchInterval: 5 * 60_000,
        retry: 1,
      },
    },
  });
}
