import { useEffect, useId, useRef, useState } from "react";
import { wibDate } from "../../shared/asOf";
import { formatDate } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import { dateText, parseDateText } from "../lib/formInput";
import { isSelectableDate, useAsOf } from "../lib/useAsOf";
import { DateInput } from "./DateField";

/** Long enough for the next digit of a typed date, short enough to feel immediate. */
export const COMMIT_DELAY_MS = 400;

/** Picks the date every figure, chart and list is taken "as of"; kept in the URL. */
export function AsOfControl() {
  const { asOf, invalid: invalidLink, setAsOf } = useAsOf();
  const today = wibDate(new Date());
  const shown = asOf ?? today;
  // What the field holds while someone types a date digit by digit (`18/11/2024`, or passing
  // through dates such as 1/1/2); it is committed once it is a date the view can show and
  // typing pauses.
  const [draft, setDraft] = useState(dateText(shown));
  const [rejected, setRejected] = useState<"unreadable" | "range" | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inputId = useId();
  const errorId = useId();
  const hintId = useId();

  // Follow the URL (the "Hari ini" button, back and forward), but never under someone's fingers.
  useEffect(() => {
    if (document.activeElement === input.current) return;
    setDraft(dateText(shown));
    setRejected(null);
  }, [shown]);

  useEffect(() => () => clearTimeout(pending.current), []);

  const invalid = invalidLink || rejected !== null;

  function commit(value: string) {
    clearTimeout(pending.current);
    setRejected(null);
    setAsOf(value === today ? undefined : value);
  }

  return (
    <div className="as-of">
      <label htmlFor={inputId}>
        {t.asOf.label} <span className="as-of-format">({t.dateField.format})</span>
      </label>
      <div className="as-of-row">
        <DateInput
          id={inputId}
          value={draft}
          aria-invalid={invalid || undefined}
          aria-describedby={rejected !== null ? `${hintId} ${errorId}` : hintId}
          ref={input}
          onChange={(value) => {
            setDraft(value);
            clearTimeout(pending.current);
            const date = parseDateText(value);
            if (date !== null && isSelectableDate(date, today))
              pending.current = setTimeout(() => commit(date), COMMIT_DELAY_MS);
          }}
          onBlur={() => {
            const date = parseDateText(draft);
            if (draft.trim() === "") setDraft(dateText(shown));
            else if (date === null) setRejected("unreadable");
            else if (!isSelectableDate(date, today)) setRejected("range");
            else if (date !== shown) commit(date);
          }}
        />
        {asOf || invalid ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setDraft(dateText(today));
              commit(today);
            }}
          >
            {t.asOf.today}
          </button>
        ) : null}
      </div>
      <span id={hintId} className="visually-hidden">
        {t.dateField.hint}
      </span>
      {/* A bad date in a link is said by the banner, which stays on screen on a phone. */}
      {rejected !== null ? (
        <p id={errorId} className="field-error" role="alert">
          {rejected === "unreadable" ? t.dateField.invalid : t.asOf.invalid}
        </p>
      ) : null}
    </div>
  );
}

/** Says which date a past view shows; in the header, on every page that has the as-of control. */
export function AsOfBanner() {
  const { asOf, invalid } = useAsOf();
  if (invalid) {
    return (
      <p className="field-error as-of-invalid" role="alert">
        {t.asOf.invalid}
      </p>
    );
  }
  if (!asOf) return null;
  return (
    <p className="as-of-banner" role="status">
      {t.asOf.viewing(formatDate(asOf))}
    </p>
  );
}
