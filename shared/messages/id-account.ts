/** Indonesian texts of signing in, the update form and "Isu saya". */
export const account = {} as const;
