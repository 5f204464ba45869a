import type { ReactNode } from "react";

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * A chart with its title and a text summary for screen readers. Without a fixed `size` the
 * chart follows its container's width.
 */
export function ChartFrame({
  title,
  summary,
  children,
}: {
  title: string;
  summary: string;
  children: ReactNode;
}) {
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div role="img" aria-label={summary}>
        {children}
      </div>
    </figure>
  );
}

export function sizeProps(size: ChartSize | undefined, height: number) {
  return size
    ? { width: size.width, height: size.height }
    : { responsive: true, style: { width: "100%", height } };
}
