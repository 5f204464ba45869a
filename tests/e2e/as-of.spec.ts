import { expect, openMenu, test } from "./fixtures";

test("the as-of control re-renders every figure for a past date and keeps it in the address", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByText(/5 dari 11 isu prioritas/)).toBeVisible();

  await openMenu(page);
  await page.getByLabel(/^Tampilkan per tanggal/).fill("18/11/2024");
  await expect(page).toHaveURL(/per=2024-11-18/);
  await expect(
    page.getByText("3 dari 11 isu prioritas telah memasuki tahap penanganan per 18 November 2024."),
  ).toBeVisible();
  await expect(page.getByText("Menampilkan keadaan per 18 November 2024.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Perubahan sejak 11 November 2024" })).toBeVisible();

  // A shared link opens the same view.
  await page.reload();
  await expect(page.getByText(/3 dari 11 isu prioritas .* per 18 November 2024/)).toBeVisible();

  // The issue page follows the same date.
  await page.getByRole("link", { name: "Banjir kawasan Soekarno-Hatta" }).last().click();
  await expect(page).toHaveURL(/\/isu\/4\?per=2024-11-18/);
  await expect(page.locator('[aria-current="step"]')).toContainText("Penanganan");
  await expect(page.getByText("setelah tanggal tampilan").first()).toBeVisible();

  await openMenu(page);
  await page.getByRole("button", { name: "Hari ini" }).click();
  await expect(page).not.toHaveURL(/per=/);
  await expect(page.locator('[aria-current="step"]')).toContainText("Pengadaan");
});

test("a link with an impossible date says so and shows today", async ({ page }) => {
  await page.goto("/?per=2024-02-30");
  await expect(page.getByRole("alert")).toContainText("Tanggal tidak sah");
  await expect(page.getByText(/5 dari 11 isu prioritas/)).toBeVisible();
});

for (const locale of ["id-ID", "en-US"]) {
  test.describe(`a browser in ${locale}`, () => {
    test.use({ locale });

    test("types and shows dates day first, and takes each date once it is whole", async ({ page }) => {
      await page.goto("/penghargaan");
      await openMenu(page);
      const input = page.getByLabel(/^Tampilkan per tanggal/);
      // The same field in every browser language: never the browser's mm/dd/yyyy.
      await expect(input).toHaveAttribute("type", "text");
      await expect(input).toHaveAccessibleDescription("Format HH/BB/TTTT, mis. 18/11/2024.");
      await input.fill("");
      await input.pressSequentially("18/11/2024", { delay: 30 });
      await expect(page).toHaveURL(/per=2024-11-18/);
      await expect(input).toHaveValue("18/11/2024");
      await expect(page.getByRole("alert")).toHaveCount(0);
      await expect(page.getByText("Menampilkan keadaan per 18 November 2024.")).toBeVisible();

      // A whole date before the issues were set is refused when the field is left.
      await input.fill("18/11/2023");
      await input.blur();
      await expect(page.getByRole("alert")).toContainText("Tanggal tidak sah");
      await expect(page).toHaveURL(/per=2024-11-18/);

      // Text that is no date says how to write one.
      await input.fill("11/30/2024");
      await input.blur();
      await expect(page.getByRole("alert")).toContainText("Tanggal tidak terbaca. Tulis HH/BB/TTTT");
      await expect(page).toHaveURL(/per=2024-11-18/);
    });
  });
}

test("a past view of the awards lists only the events held by then", async ({ page }) => {
  await page.goto("/penghargaan?per=2024-10-15");
  await expect(page.getByText("1 ajang, 1 penghargaan")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Anugerah Media Humas (AMH) 2024"]);
  // No November 2024 award: not Bhumandala (4 Nov), not the Ombudsman's (14 Nov).
  await expect(page.getByText(/Bhumandala|Kepatuhan Penyelenggaraan/)).toHaveCount(0);
  await expect(page.getByText(/Diserahkan pada apel pagi/)).toHaveCount(0);
});

test("a past view of #4 shows only the funding reported by then", async ({ page }) => {
  await page.goto("/isu/4?per=2024-11-18");
  const funding = page.getByRole("region", { name: "Pendanaan" });
  await expect(funding.getByText("Rp 22 miliar")).toBeVisible();
  await expect(funding.getByText("Rp 32 miliar")).toHaveCount(0);
  await expect(funding.getByText("Rp 1,4 miliar")).toHaveCount(0);
  await expect(funding.getByText(/Sodetan/)).toHaveCount(0);
  await expect(
    funding.getByText("1 baris pendanaan tanpa tanggal tidak ditampilkan pada tampilan lampau."),
  ).toBeVisible();
});
