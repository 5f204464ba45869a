import { id as t } from "../../../shared/messages/id";

/** The explicit choice, under a figure's field, that the source gives no figure. */
export function NoFigureOption(props: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <span className="field-inline field-option">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <label htmlFor={props.id}>{t.account.form.physicalUnknown}</label>
    </span>
  );
}
