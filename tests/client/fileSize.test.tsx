import { describe, expect, it } from "vitest";
import { formatFileSize } from "../../client/lib/fileSize";

describe("formatFileSize", () => {
  it.each([
    [0, "0 B"],
    [5, "5 B"],
    [1023, "1.023 B"],
    [1024, "1 KB"],
    [150_000, "146 KB"],
    // Just under 1 MB rounds to 1.024 KB: said as 1 MB instead.
    [1024 * 1024 - 1, "1 MB"],
    [2_500_000, "2,4 MB"],
    [10 * 1024 * 1024, "10 MB"],
  ])("%i bytes read as %s", (bytes, expected) => {
    expect(formatFileSize(bytes)).toBe(expected);
  });
});
