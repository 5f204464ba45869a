import { configure, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { recordAudit } from "../../server/repositories/audit";
import { renderApp } from "../fixtures/app";
import { callerAs, createAccount, createTestDb } from "../fixtures/db";
import { spokenText } from "../fixtures/text";

configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 30_000 });

/** An admin who has created an account, renamed it, added an agency and an award event. */
async function auditedWorld() {
  const db = await createTestDb();
  const admin = await createAccount(db, { username: "sekda", role: "admin" });
  const asAdmin = callerAs(db, admin);
  const account = await asAdmin.users.create({
    username: "dlh.baru",
    displayName: "Petugas Baru",
    role: "opd",
    agencyCode: "DLH",
    password: "sampah-jadi-kompos-2026",
  });
  await asAdmin.users.update({ id: account.id, displayName: "Petugas DLH" });
  await asAdmin.agencies.create({ code: "Baznas", name: "Badan Amil Zakat Nasional", kind: "lainnya" });
  await asAdmin.awards.createEvent({
    name: "Anugerah Uji Coba 2026",
    organiser: "Kementerian Uji",
    level: "nasional",
    eventDate: "2026-11-20",
    place: "Jakarta",
  });
  return { db, admin };
}

/** The audit table's rows, each as its cells read aloud. */
function auditRows() {
  const table = screen.getByRole("table");
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell").map(spokenText));
}

describe("Admin: audit trail", () => {
  it("lists the admin's actions newest first, each change readable", async () => {
    const { db, admin } = await auditedWorld();
    await renderApp("/admin/audit", { db, user: admin });
    await screen.findByRole("table");

    const rows = auditRows();
    expect(rows.map(([, who, action, object]) => [who, action, object])).toEqual([
      ["sekda", "Ajang penghargaan ditambahkan", "Ajang Anugerah Uji Coba 2026"],
      ["sekda", "Instansi ditambahkan", "Instansi Baznas"],
      ["sekda", "Akun diubah", "Akun dlh.baru"],
      ["sekda", "Akun dibuat", "Akun dlh.baru"],
    ]);
    // Times in WIB; the detail of a change as "field: before → after".
    expect(rows[0]?.[0]).toMatch(/WIB$/);
    expect(rows[2]?.[4]).toBe("Nama tampilan: Petugas Baru menjadi Petugas DLH");
    const created = screen.getAllByRole("row")[2] as HTMLElement;
    const createdDetail = within(created).getAllByRole("cell")[4] as HTMLElement;
    expect(createdDetail).toHaveTextContent(/^Dibuat:/);
    expect(within(createdDetail).getAllByRole("listitem").map(spokenText)).toEqual([
      "Kode: Baznas",
      "Nama: Badan Amil Zakat Nasional",
      "Jenis: Pihak lain",
    ]);
    // Never a password.
    expect(rows[3]?.[4]).not.toContain("sampah-jadi-kompos-2026");
  });

  it("filters by action", async () => {
    const { db, admin } = await auditedWorld();
    await renderApp("/admin/audit", { db, user: admin });
    await screen.findByRole("table");
    const user = userEvent.setup();

    await user.selectOptions(screen.getByRole("combobox", { name: "Jenis tindakan" }), "Akun dibuat");
    await vi.waitFor(() => expect(auditRows()).toHaveLength(1));
    expect(auditRows()[0]?.[2]).toBe("Akun dibuat");
    expect(screen.getByTestId("location")).toHaveTextContent("/admin/audit?tindakan=users.create");

    await user.selectOptions(screen.getByRole("combobox", { name: "Jenis tindakan" }), "Pendanaan dihapus");
    expect(await screen.findByText("Tidak ada catatan untuk tindakan ini.")).toBeInTheDocument();
  });

  it("loads older rows a page at a time", async () => {
    const db = await createTestDb();
    const admin = await createAccount(db, { username: "sekda", role: "admin" });
    for (let n = 1; n <= 60; n++) {
      await recordAudit(db, {
        action: "agencies.update",
        actor: { id: admin.id, username: admin.username },
        entityType: "agency",
        entityId: 1,
        detail: { before: { name: `Nama ${n - 1}` }, after: { name: `Nama ${n}` } },
      });
    }
    await renderApp("/admin/audit", { db, user: admin });
    await screen.findByRole("table");
    expect(auditRows()).toHaveLength(50);
    expect(auditRows()[0]?.[4]).toBe("Nama: Nama 59 menjadi Nama 60");

    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Muat lebih banyak" }));
    await vi.waitFor(() => expect(auditRows()).toHaveLength(60));
    expect(auditRows()[59]?.[4]).toBe("Nama: Nama 0 menjadi Nama 1");
    expect(screen.getByText(/Semua catatan sudah ditampilkan\./)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Muat lebih banyak" })).not.toBeInTheDocument();
  });

  it("names the fields of an update as the form names them, never by their code names", async () => {
    const db = await createTestDb();
    const admin = await createAccount(db, { username: "sekda", role: "admin" });
    await recordAudit(db, {
      action: "updates.create",
      actor: { id: admin.id, username: "dlh.petugas" },
      entityType: "issue",
      entityId: 3,
      detail: {
        issueNumber: 3,
        updateId: 99,
        version: 4,
        stage: "penanganan",
        fields: ["stage", "health", "physicalProgress", "note", "sourceUrl", "attachmentIds"],
      },
    });
    await renderApp("/admin/audit", { db, user: admin });
    await screen.findByRole("table");
    const detail = auditRows()[0]?.[4] ?? "";
    expect(detail).toContain("Tahap: Penanganan / Pelaksanaan");
    expect(detail).toContain("Isian: Tahap; Kondisi; Progres fisik; Catatan; Tautan sumber; Lampiran");
    expect(detail).not.toMatch(/physicalProgress|attachmentIds|sourceUrl/);
  });
});
