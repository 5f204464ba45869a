import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

/**
 * Writes a .br and a .gz beside every text asset of the build, at the strongest settings (done
 * once, at build time), for the server to send to browsers that accept them.
 */
function precompress(): Plugin {
  let outDir = "";
  const compressible = /\.(js|css|html|svg|json|txt|webmanifest)$/;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return {
    name: "pantau-precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of walk(outDir).filter((path) => compressible.test(path))) {
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

export default defineConfig({
  root: "client",
  plugins: [react(), precompress()],
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
