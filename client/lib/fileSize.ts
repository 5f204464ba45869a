import { formatNumber } from "../../shared/format";

const KB = 1024;
const MB = KB * KB;

/** `5 B`, `146 KB`, `2,4 MB`: a file's size as people read it, the unit chosen after rounding. */
export function formatFileSize(bytes: number): string {
  if (bytes < KB) return `${formatNumber(bytes)} B`;
  const kb = Math.round(bytes / KB);
  if (kb < KB) return `${formatNumber(kb)} KB`;
  return `${formatNumber(Math.round((bytes / MB) * 10) / 10)} MB`;
}
