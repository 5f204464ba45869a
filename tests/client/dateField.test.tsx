import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { DateField } from "../../client/components/DateField";
import { dateText, parseDateText } from "../../client/lib/formInput";

function Harness({ initial = "" }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField id="tgl" label="Tanggal ajang" value={value} onChange={setValue} />
      <output data-testid="iso">{parseDateText(value) ?? ""}</output>
    </>
  );
}

describe("parseDateText", () => {
  it.each([
    ["18/11/2024", "2024-11-18"],
    ["1/2/2025", "2025-02-01"],
    ["18.11.2024", "2024-11-18"],
    ["18-11-2024", "2024-11-18"],
    ["2024-11-18", "2024-11-18"],
    [" 29/02/2024 ", "2024-02-29"],
  ])("reads %s as %s", (typed, iso) => {
    expect(parseDateText(typed)).toBe(iso);
  });

  it.each(["31/02/2025", "29/02/2025", "11/30/2026", "18/11/24", "kemarin", "", "2024-13-01"])(
    "reads %s as no date",
    (typed) => {
      expect(parseDateText(typed)).toBeNull();
    },
  );

  it("writes a date back day first", () => {
    expect(dateText("2024-11-18")).toBe("18/11/2024");
    expect(dateText(null)).toBe("");
  });
});

describe("DateField", () => {
  it("is a labelled text field whose hint gives the format", () => {
    render(<Harness initial="18/11/2024" />);
    const field = screen.getByRole("textbox", { name: "Tanggal ajang" });
    expect(field).toHaveValue("18/11/2024");
    expect(field).toHaveAttribute("inputmode", "numeric");
    expect(field).toHaveAccessibleDescription("Format HH/BB/TTTT, mis. 18/11/2024.");
  });

  it("writes a readable date day first once the field is left", () => {
    render(<Harness />);
    const field = screen.getByRole("textbox", { name: "Tanggal ajang" });
    fireEvent.change(field, { target: { value: "2024-11-18" } });
    fireEvent.blur(field);
    expect(field).toHaveValue("18/11/2024");
    expect(screen.getByTestId("iso")).toHaveTextContent("2024-11-18");
    expect(field).not.toHaveAttribute("aria-invalid");
  });

  it("says what is wrong once the field is left holding no date, and not while typing", () => {
    render(<Harness />);
    const field = screen.getByRole("textbox", { name: "Tanggal ajang" });
    fireEvent.change(field, { target: { value: "31/02" } });
    expect(field).not.toHaveAttribute("aria-invalid");
    fireEvent.change(field, { target: { value: "31/02/2025" } });
    fireEvent.blur(field);
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription(
      "Format HH/BB/TTTT, mis. 18/11/2024. Tanggal tidak terbaca. Tulis HH/BB/TTTT, mis. 18/11/2024.",
    );
    fireEvent.change(field, { target: { value: "28/02/2025" } });
    expect(field).not.toHaveAttribute("aria-invalid");
  });

  it("moves a readable date a day with the arrow keys", () => {
    render(<Harness initial="31/12/2024" />);
    const field = screen.getByRole("textbox", { name: "Tanggal ajang" });
    fireEvent.keyDown(field, { key: "ArrowUp" });
    expect(field).toHaveValue("01/01/2025");
    fireEvent.keyDown(field, { key: "ArrowDown" });
    fireEvent.keyDown(field, { key: "ArrowDown" });
    expect(field).toHaveValue("30/12/2024");
  });
});
