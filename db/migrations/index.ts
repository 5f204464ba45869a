import type { Migration } from "kysely";
import * as initial from "./2026-11-27_001_initial";

/** Every migration, by name; names sort in the order they apply. */
export const migrations: Record<string, Migration> = {
  "2026-11-27_001_initial": initial,
};
