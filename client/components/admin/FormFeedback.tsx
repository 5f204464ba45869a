import { id as t } from "../../../shared/messages/id";

/**
 * The end of a form: its submit button, what went wrong with it as a whole (announced at once),
 * and the status after a save (a live region that is always there, so it is announced too).
 */
export function FormFeedback({
  form,
  submitLabel,
}: {
  form: { formError: string | null; status: string; pending: boolean };
  submitLabel: string;
}) {
  const { formError, status, pending } = form;
  return (
    <>
      {formError ? (
        <p className="notice notice-error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? t.admin.form.saving : submitLabel}
        </button>
      </div>
      <p className="form-status" role="status">
        {status}
      </p>
    </>
  );
}
