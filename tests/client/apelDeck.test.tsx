import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import ApelPage from "../../client/pages/ApelPage";
import { pinClientClock } from "../fixtures/app";
import { createAccount, createTestDb } from "../fixtures/db";
import { renderWithApp } from "../fixtures/render";

configure({ asyncUtilTimeout: 5_000 });
pinClientClock();

const location = () => screen.getByTestId("location").textContent ?? "";

/** The title of the slide on screen: the others are hidden, so only one heading is found. */
const shownTitle = () => screen.getByRole("heading", { level: 2 }).textContent;

async function openDeck(route: string) {
  const db = await createTestDb();
  const walikota = await createAccount(db, { username: "walikota", role: "pimpinan" });
  renderWithApp(<ApelPage />, { db, route, path: "/apel", user: walikota });
  await screen.findByRole("heading", { level: 2, name: /Apel pagi 18 November 2024|Pasar|TPS|Alun/ });
  return userEvent.setup();
}

describe("the apel deck's keyboard", () => {
  it("moves with the arrows, PageUp/PageDown and space, jumps with Home/End, and keeps the slide in the URL", async () => {
    const user = await openDeck("/apel?per=2024-11-18");
    expect(shownTitle()).toBe("Apel pagi 18 November 2024");

    await user.keyboard("{ArrowRight}");
    await waitFor(() => expect(shownTitle()).toBe("Revitalisasi Pasar Besar"));
    expect(location()).toBe("/apel?per=2024-11-18&slide=2");

    await user.keyboard("{PageDown}");
    await waitFor(() => expect(location()).toContain("slide=3"));
    await user.keyboard(" ");
    await waitFor(() => expect(shownTitle()).toBe("Pembangunan / rehabilitasi TPS"));
    await user.keyboard("{PageUp}");
    await waitFor(() => expect(location()).toContain("slide=3"));
    await user.keyboard("{ArrowLeft}");
    await waitFor(() => expect(location()).toContain("slide=2"));

    await user.keyboard("{End}");
    await waitFor(() => expect(shownTitle()).toBe("Penghargaan sejak apel sebelumnya"));
    expect(location()).toContain("slide=15");
    // Past the last slide there is nowhere to go.
    await user.keyboard("{ArrowRight}");
    expect(location()).toContain("slide=15");
    await user.keyboard("{Home}");
    await waitFor(() => expect(shownTitle()).toBe("Apel pagi 18 November 2024"));
    await user.keyboard("{ArrowLeft}");
    expect(location()).toContain("slide=1");
  });

  it("jumps to an issue by its number, two quick digits for #10 and #11", async () => {
    const user = await openDeck("/apel?per=2024-11-18");
    await user.keyboard("4");
    await waitFor(() => expect(shownTitle()).toBe("Banjir kawasan Soekarno-Hatta"));
    await user.keyboard("11");
    await waitFor(() => expect(location()).toContain("slide=12"));
    expect(screen.getByText("Isu prioritas #11")).toBeVisible();
    // A digit with no issue of its own after a pause does nothing.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await user.keyboard("0");
    expect(location()).toContain("slide=12");
  });

  it("opens at the slide in the URL, and keys typed into the arahan form stay in the form", async () => {
    const user = await openDeck("/apel?per=2024-11-18&slide=4");
    expect(shownTitle()).toBe("Pembangunan / rehabilitasi TPS");
    await user.click(await screen.findByRole("button", { name: "Catat arahan" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByLabelText(/Isi arahan/), "Percepat 2 lokasi TPS");
    expect(within(dialog).getByLabelText(/Isi arahan/)).toHaveValue("Percepat 2 lokasi TPS");
    expect(location()).toContain("slide=4");
  });

  it("moves with the buttons and the slide index too", async () => {
    const user = await openDeck("/apel?per=2024-11-18");
    await user.click(screen.getByRole("button", { name: /Berikutnya/ }));
    await waitFor(() => expect(location()).toContain("slide=2"));
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Daftar slide" }),
      "13. Isu yang perlu perhatian",
    );
    await waitFor(() => expect(shownTitle()).toBe("Isu yang perlu perhatian"));
    expect(screen.getByText("Slide 13 dari 15")).toBeInTheDocument();
  });
});
