import type { ReactNode } from "react";
import { id as t } from "../../shared/messages/id";

/** What a control needs to be named, described and marked invalid for assistive technology. */
export interface ControlProps {
  id: string;
  name?: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  "aria-required": true | undefined;
}

interface Props {
  id: string;
  /** The control's name, also marking the field (`field-<name>`) for layout. */
  name?: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A label, its control, a hint and the field's error, tied together for screen readers. */
export function FormField({ id, name, label, error, hint, required, className, children }: Props) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ");
  return (
    <div className={["field", name ? `field-${name}` : null, className].filter(Boolean).join(" ")}>
      <label htmlFor={id}>
        {label}
        {/* Said by the control's aria-required; shown for sighted users. */}
        {required ? (
          <span className="field-required" aria-hidden="true">
            {" "}
            ({t.account.form.required})
          </span>
        ) : null}
      </label>
      {children({
        id,
        ...(name ? { name } : {}),
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
        "aria-required": required ? true : undefined,
      })}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A checkbox with its label after it, and the field's error. */
export function CheckboxField({
  id,
  label,
  checked,
  onChange,
  error,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
}) {
  return (
    <div className="field field-checkbox">
      <span className="field-inline">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <label htmlFor={id}>{label}</label>
      </span>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
