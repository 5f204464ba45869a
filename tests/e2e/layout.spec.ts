import { stateOf } from "./accounts";
import { expect, horizontalOverflow, seriousA11yViolations, test } from "./fixtures";

const PAGES = [
  { path: "/", ready: "Daftar isu" },
  { path: "/isu/4", ready: "Riwayat pembaruan" },
  { path: "/penghargaan", ready: "Bhumandala Award 2024" },
];

for (const { path, ready } of PAGES) {
  test(`${path} fits the screen and has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: ready })).toBeVisible();
    if (path === "/") await expect(page.locator(".recharts-surface").first()).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
}

test("keyboard users can skip straight to the content", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Daftar isu" })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Langsung ke isi" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#isi$/);
  await page.keyboard.press("Tab");
  // The first control after the skip link inside the main content gets focus, not the header.
  const focusedInMain = await page.evaluate(() =>
    document.querySelector("main")?.contains(document.activeElement),
  );
  expect(focusedInMain).toBe(true);
});

const SIGNED_IN_PAGES = [
  { account: "opd", path: "/isu/3", ready: "Perbarui isu ini" },
  { account: "opd", path: "/isu-saya", ready: "Isu DLH" },
  { account: "admin", path: "/admin/akun", ready: "Daftar akun" },
  { account: "admin", path: "/admin/audit", ready: "Jejak audit" },
] as const;

for (const { account, path, ready } of SIGNED_IN_PAGES) {
  test.describe(`${path} as ${account}`, () => {
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    test.use({ storageState: async ({}, use) => use(stateOf(account)) });

    test("fits the screen and has no serious accessibility violations", async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: ready }).first()).toBeVisible();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  });
}

test.describe("/masuk signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("fits the screen and has no serious accessibility violations", async ({ page }) => {
    await page.goto("/masuk");
    await expect(page.getByRole("heading", { name: "Masuk ke Pantau" })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
