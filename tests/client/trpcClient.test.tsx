import { afterEach, describe, expect, it, vi } from "vitest";
import { createClient } from "../../client/lib/trpc";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("The app's tRPC client", () => {
  it("sends the session check on its own, beside the page's batched reads", async () => {
    const paths: string[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: RequestInfo | URL) => {
        const url = new URL(String(input));
        paths.push(url.pathname);
        const calls = url.pathname.slice("/trpc/".length).split(",");
        const body = JSON.stringify(calls.map(() => ({ result: { data: null } })));
        return new Response(body, { headers: { "Content-Type": "application/json" } });
      }),
    );
    const client = createClient("http://localhost");
    await Promise.all([
      client.auth.me.query(),
      client.dashboard.summary.query({}),
      client.issues.list.query({}),
    ]);
    // A batch holding the session check could not be answered from the server's cache of reads.
    expect(paths.sort()).toEqual(["/trpc/auth.me", "/trpc/dashboard.summary,issues.list"]);
  });
});
