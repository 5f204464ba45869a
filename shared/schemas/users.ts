import { z } from "zod";
import { Password, ROLES, Username } from "./auth";
import { entityId, requiredText } from "./common";

export const OPD_AGENCY_REQUIRED = "Akun OPD harus terikat pada satu OPD.";
export const AGENCY_ONLY_FOR_OPD = "Hanya akun OPD yang terikat pada OPD.";

const Role = z.enum(ROLES, { error: "Pilih peran yang tersedia." });
const DisplayName = requiredText("Nama tampilan", 100);
/** An agency's code as a person types it; matched case-insensitively. Empty means none. */
const AgencyCodeRef = z
  .string({ error: "Kode OPD harus berupa teks." })
  .trim()
  .max(32, { error: "Kode OPD maksimal 32 karakter." })
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

export const UserCreateInput = z
  .object({
    username: Username,
    displayName: DisplayName,
    role: Role,
    agencyCode: AgencyCodeRef,
    password: Password,
  })
  .refine((u) => u.role !== "opd" || Boolean(u.agencyCode), {
    error: OPD_AGENCY_REQUIRED,
    path: ["agencyCode"],
  })
  .refine((u) => u.role === "opd" || !u.agencyCode, { error: AGENCY_ONLY_FOR_OPD, path: ["agencyCode"] });
export type UserCreateInput = z.infer<typeof UserCreateInput>;

/** Fields left out stay as they are; moving an account out of the `opd` role unlinks its agency. */
export const UserUpdateInput = z
  .object({
    id: entityId,
    displayName: DisplayName.optional(),
    role: Role.optional(),
    agencyCode: AgencyCodeRef,
  })
  .refine((u) => u.role !== "opd" || u.agencyCode !== null, {
    error: OPD_AGENCY_REQUIRED,
    path: ["agencyCode"],
  })
  .refine((u) => u.role === undefined || u.role === "opd" || !u.agencyCode, {
    error: AGENCY_ONLY_FOR_OPD,
    path: ["agencyCode"],
  });
export type UserUpdateInput = z.infer<typeof UserUpdateInput>;

export const UserIdInput = z.object({ id: entityId });
export type UserIdInput = z.infer<typeof UserIdInput>;

export const UserPasswordInput = z.object({ id: entityId, password: Password });
export type UserPasswordInput = z.infer<typeof UserPasswordInput>;
