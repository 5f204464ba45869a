import { lazy, Suspense, useState } from "react";
import { formatDate } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import type { Outputs } from "../lib/trpc";
import { Loading } from "./QueryState";

// The form and its checks load when someone opens it, not with every list of arahan.
const CloseForm = lazy(() => import("./DirectionCloseForm"));

export type Direction = Outputs["directions"]["list"][number];

const text = t.directions;

/** An arahan's status in words; an overdue one is marked by a word and a sign, not only a colour. */
export function DirectionStatus({ direction }: { direction: Direction }) {
  if (direction.overdue) return <span className="badge badge-overdue">{text.overdue}</span>;
  return <span className="badge">{direction.status === "done" ? text.done : text.open}</span>;
}

/** Arahan, overdue first; those the reader may close get a form for the closing note. */
export function DirectionList({
  directions,
  canClose,
}: {
  directions: readonly Direction[];
  canClose: boolean;
}) {
  const [closing, setClosing] = useState<number | null>(null);
  return (
    <ul className="direction-list">
      {directions.map((d) => (
        <li key={d.id} className={d.overdue ? "direction overdue" : "direction"}>
          <p className="direction-text">{d.text}</p>
          <p className="direction-meta">
            <DirectionStatus direction={d} /> <span>{text.due(formatDate(d.dueDate))}</span> ·{" "}
            <span>{text.givenOn(formatDate(d.givenOn))}</span> ·{" "}
            <abbr title={d.agency.name}>{d.agency.code}</abbr>
            {d.issue ? ` · ${text.about(`#${d.issue.number} ${d.issue.title}`)}` : ""}
          </p>
          {d.status === "done" && d.closingNote ? <p className="muted">{d.closingNote}</p> : null}
          {canClose && d.status === "open" ? (
            closing === d.id ? (
              <Suspense fallback={<Loading />}>
                <CloseForm direction={d} />
              </Suspense>
            ) : (
              <button type="button" onClick={() => setClosing(d.id)}>
                {text.closeAction}
              </button>
            )
          ) : null}
        </li>
      ))}
    </ul>
  );
}
