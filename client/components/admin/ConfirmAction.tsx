import { useEffect, useRef, useState } from "react";
import { id as t } from "../../../shared/messages/id";
import { mutationFailure } from "../../lib/formErrors";

interface Props {
  /** The button's text, and its accessible name when the text alone is ambiguous in a list. */
  label: string;
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  /** Runs once confirmed; a rejection is shown next to the question. */
  onConfirm: () => Promise<unknown>;
  danger?: boolean;
}

/**
 * A button whose action asks first: the question appears in place, with the safe choice focused,
 * and focus comes back to the button when the person changes their mind.
 */
export function ConfirmAction({ label, accessibleLabel, question, confirmLabel, onConfirm, danger }: Props) {
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (wasAsking.current) trigger.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setAsking(false);
    } catch (failure) {
      const { fields, message } = mutationFailure(failure);
      setError(message ?? Object.values(fields)[0] ?? t.admin.form.actionFailed);
    } finally {
      setPending(false);
    }
  }

  if (!asking) {
    return (
      <button
        ref={trigger}
        type="button"
        className={`button-small ${danger ? "button-danger" : "button-secondary"}`}
        aria-label={accessibleLabel}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <fieldset className="confirm">
      <legend>{question}</legend>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className={`button-small ${danger ? "button-danger" : ""}`}
          disabled={pending}
          onClick={() => void confirm()}
        >
          {pending ? t.admin.form.saving : confirmLabel}
        </button>
        <button
          ref={cancel}
          type="button"
          className="button-small button-secondary"
          onClick={() => setAsking(false)}
        >
          {t.admin.form.cancel}
        </button>
      </div>
    </fieldset>
  );
}
