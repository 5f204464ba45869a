import { readFile } from "node:fs/promises";
import { stateOf } from "./accounts";
import { expect, horizontalOverflow, openMenu, seriousA11yViolations, test } from "./fixtures";

test.use({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  storageState: async ({}, use) => use(stateOf("admin")),
});

const FILES = [
  { label: "CSV: keadaan per isu", name: "pantau-isu-dlh-2024-11-18.csv", starts: "\ufeffNo.,Isu prioritas" },
  { label: "CSV: riwayat pembaruan", name: "pantau-riwayat-dlh-2024-11-18.csv", starts: "\ufeffWaktu (WIB)" },
  {
    label: "Excel (XLSX): ringkasan, riwayat, arahan, penghargaan",
    name: "pantau-dlh-2024-11-18.xlsx",
    starts: "PK",
  },
  { label: "Laporan PDF (A4)", name: "laporan-pantau-dlh-2024-11-18.pdf", starts: "%PDF-" },
  { label: "Teks ringkasan WhatsApp", name: "ringkasan-whatsapp-dlh-2024-11-18.txt", starts: "*Progres" },
];

test("the Sekda office downloads every format for a date and an OPD from /ekspor", async ({ page }) => {
  await page.goto("/");
  await openMenu(page);
  await page
    .getByRole("navigation", { name: "Navigasi utama" })
    .getByRole("link", { name: "Ekspor" })
    .click();
  await expect(page.getByRole("heading", { name: "Ekspor laporan" })).toBeVisible();

  await page.getByLabel("Per tanggal").fill("2024-11-18");
  await page.getByLabel("OPD").selectOption("DLH");

  for (const file of FILES) {
    await page.getByLabel("Format").selectOption({ label: file.label });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: `Unduh: ${file.label}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(file.name);
    const bytes = await readFile((await download.path()) ?? "");
    expect(bytes.subarray(0, Buffer.byteLength(file.starts)).toString("utf8")).toBe(file.starts);
  }

  // The WhatsApp text for the same choice, ready to copy.
  const preview = page.getByRole("textbox", { name: "Pratinjau teks WhatsApp" });
  await expect(preview).toHaveValue(/^\*Progres Isu Prioritas Kota Malang per 18 November 2024\*/);
  await expect(preview).toHaveValue(/Pembangunan \/ rehabilitasi TPS/);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Salin teks" }).click();
  await expect(page.getByRole("status")).toHaveText(/Teks tersalin|Pilih teks di kotak ini/);

  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test("an impossible date is refused on the page, with no download offered", async ({ page }) => {
  await page.goto("/ekspor");
  await page.getByLabel("Per tanggal").fill("2024-02-30");
  await expect(page.getByRole("alert").first()).toContainText("Tanggal");
  await expect(page.getByRole("link", { name: /^Unduh/ })).toHaveCount(0);
});
