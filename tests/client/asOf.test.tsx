import { act, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { COMMIT_DELAY_MS } from "../../client/components/AsOfControl";
import type { DB } from "../../db/database";
import { pinClientClock, renderApp } from "../fixtures/app";
import { createTestDb } from "../fixtures/db";

// "Today" in the browser is the server's fixed 27 Nov 2026, whatever the time the tests run.
pinClientClock();

// Each date change reloads the whole dashboard: leave room for a busy machine.
configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 20_000 });

let db: DB;

beforeAll(async () => {
  db = await createTestDb();
  await import("../../client/components/charts/DashboardCharts");
});

const INVALID = "Tanggal tidak sah. Pilih tanggal antara Agustus 2024 dan hari ini.";
const TODAY_HEADLINE = "5 dari 11 isu prioritas telah memasuki tahap penanganan.";

function currentUrl() {
  return screen.getByTestId("location").textContent;
}

function dateInput() {
  return screen.getByLabelText(/^Tampilkan per tanggal/);
}

/** The "viewing as of" banner (the URL probe is an <output>, a status too, so find it by text). */
function asOfBanner() {
  return screen.queryByText(/^Menampilkan keadaan per /);
}

/** Sets the as-of field as the browser reports a change, without waiting for it to be taken. */
function changeDate(value: string) {
  fireEvent.change(dateInput(), { target: { value } });
}

/** Picks a date in the as-of control and waits as long as the control waits for more typing. */
async function pickDate(value: string) {
  changeDate(value);
  await act(() => new Promise((resolve) => setTimeout(resolve, COMMIT_DELAY_MS + 50)));
}

describe("As-of control in the layout", () => {
  it("starts at today, with no banner and no way back to 'today'", async () => {
    await renderApp("/", { db });
    expect(await screen.findByText(TODAY_HEADLINE)).toBeInTheDocument();
    // Day first, as written in Indonesia, whatever the browser's language.
    expect(dateInput()).toHaveValue("27/11/2026");
    expect(dateInput()).toHaveAccessibleName("Tampilkan per tanggal (HH/BB/TTTT)");
    expect(dateInput()).toHaveAccessibleDescription("Format HH/BB/TTTT, mis. 18/11/2024.");
    expect(asOfBanner()).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Hari ini" })).not.toBeInTheDocument();
  });

  it("shows the dashboard as of a picked date, and 'Hari ini' goes back to today", async () => {
    const user = userEvent.setup();
    await renderApp("/", { db });
    await screen.findByText(TODAY_HEADLINE);

    await pickDate("2024-11-18");
    expect(currentUrl()).toBe("/?per=2024-11-18");
    expect(asOfBanner()).toHaveTextContent("Menampilkan keadaan per 18 November 2024.");
    expect(asOfBanner()).toHaveAttribute("role", "status");
    expect(
      await screen.findByText(
        "3 dari 11 isu prioritas telah memasuki tahap penanganan per 18 November 2024.",
      ),
    ).toBeInTheDocument();
    expect(dateInput()).toHaveValue("18/11/2024");
    // Moving to another page keeps the date.
    const nav = screen.getByRole("navigation", { name: "Navigasi utama" });
    expect(within(nav).getByRole("link", { name: "Penghargaan" })).toHaveAttribute(
      "href",
      "/penghargaan?per=2024-11-18",
    );

    await user.click(screen.getByRole("button", { name: "Hari ini" }));
    expect(currentUrl()).toBe("/");
    expect(asOfBanner()).not.toBeInTheDocument();
    expect(await screen.findByText(TODAY_HEADLINE)).toBeInTheDocument();
    expect(dateInput()).toHaveValue("27/11/2026");
    expect(screen.queryByRole("button", { name: "Hari ini" })).not.toBeInTheDocument();
  });

  it("keeps the filters when the date changes", async () => {
    await renderApp("/?tahap=penanganan", { db });
    await screen.findByText("3 dari 11 isu");
    await pickDate("2024-11-18");
    expect(currentUrl()).toBe("/?tahap=penanganan&per=2024-11-18");
    // #3, #4 and #7 were in handling on that day.
    expect(await screen.findByRole("link", { name: "Banjir kawasan Soekarno-Hatta" })).toBeInTheDocument();
    expect(screen.getByText("3 dari 11 isu")).toBeInTheDocument();
  });

  it("waits for typing to pause, then shows only the date typed last", async () => {
    await renderApp("/", { db });
    await screen.findByText(TODAY_HEADLINE);
    changeDate("2024-11-01");
    changeDate("2024-11-18");
    expect(currentUrl()).toBe("/");
    expect(dateInput()).toHaveValue("2024-11-18");
    await waitFor(() => expect(currentUrl()).toBe("/?per=2024-11-18"));
  });

  it("takes a typed date at once when the field is left", async () => {
    await renderApp("/", { db });
    await screen.findByText(TODAY_HEADLINE);
    changeDate("2024-11-18");
    fireEvent.blur(dateInput());
    expect(currentUrl()).toBe("/?per=2024-11-18");
  });

  it("takes a date typed day first, as written in Indonesia, and writes it back that way", async () => {
    await renderApp("/", { db });
    await screen.findByText(TODAY_HEADLINE);
    await pickDate("18/11/2024");
    expect(currentUrl()).toBe("/?per=2024-11-18");
    changeDate("1.10.2024");
    fireEvent.blur(dateInput());
    expect(currentUrl()).toBe("/?per=2024-10-01");
    expect(dateInput()).toHaveValue("01/10/2024");
  });

  it("moves a day with the arrow keys", async () => {
    await renderApp("/?per=2024-11-18", { db });
    await screen.findByText("Menampilkan keadaan per 18 November 2024.");
    fireEvent.keyDown(dateInput(), { key: "ArrowDown" });
    expect(dateInput()).toHaveValue("17/11/2024");
    await waitFor(() => expect(currentUrl()).toBe("/?per=2024-11-17"));
    fireEvent.keyDown(dateInput(), { key: "ArrowUp" });
    fireEvent.keyDown(dateInput(), { key: "ArrowUp" });
    await waitFor(() => expect(currentUrl()).toBe("/?per=2024-11-19"));
  });

  it("says what is wrong with text that is no date, in its own words", async () => {
    await renderApp("/?per=2024-11-18", { db });
    await screen.findByText("Menampilkan keadaan per 18 November 2024.");
    changeDate("31/02/2024");
    fireEvent.blur(dateInput());
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Tanggal tidak terbaca. Tulis HH/BB/TTTT, mis. 18/11/2024.",
    );
    expect(dateInput()).toHaveAttribute("aria-invalid", "true");
    expect(currentUrl()).toBe("/?per=2024-11-18");
  });

  it("picking today's date is the live view, not a dated one", async () => {
    await renderApp("/?per=2024-11-18", { db });
    await screen.findByText("Menampilkan keadaan per 18 November 2024.");
    await pickDate("2026-11-27");
    expect(currentUrl()).toBe("/");
    expect(asOfBanner()).not.toBeInTheDocument();
  });

  it("rejects a date before August 2024 that is typed in, and keeps the view", async () => {
    await renderApp("/?per=2024-11-18", { db });
    await screen.findByText("Menampilkan keadaan per 18 November 2024.");
    await pickDate("2023-01-01");
    // While the field is being typed in, an unfinished date is no error yet; leaving it is.
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    fireEvent.blur(dateInput());
    expect(screen.getByRole("alert")).toHaveTextContent(INVALID);
    expect(dateInput()).toHaveAttribute("aria-invalid", "true");
    expect(dateInput()).toHaveAccessibleDescription(`Format HH/BB/TTTT, mis. 18/11/2024. ${INVALID}`);
    expect(currentUrl()).toBe("/?per=2024-11-18");

    await pickDate("2024-12-01");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(dateInput()).not.toHaveAttribute("aria-invalid");
    expect(currentUrl()).toBe("/?per=2024-12-01");
  });

  it.each([
    ["before the issues were set", "2023-01-01"],
    ["not a real date", "2024-02-30"],
    ["in the future", "2026-11-28"],
    ["not a date at all", "kemarin"],
  ])("reports a link with a date %s and shows today's figures", async (_, per) => {
    await renderApp(`/?per=${per}`, { db });
    expect(await screen.findByText(TODAY_HEADLINE)).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent(INVALID);
    expect(asOfBanner()).not.toBeInTheDocument();
    expect(dateInput()).toHaveValue("27/11/2026");
    expect(
      within(screen.getByRole("region", { name: "Angka utama" })).getByText("5 / 11"),
    ).toBeInTheDocument();
  });

  it("lets a link with a bad date be cleared, and never passes the bad date on", async () => {
    const user = userEvent.setup();
    await renderApp("/?per=2023-01-01", { db });
    expect(await screen.findByText(TODAY_HEADLINE)).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Navigasi utama" });
    expect(within(nav).getByRole("link", { name: "Penghargaan" })).toHaveAttribute("href", "/penghargaan");
    // The list follows the first screen a moment later.
    expect(within(await screen.findByRole("table")).getAllByRole("link")[0]).toHaveAttribute(
      "href",
      "/isu/1",
    );

    await user.click(screen.getByRole("button", { name: "Hari ini" }));
    expect(currentUrl()).toBe("/");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});

describe("Layout", () => {
  it("names the app and offers a skip link to the content", async () => {
    await renderApp("/", { db });
    expect(screen.getByText("Pantau")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Langsung ke isi" })).toHaveAttribute("href", "#isi");
    expect(screen.getByRole("main")).toHaveAttribute("id", "isi");
    expect(screen.getByRole("contentinfo")).toHaveTextContent("Pemerintah Kota Malang");
    await screen.findByText(TODAY_HEADLINE);
  });

  it("navigates between pages, marks the current one and moves focus to the content", async () => {
    const user = userEvent.setup();
    await renderApp("/", { db });
    await screen.findByText(TODAY_HEADLINE);
    const nav = screen.getByRole("navigation", { name: "Navigasi utama" });
    expect(within(nav).getByRole("link", { name: "Dasbor" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("main")).not.toHaveFocus();

    await user.click(within(nav).getByRole("link", { name: "Penghargaan" }));
    // Each page but the dashboard loads on its first visit; the URL moves once it has arrived.
    await waitFor(() => expect(currentUrl()).toBe("/penghargaan"));
    expect(await screen.findByText("6 ajang, 8 penghargaan")).toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "Penghargaan" })).toHaveAttribute("aria-current", "page");
    expect(within(nav).getByRole("link", { name: "Dasbor" })).not.toHaveAttribute("aria-current");
    expect(screen.getByRole("main")).toHaveFocus();
    expect(document.title).toBe("Penghargaan · Pantau");
  });

  it("opens an issue from the list with the as-of date kept", async () => {
    const user = userEvent.setup();
    await renderApp("/?per=2024-11-18", { db });
    await user.click(await screen.findByRole("link", { name: "Banjir kawasan Soekarno-Hatta" }));
    await waitFor(() => expect(currentUrl()).toBe("/isu/4?per=2024-11-18"));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Banjir kawasan Soekarno-Hatta" }),
    ).toBeInTheDocument();
    expect(asOfBanner()).toHaveTextContent("Menampilkan keadaan per 18 November 2024.");
    expect(asOfBanner()).toHaveAttribute("role", "status");
    expect(screen.getByRole("link", { name: "← Semua isu" })).toHaveAttribute("href", "/?per=2024-11-18");
  });

  it("shows a not-found page for an unknown address", async () => {
    await renderApp("/tidak-ada", { db });
    // Behind sign-in like every page: it shows once the session is known.
    expect(
      await screen.findByRole("heading", { level: 1, name: "Halaman tidak ditemukan." }),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Kembali ke dasbor" })).toHaveAttribute("href", "/");
  });
});
