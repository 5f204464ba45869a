import { expect, openMenu, scrollToCharts, test } from "./fixtures";

test("dashboard → issue → awards", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText(/5 dari 11 isu prioritas telah memasuki tahap penanganan/)).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(12); // header + 11 issues

  // Charts are drawn from their own lazily loaded chunk once the reader scrolls near them.
  await scrollToCharts(page);
  await expect(page.getByText("Progres per isu", { exact: true })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();

  await page.getByRole("link", { name: "Pembangunan / rehabilitasi TPS" }).first().click();
  await expect(page).toHaveURL(/\/isu\/3$/);
  await expect(page.getByRole("heading", { level: 1, name: "Pembangunan / rehabilitasi TPS" })).toBeVisible();
  await expect(page.locator('[aria-current="step"]')).toContainText("Selesai");
  await expect(page.getByText("Keenam TPS selesai 100% dan telah diserahterimakan.")).toBeVisible();
  await expect(page.getByText("Sumber: jatim.tribunnews.com")).toBeVisible();
  await expect(page).toHaveTitle(/#3 Pembangunan/);

  await openMenu(page);
  await page
    .getByRole("navigation", { name: "Navigasi utama" })
    .getByRole("link", { name: "Penghargaan" })
    .click();
  await expect(page).toHaveURL(/\/penghargaan$/);
  await expect(page.getByText("6 ajang, 8 penghargaan")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(6);
  await expect(page.getByText("Kualitas Tertinggi (Zona Hijau)")).toBeVisible();
});

test("an issue page opened directly by its address", async ({ page }) => {
  await page.goto("/isu/4");
  await expect(page.getByRole("heading", { level: 1, name: "Banjir kawasan Soekarno-Hatta" })).toBeVisible();
  await expect(
    page.getByText("Dinas Pekerjaan Umum Sumber Daya Air Provinsi Jawa Timur").first(),
  ).toBeVisible();
});

test.describe("an issue that does not exist", () => {
  // The API answers NOT_FOUND with HTTP 404, which Chromium logs; the page must say so plainly.
  test.use({ expectedConsoleErrors: [/status of 404/] });

  test("says it was not found and links back", async ({ page }) => {
    await page.goto("/isu/42");
    await expect(page.getByRole("heading", { level: 1, name: "Isu tidak ditemukan" })).toBeVisible();
    await page.getByRole("link", { name: "Kembali ke dasbor" }).click();
    await expect(page.getByRole("heading", { name: "Daftar isu" })).toBeVisible();
  });
});

test("filters the issue list and keeps the filter in the address", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Kondisi").selectOption("at_risk");
  await expect(page).toHaveURL(/kondisi=at_risk/);
  await expect(page.getByText("1 dari 11 isu")).toBeVisible();
  await expect(page.getByRole("link", { name: "Revitalisasi Pasar Besar" }).last()).toBeVisible();
  await page.reload();
  await expect(page.getByText("1 dari 11 isu")).toBeVisible();
  await page.getByRole("button", { name: "Hapus filter" }).click();
  await expect(page.getByText("11 dari 11 isu")).toBeVisible();
});
