import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { type Outputs, useTRPC } from "./trpc";

export type CurrentUser = NonNullable<Outputs["auth"]["me"]>;

/** Paths anyone may open without signing in. */
const PUBLIC_PATHS = ["/masuk", "/penghargaan"];

export const LOGIN_PATH = "/masuk";

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((path) => pathname === path || pathname === `${path}/`);
}

/** The tRPC error code of a failed query or mutation (`UNAUTHORIZED`, `CONFLICT`, …), if any. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("data" in error)) return undefined;
  const data = (error as { data?: { code?: unknown } | null }).data;
  return typeof data?.code === "string" ? data.code : undefined;
}

/** The sign-in page, set to come back to `returnTo` (a path with its query) afterwards. */
export function loginPath(returnTo: string): string {
  const target = safeReturnPath(returnTo);
  return target === "/" ? LOGIN_PATH : `${LOGIN_PATH}?${new URLSearchParams({ kembali: target })}`;
}

/**
 * Where to go after signing in: a path on this site only. Anything that could leave the site
 * (`//host`, `/\host`, `https://…`) or loop back to the sign-in page becomes the dashboard.
 */
export function safeReturnPath(raw: string | null | undefined): string {
  if (!raw?.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  // Control characters (tabs, newlines) are dropped by URL parsers and could smuggle a host in.
  if (/\p{Cc}/u.test(raw)) return "/";
  const base = "https://pantau.invalid";
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return "/";
  }
  // "/..//host" parses to the path "//host", which a browser would read as another site.
  if (url.origin !== base || url.pathname.startsWith("//")) return "/";
  if (url.pathname === LOGIN_PATH || url.pathname.startsWith(`${LOGIN_PATH}/`)) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/** App instances (one per QueryClient) whose user has just pressed "Keluar". */
const signingOut = new WeakSet<QueryClient>();

/**
 * Whether the account turning null was the user signing out (said once): not a session that
 * ended by itself.
 */
export function takeSigningOut(queryClient: QueryClient): boolean {
  return signingOut.delete(queryClient);
}

/** App instances (one per QueryClient) whose session ended without the user signing out. */
const endedSessions = new WeakSet<QueryClient>();

export function markSessionEnded(queryClient: QueryClient): void {
  endedSessions.add(queryClient);
}

/** Whether the session ended by itself (not by "Keluar") since it was last said. */
export function hasSessionEnded(queryClient: QueryClient): boolean {
  return endedSessions.has(queryClient);
}

export function forgetSessionEnded(queryClient: QueryClient): void {
  endedSessions.delete(queryClient);
}

/** The signed-in user (`null` when signed out), from `auth.me`. */
export function useAuth() {
  const trpc = useTRPC();
  const me = useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 60_000 });
  return {
    user: me.data,
    isPending: me.isPending,
    error: me.error,
    refetch: me.refetch,
  };
}

/**
 * Forgets every answer no component shows (what the pages left behind had fetched), so the next
 * person to sign in on this browser starts afresh.
 */
export function forgetUnshownAnswers(queryClient: QueryClient): void {
  queryClient.removeQueries({ type: "inactive" });
}

/** Ends the session on the server and goes to the sign-in page, which forgets every cached answer. */
export function useSignOut() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  function finish() {
    // Signed out at once: the header and the page behind sign-in redraw now, before the sign-in
    // page has arrived. The session watcher is told, so it does not take this for a lost
    // session; the sign-in page forgets the rest, once no page shows it.
    signingOut.add(queryClient);
    queryClient.setQueryData(trpc.auth.me.queryKey(), null);
    navigate(LOGIN_PATH);
  }

  return useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: finish,
      // A session that had already ended is as good as signed out.
      onError: (error) => {
        if (errorCode(error) === "UNAUTHORIZED") finish();
      },
    }),
  );
}
