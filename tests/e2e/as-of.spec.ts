import { expect, test } from "./fixtures";

test("the as-of control re-renders every figure for a past date and keeps it in the address", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByText(/5 dari 11 isu prioritas/)).toBeVisible();

  await page.getByLabel("Tampilkan per tanggal").fill("2024-11-18");
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

  await page.getByRole("button", { name: "Hari ini" }).click();
  await expect(page).not.toHaveURL(/per=/);
  await expect(page.locator('[aria-current="step"]')).toContainText("Pengadaan");
});

test("a link with an impossible date says so and shows today", async ({ page }) => {
  await page.goto("/?per=2024-02-30");
  await expect(page.getByRole("alert")).toContainText("Tanggal tidak sah");
  await expect(page.getByText(/5 dari 11 isu prioritas/)).toBeVisible();
});

test("a date typed digit by digit on the keyboard is taken once it is whole", async ({ page }) => {
  await page.goto("/penghargaan");
  const input = page.getByLabel("Tampilkan per tanggal");
  await input.focus();
  // Chromium here lays the field out as month/day/year; the year passes through 0002, 0020 and
  // 0202 on the way to 2024, none of which may reset the field or raise an error.
  await page.keyboard.type("11182024", { delay: 30 });
  await expect(page).toHaveURL(/per=2024-11-18/);
  await expect(input).toHaveValue("2024-11-18");
  await expect(page.getByRole("alert")).toHaveCount(0);

  // A whole date before the issues were set is refused when the field is left.
  await input.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type("2023", { delay: 30 });
  await expect(input).toHaveValue("2023-11-18");
  await input.blur();
  await expect(page.getByRole("alert")).toContainText("Tanggal tidak sah");
  await expect(page).toHaveURL(/per=2024-11-18/);
});
