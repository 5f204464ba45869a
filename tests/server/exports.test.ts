import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExportModel } from "../../server/export/model";
import { WHATSAPP_LIMIT, whatsappText } from "../../server/export/whatsapp";
import { writeWorkbook } from "../../server/export/xlsx";
import type { HistoryRow } from "../../server/repositories/updates";
import { callerFor, createAccount, createTestDb, TEST_NOW } from "../fixtures/db";
import { addNote, pdfPages, readCsv, readWorkbook } from "../fixtures/exports";
import { rowCounts, signIn, startServer, type TestServer } from "../fixtures/http";

const TITLES = [
  "Revitalisasi Pasar Besar",
  "Porprov Jatim 2025",
  "Pembangunan / rehabilitasi TPS",
  "Banjir kawasan Soekarno-Hatta",
  "Lahan parkir Kayutangan Heritage",
  "Pengembangan MCC dan usaha mikro",
  "Rehabilitasi gedung SD/SMP",
  "Bantuan sosial terpadu",
  "Realisasi anggaran",
  "Optimalisasi PBB",
  "Revitalisasi Alun-Alun Merdeka",
];
const DIRECTION = "Percepat serah terima keenam TPS sebelum akhir tahun.";
const TRICKY_NOTE = '=HYPERLINK("http://contoh.invalid","klik"), lalu "kutip"\nbaris kedua';

let app: TestServer;
let cookie: string;

beforeAll(async () => {
  app = await startServer();
  await createAccount(app.db, { username: "sekda", role: "admin" });
  ({ cookie } = await signIn(app.base, "sekda"));
  await addNote(app.db, 5, {
    createdAt: "2024-11-20T03:00:00.000Z",
    note: TRICKY_NOTE,
    obstacles: "+62 812 belum menjawab",
    nextSteps: "@camat: rapat; -lanjut",
  });
  // An arahan of the apel of 11 Nov 2024 for DLH on #3, due four days later: overdue on the 18th.
  const dlh = await app.db
    .selectFrom("agencies")
    .select("id")
    .where("code", "=", "DLH")
    .executeTakeFirstOrThrow();
  const tps = await app.db
    .selectFrom("issues")
    .select("id")
    .where("number", "=", 3)
    .executeTakeFirstOrThrow();
  await app.db
    .insertInto("directions")
    .values({
      given_on: "2024-11-11",
      apel_on: "2024-11-11",
      text: DIRECTION,
      agency_id: dlh.id,
      issue_id: tps.id,
      due_date: "2024-11-15",
      closing_note: null,
      closed_by: null,
      closed_at: null,
      created_by: null,
    })
    .execute();
});

afterAll(() => app.close());

function download(path: string, headers: Record<string, string> = { Cookie: cookie }) {
  return fetch(`${app.base}${path}`, { headers });
}

async function bytesOf(path: string): Promise<{ response: Response; bytes: Buffer }> {
  const response = await download(path);
  expect(
    response.status,
    await response
      .clone()
      .text()
      .then((t) => t.slice(0, 200)),
  ).toBe(200);
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe("export downloads", () => {
  it("are for signed-in users only", async () => {
    const response = await download("/export/issues.csv", {});
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { message: "Masuk terlebih dahulu untuk mengunduh ekspor." },
    });
  });

  it("refuse an impossible date, an unknown agency and an unknown format with a clear 400", async () => {
    const badDate = await download("/export/issues.csv?asOf=2024-02-30");
    expect(badDate.status).toBe(400);
    expect(((await badDate.json()) as { error: { message: string } }).error.message).toMatch(/Tanggal/);

    const badAgency = await download("/export/pantau.xlsx?agency=XYZ");
    expect(badAgency.status).toBe(400);
    expect(await badAgency.json()).toEqual({ error: { message: 'Tidak ada OPD dengan kode "XYZ".' } });

    const badFormat = await download("/export/pantau.docx");
    expect(badFormat.status).toBe(400);
    expect(((await badFormat.json()) as { error: { message: string } }).error.message).toMatch(
      /Format "pantau.docx" tidak dikenal/,
    );
  });

  it("issues.csv as of 18 Nov 2024: BOM, Indonesian headers, exactly #3, #4 and #7 in penanganan", async () => {
    const { response, bytes } = await bytesOf("/export/issues.csv?asOf=2024-11-18");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="pantau-isu-2024-11-18.csv"',
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { bom, rows } = readCsv(bytes);
    expect(bom).toBe(true);
    expect(rows.map((r) => r["Isu prioritas"])).toEqual(TITLES);
    expect(rows.filter((r) => r.Tahap === "Penanganan / Pelaksanaan").map((r) => r["No."])).toEqual([
      "3",
      "4",
      "7",
    ]);
    // The indicator issues carry their basis, the stage estimates theirs, as on the dashboard.
    expect(rows.find((r) => r["No."] === "10")?.["Dasar progres"]).toBe("capaian indikator");
    expect(rows.find((r) => r["No."] === "4")?.["Dasar progres"]).toBe("perkiraan");
  });

  it("updates.csv quotes commas, quotes and newlines, and defuses cells that would be formulas", async () => {
    const { bytes } = await bytesOf("/export/updates.csv");
    const { rows } = readCsv(bytes);
    const tricky = rows.find((r) => r.Catatan?.includes("HYPERLINK"));
    expect(tricky?.Catatan).toBe(`'${TRICKY_NOTE}`);
    expect(tricky?.Kendala).toBe("'+62 812 belum menjawab");
    expect(tricky?.["Rencana tindak lanjut"]).toBe("'@camat: rapat; -lanjut");
    expect(tricky?.["Waktu (WIB)"]).toBe("2024-11-20 10:00");
    const total = await app.db
      .selectFrom("issue_updates")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(rows).toHaveLength(Number(total.n));

    // As of a date, the history stops there.
    const { rows: before } = readCsv((await bytesOf("/export/updates.csv?asOf=2024-11-18")).bytes);
    expect(before.length).toBeLessThan(rows.length);
    expect(before.every((r) => (r["Waktu (WIB)"] ?? "") <= "2024-11-18 23:59")).toBe(true);
  });

  it("an agency, typed in any case, narrows the export to the issues it is responsible for", async () => {
    const { response, bytes } = await bytesOf("/export/issues.csv?asOf=2024-11-18&agency=dlh");
    expect(response.headers.get("content-disposition")).toContain("pantau-isu-dlh-2024-11-18.csv");
    const numbers = readCsv(bytes).rows.map((r) => r["No."]);
    expect(numbers).toContain("3");
    expect(numbers).toContain("11");
    expect(numbers).not.toContain("4");
  });

  it("pantau.xlsx opens in exceljs with its sheets in order, real number formats and every row", async () => {
    const { response, bytes } = await bytesOf("/export/pantau.xlsx?asOf=2024-11-18");
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="pantau-2024-11-18.xlsx"');
    const workbook = await readWorkbook(bytes);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Ringkasan", "Riwayat", "Arahan", "Penghargaan"]);

    const summary = workbook.getWorksheet("Ringkasan");
    if (summary === undefined) throw new Error("no Ringkasan sheet");
    expect(summary.rowCount).toBe(12);
    expect(summary?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(summary?.autoFilter).toBeTruthy();
    const header = (summary.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const tps = summary?.getRow(4);
    expect(tps?.getCell(col("Isu prioritas")).value).toBe("Pembangunan / rehabilitasi TPS");
    expect(tps?.getCell(col("Progres (%)")).value).toBeCloseTo(0.6);
    expect(tps?.getCell(col("Progres (%)")).numFmt).toBe("0.0%");
    expect(tps?.getCell(col("Tahap")).value).toBe("Penanganan / Pelaksanaan");
    expect(tps?.getCell(col("Pembaruan terakhir")).value).toBeInstanceOf(Date);
    const pasar = summary?.getRow(2);
    expect(typeof pasar?.getCell(col("Pagu (Rp)")).value).toBe("number");
    expect(pasar?.getCell(col("Pagu (Rp)")).numFmt).toBe('"Rp"#,##0');

    const updatesByThen = await app.db
      .selectFrom("issue_updates")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("created_at", "<=", "2024-11-18T16:59:59.999Z")
      .executeTakeFirstOrThrow();
    expect(workbook.getWorksheet("Riwayat")?.rowCount).toBe(Number(updatesByThen.n) + 1);
    // The six events of 18 Nov 2024 with their eight results.
    expect(workbook.getWorksheet("Penghargaan")?.rowCount).toBe(9);
    // The arahan given at the apel of 11 Nov, overdue by the 18th.
    const directions = workbook.getWorksheet("Arahan");
    if (directions === undefined) throw new Error("no Arahan sheet");
    expect(directions.rowCount).toBe(2);
    const arahan = (directions.getRow(2).values as unknown[]).slice(1);
    expect(arahan).toContain(DIRECTION);
    expect(arahan).toContain("Lewat tenggat");
    expect(arahan).toContain("DLH");
  });

  it("keeps a formula-like note as text in the spreadsheet", async () => {
    const workbook = await readWorkbook((await bytesOf("/export/pantau.xlsx")).bytes);
    const history = workbook.getWorksheet("Riwayat");
    const texts: unknown[] = [];
    history?.eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
    expect(texts).toContain(TRICKY_NOTE);
  });

  it("laporan.pdf has real text: the letterhead, the date in words, every issue and page numbers", async () => {
    const { response, bytes } = await bytesOf("/export/laporan.pdf?asOf=2024-11-18");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="laporan-pantau-2024-11-18.pdf"',
    );
    const pages = await pdfPages(bytes);
    const text = pages.join(" ");
    expect(text).toContain("PEMERINTAH KOTA MALANG");
    expect(text).toContain("SEKRETARIAT DAERAH");
    expect(text).toContain("Keadaan per 18 November 2024");
    expect(text).toContain("3 dari 11 isu telah memasuki tahap penanganan atau selesai.");
    for (const title of TITLES) expect(text).toContain(title);
    expect(pages[0]).toContain(`Halaman 1 dari ${pages.length}`);
    expect(pages.at(-1)).toContain(`Halaman ${pages.length} dari ${pages.length}`);
    expect(text).toContain("Dibuat 27 Nov 2026, 09.00 WIB");
    expect(text).toContain("Arahan terbuka");
    expect(text).toContain(DIRECTION);
  });

  it("whatsapp.txt is one message with one line per issue", async () => {
    const { response, bytes } = await bytesOf("/export/whatsapp.txt?asOf=2024-11-18");
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const text = bytes.toString("utf8");
    expect(text.length).toBeLessThanOrEqual(WHATSAPP_LIMIT);
    expect(text.split("\n")[0]).toBe("*Progres Isu Prioritas Kota Malang per 18 November 2024*");
    for (const [i, title] of TITLES.entries()) {
      expect(text.split("\n").filter((l) => l.startsWith(`- *${i + 1}. ${title}*`))).toHaveLength(1);
    }
  });

  it("never writes: every table keeps its rows", async () => {
    const before = await rowCounts(app.db);
    for (const file of ["issues.csv", "updates.csv", "pantau.xlsx", "laporan.pdf", "whatsapp.txt"]) {
      await bytesOf(`/export/${file}?asOf=2024-11-18`);
    }
    expect(await rowCounts(app.db)).toEqual(before);
  });
});

describe("the export model", () => {
  it("lists the same issues needing attention, in the same order, as the dashboard", async () => {
    const db = await createTestDb();
    for (const asOf of ["2024-11-18", undefined]) {
      const summary = await callerFor(db).dashboard.summary(asOf === undefined ? undefined : { asOf });
      const model = await loadExportModel({ db, query: { asOf }, now: TEST_NOW, staleAfterDays: 7 });
      expect(model.attention.map((i) => [i.number, i.reasons])).toEqual(
        summary.attention.map((i) => [i.number, i.reasons]),
      );
      expect(model.totals.meanProgress).toBe(summary.meanProgress);
    }
    await db.destroy();
  });

  it("pantau.xlsx waits for a reader that has not read yet, instead of holding the history in memory", async () => {
    const db = await createTestDb();
    const model = await loadExportModel({ db, query: {}, now: TEST_NOW, staleAfterDays: 7 });
    const first = await model.history().next();
    const template = first.value as HistoryRow;
    const total = 20_000;
    let produced = 0;
    const long = {
      ...model,
      history: async function* () {
        for (let i = 0; i < total; i++) {
          produced += 1;
          yield { ...template, id: i + 1, note: `Catatan ${i}: ${"pekerjaan berlanjut ".repeat(10)}` };
        }
      },
    };
    const out = new PassThrough();
    const written = writeWorkbook(long, out);
    // Wait until the writer stands still (it would stand still at the end without backpressure).
    let seen = -1;
    while (seen !== produced) {
      seen = produced;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(produced).toBeLessThan(total / 2);

    const [bytes] = await Promise.all([buffer(out), written]);
    const workbook = await readWorkbook(bytes);
    expect(workbook.getWorksheet("Riwayat")?.rowCount).toBe(total + 1);
    await db.destroy();
  });

  it("keeps the WhatsApp text within one message however long the notes are", async () => {
    const db = await createTestDb();
    for (let number = 1; number <= 11; number += 1) {
      await addNote(db, number, {
        createdAt: "2026-11-26T03:00:00.000Z",
        note: `Catatan panjang ${"kata ".repeat(2000)}`,
      });
    }
    const model = await loadExportModel({ db, query: {}, now: TEST_NOW, staleAfterDays: 7 });
    const text = whatsappText(model);
    expect(text.length).toBeLessThanOrEqual(WHATSAPP_LIMIT);
    expect(text).toContain("Catatan panjang kata");
    expect(text.split("\n").filter((l) => /^- \*\d+\. /.test(l))).toHaveLength(11);
    await db.destroy();
  });
});
