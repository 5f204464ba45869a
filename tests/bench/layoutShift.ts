import { chromium } from "@playwright/test";

export interface LayoutShift {
  /** Which kind of account was signed in. */
  account: string;
  viewport: string;
  cumulative: number;
}

const VIEWPORTS = [
  { name: "390x844", width: 390, height: 844 },
  { name: "1280x800", width: 1280, height: 800 },
  { name: "1920x1080", width: 1920, height: 1080 },
];

/**
 * Cumulative layout shift of the dashboard while it loads, as Chromium reports it
 * (PerformanceObserver 'layout-shift', shifts without recent input), at a phone's, a laptop's and a
 * projector's size, signed in with `cookie` (an `account` of some kind).
 */
export async function dashboardLayoutShift(
  base: string,
  cookie: string,
  account: string,
): Promise<LayoutShift[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  const [name = "", value = ""] = cookie.split("=");
  try {
    const results: LayoutShift[] = [];
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ viewport });
      await context.addCookies([{ name, value, url: base }]);
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __cls: number };
        w.__cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            if (!entry.hadRecentInput) w.__cls += entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(base, { waitUntil: "networkidle" });
      await page.waitForTimeout(1_500);
      const cumulative = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      results.push({ account, viewport: viewport.name, cumulative });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}
