import { configure, fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderApp } from "../fixtures/app";
import { createAccount, createTestDb } from "../fixtures/db";

configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 30_000 });

async function awardsScreen() {
  const db = await createTestDb();
  const admin = await createAccount(db, { username: "sekda", role: "admin" });
  await renderApp("/admin/penghargaan", { db, user: admin });
  await screen.findByRole("button", { name: "Tambah ajang" });
  return db;
}

/** A date field: typed as a whole, as a date picker sets it. */
function setDate(field: HTMLElement, value: string) {
  fireEvent.change(field, { target: { value } });
}

describe("Admin: awards", () => {
  it("creates an award event, then a result for it", async () => {
    const db = await awardsScreen();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Tambah ajang" }));
    const panel = screen.getByRole("region", { name: "Ajang baru" });

    await user.type(within(panel).getByRole("textbox", { name: "Nama ajang" }), "Anugerah Uji Coba 2026");
    await user.type(within(panel).getByRole("textbox", { name: "Penyelenggara" }), "Kementerian Uji");
    await user.selectOptions(within(panel).getByRole("combobox", { name: "Tingkat" }), "Provinsi");
    await user.type(within(panel).getByRole("textbox", { name: "Tempat" }), "Surabaya");
    setDate(within(panel).getByLabelText(/^Tanggal ajang/), "2026-11-20");
    setDate(within(panel).getByLabelText(/^Diserahkan pada apel/), "2026-11-10");
    await user.click(within(panel).getByRole("button", { name: "Simpan ajang" }));
    // Checked with the shared schema: handed over before the event took place.
    expect(within(panel).getByLabelText(/^Diserahkan pada apel/)).toHaveAccessibleDescription(
      expect.stringContaining("Tanggal penyerahan tidak boleh sebelum tanggal ajang."),
    );

    setDate(within(panel).getByLabelText(/^Diserahkan pada apel/), "2026-11-23");
    await user.click(within(panel).getByRole("button", { name: "Simpan ajang" }));
    expect(await within(panel).findByText("Ajang “Anugerah Uji Coba 2026” ditambahkan.")).toBeInTheDocument();

    const event = await screen.findByRole("article", { name: "Anugerah Uji Coba 2026" });
    expect(within(event).getByText("Belum ada hasil untuk ajang ini.")).toBeInTheDocument();
    await user.click(within(event).getByRole("button", { name: "Tambah hasil" }));
    const resultPanel = within(event).getByRole("region", {
      name: "Hasil baru untuk Anugerah Uji Coba 2026",
    });
    await user.type(within(resultPanel).getByRole("textbox", { name: "Kategori" }), "Pengelolaan sampah");
    await user.type(within(resultPanel).getByRole("textbox", { name: "Predikat atau peringkat" }), "Juara I");
    const agency = within(resultPanel).getByRole("combobox", { name: "Diraih oleh" });
    await user.selectOptions(agency, within(agency).getByRole("option", { name: /^DLH ·/ }));
    await user.click(within(resultPanel).getByRole("button", { name: "Simpan hasil" }));
    expect(await within(resultPanel).findByText("Hasil “Juara I” ditambahkan.")).toBeInTheDocument();

    const results = await within(event).findByRole("list");
    await within(results).findByText("Juara I");
    expect(within(results).getByRole("listitem")).toHaveTextContent(/Juara I · Pengelolaan sampah · DLH/);

    const stored = await db
      .selectFrom("award_events as e")
      .innerJoin("award_results as r", "r.event_id", "e.id")
      .select(["e.level", "e.event_date", "e.handed_over_on", "r.predicate"])
      .where("e.name", "=", "Anugerah Uji Coba 2026")
      .execute();
    expect(stored).toEqual([
      { level: "provinsi", event_date: "2026-11-20", handed_over_on: "2026-11-23", predicate: "Juara I" },
    ]);

    // Both changes are in the audit trail, the newest first.
    await user.click(screen.getByRole("link", { name: "Jejak audit" }));
    const table = await screen.findByRole("table");
    const actions = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => within(row).getAllByRole("cell")[2]?.textContent);
    expect(actions).toEqual(["Hasil penghargaan ditambahkan", "Ajang penghargaan ditambahkan"]);
  });

  it("removes an event with its results only once confirmed", async () => {
    const db = await awardsScreen();
    const user = userEvent.setup();
    const [first] = await screen.findAllByRole("article");
    if (!first) throw new Error("no award events");
    const name = within(first).getByRole("heading", { level: 2 }).textContent ?? "";

    await user.click(within(first).getByRole("button", { name: `Hapus ajang ${name}` }));
    const question = within(first).getByRole("group", {
      name: (label) => label.startsWith(`Hapus ajang “${name}”`),
    });
    expect(await db.selectFrom("award_events").select("id").where("name", "=", name).execute()).toHaveLength(
      1,
    );
    await user.click(within(question).getByRole("button", { name: "Ya, hapus" }));

    expect(await screen.findByText(`Ajang “${name}” dihapus.`)).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.queryByRole("article", { name })).not.toBeInTheDocument());
    const left = await db.selectFrom("award_events").select("id").where("name", "=", name).execute();
    expect(left).toEqual([]);
  });
});
