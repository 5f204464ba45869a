import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface Chunk {
  file: string;
  initial: boolean;
  bytes: number;
  gzipBytes: number;
}

/**
 * The built SPA's JavaScript: each chunk's size and gzipped size, marked initial when the HTML
 * shell loads it (script or modulepreload), lazy otherwise.
 */
export function chunkSizes(clientDir: string): Chunk[] {
  const assets = join(clientDir, "assets");
  if (!existsSync(assets)) return [];
  const html = readFileSync(join(clientDir, "index.html"), "utf8");
  return readdirSync(assets)
    .filter((file) => file.endsWith(".js"))
    .map((file) => {
      const body = readFileSync(join(assets, file));
      return {
        file,
        initial: html.includes(`/assets/${file}`),
        bytes: body.length,
        gzipBytes: gzipSync(body, { level: 9 }).length,
      };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzipBytes - a.gzipBytes);
}
