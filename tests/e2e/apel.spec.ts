import { mkdirSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import type { Stage } from "../../shared/domain";
import { id as t } from "../../shared/messages/id";
import { stateOf } from "./accounts";
import { expect, seriousA11yViolations, test } from "./fixtures";

/** The deck is for a projector or a big TV: it runs once, at the two sizes it must fit. */
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;

/** Screenshots of every slide, for a person to look at, when asked for (`PANTAU_SHOTS=dir`). */
const SHOTS = process.env.PANTAU_SHOTS;

// biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the deck's journeys set their own screen sizes");
});

/** The tRPC answer of a query, fetched as the signed-in page would. */
async function query<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/** A write through the API from inside the signed-in page (same origin, JSON), as the app makes it. */
async function mutate(page: Page, path: string, input: unknown): Promise<void> {
  const status = await page.evaluate(
    async ([p, body]) =>
      (
        await fetch(`/trpc/${p}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        })
      ).status,
    [path, input] as const,
  );
  expect(status).toBe(200);
}

const currentSlide = (page: Page) => page.locator("section.slide:not([hidden])");

/** How far the shown slide, any box in it, or the page overflows; 0 when everything fits. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const slide = document.querySelector<HTMLElement>("section.slide:not([hidden])");
    if (!slide) return ["no slide shown"];
    const doc = document.documentElement;
    if (doc.scrollHeight > doc.clientHeight) found.push(`page ${doc.scrollHeight} > ${doc.clientHeight}`);
    if (doc.scrollWidth > doc.clientWidth) found.push(`page width ${doc.scrollWidth} > ${doc.clientWidth}`);
    for (const el of [slide, ...slide.querySelectorAll<HTMLElement>(".fit-box, .slide-body, .issue-col")]) {
      if (el.scrollHeight > el.clientHeight + 1) {
        found.push(`${slide.dataset.slide} ${el.className}: ${el.scrollHeight} > ${el.clientHeight}`);
      }
    }
    // Clamped text either fits or offers the whole of it.
    for (const p of slide.querySelectorAll<HTMLElement>(".clamp")) {
      const cut = p.scrollHeight > p.clientHeight + 1;
      if (cut && !p.parentElement?.querySelector(".read-more"))
        found.push(`cut without "Selengkapnya": ${p.textContent?.slice(0, 40)}`);
    }
    return found;
  });
}

async function slideCount(page: Page): Promise<number> {
  return page.locator("section.slide").count();
}

const LONG =
  `Arahan panjang untuk uji tampilan: ${"pastikan setiap kendala lapangan dilaporkan beserta foto bukti, ".repeat(25)}`.slice(
    0,
    1990,
  );

for (const size of SIZES) {
  test(`every slide fits ${size.width}×${size.height} without scrolling, today and in a replay`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await page.goto("/");
    // A very long overdue arahan for no issue: the slide of overdue arahan must still fit.
    await mutate(page, "directions.create", {
      agencyId: (await query<{ id: number; code: string }[]>(page, "agencies.list", undefined)).find(
        (a) => a.code === "Dishub",
      )?.id,
      text: LONG,
      givenOn: "2026-11-02",
      dueDate: "2026-11-09",
    });
    for (const [name, path] of [
      ["hari-ini", "/apel"],
      ["2024-11-18", "/apel?per=2024-11-18"],
    ] as const) {
      await page.goto(path);
      await expect(currentSlide(page).getByRole("heading", { level: 2 })).toBeVisible();
      const count = await slideCount(page);
      expect(count).toBe(15);
      for (let n = 1; n <= count; n++) {
        if (n > 1) await expect(page).toHaveURL(new RegExp(`slide=${n}(&|$)`));
        await expect(currentSlide(page)).toHaveAttribute("data-slide", String(n));
        // Let clamped text measure itself.
        await page.waitForTimeout(50);
        expect(await overflow(page), `slide ${n} of ${path}`).toEqual([]);
        if (SHOTS) {
          mkdirSync(SHOTS, { recursive: true });
          await page.screenshot({
            path: `${SHOTS}/${name}-${size.width}x${size.height}-${String(n).padStart(2, "0")}.png`,
          });
        }
        if (n < count) await page.keyboard.press(n % 2 === 0 ? "PageDown" : "ArrowRight");
        else await page.goto(`${path}${path.includes("?") ? "&" : "?"}slide=1`);
      }
    }
    // The long arahan is clamped on its slide, and the whole of it is one click away.
    await page.goto("/apel?slide=14");
    await currentSlide(page)
      .getByRole("button", { name: /Selengkapnya/ })
      .first()
      .click();
    await expect(page.getByRole("dialog")).toContainText(LONG.slice(-60).trim());
    await page.getByRole("dialog").getByRole("button", { name: "Tutup" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });
}

test("the keyboard reaches every issue and the awards; a reload keeps the slide", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const issues = await (async () => {
    await page.goto("/");
    return query<{ number: number; title: string }[]>(page, "issues.list", {});
  })();
  await page.goto("/apel");
  const title = () => currentSlide(page).getByRole("heading", { level: 2 });
  await expect(title()).toContainText("Apel pagi");
  expect(await seriousA11yViolations(page)).toEqual([]);
  for (const issue of issues) {
    await page.keyboard.press(
      issue.number % 3 === 0 ? "Space" : issue.number % 3 === 1 ? "ArrowRight" : "PageDown",
    );
    await expect(title()).toHaveText(issue.title);
    await expect(currentSlide(page)).toContainText(`Isu prioritas #${issue.number}`);
  }
  await page.keyboard.press("ArrowRight");
  await expect(title()).toHaveText("Isu yang perlu perhatian");
  await page.keyboard.press("End");
  await expect(title()).toHaveText(/Penghargaan/);
  await expect(page).toHaveURL(/slide=15/);
  await page.keyboard.press("PageUp");
  await expect(title()).toHaveText("Arahan lewat tenggat");
  await page.keyboard.press("Home");
  await expect(page).toHaveURL(/slide=1(&|$)/);

  // Number keys jump to an issue; two quick digits reach #11.
  await page.keyboard.press("7");
  await expect(currentSlide(page)).toContainText("Isu prioritas #7");
  await page.keyboard.press("1");
  await page.keyboard.press("1");
  await expect(currentSlide(page)).toContainText("Isu prioritas #11");
  await expect(page).toHaveURL(/slide=12/);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.reload();
  await expect(currentSlide(page)).toContainText("Isu prioritas #11");
  await expect(page.locator(".deck-position")).toHaveText("Slide 12 dari 15");

  // The slide index jumps anywhere.
  await page.getByRole("combobox", { name: "Daftar slide" }).selectOption({ label: "15. Penghargaan" });
  await expect(title()).toHaveText(/Penghargaan/);
});

test("the replay of 18 Nov 2024 shows what moved since 11 Nov, as the history says", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto("/");
  const summary = await query<{
    changes: { number: number; title: string; fromStage: string | null; toStage: string | null }[];
  }>(page, "dashboard.summary", { asOf: "2024-11-18", since: "2024-11-11" });
  const moved = summary.changes.filter((c) => c.toStage !== null && c.fromStage !== c.toStage);
  expect(moved.length).toBeGreaterThan(0);

  await page.goto("/apel?per=2024-11-18");
  const slide = currentSlide(page);
  await expect(slide.getByRole("heading", { level: 2 })).toHaveText("Apel pagi 18 November 2024");
  await expect(slide).toContainText("Dibandingkan dengan 11 November 2024");
  const tiles = slide.getByRole("listitem");
  await expect(tiles.filter({ hasText: "isu di tahap penanganan" })).toHaveText(
    "3 dari 11 isu di tahap penanganan atau selesai",
  );
  await expect(tiles.filter({ hasText: "berpindah tahap" })).toHaveText(
    `${moved.length} isu berpindah tahap sejak apel sebelumnya (${summary.changes.length} isu diperbarui)`,
  );

  for (const change of moved) {
    await page.keyboard.press(String(change.number));
    await expect(currentSlide(page).getByRole("heading", { level: 2 })).toHaveText(change.title);
    const since = currentSlide(page).getByRole("region", { name: "Sejak apel sebelumnya" });
    await expect(since).toContainText(
      change.fromStage === null
        ? `Pembaruan pertama: ${t.stageShort[change.toStage as Stage]}`
        : `Tahap: ${t.stageShort[change.fromStage as Stage]} → ${t.stageShort[change.toStage as Stage]}`,
    );
    // Two digits typed slowly are two jumps: wait out the window before the next issue.
    await page.waitForTimeout(1100);
  }
  // An issue with no update in the week says so.
  const still = [1, 2, 3, 4, 5, 6, 7, 8, 9].find((n) => !summary.changes.some((c) => c.number === n));
  if (still !== undefined) {
    await page.keyboard.press(String(still));
    await expect(currentSlide(page)).toContainText("Tidak ada pembaruan sejak apel sebelumnya.");
  }
  // The awards handed over at that apel are new.
  await page.keyboard.press("End");
  await expect(currentSlide(page).getByRole("heading", { level: 2 })).toHaveText(
    "Penghargaan sejak apel sebelumnya",
  );
});

async function signedInPage(browser: Browser, account: "opd" | "admin") {
  const context = await browser.newContext({
    storageState: stateOf(account),
    viewport: { width: 1280, height: 800 },
  });
  return { context, page: await context.newPage() };
}

test("arahan: the Wali Kota gives one on the deck, DLH closes it from Isu saya, the Sekda office sees both in the audit trail", async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const text = `Laporkan jadwal serah terima TPS ${Date.now()}.`;
  await page.goto("/apel?slide=4");
  await expect(currentSlide(page)).toContainText("Isu prioritas #3");
  await currentSlide(page).getByRole("button", { name: "Catat arahan" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel(/OPD penanggung jawab/)).toHaveValue(/\d+/);
  await expect(dialog.getByLabel(/OPD penanggung jawab/).locator("option:checked")).toHaveText(/^DLH/);
  // Keys typed in the form stay in the form.
  await dialog.getByLabel(/Isi arahan/).fill(text);
  await dialog.getByLabel(/Tenggat/).fill("2026-11-01");
  await dialog.getByRole("button", { name: "Simpan arahan" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Arahan tercatat.");
  await dialog.getByRole("button", { name: "Tutup" }).click();
  await expect(currentSlide(page)).toContainText("Isu prioritas #3");
  const open = currentSlide(page).getByRole("region", { name: /Arahan terbuka/ });
  await expect(open).toContainText("Lewat tenggat");
  await expect(open).toContainText(text);
  // An overdue arahan is a reason for attention, on the deck and on the dashboard.
  await expect(currentSlide(page).getByRole("region", { name: "Perlu perhatian karena" })).toContainText(
    "arahan lewat tenggat",
  );
  await page.goto("/");
  await expect(page.getByRole("region", { name: /Arahan lewat tenggat/ })).toContainText(text);

  const opd = await signedInPage(browser, "opd");
  await opd.page.goto("/isu-saya");
  const mine = opd.page.getByRole("region", { name: "Arahan untuk DLH" });
  const item = mine.getByRole("listitem").filter({ hasText: text });
  await expect(item).toContainText("Lewat tenggat");
  await item.getByRole("button", { name: "Tandai selesai" }).click();
  await item.getByRole("button", { name: "Simpan penyelesaian" }).click();
  await expect(item.getByText("Catatan penyelesaian wajib diisi.")).toBeVisible();
  await item.getByLabel(/Catatan penyelesaian/).fill("Jadwal serah terima sudah dilaporkan ke Bagian Umum.");
  await item.getByRole("button", { name: "Simpan penyelesaian" }).click();
  await expect(mine.getByText(text)).toHaveCount(0);
  await opd.context.close();

  // Closed today: today's dashboard no longer counts it overdue. (The deck shows its apel's own
  // day, when the arahan was still open, unless that day is today.)
  await page.goto("/");
  const stillOpen = await query<{ text: string }[]>(page, "directions.list", { status: "open" });
  expect(stillOpen.map((d) => d.text)).not.toContain(text);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("region", { name: /Arahan lewat tenggat/ })).not.toContainText(text);

  const admin = await signedInPage(browser, "admin");
  await admin.page.goto("/admin/audit");
  await expect(admin.page.getByRole("row").filter({ hasText: "Arahan ditutup" }).first()).toContainText(
    "dlh",
  );
  await expect(admin.page.getByRole("row").filter({ hasText: "Arahan dicatat" }).first()).toContainText(
    "walikota",
  );
  await admin.context.close();
});

test.describe("offline", () => {
  // Whatever the browser tries while the network is cut fails, and Chromium logs it.
  test.use({ expectedConsoleErrors: [/ERR_INTERNET_DISCONNECTED/] });

  test("once loaded the deck keeps working offline, says so, and refreshes when the network returns", async ({
    page,
    context,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto("/apel?slide=2");
    await expect(currentSlide(page)).toContainText("Isu prioritas #1");
    await expect(page.getByText(/data per \d{2}\.\d{2} WIB/)).toBeVisible();

    await context.setOffline(true);
    await expect(page.getByRole("alert")).toContainText("Luring");
    await page.keyboard.press("End");
    await expect(currentSlide(page).getByRole("heading", { level: 2 })).toHaveText(/Penghargaan/);
    await page.keyboard.press("5");
    await expect(currentSlide(page)).toContainText("Isu prioritas #5");
    await expect(page.getByText(/data per \d{2}\.\d{2} WIB/)).toBeVisible();

    const refreshed = page.waitForResponse((r) => r.url().includes("apels.deck"));
    await context.setOffline(false);
    await refreshed;
    await expect(page.getByRole("alert")).toHaveCount(0);
  });
});

test("printing the deck gives one landscape page per slide", async ({ page }) => {
  await page.goto("/apel");
  await expect(currentSlide(page).getByRole("heading", { level: 2 })).toBeVisible();
  const count = await slideCount(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("section.slide:visible")).toHaveCount(count);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length).toBe(count);
  const box = pdf.toString("latin1").match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\]/);
  expect(Number(box?.[1])).toBeGreaterThan(Number(box?.[2]));
});
