import { type FocusEvent, type KeyboardEvent, useState } from "react";
import { shiftDate } from "../../shared/asOf";
import { id as t } from "../../shared/messages/id";
import { dateText, parseDateText } from "../lib/formInput";
import { type ControlProps, FormField } from "./FormField";

interface DateInputProps extends Partial<ControlProps> {
  /** The text in the field, as typed: `18/11/2024`, `2024-11-18`, or unfinished. */
  value: string;
  onChange: (text: string) => void;
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
  ref?: React.Ref<HTMLInputElement>;
  className?: string;
}

/**
 * A date typed as HH/BB/TTTT (or TTTT-BB-HH), the same in every browser language, unlike
 * `<input type="date">`. Leaving it writes a date it can read as `18/11/2024`; the arrow keys
 * move a readable date a day up or down.
 */
export function DateInput({ value, onChange, onBlur, ...props }: DateInputProps) {
  function step(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    const iso = parseDateText(value);
    if (iso === null) return;
    event.preventDefault();
    onChange(dateText(shiftDate(iso, event.key === "ArrowUp" ? -1 : 1)));
  }
  return (
    <input
      {...props}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder={t.dateField.format}
      maxLength={10}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={step}
      onBlur={(event) => {
        const iso = parseDateText(value);
        if (iso !== null && dateText(iso) !== value) onChange(dateText(iso));
        onBlur?.(event);
      }}
    />
  );
}

/**
 * A labelled date field: the date as typed (see DateInput), its format as the hint, and what
 * is wrong in words once the field is left holding text that is no date.
 */
export function DateField({
  id,
  name,
  label,
  value,
  onChange,
  error,
  hint = t.dateField.hint,
  required,
  className,
}: {
  id: string;
  name?: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  className?: string;
}) {
  const [left, setLeft] = useState(false);
  const unreadable = value.trim() !== "" && parseDateText(value) === null;
  // Text that is no date is said in the field's own words (its format), before any other error.
  const shown = unreadable && (left || error) ? t.dateField.invalid : error;
  return (
    <FormField
      id={id}
      {...(name ? { name } : {})}
      label={label}
      error={shown}
      hint={hint}
      required={required ?? false}
      {...(className ? { className } : {})}
    >
      {(control) => (
        <DateInput
          {...control}
          value={value}
          onChange={(text) => {
            setLeft(false);
            onChange(text);
          }}
          onBlur={() => setLeft(true)}
        />
      )}
    </FormField>
  );
}

/** The fields among `fields` whose text is no date, with what is wrong, for a form's checks. */
export function unreadableDates(fields: Record<string, string>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, text] of Object.entries(fields)) {
    if (text.trim() !== "" && parseDateText(text) === null) found[name] = t.dateField.invalid;
  }
  return found;
}
