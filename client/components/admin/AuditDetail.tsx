import { formatRupiah } from "../../../shared/format";
import { id as t } from "../../../shared/messages/id";

/**
 * The JSON detail of an audit row, read as people read it: what was created or removed, and
 * for a change each field's value before and after.
 */

const text = t.admin.audit;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Coded values that have an Indonesian label, by the field that holds them. */
const CODES: Record<string, Record<string, string>> = {
  role: { ...t.account.role, ...t.chainRole },
  kind: t.agencyKind,
  source: t.fundingSource,
  level: t.awardLevel,
  stage: t.stage,
  health: t.health,
};

export const fieldLabel = (key: string) => text.fields[key] ?? key;

export function formatValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return t.admin.form.empty;
  if (typeof value === "boolean") return value ? t.admin.form.yes : t.admin.form.no;
  if (typeof value === "number") return key.startsWith("amount") ? formatRupiah(value) : String(value);
  // The list of fields an update filled in: named as the form names them.
  if (key === "fields" && typeof value === "string") return fieldLabel(value);
  if (typeof value === "string") return CODES[key]?.[value] ?? value;
  if (Array.isArray(value)) {
    return value.length === 0 ? t.admin.form.empty : value.map((item) => formatValue(key, item)).join("; ");
  }
  if (isRecord(value)) {
    // A party of a delivery chain: "DLH (OPD pendukung)".
    if (typeof value.agencyCode === "string" && typeof value.role === "string") {
      const role = formatValue("role", value.role);
      return value.note ? `${value.agencyCode} (${role}, ${value.note})` : `${value.agencyCode} (${role})`;
    }
    return Object.entries(value)
      .map(([field, inner]) => `${fieldLabel(field)}: ${formatValue(field, inner)}`)
      .join(", ");
  }
  return String(value);
}

function Change({ field, before, after }: { field: string; before: unknown; after: unknown }) {
  return (
    <li>
      <span className="audit-field">{fieldLabel(field)}:</span> <span>{formatValue(field, before)}</span>{" "}
      <span aria-hidden="true">→</span>
      <span className="visually-hidden"> {t.admin.form.becomes} </span>{" "}
      <span>{formatValue(field, after)}</span>
    </li>
  );
}

function Value({ field, value }: { field: string; value: unknown }) {
  return (
    <li>
      <span className="audit-field">{fieldLabel(field)}:</span> {formatValue(field, value)}
    </li>
  );
}

export function AuditDetail({ detail }: { detail: unknown }) {
  if (detail === null || detail === undefined) return null;
  if (!isRecord(detail)) return <span>{formatValue("", detail)}</span>;
  const { before, after, ...rest } = detail;
  const diff = "before" in detail || "after" in detail;
  let heading: string | null = null;
  const items = [];

  if (diff && before === null && isRecord(after)) {
    heading = text.created;
    for (const [field, value] of Object.entries(after))
      items.push(<Value key={field} field={field} value={value} />);
  } else if (diff && after === null && isRecord(before)) {
    heading = text.removed;
    for (const [field, value] of Object.entries(before))
      items.push(<Value key={field} field={field} value={value} />);
  } else if (isRecord(before) && isRecord(after)) {
    for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
      items.push(<Change key={field} field={field} before={before[field]} after={after[field]} />);
    }
  } else if (diff) {
    // A list replaced as a whole: the delivery chain.
    items.push(<Change key="chain" field="chain" before={before} after={after} />);
  }
  for (const [field, value] of Object.entries(rest))
    items.push(<Value key={`+${field}`} field={field} value={value} />);

  return (
    <>
      {heading ? <span className="audit-heading">{heading}</span> : null}
      {items.length > 0 ? <ul className="audit-detail">{items}</ul> : null}
    </>
  );
}

/** The current name of an object that still exists, by its type and id. */
export type NameOf = (entityType: string, entityId: number) => string | undefined;

/**
 * The object a row is about, named: "Akun budi", "Instansi DLH", "Isu #3 …". By its current
 * name when it still exists, else by the name its detail recorded, else by its id.
 */
export function auditObject(
  entityType: string | null,
  entityId: number | null,
  detail: unknown,
  nameOf: NameOf,
): string {
  if (entityType === null) {
    return isRecord(detail) && typeof detail.username === "string" ? detail.username : "—";
  }
  const label = text.entities[entityType] ?? entityType;
  const current = entityId === null ? undefined : nameOf(entityType, entityId);
  if (current) return text.object(label, current);
  const after = isRecord(detail) && isRecord(detail.after) ? detail.after : null;
  const before = isRecord(detail) && isRecord(detail.before) ? detail.before : null;
  const recorded = ["username", "code", "title", "name", "predicate", "description"]
    .flatMap((key) => [after?.[key], before?.[key]])
    .find((value): value is string => typeof value === "string");
  if (recorded) return text.object(label, recorded);
  if (isRecord(detail) && typeof detail.issueNumber === "number")
    return text.object(label, `#${detail.issueNumber}`);
  return entityId === null ? label : text.object(label, `#${entityId}`);
}
