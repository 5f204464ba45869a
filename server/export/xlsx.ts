import { once } from "node:events";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { id as t } from "../../shared/messages/id";
import {
  AWARD_COLUMNS,
  awardEntries,
  type CellValue,
  type Column,
  type ColumnKind,
  DIRECTION_COLUMNS,
  HISTORY_COLUMNS,
  historyEntries,
  ISSUE_COLUMNS,
} from "./columns";
import { type ExportModel, issuesById } from "./model";

/** Number formats as Excel stores them (it shows them in the reader's own locale). */
const NUMBER_FORMAT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: "0",
  number: "#,##0.##",
  percent: "0.0%",
  rupiah: '"Rp"#,##0',
  date: "dd/mm/yyyy",
  datetime: "dd/mm/yyyy hh:mm",
};
const MONTH_FORMAT = "mm/yyyy";
const WIB_OFFSET_MS = 7 * 3_600_000;

/** Excel keeps wall-clock times with no zone: a date or WIB time as the UTC fields of a Date. */
function excelCell(kind: ColumnKind, value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === "number") return kind === "percent" ? value / 100 : value;
  if (kind === "date" || kind === "datetime") {
    if (/^\d{4}-\d{2}$/.test(value)) return new Date(`${value}-01T00:00:00Z`);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
    return new Date(Date.parse(value) + WIB_OFFSET_MS);
  }
  return value;
}

/** A sheet of the workbook: its name, its columns and its rows (streamed for the history). */
interface Sheet<T> {
  name: string;
  columns: readonly Column<T>[];
  rows: (model: ExportModel) => Iterable<T> | AsyncIterable<T>;
}

function sheet<T>(s: Sheet<T>): Sheet<unknown> {
  return s as Sheet<unknown>;
}

/**
 * The workbook's sheets in order: "Ringkasan" first, then the history, the arahan and the
 * awards. A sheet for another record is one more entry here.
 */
const SHEETS: Sheet<unknown>[] = [
  sheet({ name: t.export.sheets.summary, columns: ISSUE_COLUMNS, rows: (m) => m.issues }),
  sheet({
    name: t.export.sheets.history,
    columns: HISTORY_COLUMNS,
    rows: (m) => historyEntries(m.history(), issuesById(m)),
  }),
  sheet({ name: t.export.sheets.directions, columns: DIRECTION_COLUMNS, rows: (m) => m.directions }),
  sheet({ name: t.export.sheets.awards, columns: AWARD_COLUMNS, rows: (m) => awardEntries(m.awards) }),
];

/** Rows between checks on the zip: the writer waits while it (and the reader behind it) catch up. */
const DRAIN_EVERY = 200;

/** The pipe from a sheet's buffer into the zip: a PassThrough of readable-stream 2, without `writableNeedDrain`. */
interface ZipPipe {
  _writableState?: { needDrain: boolean };
  once(event: "drain", listener: () => void): unknown;
}

/**
 * exceljs writes a sheet's rows into a buffer that feeds the zip without waiting for it, so a
 * long history would pile up in memory whenever compressing or the download is slower than
 * reading the database. The zip takes that buffer through a pipe: wait until the pipe has passed
 * on what it holds, and until the download has taken what the zip has written.
 */
async function caughtUp(worksheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  const buffer = (worksheet as unknown as { stream?: { pipes?: ZipPipe[] } }).stream;
  for (const pipe of buffer?.pipes ?? []) {
    if (pipe._writableState?.needDrain) await new Promise<void>((resolve) => pipe.once("drain", resolve));
  }
  if (out.writableNeedDrain) await once(out, "drain");
}

async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: Sheet<unknown>,
  model: ExportModel,
  out: Writable,
) {
  const worksheet = workbook.addWorksheet(spec.name, {
    views: [{ state: "frozen", ySplit: 1, xSplit: 0 }],
  });
  worksheet.columns = spec.columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: NUMBER_FORMAT[c.kind] === undefined ? {} : { numFmt: NUMBER_FORMAT[c.kind] },
  }));
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "top", wrapText: true };
  header.commit();

  let count = 0;
  for await (const item of spec.rows(model)) {
    const row = worksheet.addRow(spec.columns.map((c) => excelCell(c.kind, c.value(item))));
    spec.columns.forEach((c, i) => {
      const raw = c.value(item);
      if (
        (c.kind === "date" || c.kind === "datetime") &&
        typeof raw === "string" &&
        /^\d{4}-\d{2}$/.test(raw)
      ) {
        row.getCell(i + 1).numFmt = MONTH_FORMAT;
      }
    });
    row.commit();
    count += 1;
    if (count % DRAIN_EVERY === 0) await caughtUp(worksheet, out);
  }
  worksheet.commit();
}

/** pantau.xlsx: "Ringkasan", "Riwayat" and "Penghargaan", rows streamed so memory stays flat. */
export async function writeWorkbook(model: ExportModel, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = t.appName;
  workbook.title = `${t.export.reportTitle}: ${t.export.asOfLine(model.date)}`;
  workbook.created = new Date(model.generatedAt);
  for (const spec of SHEETS) await writeSheet(workbook, spec, model, out);
  await workbook.commit();
}
