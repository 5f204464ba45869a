import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { id as t } from "../../../shared/messages/id";
import { ROLES, type Role } from "../../../shared/schemas/auth";
import { UserCreateInput, UserPasswordInput, UserUpdateInput } from "../../../shared/schemas/users";
import { type Outputs, useTRPC } from "../../lib/trpc";
import { type ControlProps, FormField } from "../FormField";
import { type Agency, AgencyOptions } from "./AgencyOptions";
import { FormFeedback } from "./FormFeedback";
import { useAdminForm } from "./useAdminForm";
import { useRefresh } from "./useRefresh";

export type Account = Outputs["users"]["list"][number];

const text = t.admin.accounts;

function RoleSelect({
  value,
  onChange,
  ...props
}: ControlProps & { value: Role; onChange: (role: Role) => void }) {
  return (
    <select {...props} value={value} onChange={(event) => onChange(event.target.value as Role)}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t.account.role[role]}
        </option>
      ))}
    </select>
  );
}

/** What an account is apart from its name and password: display name, role, and its OPD. */
interface Profile {
  displayName: string;
  role: Role;
  agencyCode: string;
}

/** The fields the create and edit forms share; the OPD picker shows, required, for `opd` only. */
function ProfileFields<V extends Profile>({
  values,
  set: setValue,
  field,
  agencies,
}: {
  values: V;
  set: <K extends keyof V>(name: K, value: V[K]) => void;
  field: (name: keyof Profile) => { id: string; error: string | undefined };
  agencies: readonly Agency[];
}) {
  const set = <K extends keyof Profile>(name: K, value: Profile[K]) => setValue(name, value as V[K]);
  return (
    <>
      <FormField {...field("displayName")} label={text.displayName} required>
        {(props) => (
          <input {...props} value={values.displayName} onChange={(e) => set("displayName", e.target.value)} />
        )}
      </FormField>
      <FormField {...field("role")} label={text.role} required>
        {(props) => <RoleSelect {...props} value={values.role} onChange={(role) => set("role", role)} />}
      </FormField>
      {values.role === "opd" ? (
        <FormField {...field("agencyCode")} label={text.agency} hint={text.agencyHint} required>
          {(props) => (
            <select {...props} value={values.agencyCode} onChange={(e) => set("agencyCode", e.target.value)}>
              <option value="">{t.admin.form.choose}</option>
              <AgencyOptions agencies={agencies} valueBy="code" opdOnly />
            </select>
          )}
        </FormField>
      ) : null}
    </>
  );
}

export function CreateAccountForm({ agencies }: { agencies: readonly Agency[] }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const create = useMutation(trpc.users.create.mutationOptions());
  const empty = { username: "", displayName: "", role: "opd" as Role, agencyCode: "", password: "" };
  const form = useAdminForm(empty);
  const { values } = form;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      username: values.username,
      displayName: values.displayName,
      role: values.role,
      agencyCode: values.role === "opd" ? values.agencyCode : undefined,
      password: values.password,
    };
    const created = await form.submit(UserCreateInput, input, create.mutateAsync);
    if (!created) return;
    form.succeed(text.created(created.username), empty);
    void refresh("users");
  }

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      <div className="form-grid">
        <FormField {...form.field("username")} label={text.username} hint={text.usernameHint} required>
          {(props) => (
            <input
              {...props}
              autoComplete="off"
              spellCheck={false}
              value={values.username}
              onChange={(e) => form.set("username", e.target.value)}
            />
          )}
        </FormField>
        <ProfileFields values={values} set={form.set} field={form.field} agencies={agencies} />
        <FormField {...form.field("password")} label={text.password} hint={text.passwordHint} required>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              value={values.password}
              onChange={(e) => form.set("password", e.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormFeedback form={form} submitLabel={text.create} />
    </form>
  );
}

export function EditAccountForm({ account, agencies }: { account: Account; agencies: readonly Agency[] }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const update = useMutation(trpc.users.update.mutationOptions());
  const valuesOf = (a: Account) => ({
    displayName: a.displayName,
    role: a.role,
    agencyCode: a.agency?.code ?? "",
  });
  const form = useAdminForm(() => valuesOf(account));
  const { values } = form;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      id: account.id,
      displayName: values.displayName,
      role: values.role,
      agencyCode: values.role === "opd" ? values.agencyCode : null,
    };
    const saved = await form.submit(UserUpdateInput, input, update.mutateAsync);
    if (!saved) return;
    form.succeed(text.updated(saved.username), valuesOf(saved));
    void refresh("users", "auth");
  }

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      <div className="form-grid">
        <ProfileFields values={values} set={form.set} field={form.field} agencies={agencies} />
      </div>
      <FormFeedback form={form} submitLabel={t.admin.form.save} />
    </form>
  );
}

export function ResetPasswordForm({ account }: { account: Account }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const reset = useMutation(trpc.users.resetPassword.mutationOptions());
  const form = useAdminForm({ password: "" });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { id: account.id, password: form.values.password };
    const saved = await form.submit(UserPasswordInput, input, reset.mutateAsync);
    if (!saved) return;
    form.succeed(text.passwordReset(saved.username), { password: "" });
    void refresh("users");
  }

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" hidden readOnly autoComplete="username" value={account.username} />
      <FormField
        {...form.field("password")}
        label={text.newPassword}
        hint={`${text.passwordHint} ${text.resetHint}`}
        required
      >
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            value={form.values.password}
            onChange={(e) => form.set("password", e.target.value)}
          />
        )}
      </FormField>
      <FormFeedback form={form} submitLabel={text.resetSubmit} />
    </form>
  );
}
