import { isOpdKind } from "../../../shared/domain";
import { id as t } from "../../../shared/messages/id";
import type { Outputs } from "../../lib/trpc";

export type Agency = Outputs["agencies"]["list"][number];

const byCode = (a: Agency, b: Agency) => a.code.localeCompare(b.code, "id");

/**
 * The `<option>`s of an agency picker, by code. Only the city's OPD when `opdOnly`; otherwise the
 * OPD first and the outside parties after, in two groups.
 */
export function AgencyOptions({
  agencies,
  valueBy,
  opdOnly = false,
  exceptId,
}: {
  agencies: readonly Agency[];
  valueBy: "id" | "code";
  opdOnly?: boolean;
  exceptId?: number | undefined;
}) {
  const shown = agencies.filter((a) => a.id !== exceptId);
  const option = (a: Agency) => (
    <option key={a.id} value={valueBy === "id" ? String(a.id) : a.code}>
      {a.code} · {a.name}
    </option>
  );
  const opd = shown.filter((a) => isOpdKind(a.kind)).sort(byCode);
  if (opdOnly) return <>{opd.map(option)}</>;
  const outside = shown.filter((a) => !isOpdKind(a.kind)).sort(byCode);
  return (
    <>
      <optgroup label={t.admin.agencies.opdKinds}>{opd.map(option)}</optgroup>
      <optgroup label={t.admin.agencies.outsideKinds}>{outside.map(option)}</optgroup>
    </>
  );
}
