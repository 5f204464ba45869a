import { z } from "zod";

export const PASSWORD_MIN = 8;
/** Long passphrases are welcome; the cap only bounds the work of hashing. */
export const PASSWORD_MAX = 256;

export const PASSWORD_TOO_SHORT = `Kata sandi minimal ${PASSWORD_MIN} karakter, tanpa spasi di awal dan akhir.`;

/**
 * A new password's length, counted without spaces at either end (eight spaces are no password).
 * It is stored as typed. What else makes one too easy to guess is judged on the server
 * (`passwordProblem`), against a list too large to send to every browser.
 */
export const Password = z
  .string({ error: "Kata sandi wajib diisi." })
  .max(PASSWORD_MAX, { error: `Kata sandi maksimal ${PASSWORD_MAX} karakter.` })
  .refine((p) => p.trim().length >= PASSWORD_MIN, { error: PASSWORD_TOO_SHORT });

export const Username = z
  .string({ error: "Nama pengguna wajib diisi." })
  .trim()
  .min(3, { error: "Nama pengguna minimal 3 karakter." })
  .max(64, { error: "Nama pengguna maksimal 64 karakter." })
  .regex(/^[a-z0-9._-]+$/i, {
    error: "Nama pengguna hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung.",
  });

export const ROLES = ["admin", "pimpinan", "opd"] as const;
export type Role = (typeof ROLES)[number];

export const LoginInput = z.object({
  username: z
    .string({ error: "Nama pengguna wajib diisi." })
    .trim()
    .min(1, { error: "Nama pengguna wajib diisi." })
    .max(64),
  // Only bounded here: a login checks the password, it does not judge it.
  password: z
    .string({ error: "Kata sandi wajib diisi." })
    .min(1, { error: "Kata sandi wajib diisi." })
    .max(PASSWORD_MAX),
});
export type LoginInput = z.infer<typeof LoginInput>;
