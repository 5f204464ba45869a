/** Indonesian texts of the Sekda office's screens: accounts, agencies, issues, awards, audit. */
export const admin = {} as const;
