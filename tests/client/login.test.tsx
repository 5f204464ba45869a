import { configure, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { LoginPage } from "../../client/pages/LoginPage";
import { createLoginThrottle } from "../../server/auth/throttle";
import { createAccount, createTestDb, TEST_PASSWORD } from "../fixtures/db";
import { renderWithApp } from "../fixtures/render";

configure({ asyncUtilTimeout: 5_000 });

function currentUrl() {
  return screen.getByTestId("location").textContent;
}

async function signIn(username: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText("Nama pengguna"), username);
  if (password) await user.type(screen.getByLabelText("Kata sandi"), password);
  await user.click(screen.getByRole("button", { name: "Masuk" }));
  return user;
}

/** The sign-in page alone, signed out: with the in-process link no cookie follows a sign-in. */
async function renderLogin(route: string, services = {}) {
  const db = await createTestDb();
  await createAccount(db, { username: "dlh.staf", role: "opd", agencyCode: "DLH" });
  renderWithApp(<LoginPage />, { db, route, user: null, services });
  return db;
}

describe("Signing in", () => {
  it("offers labelled fields that password managers recognise", async () => {
    await renderLogin("/masuk");
    expect(await screen.findByRole("heading", { level: 1, name: "Masuk ke Pantau" })).toBeInTheDocument();
    expect(screen.getByLabelText("Nama pengguna")).toHaveAttribute("autocomplete", "username");
    expect(screen.getByLabelText("Kata sandi")).toHaveAttribute("autocomplete", "current-password");
    expect(screen.getByLabelText("Kata sandi")).toHaveAttribute("type", "password");
  });

  it("goes back to the page asked for after a successful sign-in", async () => {
    await renderLogin("/masuk?kembali=%2Fisu%2F3%3Fper%3D2024-11-18");
    await signIn("dlh.staf", TEST_PASSWORD);
    await screen.findByText("/isu/3?per=2024-11-18");
    expect(currentUrl()).toBe("/isu/3?per=2024-11-18");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("goes to the dashboard when no page was asked for", async () => {
    await renderLogin("/masuk");
    await signIn("dlh.staf", TEST_PASSWORD);
    await screen.findByText(/^\/$/);
    expect(currentUrl()).toBe("/");
  });

  it.each([
    ["an absolute address", "https://jahat.example/curi"],
    ["a protocol-relative address", "//jahat.example/curi"],
    ["a backslash trick", "/\\jahat.example"],
  ])("never follows %s in ?kembali=", async (_label, target) => {
    await renderLogin(`/masuk?kembali=${encodeURIComponent(target)}`);
    await signIn("dlh.staf", TEST_PASSWORD);
    await screen.findByText(/^\/$/);
    expect(currentUrl()).toBe("/");
  });

  it("says the user name or password is wrong, and stays on the page", async () => {
    await renderLogin("/masuk?kembali=%2Fisu-saya");
    await signIn("dlh.staf", "bukan-kata-sandinya");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Nama pengguna atau kata sandi salah.");
    expect(currentUrl()).toBe("/masuk?kembali=%2Fisu-saya");
    // The password is cleared for another try; the user name is kept.
    expect(screen.getByLabelText("Kata sandi")).toHaveValue("");
    expect(screen.getByLabelText("Nama pengguna")).toHaveValue("dlh.staf");
  });

  it("says when too many attempts were made", async () => {
    await renderLogin("/masuk", {
      throttle: createLoginThrottle({ freeFailures: 1, firstDelaySeconds: 900 }),
    });
    const user = await signIn("dlh.staf", "salah-sekali");
    expect(await screen.findByRole("alert")).toHaveTextContent("Nama pengguna atau kata sandi salah.");

    await user.type(screen.getByLabelText("Kata sandi"), TEST_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Masuk" }));
    expect(await screen.findByText(/^Terlalu banyak percobaan masuk/)).toHaveAttribute("role", "alert");
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit.",
    );
    expect(currentUrl()).toBe("/masuk");
  });

  it("asks for both fields before sending anything", async () => {
    await renderLogin("/masuk");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Masuk" }));
    const name = screen.getByLabelText("Nama pengguna");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription("Nama pengguna wajib diisi.");
    expect(screen.getByLabelText("Kata sandi")).toHaveAccessibleDescription("Kata sandi wajib diisi.");
    expect(name).toHaveFocus();
    expect(within(document.body).queryByRole("alert")).not.toBeInTheDocument();
  });
});
