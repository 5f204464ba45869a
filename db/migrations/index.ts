import type { Migration } from "kysely";
import * as initial from "./2026-11-27_001_initial";
import * as accounts from "./2026-11-28_002_accounts";
import * as apel from "./2026-11-30_apel_001";
import * as figures from "./2026-11-30_figures_001";
import * as serverSecrets from "./2026-11-30_hardening_001_server_secrets";
import * as updateRanks from "./2026-11-30_perf_001_update_ranks";
import * as dataChanges from "./2026-11-30_perf_002_data_changes";

/** Every migration, by name; names sort in the order they apply. */
export const migrations: Record<string, Migration> = {
  "2026-11-27_001_initial": initial,
  "2026-11-28_002_accounts": accounts,
  "2026-11-30_figures_001": figures,
  "2026-11-30_apel_001": apel,
  "2026-11-30_hardening_001_server_secrets": serverSecrets,
  "2026-11-30_perf_001_update_ranks": updateRanks,
  "2026-11-30_perf_002_data_changes": dataChanges,
};
