import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: "client",
  plugins: [react()],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    // The shell's budget is 150 KB gzipped; charts load lazily in their own chunk.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      "/trpc": "http://127.0.0.1:3000",
      "/healthz": "http://127.0.0.1:3000",
      "/export": "http://127.0.0.1:3000",
    },
  },
  test: {
    root: ".",
    // Tests assert outcomes, not speed: a slow, busy machine must still pass them.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "server",
          root: ".",
          include: ["tests/{server,shared}/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "client",
          root: ".",
          include: ["tests/client/**/*.test.tsx"],
          environment: "jsdom",
          setupFiles: ["tests/setup.ts", "tests/setup-dom.ts"],
        },
      },
    ],
  },
});
