import { useMutation } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { formatDate, formatRupiah } from "../../../shared/format";
import { id as t } from "../../../shared/messages/id";
import { type IssueDetail, useTRPC } from "../../lib/trpc";
import type { Agency } from "./AgencyOptions";
import { ConfirmAction } from "./ConfirmAction";
import { FundingForm } from "./FundingForm";
import { AddPanel, RowPanel } from "./RowPanel";
import { useRefresh } from "./useRefresh";

const text = t.admin.funding;
const COLUMNS = 8;

const amount = (value: number | null) => (value === null ? "—" : formatRupiah(value));

/** An issue's funding lines: listed, each editable and removable, and a form to add one. */
export function FundingEditor({ issue, agencies }: { issue: IssueDetail; agencies: readonly Agency[] }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const remove = useMutation(trpc.issues.removeFunding.mutationOptions());
  const [editing, setEditing] = useState<number | null>(null);
  const [status, setStatus] = useState("");

  return (
    <>
      <p className="form-status" role="status">
        {status}
      </p>
      {issue.funding.length === 0 ? (
        <p className="notice">{text.empty}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{text.colSource}</th>
              <th scope="col">{text.colDescription}</th>
              <th scope="col">{text.colYear}</th>
              <th scope="col">{text.colReportedOn}</th>
              <th scope="col">{text.colPlanned}</th>
              <th scope="col">{text.colRealised}</th>
              <th scope="col">{text.colConfirmed}</th>
              <th scope="col">{text.colActions}</th>
            </tr>
          </thead>
          <tbody>
            {issue.funding.map((line, index) => (
              <Fragment key={line.id}>
                <tr>
                  <td data-label={text.colSource}>{t.fundingSource[line.source]}</td>
                  <td data-label={text.colDescription}>
                    {line.description}
                    {line.donor ? <span className="muted"> · {line.donor.code}</span> : null}
                    {line.superseded ? <span className="badge">{t.issue.superseded}</span> : null}
                  </td>
                  <td data-label={text.colYear}>{line.fiscalYear ?? "—"}</td>
                  <td data-label={text.colReportedOn}>
                    {line.reportedOn === null ? (
                      <span className="muted">{text.undated}</span>
                    ) : (
                      formatDate(line.reportedOn, line.reportedOnPrecision)
                    )}
                  </td>
                  <td data-label={text.colPlanned} className="number">
                    {amount(line.amountPlanned)}
                  </td>
                  <td data-label={text.colRealised} className="number">
                    {amount(line.amountRealised)}
                  </td>
                  <td data-label={text.colConfirmed}>
                    {line.confirmed ? text.confirmedYes : text.confirmedNo}
                  </td>
                  <td data-label={text.colActions} className="row-actions">
                    <button
                      type="button"
                      className="button-small button-secondary"
                      aria-label={text.edit(index + 1)}
                      aria-expanded={editing === line.id}
                      onClick={() => setEditing((id) => (id === line.id ? null : line.id))}
                    >
                      {t.admin.form.edit}
                    </button>
                    <ConfirmAction
                      danger
                      label={t.admin.form.remove}
                      accessibleLabel={text.removeLabel(index + 1)}
                      question={text.removeQuestion(line.description)}
                      confirmLabel={text.removeConfirm}
                      onConfirm={async () => {
                        await remove.mutateAsync({ id: line.id });
                        setStatus(text.removed);
                        await refresh("issues");
                      }}
                    />
                  </td>
                </tr>
                {editing === line.id ? (
                  <tr className="row-panel-row">
                    <td colSpan={COLUMNS}>
                      <RowPanel title={text.editTitle(index + 1)} onClose={() => setEditing(null)}>
                        <FundingForm issueId={issue.id} line={line} agencies={agencies} />
                      </RowPanel>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      <AddPanel label={text.addToggle} title={text.addTitle}>
        <FundingForm issueId={issue.id} agencies={agencies} />
      </AddPanel>
    </>
  );
}
