import { configure, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { formatRupiah } from "../../shared/format";
import { renderApp } from "../fixtures/app";
import { createAccount, createTestDb } from "../fixtures/db";

configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
  // The dashboard's charts are a lazy chunk; load it once so its Suspense resolves quickly.
  await import("../../client/components/charts/DashboardCharts");
});

/** The admin issue screen for issue #3 (TPS, led by DLH, funded through the CSR forum). */
async function issueScreen() {
  const db = await createTestDb();
  const admin = await createAccount(db, { username: "sekda", role: "admin" });
  await renderApp("/admin/isu?isu=3", { db, user: admin });
  await screen.findByRole("textbox", { name: "Judul" });
  return db;
}

function option(select: HTMLElement, name: string | RegExp) {
  return within(select).getByRole("option", { name }) as HTMLOptionElement;
}

describe("Admin: issue details", () => {
  it("edits an issue's title, which the issue list then shows", async () => {
    await issueScreen();
    const user = userEvent.setup();
    const details = screen.getByRole("region", { name: "Uraian isu" });
    const title = within(details).getByRole("textbox", { name: "Judul" });
    expect(title).toHaveValue("Pembangunan / rehabilitasi TPS");

    await user.clear(title);
    await user.click(within(details).getByRole("button", { name: "Simpan uraian" }));
    expect(title).toHaveAttribute("aria-invalid", "true");
    expect(title).toHaveAccessibleDescription(expect.stringContaining("Judul isu wajib diisi."));

    await user.type(title, "Rehabilitasi enam TPS");
    await user.click(within(details).getByRole("button", { name: "Simpan uraian" }));
    expect(await within(details).findByText("Uraian isu tersimpan.")).toBeInTheDocument();
    expect(title).not.toHaveAttribute("aria-invalid");

    // The picker is an issue list too, and it was refreshed.
    const picker = screen.getByRole("combobox", { name: "Pilih isu" });
    await vi.waitFor(() => expect(option(picker, "#3 Rehabilitasi enam TPS")).toBeInTheDocument());

    await user.click(screen.getByRole("link", { name: "Dasbor" }));
    const table = await screen.findByRole("table");
    expect(await within(table).findByRole("link", { name: /Rehabilitasi enam TPS/ })).toBeInTheDocument();
    expect(within(table).queryByText("Pembangunan / rehabilitasi TPS")).not.toBeInTheDocument();
  });

  it("adds a funding line, previewing and then listing the amount in Rupiah", async () => {
    const db = await issueScreen();
    const user = userEvent.setup();
    const funding = screen.getByRole("region", { name: "Pendanaan" });
    await user.click(within(funding).getByRole("button", { name: "Tambah pendanaan" }));
    const panel = within(funding).getByRole("region", { name: "Pendanaan baru" });

    await user.selectOptions(within(panel).getByRole("combobox", { name: "Sumber dana" }), "APBD Provinsi");
    await user.type(within(panel).getByRole("textbox", { name: "Keterangan" }), "Bantuan keuangan provinsi");
    const planned = within(panel).getByRole("textbox", { name: "Nilai rencana (Rp)" });
    await user.type(planned, "1.500.000,50");
    await user.click(within(panel).getByRole("button", { name: "Simpan pendanaan" }));
    expect(planned).toHaveAccessibleDescription(
      expect.stringContaining("Nilai rencana harus dalam Rupiah utuh, tanpa sen."),
    );

    await user.clear(planned);
    await user.type(planned, "1.500.000");
    expect(planned).toHaveAccessibleDescription(`Terbaca: ${formatRupiah(1_500_000)}`);
    await user.click(within(panel).getByRole("checkbox", { name: "Sudah terkonfirmasi oleh sumber" }));
    // The date it was reported, typed day first whatever the browser's language.
    const reported = within(panel).getByRole("textbox", { name: "Tanggal dilaporkan" });
    expect(reported).toHaveAccessibleDescription(expect.stringContaining("Format HH/BB/TTTT"));
    await user.type(reported, "31/02/2025");
    await user.click(within(panel).getByRole("button", { name: "Simpan pendanaan" }));
    expect(reported).toHaveAttribute("aria-invalid", "true");
    expect(reported).toHaveAccessibleDescription(
      expect.stringContaining("Tanggal tidak terbaca. Tulis HH/BB/TTTT, mis. 18/11/2024."),
    );
    await user.clear(reported);
    await user.type(reported, "18/11/2024");
    await user.click(within(panel).getByRole("button", { name: "Simpan pendanaan" }));
    expect(await within(panel).findByText("Baris pendanaan ditambahkan.")).toBeInTheDocument();

    const description = await within(funding).findByRole("cell", { name: "Bantuan keuangan provinsi" });
    const row = description.closest("tr") as HTMLElement;
    const cells = within(row)
      .getAllByRole("cell")
      .map((cell) => cell.textContent);
    expect(cells).toEqual(expect.arrayContaining(["APBD Provinsi", formatRupiah(1_500_000), "Ya"]));
    expect(formatRupiah(1_500_000)).toMatch(/^Rp\s1\.500\.000$/);

    const stored = await db
      .selectFrom("funding_lines")
      .select(["source", "amount_planned", "amount_realised", "confirmed", "reported_on"])
      .where("description", "=", "Bantuan keuangan provinsi")
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      source: "apbd_provinsi",
      amount_planned: 1_500_000,
      amount_realised: null,
      confirmed: 1,
      reported_on: "2024-11-18",
    });
  });

  it("edits the delivery chain: a new party must be chosen, then the chain is saved", async () => {
    const db = await issueScreen();
    const user = userEvent.setup();
    const chain = screen.getByRole("region", { name: "Rantai pelaksana" });
    expect(within(chain).getAllByRole("group", { name: /^Pihak \d$/ })).toHaveLength(1);

    await user.click(within(chain).getByRole("button", { name: "Tambah pihak" }));
    const added = within(chain).getByRole("group", { name: "Pihak 2" });
    const agency = within(added).getByRole("combobox", { name: "Pihak" });
    expect(agency).toHaveFocus();
    // The lead agency is not offered: it is not part of its own chain.
    expect(within(agency).queryByRole("option", { name: /^DLH ·/ })).not.toBeInTheDocument();

    await user.click(within(chain).getByRole("button", { name: "Simpan rantai pelaksana" }));
    expect(agency).toHaveAccessibleDescription(expect.stringContaining("Pilih pihaknya."));

    // The party already there keeps the date it joined: shown, and saved back as it was.
    const first = within(chain).getByRole("group", { name: "Pihak 1" });
    expect(within(first).getByRole("textbox", { name: "Sejak" })).toHaveValue("18/11/2024");

    await user.selectOptions(agency, option(agency, /^Kec-Sukun ·/));
    await user.type(within(added).getByRole("textbox", { name: "Keterangan" }), "Lokasi TPS");
    await user.type(within(added).getByRole("textbox", { name: "Sejak" }), "2024-12-02");
    await user.click(within(chain).getByRole("button", { name: "Simpan rantai pelaksana" }));
    expect(await within(chain).findByText("Rantai pelaksana tersimpan.")).toBeInTheDocument();

    const stored = await db
      .selectFrom("issue_agencies as ia")
      .innerJoin("agencies as a", "a.id", "ia.agency_id")
      .select(["a.code", "ia.role", "ia.note", "ia.since"])
      .where("ia.issue_id", "=", 3)
      .orderBy("a.code")
      .execute();
    expect(stored).toEqual([
      { code: "Forum-TSP", role: "donor", note: "Penyalur dana CSR", since: "2024-11-18" },
      { code: "Kec-Sukun", role: "pendukung", note: "Lokasi TPS", since: "2024-12-02" },
    ]);
  });
});
