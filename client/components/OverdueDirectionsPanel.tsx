import { useQuery } from "@tanstack/react-query";
import { id as t } from "../../shared/messages/id";
import { useTRPC } from "../lib/trpc";
import { DirectionList } from "./DirectionList";

/** The arahan past their due date on the view date: on the dashboard, beside the attention list. */
export function OverdueDirectionsPanel({ asOf }: { asOf: string | undefined }) {
  const trpc = useTRPC();
  const directions = useQuery(trpc.directions.list.queryOptions({ asOf, status: "open" }));
  const overdue = directions.data?.filter((d) => d.overdue) ?? [];
  return (
    <section aria-labelledby="arahan-lewat" className="panel">
      <h2 id="arahan-lewat">
        {t.directions.dashboardTitle} <span className="count">({overdue.length})</span>
      </h2>
      {overdue.length === 0 ? (
        <p className="muted">{t.directions.dashboardNone}</p>
      ) : (
        <DirectionList directions={overdue} canClose={false} />
      )}
    </section>
  );
}
