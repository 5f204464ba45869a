import { configure, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderApp } from "../fixtures/app";
import { createAccount, createTestDb } from "../fixtures/db";

configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 20_000 });

async function adminApp(route: string) {
  const db = await createTestDb();
  const admin = await createAccount(db, {
    username: "sekda",
    role: "admin",
    displayName: "Bagian Organisasi",
  });
  const rendered = await renderApp(route, { db, user: admin });
  return { ...rendered, admin };
}

/** The row of the accounts table that starts with `username`. */
function accountRow(username: string) {
  const table = screen.getByRole("table");
  const header = within(table).getByRole("rowheader", { name: new RegExp(`^${username}\\b`) });
  const row = header.closest("tr");
  if (!row) throw new Error(`no row for ${username}`);
  return row;
}

describe("Admin: accounts", () => {
  it("creates an OPD account: the agency is required, a common password is refused, then it is listed", async () => {
    const { db } = await adminApp("/admin/akun");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Tambah akun" }));

    await user.type(screen.getByRole("textbox", { name: "Nama pengguna" }), "dlh.baru");
    await user.type(screen.getByRole("textbox", { name: "Nama tampilan" }), "Petugas DLH Baru");
    expect(screen.getByRole("combobox", { name: "Peran" })).toHaveValue("opd");
    await user.type(screen.getByLabelText(/^Kata sandi/), "kata-sandi-baru-yang-panjang");
    await user.click(screen.getByRole("button", { name: "Buat akun" }));

    // Checked here with the shared schema before anything is sent.
    const agency = screen.getByRole("combobox", { name: "OPD" });
    expect(agency).toHaveAttribute("aria-invalid", "true");
    expect(agency).toHaveAccessibleDescription(
      expect.stringContaining("Akun OPD harus terikat pada satu OPD."),
    );
    expect(agency).toHaveFocus();
    expect(screen.getByRole("alert")).toHaveTextContent("Periksa kembali isian yang ditandai.");

    // The server refuses a common password, and says so next to the password field.
    await user.selectOptions(agency, "DLH");
    const password = screen.getByLabelText(/^Kata sandi/);
    await user.clear(password);
    await user.type(password, "password123");
    await user.click(screen.getByRole("button", { name: "Buat akun" }));
    await expect.poll(() => password.getAttribute("aria-invalid"), { timeout: 5_000 }).toBe("true");
    expect(password).toHaveAccessibleDescription(
      expect.stringContaining("Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain."),
    );
    expect(agency).not.toHaveAttribute("aria-invalid");
    const refused = await db.selectFrom("users").select("id").where("username", "=", "dlh.baru").execute();
    expect(refused).toEqual([]);

    await user.clear(password);
    await user.type(password, "sampah-jadi-kompos-2026");
    await user.click(screen.getByRole("button", { name: "Buat akun" }));
    expect(await screen.findByText("Akun dlh.baru dibuat.")).toBeInTheDocument();

    await screen.findByRole("rowheader", { name: /^dlh\.baru/ });
    const cells = within(accountRow("dlh.baru")).getAllByRole("cell");
    expect(cells.map((cell) => cell.textContent)).toEqual(
      expect.arrayContaining(["Petugas DLH Baru", "OPD", "DLH", "Aktif"]),
    );
  });

  it("deactivates an account after asking, and can change its mind", async () => {
    const db = await createTestDb();
    const admin = await createAccount(db, { username: "sekda", role: "admin" });
    await createAccount(db, { username: "dlh-staf", role: "opd", agencyCode: "DLH" });
    await renderApp("/admin/akun", { db, user: admin });
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Nonaktifkan akun dlh-staf" }));
    const question = screen.getByRole("group", { name: /^Nonaktifkan akun dlh-staf\?/ });
    // The safe choice has the focus; cancelling changes nothing.
    expect(within(question).getByRole("button", { name: "Batal" })).toHaveFocus();
    await user.click(within(question).getByRole("button", { name: "Batal" }));
    expect(screen.getByRole("button", { name: "Nonaktifkan akun dlh-staf" })).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "Nonaktifkan akun dlh-staf" }));
    await user.click(screen.getByRole("button", { name: "Ya, nonaktifkan" }));

    expect(await screen.findByText("Akun dlh-staf dinonaktifkan.")).toBeInTheDocument();
    await within(accountRow("dlh-staf")).findByText("Nonaktif");
    expect(screen.getByRole("button", { name: "Aktifkan akun dlh-staf" })).toBeInTheDocument();
    const stored = await db
      .selectFrom("users")
      .select("active")
      .where("username", "=", "dlh-staf")
      .executeTakeFirstOrThrow();
    expect(stored.active).toBe(0);
    // The admin's own account offers no way to lock themselves out.
    expect(screen.queryByRole("button", { name: "Nonaktifkan akun sekda" })).not.toBeInTheDocument();
  });

  it("resets a password with a small form", async () => {
    const db = await createTestDb();
    const admin = await createAccount(db, { username: "sekda", role: "admin" });
    await createAccount(db, { username: "dlh-staf", role: "opd", agencyCode: "DLH" });
    await renderApp("/admin/akun", { db, user: admin });
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Atur ulang kata sandi dlh-staf" }));
    const panel = screen.getByRole("region", { name: "Kata sandi baru untuk dlh-staf" });
    await user.type(within(panel).getByLabelText(/^Kata sandi baru/), "pendek");
    await user.click(within(panel).getByRole("button", { name: "Simpan kata sandi baru" }));
    expect(within(panel).getByLabelText(/^Kata sandi baru/)).toHaveAccessibleDescription(
      expect.stringContaining("Kata sandi minimal 8 karakter, tanpa spasi di awal dan akhir."),
    );

    await user.clear(within(panel).getByLabelText(/^Kata sandi baru/));
    await user.type(within(panel).getByLabelText(/^Kata sandi baru/), "kata-sandi-pengganti-2026");
    await user.click(within(panel).getByRole("button", { name: "Simpan kata sandi baru" }));
    expect(
      await within(panel).findByText("Kata sandi dlh-staf diganti. Sesinya telah diakhiri."),
    ).toBeInTheDocument();
  });

  it("edits an account's display name and role", async () => {
    const db = await createTestDb();
    const admin = await createAccount(db, { username: "sekda", role: "admin" });
    await createAccount(db, { username: "dlh-staf", role: "opd", agencyCode: "DLH" });
    await renderApp("/admin/akun", { db, user: admin });
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Ubah akun dlh-staf" }));
    const panel = screen.getByRole("region", { name: "Ubah akun dlh-staf" });
    const name = within(panel).getByRole("textbox", { name: "Nama tampilan" });
    await user.clear(name);
    await user.type(name, "Kepala DLH");
    await user.selectOptions(within(panel).getByRole("combobox", { name: "Peran" }), "pimpinan");
    // The agency belongs to OPD accounts only.
    expect(within(panel).queryByRole("combobox", { name: "OPD" })).not.toBeInTheDocument();
    await user.click(within(panel).getByRole("button", { name: "Simpan" }));

    expect(await within(panel).findByText("Akun dlh-staf diperbarui.")).toBeInTheDocument();
    await within(accountRow("dlh-staf")).findByText("Kepala DLH");
    expect(within(accountRow("dlh-staf")).getByText("Pimpinan")).toBeInTheDocument();
  });
});

describe("Admin: who may open it", () => {
  it("shows the Kelola link to an admin", async () => {
    await adminApp("/");
    const nav = await screen.findByRole("navigation", { name: "Navigasi utama" });
    expect(await within(nav).findByRole("link", { name: "Kelola" })).toHaveAttribute("href", "/admin");
  });

  it.each([
    ["a pimpinan", { username: "walikota", role: "pimpinan" as const }],
    ["an OPD officer", { username: "dlh-staf", role: "opd" as const, agencyCode: "DLH" }],
  ])("tells %s the page is for admins only, with no Kelola link", async (_who, account) => {
    const db = await createTestDb();
    const someone = await createAccount(db, account);
    await renderApp("/admin/akun", { db, user: someone });

    expect(await screen.findByText("Halaman ini khusus admin.")).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Navigasi utama" });
    expect(within(nav).getByRole("link", { name: "Penghargaan" })).toBeInTheDocument();
    expect(within(nav).queryByRole("link", { name: "Kelola" })).not.toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });
});
