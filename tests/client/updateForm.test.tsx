import { configure, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { IssuePage } from "../../client/pages/IssuePage";
import type { DB } from "../../db/database";
import type { SessionUser } from "../../server/auth/sessions";
import { callerAs, createAccount, createTestDb } from "../fixtures/db";
import { renderWithApp } from "../fixtures/render";
import { spokenText } from "../fixtures/text";

configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 20_000 });

const FORM = "Perbarui isu ini";

/** The DLH staff member, who may update #3 (TPS) and #11 (Alun-Alun), on a fresh database. */
async function dlhStaff() {
  const db = await createTestDb();
  const staff = await createAccount(db, {
    username: "dlh.staf",
    displayName: "Sari DLH",
    role: "opd",
    agencyCode: "DLH",
  });
  return { db, staff };
}

/** The issue page with its (lazily loaded) update form ready. */
async function openForm(db: DB, staff: SessionUser, number = 3) {
  renderWithApp(<IssuePage />, { db, route: `/isu/${number}`, path: "/isu/:number", user: staff });
  const region = await screen.findByRole("region", { name: FORM });
  await within(region).findByLabelText("Uraian kegiatan (wajib)");
  return { user: userEvent.setup(), form: within(region) };
}

function timelineItems() {
  return within(screen.getByRole("region", { name: "Riwayat pembaruan" })).getAllByRole("listitem");
}

async function latestUpdate(db: DB, issueNumber: number) {
  return db
    .selectFrom("issue_updates as u")
    .innerJoin("issues as i", "i.id", "u.issue_id")
    .selectAll("u")
    .where("i.number", "=", issueNumber)
    .orderBy("u.id", "desc")
    .executeTakeFirstOrThrow();
}

async function updateCount(db: DB) {
  const rows = await db.selectFrom("issue_updates").select("id").execute();
  return rows.length;
}

type FetchArgs = Parameters<typeof fetch>;

/** Answers `POST /attachments` with `answer`; every other request goes through as usual. */
function stubUploads(answer: (init: RequestInit | undefined) => Response) {
  const realFetch = globalThis.fetch.bind(globalThis);
  return vi
    .spyOn(globalThis, "fetch")
    .mockImplementation((...[input, init]: FetchArgs) =>
      String(input) === "/attachments" ? Promise.resolve(answer(init)) : realFetch(input, init),
    );
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

describe("The update form on an issue page", () => {
  it("is filled with the issue's current state", async () => {
    const { db, staff } = await dlhStaff();
    const { form } = await openForm(db, staff);
    expect(form.getByLabelText("Tahap")).toHaveDisplayValue("Selesai / Serah terima");
    expect(form.getByLabelText("Kondisi")).toHaveDisplayValue("Sesuai rencana");
    const physical = form.getByLabelText("Progres fisik (%)");
    expect(physical).toHaveValue("100");
    expect(physical).toHaveAttribute("inputmode", "decimal");
    expect(physical).toHaveAccessibleDescription(
      'Tahap Selesai berarti progres fisik 100%, atau "Belum ada angka".',
    );
    expect(form.getByRole("checkbox", { name: "Belum ada angka progres fisik" })).not.toBeChecked();
    expect(form.getByLabelText("Realisasi anggaran (%)")).toHaveValue("");
    const indicator = form.getByLabelText("Capaian indikator (TPS)");
    expect(indicator).toHaveValue("6");
    expect(indicator).toHaveAccessibleDescription("TPS selesai dibangun atau direhabilitasi. Target: 6 TPS.");
    expect(form.getByLabelText("Uraian kegiatan (wajib)")).toHaveValue("");
    expect(form.queryByLabelText(/Alasan tahap mundur/)).not.toBeInTheDocument();
    expect(form.getByLabelText("Lampiran")).toHaveAttribute(
      "accept",
      "image/jpeg,image/png,image/webp,application/pdf",
    );
  });

  it("explains what is wrong next to each field, in Indonesian, and sends nothing", async () => {
    const { db, staff } = await dlhStaff();
    const before = await updateCount(db);
    const { user, form } = await openForm(db, staff);

    const physical = form.getByLabelText("Progres fisik (%)");
    await user.clear(physical);
    await user.type(physical, "120");
    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));

    expect(physical).toHaveAttribute("aria-invalid", "true");
    expect(physical).toHaveAccessibleDescription(
      expect.stringContaining("Progres fisik tidak boleh lebih dari 100%."),
    );
    const note = form.getByLabelText("Uraian kegiatan (wajib)");
    expect(note).toHaveAttribute("aria-invalid", "true");
    expect(note).toHaveAccessibleDescription(expect.stringContaining("Uraian kegiatan wajib diisi."));
    // The first field to fix takes the focus.
    expect(physical).toHaveFocus();
    expect(form.getByRole("alert")).toHaveTextContent("Periksa kembali isian yang ditandai.");
    expect(form.getByLabelText("Kondisi")).not.toHaveAttribute("aria-invalid");
    expect(await updateCount(db)).toBe(before);

    // Each message goes once its field is put right; the summary goes with the last one.
    await user.clear(physical);
    await user.type(physical, "100");
    expect(physical).not.toHaveAttribute("aria-invalid");
    expect(physical).not.toHaveAccessibleDescription(expect.stringContaining("tidak boleh"));
    expect(form.getByRole("alert")).toHaveTextContent("Periksa kembali isian yang ditandai.");
    await user.type(note, "Pengecatan TPS.");
    expect(note).not.toHaveAttribute("aria-invalid");
    expect(form.queryByRole("alert")).not.toBeInTheDocument();
    expect(form.queryByText("Periksa kembali isian yang ditandai.")).not.toBeInTheDocument();
  });

  it("keeps a message while its field is still wrong, worded for what is wrong now", async () => {
    const { db, staff } = await dlhStaff();
    const { user, form } = await openForm(db, staff);
    const budget = form.getByLabelText("Realisasi anggaran (%)");
    await user.type(budget, "150");
    await user.type(form.getByLabelText("Uraian kegiatan (wajib)"), "Pembayaran termin.");
    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));
    expect(budget).toHaveAccessibleDescription(expect.stringContaining("tidak boleh lebih dari 100%"));

    // Typed over the figure, never valid on the way: the message stays, saying what is wrong now.
    await user.type(budget, "sebagian", { initialSelectionStart: 0, initialSelectionEnd: 3 });
    expect(budget).toHaveValue("sebagian");
    expect(budget).toHaveAttribute("aria-invalid", "true");
    expect(budget).toHaveAccessibleDescription(
      expect.stringContaining("Realisasi anggaran harus berupa angka."),
    );
    expect(form.getByRole("alert")).toHaveTextContent("Periksa kembali isian yang ditandai.");
    // A field that was not marked is not marked while typing elsewhere.
    await user.clear(form.getByLabelText("Uraian kegiatan (wajib)"));
    expect(form.getByLabelText("Uraian kegiatan (wajib)")).not.toHaveAttribute("aria-invalid");
  });

  it("accepts a decimal comma and says when a figure is not a number", async () => {
    const { db, staff } = await dlhStaff();
    const { user, form } = await openForm(db, staff);
    const budget = form.getByLabelText("Realisasi anggaran (%)");
    await user.type(budget, "sebagian");
    await user.type(form.getByLabelText("Uraian kegiatan (wajib)"), "Pembayaran termin pertama.");
    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));
    expect(budget).toHaveAccessibleDescription(
      expect.stringContaining("Realisasi anggaran harus berupa angka."),
    );

    await user.clear(budget);
    await user.type(budget, "37,5");
    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));
    expect(await form.findByText("Pembaruan tersimpan dan tampil di riwayat.")).toBeInTheDocument();
    expect((await latestUpdate(db, 3)).budget_progress).toBe(37.5);
  });

  it("asks why when the stage goes back, and shows the reason in the timeline", async () => {
    const { db, staff } = await dlhStaff();
    const { user, form } = await openForm(db, staff);

    await user.selectOptions(form.getByLabelText("Tahap"), "Penanganan / Pelaksanaan");
    const reason = form.getByLabelText("Alasan tahap mundur (wajib)");
    expect(reason).toHaveAccessibleDescription(
      expect.stringContaining("lebih awal dari tahap saat ini (Selesai / Serah terima)"),
    );
    // The 100% of the finished stage is not carried back: the figure is asked for again.
    const physical = form.getByLabelText("Progres fisik (%)");
    expect(physical).toHaveValue("");
    expect(physical).toHaveAccessibleDescription(
      'Tahap mundur ke Penanganan / Pelaksanaan: isi lagi progres fisik saat ini, atau pilih "Belum ada angka".',
    );
    await user.type(form.getByLabelText("Uraian kegiatan (wajib)"), "Satu TPS dibongkar ulang.");
    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));
    expect(reason).toHaveAttribute("aria-invalid", "true");
    expect(reason).toHaveAccessibleDescription(expect.stringContaining("Tahap mundur: tuliskan alasannya."));
    expect(reason).toHaveFocus();
    expect(physical).toHaveAttribute("aria-invalid", "true");
    expect(physical).toHaveAccessibleDescription(
      expect.stringContaining('Tahap mundur: isi lagi progres fisik saat ini, atau pilih "Belum ada angka".'),
    );

    await user.type(reason, "Atap TPS Lowokwaru roboh diterjang angin.");
    await user.type(physical, "82,5");
    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));
    expect(await form.findByText("Pembaruan tersimpan dan tampil di riwayat.")).toBeInTheDocument();
    expect((await latestUpdate(db, 3)).physical_progress).toBe(82.5);

    const [newest] = timelineItems();
    expect(newest).toHaveTextContent("Satu TPS dibongkar ulang.");
    expect(newest).toHaveTextContent("Alasan tahap mundur: Atap TPS Lowokwaru roboh diterjang angin.");
    expect(newest).toHaveTextContent("Penanganan");
    // The form starts again from the new state: no reason needed any more.
    expect(form.getByLabelText("Tahap")).toHaveDisplayValue("Penanganan / Pelaksanaan");
    expect(form.getByLabelText("Progres fisik (%)")).toHaveValue("82,5");
    expect(form.queryByLabelText(/Alasan tahap mundur/)).not.toBeInTheDocument();
  });

  it("going back, 'Belum ada angka' is an answer; changing one's mind restores the figure", async () => {
    const { db, staff } = await dlhStaff();
    const { user, form } = await openForm(db, staff);
    const stage = form.getByLabelText("Tahap");
    const physical = form.getByLabelText("Progres fisik (%)");
    await user.selectOptions(stage, "Pengadaan");
    expect(physical).toHaveValue("");
    await user.selectOptions(stage, "Selesai / Serah terima");
    expect(physical).toHaveValue("100");

    await user.selectOptions(stage, "Penanganan / Pelaksanaan");
    await user.click(form.getByRole("checkbox", { name: "Belum ada angka progres fisik" }));
    await user.type(form.getByLabelText("Alasan tahap mundur (wajib)"), "Serah terima dibatalkan.");
    await user.type(form.getByLabelText("Uraian kegiatan (wajib)"), "Audit ulang pekerjaan.");
    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));
    expect(await form.findByText("Pembaruan tersimpan dan tampil di riwayat.")).toBeInTheDocument();
    const latest = await latestUpdate(db, 3);
    expect(latest).toEqual(expect.objectContaining({ stage: "penanganan", physical_progress: null }));
    expect(form.getByRole("checkbox", { name: "Belum ada angka progres fisik" })).toBeChecked();
  });

  it("refuses Selesai with 97,5% next to the field, as the server would", async () => {
    const { db, staff } = await dlhStaff();
    const before = await updateCount(db);
    const { user, form } = await openForm(db, staff);
    const physical = form.getByLabelText("Progres fisik (%)");
    await user.clear(physical);
    await user.type(physical, "97,5");
    await user.type(form.getByLabelText("Uraian kegiatan (wajib)"), "Pengukuran ulang.");
    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));

    expect(physical).toHaveAttribute("aria-invalid", "true");
    expect(physical).toHaveAccessibleDescription(
      expect.stringContaining(
        'Tahap Selesai berarti progres fisik 100%. Isi 100, atau pilih "Belum ada angka" bila sumber tidak menyebutnya.',
      ),
    );
    expect(physical).toHaveFocus();
    expect(await updateCount(db)).toBe(before);

    // "No figure" puts it right, and the messages go.
    const unknown = form.getByRole("checkbox", { name: "Belum ada angka progres fisik" });
    await user.click(unknown);
    expect(physical).toHaveValue("");
    expect(physical).not.toHaveAttribute("aria-invalid");
    expect(form.queryByRole("alert")).not.toBeInTheDocument();
    // Typing a figure again takes the choice back.
    await user.type(physical, "100");
    expect(unknown).not.toBeChecked();
    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));
    expect(await form.findByText("Pembaruan tersimpan dan tampil di riwayat.")).toBeInTheDocument();
    expect((await latestUpdate(db, 3)).physical_progress).toBe(100);
  });

  it("refuses moving on to Selesai while the figure carried over is 97,5%", async () => {
    const { db, staff } = await dlhStaff();
    const issue = await callerAs(db, staff).issues.byNumber({ number: 3 });
    await callerAs(db, staff).updates.create({
      issueId: issue.id,
      expectedVersion: issue.version,
      note: "Satu TPS dibongkar ulang.",
      stage: "penanganan",
      stageReason: "Atap roboh.",
      physicalProgress: 97.5,
    });
    const before = await updateCount(db);
    const { user, form } = await openForm(db, staff);
    const physical = form.getByLabelText("Progres fisik (%)");
    expect(physical).toHaveValue("97,5");

    await user.selectOptions(form.getByLabelText("Tahap"), "Selesai / Serah terima");
    await user.type(form.getByLabelText("Uraian kegiatan (wajib)"), "Serah terima.");
    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));
    expect(physical).toHaveAttribute("aria-invalid", "true");
    expect(physical).toHaveAccessibleDescription(
      expect.stringContaining("Tahap Selesai berarti progres fisik 100%."),
    );
    expect(await updateCount(db)).toBe(before);
  });

  it("asks for a figure or 'Belum ada angka' when the physical progress is emptied", async () => {
    const { db, staff } = await dlhStaff();
    const before = await updateCount(db);
    const { user, form } = await openForm(db, staff);
    const physical = form.getByLabelText("Progres fisik (%)");
    await user.clear(physical);
    await user.type(form.getByLabelText("Uraian kegiatan (wajib)"), "Pemeriksaan.");
    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));
    expect(physical).toHaveAccessibleDescription(
      expect.stringContaining('Isi progres fisik, atau pilih "Belum ada angka".'),
    );
    expect(await updateCount(db)).toBe(before);
  });

  it("starts the next update with no source link, no files and the new version", async () => {
    const { db, staff } = await dlhStaff();
    const { id } = await db
      .insertInto("attachments")
      .values({
        sha256: "d".repeat(64),
        content_type: "image/png",
        size: 5,
        original_name: "bukti.png",
        uploaded_by: staff.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    stubUploads(() => json(201, { id, contentType: "image/png", size: 5, name: "bukti.png" }));
    const { user, form } = await openForm(db, staff, 11);
    expect(form.getByRole("checkbox", { name: "Belum ada angka progres fisik" })).toBeChecked();

    await user.upload(
      form.getByLabelText("Lampiran"),
      new File(["12345"], "bukti.png", { type: "image/png" }),
    );
    const list = form.getByRole("list", { name: "Berkas terpilih" });
    expect(await within(list).findByText("Terunggah")).toBeInTheDocument();
    expect(within(list).getByText("5 B")).toBeInTheDocument();
    await user.type(form.getByLabelText("Tautan sumber"), "https://malangkota.go.id/alun-alun");
    await user.type(form.getByLabelText("Uraian kegiatan (wajib)"), "Lampu taman diganti.");
    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));
    expect(await form.findByText("Pembaruan tersimpan dan tampil di riwayat.")).toBeInTheDocument();
    expect((await latestUpdate(db, 11)).source_url).toBe("https://malangkota.go.id/alun-alun");

    expect(form.getByLabelText("Tautan sumber")).toHaveValue("");
    expect(form.getByLabelText("Uraian kegiatan (wajib)")).toHaveValue("");
    expect(within(list).queryByRole("listitem")).not.toBeInTheDocument();
    expect(form.getByRole("checkbox", { name: "Belum ada angka progres fisik" })).toBeChecked();

    // The next update goes through at once (no conflict): the form took the new version.
    await user.type(form.getByLabelText("Uraian kegiatan (wajib)"), "Air mancur dibersihkan.");
    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));
    await within(screen.getByRole("region", { name: "Riwayat pembaruan" })).findByText(
      "Air mancur dibersihkan.",
    );
    expect(screen.queryByText("Isu ini baru saja diperbarui orang lain")).not.toBeInTheDocument();
    const second = await latestUpdate(db, 11);
    expect(second).toEqual(expect.objectContaining({ note: "Air mancur dibersihkan.", source_url: null }));
    const files = await db
      .selectFrom("update_attachments")
      .select("attachment_id")
      .where("update_id", "=", second.id)
      .execute();
    expect(files).toEqual([]);
  });

  it("saves an update that then leads the timeline, sending only what changed", async () => {
    const { db, staff } = await dlhStaff();
    const { user, form } = await openForm(db, staff, 11);
    expect(form.queryByLabelText(/Capaian indikator/)).not.toBeInTheDocument();

    await user.selectOptions(form.getByLabelText("Kondisi"), "Perlu perhatian");
    await user.type(form.getByLabelText("Uraian kegiatan (wajib)"), "Air mancur diperbaiki.");
    await user.type(form.getByLabelText("Kendala"), "Suku cadang pompa menunggu kiriman.");
    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));

    expect(await form.findByText("Pembaruan tersimpan dan tampil di riwayat.")).toHaveAttribute(
      "role",
      "status",
    );
    await within(screen.getByRole("region", { name: "Riwayat pembaruan" })).findByText(
      "Air mancur diperbaiki.",
    );
    const [newest] = timelineItems();
    expect(newest).toHaveTextContent("Kendala: Suku cadang pompa menunggu kiriman.");
    expect(spokenText(newest as HTMLElement)).toContain("oleh Sari DLH · DLH");
    expect(newest).toHaveTextContent("Perlu perhatian");

    // Cleared for the next update, and filled with the state just written.
    expect(form.getByLabelText("Uraian kegiatan (wajib)")).toHaveValue("");
    expect(form.getByLabelText("Kondisi")).toHaveDisplayValue("Perlu perhatian");
    expect(form.getByLabelText("Kendala")).toHaveValue("Suku cadang pompa menunggu kiriman.");

    const audit = await db
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "updates.create")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail ?? "{}").fields).toEqual(["note", "health", "obstacles"]);
  });

  it("is not offered to pimpinan", async () => {
    const db = await createTestDb();
    const pimpinan = await createAccount(db, { username: "pj", role: "pimpinan" });
    renderWithApp(<IssuePage />, { db, route: "/isu/3", path: "/isu/:number", user: pimpinan });
    await screen.findByRole("heading", { level: 1, name: "Pembangunan / rehabilitasi TPS" });
    await within(screen.getByRole("region", { name: "Riwayat pembaruan" })).findAllByRole("listitem");
    expect(screen.queryByRole("region", { name: FORM })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Kirim pembaruan" })).not.toBeInTheDocument();
  });

  it("is not offered to an OPD on another agency's issue", async () => {
    const { db, staff } = await dlhStaff();
    renderWithApp(<IssuePage />, { db, route: "/isu/4", path: "/isu/:number", user: staff });
    await screen.findByRole("heading", { level: 1, name: "Banjir kawasan Soekarno-Hatta" });
    await within(screen.getByRole("region", { name: "Riwayat pembaruan" })).findAllByRole("listitem");
    expect(screen.queryByRole("region", { name: FORM })).not.toBeInTheDocument();
    expect(screen.queryByLabelText("Uraian kegiatan (wajib)")).not.toBeInTheDocument();
  });

  it("on a past date, points to today's view instead of showing the form", async () => {
    const { db, staff } = await dlhStaff();
    renderWithApp(<IssuePage />, { db, route: "/isu/3?per=2024-11-18", path: "/isu/:number", user: staff });
    const region = await screen.findByRole("region", { name: FORM });
    expect(region).toHaveTextContent("Pembaruan dibuat pada tampilan hari ini.");
    expect(within(region).getByRole("link", { name: "Buka tampilan hari ini" })).toHaveAttribute(
      "href",
      "/isu/3",
    );
    expect(within(region).queryByRole("textbox")).not.toBeInTheDocument();
  });
});

describe("When someone else updated the issue first", () => {
  async function conflict() {
    const { db, staff } = await dlhStaff();
    const colleague = await createAccount(db, {
      username: "dlh.kabid",
      displayName: "Budi Kabid",
      role: "opd",
      agencyCode: "DLH",
    });
    const { user, form } = await openForm(db, staff);

    await user.type(form.getByLabelText("Uraian kegiatan (wajib)"), "Pengecatan ulang TPS Sukun.");
    await user.type(form.getByLabelText("Realisasi anggaran (%)"), "95");

    // Meanwhile, from another phone:
    const issue = await callerAs(db, colleague).issues.byNumber({ number: 3 });
    await callerAs(db, colleague).updates.create({
      issueId: issue.id,
      expectedVersion: issue.version,
      note: "Serah terima TPS Blimbing tertunda.",
      health: "at_risk",
    });

    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));
    const panel = await screen.findByRole("alert");
    expect(panel).toHaveTextContent("Isu ini baru saja diperbarui orang lain");
    await within(panel).findByText("Serah terima TPS Blimbing tertunda.");
    return { db, user, form, panel };
  }

  it("shows their update and keeps what was typed", async () => {
    const { db, form, panel } = await conflict();
    const entries = within(panel).getAllByRole("listitem");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toHaveTextContent("Budi Kabid · DLH");
    expect(entries[0]).toHaveTextContent("27 Nov 2026");
    expect(entries[0]).toHaveTextContent("Selesai");
    expect(entries[0]).toHaveTextContent("Perlu perhatian");
    expect(form.getByLabelText("Uraian kegiatan (wajib)")).toHaveValue("Pengecatan ulang TPS Sukun.");
    expect(form.getByLabelText("Realisasi anggaran (%)")).toHaveValue("95");
    expect((await latestUpdate(db, 3)).note).toBe("Serah terima TPS Blimbing tertunda.");
  });

  it("'Kirim ulang' saves the same changes on top of theirs", async () => {
    const { db, user, panel, form } = await conflict();
    await user.click(within(panel).getByRole("button", { name: "Kirim ulang perubahan saya" }));
    expect(await form.findByText("Pembaruan tersimpan dan tampil di riwayat.")).toBeInTheDocument();
    expect(screen.queryByText("Isu ini baru saja diperbarui orang lain")).not.toBeInTheDocument();

    const latest = await latestUpdate(db, 3);
    expect(latest.note).toBe("Pengecatan ulang TPS Sukun.");
    expect(latest.budget_progress).toBe(95);
    // Their change, which this person did not touch, is kept.
    expect(latest.health).toBe("at_risk");
    await within(screen.getByRole("region", { name: "Riwayat pembaruan" })).findByText(
      "Pengecatan ulang TPS Sukun.",
    );
    const [mine, theirs] = timelineItems();
    expect(mine).toHaveTextContent("Pengecatan ulang TPS Sukun.");
    expect(theirs).toHaveTextContent("Serah terima TPS Blimbing tertunda.");
  });

  it("'Batalkan' drops the changes and starts from the latest state", async () => {
    const { db, user, panel, form } = await conflict();
    const before = await updateCount(db);
    await user.click(within(panel).getByRole("button", { name: "Batalkan" }));
    expect(screen.queryByText("Isu ini baru saja diperbarui orang lain")).not.toBeInTheDocument();
    expect(form.getByLabelText("Uraian kegiatan (wajib)")).toHaveValue("");
    expect(form.getByLabelText("Realisasi anggaran (%)")).toHaveValue("");
    expect(form.getByLabelText("Kondisi")).toHaveDisplayValue("Perlu perhatian");
    expect(form.getByRole("status")).toHaveTextContent("Perubahan Anda dibatalkan");
    expect(await updateCount(db)).toBe(before);
  });
});

describe("Evidence files", () => {
  it("uploads each chosen photo at once, then attaches it to the update", async () => {
    const { db, staff } = await dlhStaff();
    // The upload endpoint is stubbed; the row it would have written is written here.
    const { id } = await db
      .insertInto("attachments")
      .values({
        sha256: "a".repeat(64),
        content_type: "image/jpeg",
        size: 2048,
        original_name: "foto TPS.jpg",
        uploaded_by: staff.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const fetchSpy = stubUploads(() =>
      json(201, { id, contentType: "image/jpeg", size: 2048, name: "foto TPS.jpg" }),
    );
    const { user, form } = await openForm(db, staff);

    const photo = new File([new Uint8Array(2048)], "foto TPS.jpg", { type: "image/jpeg" });
    await user.upload(form.getByLabelText("Lampiran"), photo);

    const uploads = fetchSpy.mock.calls.filter(([input]) => String(input) === "/attachments");
    expect(uploads).toHaveLength(1);
    const init = uploads[0]?.[1];
    expect(init?.method).toBe("POST");
    expect(init?.credentials).toBe("same-origin");
    expect(init?.body).toBe(photo);
    expect(init?.headers).toEqual({ "Content-Type": "image/jpeg", "X-File-Name": "foto%20TPS.jpg" });

    const list = form.getByRole("list", { name: "Berkas terpilih" });
    expect(await within(list).findByText("Terunggah")).toBeInTheDocument();
    expect(within(list).getByText("foto TPS.jpg")).toBeInTheDocument();

    await user.type(form.getByLabelText("Uraian kegiatan (wajib)"), "Foto TPS setelah dicat.");
    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));
    expect(await form.findByText("Pembaruan tersimpan dan tampil di riwayat.")).toBeInTheDocument();
    expect(within(list).queryByRole("listitem")).not.toBeInTheDocument();

    const timeline = screen.getByRole("region", { name: "Riwayat pembaruan" });
    const thumbnail = await within(timeline).findByRole("img", { name: "foto TPS.jpg" });
    expect(thumbnail).toHaveAttribute("src", `/attachments/${id}`);
    expect(thumbnail.closest("a")).toHaveAttribute("href", `/attachments/${id}`);
  });

  it("shows the server's reason when a file is refused, and lets it be removed", async () => {
    const { db, staff } = await dlhStaff();
    stubUploads(() =>
      json(415, {
        error: { message: "Jenis berkas tidak didukung. Unggah foto JPEG, PNG, WebP, atau dokumen PDF." },
      }),
    );
    const { user, form } = await openForm(db, staff);
    await user.upload(
      form.getByLabelText("Lampiran"),
      new File(["bukan foto"], "palsu.png", { type: "image/png" }),
    );
    const list = form.getByRole("list", { name: "Berkas terpilih" });
    const [item] = within(list).getAllByRole("listitem");
    expect(
      await within(item as HTMLElement).findByText(
        "Jenis berkas tidak didukung. Unggah foto JPEG, PNG, WebP, atau dokumen PDF.",
      ),
    ).toBeInTheDocument();
    await user.click(within(list).getByRole("button", { name: "Hapus lampiran palsu.png" }));
    expect(within(list).queryByRole("listitem")).not.toBeInTheDocument();
  });

  it("refuses a file over 10 MB without uploading it", async () => {
    const { db, staff } = await dlhStaff();
    const fetchSpy = stubUploads(() =>
      json(201, { id: 1, contentType: "application/pdf", size: 1, name: "x" }),
    );
    const { user, form } = await openForm(db, staff);
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], "laporan besar.pdf", {
      type: "application/pdf",
    });
    await user.upload(form.getByLabelText("Lampiran"), big);
    const list = form.getByRole("list", { name: "Berkas terpilih" });
    expect(within(list).getByText("Berkas melebihi 10 MB.")).toBeInTheDocument();
    expect(fetchSpy.mock.calls.filter(([input]) => String(input) === "/attachments")).toHaveLength(0);
  });

  it("shows the server's field error when an attachment is no longer there", async () => {
    const { db, staff } = await dlhStaff();
    stubUploads(() =>
      json(201, { id: 424242, contentType: "application/pdf", size: 10, name: "hilang.pdf" }),
    );
    const { user, form } = await openForm(db, staff);
    await user.upload(
      form.getByLabelText("Lampiran"),
      new File(["%PDF"], "hilang.pdf", { type: "application/pdf" }),
    );
    await form.findByText("Terunggah");
    await user.type(form.getByLabelText("Uraian kegiatan (wajib)"), "Dokumen BAST.");
    await user.click(form.getByRole("button", { name: "Kirim pembaruan" }));
    const input = form.getByLabelText("Lampiran");
    await vi.waitFor(() => expect(input).toHaveAttribute("aria-invalid", "true"));
    expect(input).toHaveAccessibleDescription(
      expect.stringContaining("Lampiran tidak ditemukan. Unggah ulang berkasnya."),
    );
    expect(input).toHaveFocus();
  });
});
