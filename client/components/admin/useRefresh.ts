import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";

type Area = "agencies" | "auth" | "awards" | "dashboard" | "issues" | "users";

/**
 * Marks stale what an admin change touched, and the audit trail, which every change adds to;
 * mounted queries refetch at once.
 */
export function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (...areas: Area[]) => {
    const filters = {
      agencies: trpc.agencies.pathFilter(),
      auth: trpc.auth.pathFilter(),
      awards: trpc.awards.pathFilter(),
      dashboard: trpc.dashboard.pathFilter(),
      issues: trpc.issues.pathFilter(),
      users: trpc.users.pathFilter(),
    };
    return Promise.all([
      queryClient.invalidateQueries(trpc.audit.pathFilter()),
      ...areas.map((area) => queryClient.invalidateQueries(filters[area])),
    ]);
  };
}
