import { configure, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderApp } from "../fixtures/app";
import { createAccount, createTestDb } from "../fixtures/db";

configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 20_000 });

async function agenciesPage() {
  const db = await createTestDb();
  const admin = await createAccount(db, { username: "sekda", role: "admin" });
  await renderApp("/admin/opd", { db, user: admin });
  return db;
}

async function agencyCount(db: Awaited<ReturnType<typeof createTestDb>>) {
  const rows = await db.selectFrom("agencies").select("id").execute();
  return rows.length;
}

describe("Admin: agencies", () => {
  it("lists agencies with their kind in words", async () => {
    await agenciesPage();
    const header = await screen.findByRole("rowheader", { name: "DLH" });
    const row = header.closest("tr") as HTMLElement;
    expect(within(row).getByText("Dinas")).toBeInTheDocument();
  });

  it("refuses a code already taken in another case, next to the code field", async () => {
    const db = await agenciesPage();
    const before = await agencyCount(db);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Tambah instansi" }));
    const panel = screen.getByRole("region", { name: "Instansi baru" });

    await user.type(within(panel).getByRole("textbox", { name: "Kode" }), "dlh");
    await user.type(within(panel).getByRole("textbox", { name: "Nama lengkap" }), "Dinas Lain Hal");
    await user.click(within(panel).getByRole("button", { name: "Simpan instansi" }));

    const code = within(panel).getByRole("textbox", { name: "Kode" });
    await expect.poll(() => code.getAttribute("aria-invalid"), { timeout: 5_000 }).toBe("true");
    expect(code).toHaveAccessibleDescription(
      expect.stringContaining("Kode ini sudah dipakai instansi lain."),
    );
    expect(code).toHaveFocus();
    expect(await agencyCount(db)).toBe(before);
  });

  it("adds an agency and edits it", async () => {
    const db = await agenciesPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Tambah instansi" }));
    const panel = screen.getByRole("region", { name: "Instansi baru" });
    await user.type(within(panel).getByRole("textbox", { name: "Kode" }), "Baznas");
    await user.type(
      within(panel).getByRole("textbox", { name: "Nama lengkap" }),
      "Badan Amil Zakat Nasional",
    );
    await user.selectOptions(within(panel).getByRole("combobox", { name: "Jenis" }), "lainnya");
    await user.click(within(panel).getByRole("button", { name: "Simpan instansi" }));
    expect(await within(panel).findByText("Instansi Baznas ditambahkan.")).toBeInTheDocument();

    await screen.findByRole("rowheader", { name: "Baznas" });
    await user.click(screen.getByRole("button", { name: "Ubah instansi Baznas" }));
    const edit = screen.getByRole("region", { name: "Ubah instansi Baznas" });
    const name = within(edit).getByRole("textbox", { name: "Nama lengkap" });
    await user.clear(name);
    await user.type(name, "BAZNAS Kota Malang");
    await user.click(within(edit).getByRole("button", { name: "Simpan" }));
    expect(await within(edit).findByText("Instansi Baznas diperbarui.")).toBeInTheDocument();
    expect(await screen.findByRole("cell", { name: "BAZNAS Kota Malang" })).toBeInTheDocument();
    const stored = await db
      .selectFrom("agencies")
      .select(["name", "kind"])
      .where("code", "=", "Baznas")
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ name: "BAZNAS Kota Malang", kind: "lainnya" });
  });
});
