import { hashKey, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { errorCode, markSessionEnded, takeSigningOut } from "../lib/auth";
import { useTRPC } from "../lib/trpc";

/**
 * Notices a session that ended while the app was open (it expired, or an admin ended it): any
 * query or mutation that comes back UNAUTHORIZED, or `auth.me` turning to null. The user is then
 * signed out here too; the pages behind sign-in send them to the sign-in page, which says why
 * and brings them back afterwards.
 */
export function SessionWatcher() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  useEffect(() => {
    const meKey = trpc.auth.me.queryKey();
    const meHash = hashKey(meKey);
    // Sign-in failures and signing out answer UNAUTHORIZED by design: not a lost session.
    const ownErrors = new Set([
      hashKey(trpc.auth.login.mutationKey()),
      hashKey(trpc.auth.logout.mutationKey()),
    ]);
    let signedIn = queryClient.getQueryData(meKey) != null;

    function sessionEnded() {
      if (!signedIn) return;
      signedIn = false;
      if (takeSigningOut(queryClient)) return;
      // Set before anything renders the signed-out state, so the sign-in page can say why.
      markSessionEnded(queryClient);
      queryClient.setQueryData(meKey, null);
    }

    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.query.queryHash === meHash) {
        if (event.type === "removed") signedIn = false;
        if (event.type === "updated" && event.action.type === "success") {
          if (event.action.data == null) sessionEnded();
          else signedIn = true;
        }
        return;
      }
      if (
        event.type === "updated" &&
        event.action.type === "error" &&
        errorCode(event.action.error) === "UNAUTHORIZED"
      ) {
        sessionEnded();
      }
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== "updated" || event.action.type !== "error") return;
      const key = event.mutation.options.mutationKey;
      if (key && ownErrors.has(hashKey(key))) return;
      if (errorCode(event.action.error) === "UNAUTHORIZED") sessionEnded();
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient, trpc]);

  return null;
}
