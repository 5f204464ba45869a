import { E2E_ACCOUNTS, E2E_PASSWORD, stateOf } from "./accounts";
import { expect, openMenu, test } from "./fixtures";
import { solidPng } from "./png";

const SIGNED_OUT = { cookies: [], origins: [] };

test.describe("signed out", () => {
  test.use({ storageState: SIGNED_OUT, expectedConsoleErrors: [/status of 401/] });

  test("the dashboard asks to sign in first and comes back after; the awards stay public", async ({
    page,
  }) => {
    await page.goto("/isu/3");
    await expect(page).toHaveURL(/\/masuk\?kembali=%2Fisu%2F3/);
    await page.getByLabel("Nama pengguna").fill(E2E_ACCOUNTS.pimpinan.username);
    await page.getByLabel("Kata sandi").fill("bukan-kata-sandinya");
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.getByRole("alert")).toHaveText("Nama pengguna atau kata sandi salah.");

    await page.getByLabel("Kata sandi").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page).toHaveURL(/\/isu\/3$/);
    await expect(
      page.getByRole("heading", { level: 1, name: "Pembangunan / rehabilitasi TPS" }),
    ).toBeVisible();
    // The Wali Kota reads; only the agencies responsible post updates.
    await expect(page.getByRole("heading", { name: "Perbarui isu ini" })).toHaveCount(0);

    await openMenu(page);
    await page.getByRole("button", { name: "Keluar" }).click();
    await expect(page).toHaveURL(/\/masuk/);
    await page.goto("/penghargaan");
    await expect(page.getByText("6 ajang, 8 penghargaan")).toBeVisible();
  });
});

test.describe("an OPD officer on a phone", () => {
  test.use({
    storageState: SIGNED_OUT,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });

  test("signs in, updates their issue with a photo, and sees it on the dashboard", async ({
    page,
  }, testInfo) => {
    const note = `Perawatan taman dan lampu alun-alun (${testInfo.project.name}).`;
    await page.goto("/masuk");
    await page.getByLabel("Nama pengguna").fill(E2E_ACCOUNTS.opd.username);
    await page.getByLabel("Kata sandi").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.getByText(/isu prioritas telah memasuki tahap penanganan/)).toBeVisible();

    await openMenu(page);
    await page.getByRole("link", { name: "Isu saya" }).click();
    await expect(page.getByRole("heading", { name: "Isu DLH" })).toBeVisible();
    await page
      .getByRole("link", { name: /Revitalisasi Alun-Alun Merdeka/ })
      .first()
      .click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Revitalisasi Alun-Alun Merdeka" }),
    ).toBeVisible();

    const form = page.getByRole("region", { name: "Perbarui isu ini" });
    await expect(form.getByLabel(/Uraian kegiatan/)).toBeVisible();
    // Nothing typed yet: the form says what is missing, next to the field.
    await form.getByRole("button", { name: "Kirim pembaruan" }).click();
    await expect(form.getByText("Uraian kegiatan wajib diisi.")).toBeVisible();

    await form.getByLabel(/Uraian kegiatan/).fill(note);
    await form.getByLabel(/Lampiran/).setInputFiles({
      name: "foto-alun-alun.png",
      mimeType: "image/png",
      buffer: solidPng(32, [30, 140, 60]),
    });
    await expect(form.getByText("Terunggah")).toBeVisible();
    await form.getByRole("button", { name: "Kirim pembaruan" }).click();
    await expect(page.getByText("Pembaruan tersimpan dan tampil di riwayat.")).toBeVisible();

    const entry = page.getByRole("listitem").filter({ hasText: note });
    await expect(entry).toBeVisible();
    await expect(entry.getByRole("img", { name: /foto-alun-alun\.png/ })).toBeVisible();
    await expect(entry).toContainText("Operator DLH");

    await openMenu(page);
    await page.getByRole("link", { name: "Dasbor" }).click();
    await expect(
      page.getByRole("link", { name: /#11 Revitalisasi Alun-Alun Merdeka/ }).first(),
    ).toBeVisible();
    const changes = page.getByRole("region", { name: /Perubahan sejak/ });
    await expect(changes).toContainText("Revitalisasi Alun-Alun Merdeka");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe("two officers editing the same issue", () => {
  test("the second, working from a stale page, sees the first's update and can send theirs again", async ({
    browser,
    baseURL,
  }) => {
    const first = await browser.newContext({ storageState: stateOf("opd"), baseURL });
    const second = await browser.newContext({ storageState: stateOf("opd2"), baseURL });
    try {
      const pageA = await first.newPage();
      const pageB = await second.newPage();
      await pageA.goto("/isu/3");
      await pageB.goto("/isu/3");
      const formA = pageA.getByRole("region", { name: "Perbarui isu ini" });
      const formB = pageB.getByRole("region", { name: "Perbarui isu ini" });
      await expect(formA.getByLabel(/Uraian kegiatan/)).toBeVisible();
      await expect(formB.getByLabel(/Uraian kegiatan/)).toBeVisible();

      const stamp = Date.now();
      await formA.getByLabel(/Uraian kegiatan/).fill(`Pemeriksaan TPS oleh petugas pertama ${stamp}.`);
      await formA.getByRole("button", { name: "Kirim pembaruan" }).click();
      await expect(pageA.getByText("Pembaruan tersimpan dan tampil di riwayat.")).toBeVisible();

      await formB.getByLabel(/Uraian kegiatan/).fill(`Catatan petugas kedua ${stamp}.`);
      await formB.getByRole("button", { name: "Kirim pembaruan" }).click();
      const conflict = pageB
        .getByRole("alert")
        .filter({ hasText: "Isu ini baru saja diperbarui orang lain" });
      await expect(conflict).toBeVisible();
      await expect(conflict).toContainText(`Pemeriksaan TPS oleh petugas pertama ${stamp}.`);

      await pageB.getByRole("button", { name: "Kirim ulang perubahan saya" }).click();
      await expect(pageB.getByText("Pembaruan tersimpan dan tampil di riwayat.")).toBeVisible();
      await expect(
        pageB.getByRole("listitem").filter({ hasText: `Catatan petugas kedua ${stamp}.` }),
      ).toBeVisible();
    } finally {
      await first.close();
      await second.close();
    }
  });
});

test.describe("the Sekda office", () => {
  test.use({
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    storageState: async ({}, use) => use(stateOf("admin")),
    // The refused common password is a 400 answer, which Chromium logs.
    expectedConsoleErrors: [/status of 400/],
  });

  test("creates an OPD account, sees it refuse a common password, and finds both in the audit trail", async ({
    page,
  }, testInfo) => {
    const username = `dishub-${testInfo.project.name}`;
    await page.goto("/");
    await openMenu(page);
    await page.getByRole("link", { name: "Kelola" }).click();
    await page.getByRole("link", { name: "Akun" }).first().click();
    await page.getByRole("button", { name: "Tambah akun" }).click();
    const form = page
      .getByRole("form", { name: "Akun baru" })
      .or(page.locator("form").filter({ hasText: "Buat akun" }));
    await form.getByRole("textbox", { name: "Nama pengguna" }).fill(username);
    await form.getByRole("textbox", { name: "Nama tampilan" }).fill("Petugas Dishub");
    await form.getByRole("combobox", { name: "Peran" }).selectOption("opd");
    await form.getByRole("combobox", { name: "OPD", exact: true }).selectOption("Dishub");
    const password = form.getByRole("textbox", { name: "Kata sandi" });
    await password.fill("password123");
    await form.getByRole("button", { name: "Buat akun" }).click();
    await expect(
      form.getByText("Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain."),
    ).toBeVisible();

    await password.fill("lampu-merah-jalan-ijen");
    await form.getByRole("button", { name: "Buat akun" }).click();
    await expect(page.getByText(`Akun ${username} dibuat.`)).toBeVisible();
    await expect(page.getByRole("table").getByText(username, { exact: true })).toBeVisible();

    await page.getByRole("link", { name: "Jejak audit" }).click();
    await expect(page.getByRole("table")).toContainText(username);
  });
});
