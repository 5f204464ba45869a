import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { id as t } from "../../../shared/messages/id";
import { AgencyForm } from "../../components/admin/AgencyForm";
import { AddPanel, RowPanel } from "../../components/admin/RowPanel";
import { QueryState } from "../../components/QueryState";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/usePageTitle";

const text = t.admin.agencies;

export default function AgenciesPage() {
  const trpc = useTRPC();
  const agencies = useQuery(trpc.agencies.list.queryOptions());
  const [editing, setEditing] = useState<number | null>(null);
  usePageTitle(text.title);
  const list = [...(agencies.data ?? [])].sort((a, b) => a.code.localeCompare(b.code, "id"));

  return (
    <div className="page admin-page">
      <h1>{text.title}</h1>
      <p className="muted">{text.intro}</p>
      <QueryState
        isPending={agencies.isPending}
        error={agencies.error}
        onRetry={() => void agencies.refetch()}
      >
        <AddPanel label={text.add} title={text.createTitle}>
          <AgencyForm />
        </AddPanel>
        <section className="panel" aria-labelledby="agencies-list">
          <h2 id="agencies-list">{text.listTitle}</h2>
          {list.length === 0 ? (
            <p className="notice">{text.empty}</p>
          ) : (
            <table className="admin-table">
              <caption className="visually-hidden">{text.count(list.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.colCode}</th>
                  <th scope="col">{text.colName}</th>
                  <th scope="col">{text.colKind}</th>
                  <th scope="col">{text.colActions}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((agency) => (
                  <Fragment key={agency.id}>
                    <tr>
                      <th scope="row" data-label={text.colCode}>
                        {agency.code}
                      </th>
                      <td data-label={text.colName}>{agency.name}</td>
                      <td data-label={text.colKind}>{t.agencyKind[agency.kind]}</td>
                      <td data-label={text.colActions} className="row-actions">
                        <button
                          type="button"
                          className="button-small button-secondary"
                          aria-label={text.edit(agency.code)}
                          aria-expanded={editing === agency.id}
                          onClick={() => setEditing((id) => (id === agency.id ? null : agency.id))}
                        >
                          {t.admin.form.edit}
                        </button>
                      </td>
                    </tr>
                    {editing === agency.id ? (
                      <tr className="row-panel-row">
                        <td colSpan={4}>
                          <RowPanel title={text.editTitle(agency.code)} onClose={() => setEditing(null)}>
                            <AgencyForm agency={agency} />
                          </RowPanel>
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </QueryState>
    </div>
  );
}
