import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatRupiah,
  formatRupiahShort,
} from "../../shared/format";

// Intl's id-ID currency format separates "Rp" from the amount with a no-break space (U+00A0).
const NBSP = "\u00a0";

describe("formatRupiah", () => {
  it("writes whole Rupiah with dots between thousands", () => {
    expect(formatRupiah(25_300_000_000)).toBe(`Rp${NBSP}25.300.000.000`);
    expect(formatRupiah(612_200_000)).toBe(`Rp${NBSP}612.200.000`);
    expect(formatRupiah(0)).toBe(`Rp${NBSP}0`);
  });

  it("shows no sen", () => {
    expect(formatRupiah(1_499.6)).toBe(`Rp${NBSP}1.500`);
  });
});

describe("formatRupiahShort", () => {
  it("says amounts as officials do", () => {
    expect(formatRupiahShort(25_300_000_000)).toBe(`Rp${NBSP}25,3 miliar`);
    expect(formatRupiahShort(2_573_000_000_000)).toBe(`Rp${NBSP}2,57 triliun`);
    expect(formatRupiahShort(612_200_000)).toBe(`Rp${NBSP}612,2 juta`);
    expect(formatRupiahShort(1_400_000_000)).toBe(`Rp${NBSP}1,4 miliar`);
  });

  it("picks the unit after rounding, so an amount just under a unit reads as that unit", () => {
    expect(formatRupiahShort(999_999_999)).toBe(`Rp${NBSP}1 miliar`);
    expect(formatRupiahShort(999_996_000_000)).toBe(`Rp${NBSP}1 triliun`);
  });

  it("puts the minus sign before Rp, as formatRupiah does", () => {
    expect(formatRupiahShort(-1_400_000_000)).toBe(`-Rp${NBSP}1,4 miliar`);
    expect(formatRupiah(-5_000).startsWith("-Rp")).toBe(true);
  });

  it("writes amounts under a million in full", () => {
    expect(formatRupiahShort(500_000)).toBe(`Rp${NBSP}500.000`);
  });
});

describe("formatNumber and formatPercent", () => {
  it("use the Indonesian decimal comma", () => {
    expect(formatNumber(1234.567)).toBe("1.234,57");
    expect(formatPercent(93.5616)).toBe("93,6%");
    expect(formatPercent(58)).toBe("58%");
  });
});

describe("formatDate", () => {
  it("writes a calendar date in Indonesian", () => {
    expect(formatDate("2024-11-18")).toBe("18 November 2024");
    expect(formatDate("2025-02-12")).toBe("12 Februari 2025");
  });

  it("writes only the month when that is all that is known", () => {
    expect(formatDate("2025-01-31", "month")).toBe("Januari 2025");
    expect(formatDate("2024-10-31", "month")).toBe("Oktober 2024");
  });

  it("dates an instant by its WIB day", () => {
    expect(formatDate("2024-11-17T17:30:00.000Z")).toBe("18 November 2024");
    expect(formatDate("2024-11-17T16:30:00.000Z")).toBe("17 November 2024");
  });
});

describe("formatDateTime", () => {
  it("shows the time in WIB", () => {
    expect(formatDateTime("2024-11-18T05:00:00.000Z")).toBe("18 Nov 2024, 12.00 WIB");
  });

  it("moves an instant late in the UTC evening to the next WIB day", () => {
    expect(formatDateTime("2024-11-17T17:30:00.000Z")).toBe("18 Nov 2024, 00.30 WIB");
  });
});
