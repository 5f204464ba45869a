import { test } from "./fixtures";

const PAGES: [string, string][] = (process.env.SHOTS ?? "dasbor=/")
  .split(",")
  .map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)] as [string, string]);

for (const [name, path] of PAGES) {
  test(`shot ${name}`, async ({ page }, info) => {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    const tag = process.env.SHOT_TAG ?? "";
    await page.screenshot({
      path: `/work/notes/shots/ui/${name}${tag}-${info.project.name}.png`,
      fullPage: process.env.FULL === "1",
    });
  });
}
