import { stateOf } from "./accounts";
import {
  expect,
  horizontalOverflow,
  openMenu,
  scrollToCharts,
  seriousA11yViolations,
  test,
} from "./fixtures";

const PAGES = [
  { path: "/", ready: "Daftar isu" },
  { path: "/isu/4", ready: "Riwayat pembaruan" },
  { path: "/penghargaan", ready: "Bhumandala Award 2024" },
];

for (const { path, ready } of PAGES) {
  test(`${path} fits the screen and has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: ready })).toBeVisible();
    if (path === "/") {
      await scrollToCharts(page);
      await expect(page.locator(".recharts-surface").first()).toBeVisible();
    }
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

test("the header leaves the screen to the content: at most 100 px on a phone, in a past view too", async ({
  page,
}, info) => {
  await page.goto("/isu/4?per=2024-11-18");
  await expect(page.getByRole("heading", { level: 1, name: "Banjir kawasan Soekarno-Hatta" })).toBeVisible();
  const header = await page.locator(".site-header").boundingBox();
  if (info.project.name === "phone") {
    expect(header?.height).toBeLessThanOrEqual(100);
    // Navigation, the date and the account are one tap away.
    await expect(page.getByRole("navigation", { name: "Navigasi utama" })).toBeHidden();
    await openMenu(page);
    await expect(page.getByRole("link", { name: "Penghargaan" })).toBeVisible();
    await expect(page.getByLabel(/^Tampilkan per tanggal/)).toHaveValue("18/11/2024");
    await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("navigation", { name: "Navigasi utama" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Menu" })).toBeFocused();
  } else {
    // One row of controls and the as-of banner.
    expect(header?.height).toBeLessThanOrEqual(160);
  }
  // The stage track reads on one line per stage: the current stage's box is no taller than the rest.
  const steps = page.locator(".stage-step");
  const heights = await steps.evaluateAll((all) => all.map((step) => step.getBoundingClientRect().height));
  expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(1);
});

test("the dashboard's first screen names the issues that need attention, with reasons, above the charts", async ({
  page,
}) => {
  await page.goto("/");
  const panel = page.getByRole("region", { name: /Perlu perhatian/ });
  const first = panel.getByRole("listitem").first();
  await expect(first.getByRole("link", { name: /^#9 Realisasi anggaran/ })).toBeVisible();
  await expect(first).toContainText("Terlambat");
  const viewport = page.viewportSize();
  const box = await first.getByRole("link").first().boundingBox();
  const reason = await first.getByText(/^Terlambat/).boundingBox();
  expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(viewport?.height ?? 0);
  expect((reason?.y ?? Infinity) + (reason?.height ?? 0)).toBeLessThanOrEqual(viewport?.height ?? 0);
  // The charts come after it.
  const charts = await page.getByRole("region", { name: "Grafik" }).boundingBox();
  const panelBox = await panel.boundingBox();
  expect(charts?.y ?? 0).toBeGreaterThan((panelBox?.y ?? 0) + (panelBox?.height ?? 0) - 1);
});

test("the progress chart names every issue and writes #10's indicator figure on its bar", async ({
  page,
}, info) => {
  await page.goto("/");
  const chart = (await scrollToCharts(page)).locator("figure.chart", { hasText: "Progres per isu" });
  await expect(
    chart.locator(".bar-value", { hasText: "93,6% · Rp68,3\u00a0M dari Rp73\u00a0M" }),
  ).toBeVisible();
  await expect(chart.locator(".bar-value", { hasText: /^100%$/ })).toBeVisible();
  // Each name as read: its wrapped lines joined.
  const ticks = await chart
    .locator(".recharts-yAxis-tick-labels text")
    .evaluateAll((all) =>
      all.map((tick) => [...tick.querySelectorAll("tspan")].map((line) => line.textContent).join(" ")),
    );
  expect(ticks).toHaveLength(11);
  expect(ticks[9]).toBe("#10 Optimalisasi PBB");
  // Labels large enough to read from the back of the room on a projector (1280 px and up).
  const fontSize = Number(
    await chart.locator(".recharts-yAxis-tick-labels text").first().getAttribute("font-size"),
  );
  if (info.project.name === "phone") expect(fontSize).toBeGreaterThanOrEqual(11);
  else expect(fontSize).toBeGreaterThanOrEqual(18);
  // A legend in words, its marks hidden from screen readers.
  await expect(
    chart.getByText("Bertitik: capaian indikator terhadap targetnya, bukan progres fisik"),
  ).toBeVisible();
  await expect(page.getByText(/legend icon/i)).toHaveCount(0);
});

test("charts before the first update say so in words", async ({ page }) => {
  await page.goto("/?per=2024-08-01");
  await scrollToCharts(page);
  await expect(page.getByText("Belum ada pembaruan pada tanggal ini.")).toHaveCount(3);
  await expect(page.locator(".recharts-surface")).toHaveCount(0);
});
