import { describe, expect, it } from "vitest";
import { asOfCutoff, daysBetween, shiftDate, stateAsOf, wibDate, wibDateTime } from "../../shared/asOf";

describe("asOfCutoff", () => {
  const now = new Date("2026-11-27T02:00:00.000Z");

  it("looks at the end of the calendar day in WIB (UTC+7)", () => {
    expect(asOfCutoff("2024-11-18", now)).toBe("2024-11-18T16:59:59.999Z");
  });

  it("handles a leap day and the last day of the year", () => {
    expect(asOfCutoff("2024-02-29", now)).toBe("2024-02-29T16:59:59.999Z");
    expect(asOfCutoff("2024-12-31", now)).toBe("2024-12-31T16:59:59.999Z");
  });

  it("is the live clock when no date is given", () => {
    expect(asOfCutoff(undefined, now)).toBe("2026-11-27T02:00:00.000Z");
  });
});

describe("wibDate", () => {
  it("is still the previous WIB day one millisecond before 17:00 UTC", () => {
    expect(wibDate("2024-11-17T16:59:59.999Z")).toBe("2024-11-17");
  });

  it("turns to the next WIB day at 17:00 UTC, while UTC is still on the earlier date", () => {
    expect(wibDate("2024-11-17T17:00:00.000Z")).toBe("2024-11-18");
    expect(wibDate(new Date("2024-12-31T17:00:00.000Z"))).toBe("2025-01-01");
  });

  it("is the same day for the whole WIB day", () => {
    expect(wibDate("2024-11-17T17:00:00.000Z")).toBe(wibDate("2024-11-18T16:59:59.999Z"));
  });
});

describe("wibDateTime", () => {
  it("writes the WIB wall clock on a 24-hour clock, midnight as 00", () => {
    expect(wibDateTime("2024-11-18T02:05:00.000Z")).toBe("2024-11-18 09:05");
    expect(wibDateTime("2024-11-18T16:59:59.999Z")).toBe("2024-11-18 23:59");
    expect(wibDateTime(Date.parse("2024-12-31T17:00:00.000Z"))).toBe("2025-01-01 00:00");
  });
});

describe("shiftDate", () => {
  it("goes back a week from the apel", () => {
    expect(shiftDate("2024-11-18", 7)).toBe("2024-11-11");
  });

  it("crosses month ends, leap years included", () => {
    expect(shiftDate("2024-03-01", 1)).toBe("2024-02-29");
    expect(shiftDate("2023-03-01", 1)).toBe("2023-02-28");
    expect(shiftDate("2024-12-03", 7)).toBe("2024-11-26");
  });

  it("crosses year ends in both directions", () => {
    expect(shiftDate("2025-01-03", 7)).toBe("2024-12-27");
    expect(shiftDate("2024-12-31", -1)).toBe("2025-01-01");
  });
});

describe("daysBetween", () => {
  it("counts whole days, rounding down", () => {
    expect(daysBetween("2024-11-11T05:00:00.000Z", "2024-11-18T04:59:59.999Z")).toBe(6);
    expect(daysBetween("2024-11-11T05:00:00.000Z", "2024-11-18T05:00:00.000Z")).toBe(7);
  });
});

describe("stateAsOf", () => {
  const updates = [
    { id: 1, createdAt: "2024-09-10T05:00:00.000Z", stage: "identifikasi" },
    { id: 2, createdAt: "2024-11-18T05:00:00.000Z", stage: "penanganan" },
    { id: 3, createdAt: "2025-03-14T05:00:00.000Z", stage: "selesai" },
  ];

  it("picks the latest update at or before the cutoff", () => {
    expect(stateAsOf(updates, "2024-11-18T16:59:59.999Z")?.stage).toBe("penanganan");
    expect(stateAsOf(updates, "2024-11-17T16:59:59.999Z")?.stage).toBe("identifikasi");
    expect(stateAsOf(updates, "2026-01-01T00:00:00.000Z")?.stage).toBe("selesai");
  });

  it("includes an update made exactly at the cutoff", () => {
    expect(stateAsOf(updates, "2024-11-18T05:00:00.000Z")?.id).toBe(2);
    expect(stateAsOf(updates, "2024-11-18T04:59:59.999Z")?.id).toBe(1);
  });

  it("is null before the first update", () => {
    expect(stateAsOf(updates, "2024-09-10T04:59:59.999Z")).toBeNull();
    expect(stateAsOf([], "2030-01-01T00:00:00.000Z")).toBeNull();
  });

  it("breaks a tie on the instant by the higher id", () => {
    const tied = [
      { id: 7, createdAt: "2024-11-18T05:00:00.000Z" },
      { id: 9, createdAt: "2024-11-18T05:00:00.000Z" },
      { id: 8, createdAt: "2024-11-18T05:00:00.000Z" },
    ];
    expect(stateAsOf(tied, "2024-11-18T05:00:00.000Z")?.id).toBe(9);
    expect(stateAsOf([...tied].reverse(), "2024-11-18T05:00:00.000Z")?.id).toBe(9);
  });

  it("does not depend on the order of its input", () => {
    const shuffled = [updates[2], updates[0], updates[1]].filter((u) => u !== undefined);
    const reversed = [...updates].reverse();
    for (const cutoff of [
      "2024-10-01T00:00:00.000Z",
      "2024-12-01T00:00:00.000Z",
      "2025-12-01T00:00:00.000Z",
    ]) {
      expect(stateAsOf(shuffled, cutoff)).toBe(stateAsOf(updates, cutoff));
      expect(stateAsOf(reversed, cutoff)).toBe(stateAsOf(updates, cutoff));
    }
  });
});
