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
