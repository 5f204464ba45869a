import { useInfiniteQuery } from "@tanstack/react-query";
import { TIMELINE_PAGE } from "../../shared/api";
import { type TimelineEntry, useTRPC, useTRPCClient } from "./trpc";

export interface MoreEntries {
  hasMore: boolean;
  loading: boolean;
  load: () => void;
}

/**
 * An issue's timeline a page at a time, newest first; `more.load` fetches the updates before the
 * last one shown. Keyed under `updates.timeline`, so invalidating that path refreshes every page.
 */
export function useTimeline(issueId: number | undefined) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = { issueId: issueId ?? 0 };
  const query = useInfiniteQuery({
    queryKey: trpc.updates.timeline.queryKey(input),
    queryFn: ({ pageParam }) => client.updates.timeline.query({ ...input, before: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last: TimelineEntry[]) =>
      last.length < TIMELINE_PAGE ? undefined : last[last.length - 1]?.id,
    enabled: issueId !== undefined,
  });
  const more: MoreEntries = {
    hasMore: query.hasNextPage,
    loading: query.isFetchingNextPage,
    load: () => void query.fetchNextPage(),
  };
  return {
    data: query.data?.pages.flat(),
    isPending: query.isPending,
    error: query.error,
    refetch: query.refetch,
    more,
  };
}
