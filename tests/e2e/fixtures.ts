import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { stateOf } from "./accounts";

/**
 * Every page of the app fails its test on a console error or an uncaught exception, except
 * those a test declares it expects (`test.use({ expectedConsoleErrors: [...] })`).
 */
export const test = base.extend<{ consoleErrors: string[]; expectedConsoleErrors: RegExp[] }>({
  expectedConsoleErrors: [[], { option: true }],
  // Tests start signed in as the Wali Kota (read-only) unless they choose another account.
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  storageState: async ({}, use) => {
    await use(stateOf("pimpinan"));
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  baseURL: async ({}, use) => {
    const url = process.env.PANTAU_E2E_URL;
    if (!url) throw new Error("PANTAU_E2E_URL is not set: global setup did not start the server");
    await use(url);
  },
  consoleErrors: [
    async ({ page, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(String(error)));
      await use(errors);
      expect(
        errors.filter((e) => !expectedConsoleErrors.some((pattern) => pattern.test(e))),
        "console errors",
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Accessibility violations that would stop a keyboard or screen-reader user. */
export async function seriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Whether the page scrolls sideways: content wider than the screen. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Opens the header's menu where it is folded (a phone), so its navigation, as-of control and
 * account are on screen; elsewhere they always are.
 */
export async function openMenu(page: Page) {
  // The header is drawn once the app's script has run, which may be after the page's load event.
  await page.getByRole("banner").waitFor();
  const button = page.getByRole("button", { name: "Menu" });
  if ((await button.isVisible()) && (await button.getAttribute("aria-expanded")) !== "true") {
    await button.click();
  }
}

/** Scrolls to the dashboard's charts, as a reader would: they are drawn only as they near the screen. */
export async function scrollToCharts(page: Page) {
  const charts = page.getByRole("region", { name: "Grafik" });
  await charts.scrollIntoViewIfNeeded();
  await expect(charts.locator("figure.chart").first()).toBeVisible();
  return charts;
}
