import { useMutation, useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { id as t } from "../../../shared/messages/id";
import {
  type Account,
  CreateAccountForm,
  EditAccountForm,
  ResetPasswordForm,
} from "../../components/admin/AccountForms";
import { ConfirmAction } from "../../components/admin/ConfirmAction";
import { AddPanel, RowPanel } from "../../components/admin/RowPanel";
import { useRefresh } from "../../components/admin/useRefresh";
import { QueryState } from "../../components/QueryState";
import { useAuth } from "../../lib/auth";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/usePageTitle";

const text = t.admin.accounts;
const COLUMNS = 6;

type Panel = { id: number; kind: "edit" | "password" } | null;

function ActiveToggle({ account, onDone }: { account: Account; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const deactivate = useMutation(trpc.users.deactivate.mutationOptions());
  const activate = useMutation(trpc.users.activate.mutationOptions());
  const { username } = account;

  return account.active ? (
    <ConfirmAction
      danger
      label={text.deactivate}
      accessibleLabel={text.deactivateLabel(username)}
      question={text.deactivateQuestion(username)}
      confirmLabel={text.deactivateConfirm}
      onConfirm={async () => {
        await deactivate.mutateAsync({ id: account.id });
        onDone(text.deactivated(username));
        await refresh("users");
      }}
    />
  ) : (
    <ConfirmAction
      label={text.activate}
      accessibleLabel={text.activateLabel(username)}
      question={text.activateQuestion(username)}
      confirmLabel={text.activateConfirm}
      onConfirm={async () => {
        await activate.mutateAsync({ id: account.id });
        onDone(text.activated(username));
        await refresh("users");
      }}
    />
  );
}

export default function AccountsPage() {
  const trpc = useTRPC();
  const users = useQuery(trpc.users.list.queryOptions());
  const agencies = useQuery(trpc.agencies.list.queryOptions());
  const { user: me } = useAuth();
  const [panel, setPanel] = useState<Panel>(null);
  const [status, setStatus] = useState("");
  usePageTitle(text.title);

  const toggle = (id: number, kind: "edit" | "password") =>
    setPanel((open) => (open?.id === id && open.kind === kind ? null : { id, kind }));

  return (
    <div className="page admin-page">
      <h1>{text.title}</h1>
      <p className="muted">{text.intro}</p>
      <QueryState
        isPending={users.isPending || agencies.isPending}
        error={users.error ?? agencies.error}
        onRetry={() => void Promise.all([users.refetch(), agencies.refetch()])}
      >
        <AddPanel label={text.add} title={text.createTitle}>
          <CreateAccountForm agencies={agencies.data ?? []} />
        </AddPanel>
        <section className="panel" aria-labelledby="accounts-list">
          <h2 id="accounts-list">{text.listTitle}</h2>
          <p className="form-status" role="status">
            {status}
          </p>
          {users.data?.length === 0 ? (
            <p className="notice">{text.empty}</p>
          ) : (
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{text.colUsername}</th>
                  <th scope="col">{text.colDisplayName}</th>
                  <th scope="col">{text.colRole}</th>
                  <th scope="col">{text.colAgency}</th>
                  <th scope="col">{text.colStatus}</th>
                  <th scope="col">{text.colActions}</th>
                </tr>
              </thead>
              <tbody>
                {(users.data ?? []).map((account) => {
                  const self = account.id === me?.id;
                  const open = panel?.id === account.id ? panel.kind : null;
                  return (
                    <Fragment key={account.id}>
                      <tr className={account.active ? undefined : "inactive"}>
                        <th scope="row" data-label={text.colUsername}>
                          {account.username} {self ? <span className="muted">{text.you}</span> : null}
                        </th>
                        <td data-label={text.colDisplayName}>{account.displayName}</td>
                        <td data-label={text.colRole}>{t.account.role[account.role]}</td>
                        <td data-label={text.colAgency}>{account.agency?.code ?? text.noAgency}</td>
                        <td data-label={text.colStatus}>
                          <span className={`badge ${account.active ? "badge-active" : "badge-inactive"}`}>
                            {account.active ? text.active : text.inactive}
                          </span>
                        </td>
                        <td data-label={text.colActions} className="row-actions">
                          <button
                            type="button"
                            className="button-small button-secondary"
                            aria-label={text.edit(account.username)}
                            aria-expanded={open === "edit"}
                            onClick={() => toggle(account.id, "edit")}
                          >
                            {t.admin.form.edit}
                          </button>
                          <button
                            type="button"
                            className="button-small button-secondary"
                            aria-label={text.resetPassword(account.username)}
                            aria-expanded={open === "password"}
                            onClick={() => toggle(account.id, "password")}
                          >
                            {text.resetPasswordShort}
                          </button>
                          {self ? null : <ActiveToggle account={account} onDone={setStatus} />}
                        </td>
                      </tr>
                      {open ? (
                        <tr className="row-panel-row">
                          <td colSpan={COLUMNS}>
                            <RowPanel
                              key={open}
                              title={
                                open === "edit"
                                  ? text.editTitle(account.username)
                                  : text.resetTitle(account.username)
                              }
                              onClose={() => setPanel(null)}
                            >
                              {open === "edit" ? (
                                <EditAccountForm account={account} agencies={agencies.data ?? []} />
                              ) : (
                                <ResetPasswordForm account={account} />
                              )}
                            </RowPanel>
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      </QueryState>
    </div>
  );
}
