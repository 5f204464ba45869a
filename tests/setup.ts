import { afterEach, beforeEach, vi } from "vitest";

// A test that logs an error has found one: fail it rather than scroll past it.
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error: ${args.map(String).join(" ")}`);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});
