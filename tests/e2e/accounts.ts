/** The accounts the browser tests use, created by the real account command. */
export const E2E_PASSWORD = "apel-senin-pagi-balai-kota";

export const E2E_ACCOUNTS = {
  admin: { username: "sekda", role: "admin", displayName: "Bagian Umum Setda", agency: undefined },
  pimpinan: { username: "walikota", role: "pimpinan", displayName: "Wali Kota Malang", agency: undefined },
  opd: { username: "dlh", role: "opd", displayName: "Operator DLH", agency: "DLH" },
  opd2: { username: "dlh2", role: "opd", displayName: "Kepala Bidang DLH", agency: "DLH" },
} as const;

export type E2EAccount = keyof typeof E2E_ACCOUNTS;

/** The saved signed-in browser state of an account, for `test.use({ storageState })`. */
export function stateOf(account: E2EAccount): string {
  const file = process.env[`PANTAU_E2E_STATE_${account.toUpperCase()}`];
  if (!file) throw new Error(`No signed-in state for ${account}: global setup did not run`);
  return file;
}
