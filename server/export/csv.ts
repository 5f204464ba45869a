import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import { wibDateTime } from "../../shared/asOf";
import {
  type CellValue,
  type Column,
  type ColumnKind,
  HISTORY_COLUMNS,
  historyEntries,
  ISSUE_COLUMNS,
} from "./columns";
import { type ExportModel, issuesById } from "./model";

/** A cell as CSV text: figures with a decimal point, dates `YYYY-MM-DD`, times `YYYY-MM-DD HH:mm` in WIB. */
function csvCell(kind: ColumnKind, value: CellValue): string | number | null {
  if (value === null) return null;
  if (kind === "datetime" && typeof value === "string" && value.length > 7) {
    return wibDateTime(value);
  }
  return value;
}

async function writeCsv<T>(
  columns: readonly Column<T>[],
  rows: AsyncIterable<T> | Iterable<T>,
  out: Writable,
) {
  async function* records() {
    for await (const row of rows) yield columns.map((c) => csvCell(c.kind, c.value(row)));
  }
  // The BOM makes Excel read the file as UTF-8; csv-stringify quotes per RFC 4180 and puts a `'`
  // before a cell starting with = + - @, tab or CR, so no note can run as a formula.
  const stringifier = stringify({
    bom: true,
    header: true,
    columns: columns.map((c) => c.header),
    record_delimiter: "windows",
    escape_formulas: true,
  });
  await pipeline(Readable.from(records()), stringifier, out);
}

/** issues.csv: one row per issue with its state as of the date. */
export function writeIssuesCsv(model: ExportModel, out: Writable): Promise<void> {
  return writeCsv(ISSUE_COLUMNS, model.issues, out);
}

/** updates.csv: every update up to the date, oldest first, streamed. */
export function writeUpdatesCsv(model: ExportModel, out: Writable): Promise<void> {
  return writeCsv(HISTORY_COLUMNS, historyEntries(model.history(), issuesById(model)), out);
}
