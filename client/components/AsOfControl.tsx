import { useEffect, useId, useState } from "react";
import { wibDate } from "../../shared/asOf";
import { formatDate } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import { EARLIEST_DATE, isSelectableDate, useAsOf } from "../lib/useAsOf";

/** Picks the date every figure, chart and list is taken "as of"; kept in the URL. */
export function AsOfControl() {
  const { asOf, invalid: invalidLink, setAsOf } = useAsOf();
  const today = wibDate(new Date());
  const shown = asOf ?? today;
  // What the field holds while someone types a date digit by digit; committed once it is a
  // date the view can show.
  const [draft, setDraft] = useState(shown);
  const [rejected, setRejected] = useState(false);
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    setDraft(shown);
    setRejected(false);
  }, [shown]);

  const invalid = invalidLink || rejected;

  function commit(value: string) {
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
          onChange={(event) => {
            const value = event.target.value;
            setDraft(value);
            if (isSelectableDate(value, today)) commit(value);
          }}
          onBlur={() => {
            if (draft === "") setDraft(shown);
            else if (!isSelectableDate(draft, today)) setRejected(true);
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
