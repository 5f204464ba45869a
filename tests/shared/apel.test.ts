import { describe, expect, it } from "vitest";
import { apelDates, mondayOnOrBefore, sinceLastApel } from "../../shared/apel";
import { directionStatusAsOf, isDirectionOverdue } from "../../shared/directions";

describe("apel dates", () => {
  it("finds the Monday of a date's week", () => {
    expect(mondayOnOrBefore("2024-11-18")).toBe("2024-11-18");
    expect(mondayOnOrBefore("2024-11-24")).toBe("2024-11-18");
    expect(mondayOnOrBefore("2024-11-17")).toBe("2024-11-11");
  });

  it("replays a past apel against the recorded apel before it, else the week before", () => {
    expect(apelDates([], "2026-11-27", "2024-11-18")).toEqual({
      date: "2024-11-18",
      previous: "2024-11-11",
      previousRecorded: false,
    });
    expect(apelDates(["2024-11-04", "2024-11-25"], "2026-11-27", "2024-11-18")).toMatchObject({
      previous: "2024-11-04",
      previousRecorded: true,
    });
  });

  it("counts what is dated after the previous apel and by this one", () => {
    const dates = { date: "2024-11-18", previous: "2024-11-11" };
    expect(
      ["2024-11-11", "2024-11-12", "2024-11-18", "2024-11-19", null].map((d) => sinceLastApel(d, dates)),
    ).toEqual([false, true, true, false, false]);
  });
});

describe("the overdue rule", () => {
  const open = { givenOn: "2026-11-02", dueDate: "2026-11-09", status: "open" as const, closedAt: null };
  // Closed on 20 Nov at 23:30 WIB, which is still 20 Nov in Malang (16:30 UTC).
  const closed = { ...open, status: "done" as const, closedAt: "2026-11-20T16:30:00.000Z" };

  it("is overdue only after the due date, while open", () => {
    expect(isDirectionOverdue(open, "2026-11-09")).toBe(false);
    expect(isDirectionOverdue(open, "2026-11-10")).toBe(true);
  });

  it("judges a closed arahan by the WIB date it was closed", () => {
    expect(directionStatusAsOf(closed, "2026-11-19")).toBe("open");
    expect(isDirectionOverdue(closed, "2026-11-19")).toBe(true);
    expect(directionStatusAsOf(closed, "2026-11-20")).toBe("done");
    expect(isDirectionOverdue(closed, "2026-11-21")).toBe(false);
  });
});
