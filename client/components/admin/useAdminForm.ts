import { useId, useState } from "react";
import type { z } from "zod";
import { id as t } from "../../../shared/messages/id";
import { type FieldErrors, mutationFailure, zodFieldErrors } from "../../lib/formErrors";

/**
 * The state of one admin form: its values, the field errors (from the shared zod schema before
 * sending, or from the server after), a message for the whole form, and a status after saving.
 */
export function useAdminForm<V extends object>(initial: V | (() => V)) {
  const prefix = useId();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [pending, setPending] = useState(false);

  const fieldId = (name: string) => `${prefix}-${name.replaceAll(".", "-")}`;

  /** Changes a field; its error, if any, goes until the next check. */
  function set<K extends keyof V>(name: K, value: V[K]) {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => {
      if (current[name as string] === undefined) return current;
      const { [name as string]: _fixed, ...rest } = current;
      return rest;
    });
    setStatus("");
  }

  function showErrors(found: FieldErrors) {
    setErrors(found);
    setFormError(t.admin.form.invalid);
    const first = Object.keys(found)
      .map((name) => document.getElementById(fieldId(name)))
      .find((element) => element !== null);
    first?.focus();
  }

  /**
   * Checks `input` with `schema` (plus `checks`, errors only the form can tell), sends it, and
   * shows what went wrong where it went wrong. Resolves to the server's answer, or undefined.
   */
  async function submit<S extends z.ZodType, R>(
    schema: S,
    input: z.input<S>,
    send: (input: z.input<S>) => Promise<R>,
    checks: FieldErrors = {},
  ): Promise<R | undefined> {
    setStatus("");
    setFormError(null);
    const parsed = schema.safeParse(input);
    const found = { ...checks };
    if (!parsed.success) {
      for (const [name, message] of Object.entries(zodFieldErrors(parsed.error))) found[name] ??= message;
    }
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return undefined;
    }
    setErrors({});
    setPending(true);
    try {
      return await send(input);
    } catch (error) {
      const failure = mutationFailure(error);
      if (Object.keys(failure.fields).length > 0) showErrors(failure.fields);
      else setFormError(failure.message);
      return undefined;
    } finally {
      setPending(false);
    }
  }

  /** After a save: say so, and start again from `next` when given. */
  function succeed(message: string, next?: V) {
    if (next !== undefined) setValues(next);
    setErrors({});
    setFormError(null);
    setStatus(message);
  }

  return {
    values,
    set,
    errors,
    formError,
    status,
    pending,
    submit,
    succeed,
    /** The id and error of a field, as `<FormField>` takes them. */
    field: (name: string) => ({ id: fieldId(name), error: errors[name] }),
  };
}
