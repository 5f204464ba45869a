import { createTRPCClient, httpBatchLink, splitLink } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "../../server/routers/_app";
import { MAX_BATCH_SIZE } from "../../shared/api";
import { createEtagFetch } from "./etagFetch";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/**
 * The session check goes on its own, beside a page's reads rather than in their batch: it is
 * never cached, so in a batch it would keep the server from answering the page's reads from its
 * cache.
 */
export function createClient(baseUrl = "") {
  const fetch = createEtagFetch();
  const batch = () => httpBatchLink({ url: `${baseUrl}/trpc`, maxItems: MAX_BATCH_SIZE, fetch });
  return createTRPCClient<AppRouter>({
    links: [splitLink({ condition: (op) => op.path === "auth.me", true: batch(), false: batch() })],
  });
}

export type Outputs = inferRouterOutputs<AppRouter>;
export type IssueListItem = Outputs["issues"]["list"][number];
export type IssueDetail = Outputs["issues"]["byNumber"];
export type MyIssue = Outputs["issues"]["mine"][number];
export type Summary = Outputs["dashboard"]["summary"];
export type TrendPoint = Outputs["dashboard"]["history"][number];
export type TimelineEntry = Outputs["updates"]["timeline"][number];
export type AwardEvent = Outputs["awards"]["list"][number];
