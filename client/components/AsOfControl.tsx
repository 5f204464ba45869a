import { useId, useState } from "react";
import { wibDate } from "../../shared/asOf";
import { formatDate } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import { EARLIEST_DATE, isSelectableDate, useAsOf } from "../lib/useAsOf";

/** Picks the date every figure, chart and list is taken "as of"; kept in the URL. */
export function AsOfControl() {
  const { asOf, invalid: invalidLink, setAsOf } = useAsOf();
  const [rejected, setRejected] = useState(false);
  const invalid = invalidLink || rejected;
  const inputId = useId();
  const errorId = useId();
  const today = wibDate(new Date());

  return (
    <div className="as-of">
      <label htmlFor={inputId}>{t.asOf.label}</label>
      <div className="as-of-row">
        <input
          id={inputId}
          type="date"
          min={EARLIEST_DATE}
          max={today}
          value={asOf ?? today}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(event) => {
            const value = event.target.value;
            const accepted = value === "" || isSelectableDate(value, today);
            setRejected(!accepted);
            if (accepted) setAsOf(value === "" || value === today ? undefined : value);
          }}
        />
        {asOf ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setRejected(false);
              setAsOf(undefined);
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
