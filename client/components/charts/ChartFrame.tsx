import type { ReactNode } from "react";
import { id as t } from "../../../shared/messages/id";

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * A chart with its title and a text summary for screen readers. Without a fixed `size` the
 * chart follows its container's width. With `empty`, the chart says so in words instead of
 * drawing empty axes.
 */
export function ChartFrame({
  title,
  summary,
  empty = false,
  legend,
  children,
}: {
  title: string;
  summary: string;
  empty?: boolean;
  legend?: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {empty ? (
        <p className="chart-empty">{t.dashboard.chartEmpty}</p>
      ) : (
        <>
          <div role="img" aria-label={summary}>
            {children}
          </div>
          {legend}
        </>
      )}
    </figure>
  );
}

/** A chart's legend in words; each mark drawn beside its words, hidden from screen readers. */
export function ChartLegend({ items }: { items: { key: string; mark: ReactNode; text: string }[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.key} className="chart-legend-item">
          <svg width="28" height="14" aria-hidden="true" focusable="false">
            {item.mark}
          </svg>
          <span>{item.text}</span>
        </li>
      ))}
    </ul>
  );
}

export function sizeProps(size: ChartSize | undefined, height: number) {
  return size
    ? { width: size.width, height: size.height }
    : { responsive: true, style: { width: "100%", height } };
}
