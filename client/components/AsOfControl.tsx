import { useEffect, useId, useRef, useState } from "react";
import { wibDate } from "../../shared/asOf";
import { formatDate } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import { EARLIEST_DATE, isSelectableDate, useAsOf } from "../lib/useAsOf";

/** Long enough for the next digit of a typed date, short enough to feel immediate. */
export const COMMIT_DELAY_MS = 400;

/** Picks the date every figure, chart and list is taken "as of"; kept in the URL. */
export function AsOfControl() {
  const { asOf, invalid: invalidLink, setAsOf } = useAsOf();
  const today = wibDate(new Date());
  const shown = asOf ?? today;
  // What the field holds while someone types a date digit by digit (passing through dates such
  // as 0002-11-18); it is committed once it is a date the view can show and typing pauses.
  const [draft, setDraft] = useState(shown);
  const [rejected, setRejected] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inputId = useId();
  const errorId = useId();

  // Follow the URL (the "Hari ini" button, back and forward), but never under someone's fingers.
  useEffect(() => {
    if (document.activeElement === input.current) return;
    setDraft(shown);
    setRejected(false);
  }, [shown]);

  useEffect(() => () => clearTimeout(pending.current), []);

  const invalid = invalidLink || rejected;

  function commit(value: string) {
    clearTimeout(pending.current);
    setRejected(false);
    setAsOf(value === today ? undefined : value);
  }

  return (
    <div className="as-of">
      <label htmlFor={inputId}>{t.asOf.label}</label>
      <div className="as-of-row">
        <input
          id={inputId}
          type="date"
          min={EARLIEST_DATE}
          max={today}
          value={draft}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          ref={input}
          onChange={(event) => {
            const value = event.target.value;
            setDraft(value);
            clearTimeout(pending.current);
            if (isSelectableDate(value, today))
              pending.current = setTimeout(() => commit(value), COMMIT_DELAY_MS);
          }}
          onBlur={() => {
            if (draft === "") setDraft(shown);
            else if (!isSelectableDate(draft, today)) setRejected(true);
            else if (draft !== shown) commit(draft);
          }}
        />
        {asOf || invalid ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setDraft(today);
              commit(today);
            }}
          >
            {t.asOf.today}
          </button>
        ) : null}
      </div>
      {invalid ? (
        <p id={errorId} className="field-error" role="alert">
          {t.asOf.invalid}
        </p>
      ) : null}
      {asOf ? (
        <p className="as-of-banner" role="status">
          {t.asOf.viewing(formatDate(asOf))}
        </p>
      ) : null}
    </div>
  );
}
