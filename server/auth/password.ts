import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MIN, PASSWORD_TOO_SHORT } from "../../shared/schemas/auth";

/**
 * Argon2id at OWASP's recommended minimum (Password Storage Cheat Sheet): 19 MiB of memory,
 * 2 iterations, 1 lane. The parameters are stored in each hash, so raising them later only
 * affects new hashes.
 */
export const ARGON2_OPTIONS = {
  // Algorithm.Argon2id; the package declares it as a const enum, which this build cannot import.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as checking a real password, so an unknown username cannot be told from a
 * wrong password by how long the answer takes.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("pantau-no-such-user");
  await verifyPassword(await dummyHash, password);
  return false;
}

const COMMON = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

/** Whether a password is among the ~49,000 most common ones (zxcvbn-ts's list). */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}

export const COMMON_PASSWORD_MESSAGE = "Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain.";
export const PASSWORD_HAS_USERNAME_MESSAGE = "Kata sandi tidak boleh memuat nama pengguna.";

/**
 * Words anyone guessing at a Kota Malang account tries first, and the demo's published password:
 * removed before the rest is judged. Longer words first, so `balaikota` goes before `kota`.
 */
const LOCAL_WORDS = [
  "cobapantaumalang",
  "balaikota",
  "walikota",
  "kotamalang",
  "malangkota",
  "pemkot",
  "pantau",
  "malang",
  "arema",
  "jatim",
  "sekda",
  "kota",
  "admin",
];

/** Digits and symbols that stand in for letters in "p4ssw0rd". */
const LEET: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
};

/**
 * What is wrong with a new password for `username`, or null when it may be used. One rule for
 * the account forms, the admin's procedures and `npm run user`. The password is judged trimmed
 * (spaces at either end add nothing a guesser would not try) and case-folded; then without its
 * digits and symbols, and without the local words above, what is left must not be a common
 * password nor too short, nor the same few characters repeated.
 */
export function passwordProblem(password: string, username: string): string | null {
  const trimmed = password.normalize("NFKC").trim().toLowerCase();
  if (trimmed.length < PASSWORD_MIN) return PASSWORD_TOO_SHORT;
  const name = username.trim().toLowerCase();
  const letters = (text: string) => text.replace(/[^\p{L}]/gu, "");
  if (name.length > 0 && (trimmed.includes(name) || letters(trimmed).includes(letters(name) || "\0"))) {
    return PASSWORD_HAS_USERNAME_MESSAGE;
  }
  const unleet = [...trimmed].map((c) => LEET[c] ?? c).join("");
  const candidates = new Set([trimmed, trimmed.replace(/\s+/g, ""), letters(trimmed), letters(unleet)]);
  let rest = letters(unleet);
  for (const word of LOCAL_WORDS) rest = rest.replaceAll(word, "");
  candidates.add(rest);
  const tooSimple =
    new Set(trimmed.replace(/\s+/g, "")).size < 4 ||
    rest.length < 5 ||
    [...candidates].some((c) => COMMON.has(c));
  return tooSimple ? COMMON_PASSWORD_MESSAGE : null;
}
