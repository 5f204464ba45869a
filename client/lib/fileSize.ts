import { formatNumber } from "../../shared/format";

/** `146 KB`, `2,4 MB`: a file's size as people read it. */
export function formatFileSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1
    ? `${formatNumber(Math.round(mb * 10) / 10)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
