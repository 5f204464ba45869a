import { useId } from "react";
import { Link, useSearchParams } from "react-router";
import { HEALTHS, STAGES } from "../../shared/domain";
import { formatDate } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import { applyFilters, FILTER_PARAMS, filtersFromParams, type IssueFilters } from "../lib/issueFilters";
import type { IssueListItem } from "../lib/trpc";
import { useAsOfLink } from "../lib/useAsOf";
import { HealthBadge, ProgressValue, StageBadge } from "./Badges";

const SORT_LABELS = {
  nomor: t.list.sortNumber,
  progres: t.list.sortProgress,
  tahap: t.list.sortStage,
  terbaru: t.list.sortUpdated,
} as const;

/** The issue list with filters by agency, stage and health, and sorting; all kept in the URL. */
export function IssueTable({ issues }: { issues: readonly IssueListItem[] }) {
  const [params, setParams] = useSearchParams();
  const link = useAsOfLink();
  const ids = { agency: useId(), stage: useId(), health: useId(), sort: useId(), count: useId() };

  const agencies = [...new Map(issues.map((i) => [i.leadAgency.code, i.leadAgency])).values()].sort((a, b) =>
    a.code.localeCompare(b.code),
  );
  const filters = filtersFromParams(
    params,
    agencies.map((a) => a.code),
  );
  const shown = applyFilters(issues, filters);

  function set(key: keyof IssueFilters, value: string) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === "" || (key === "sort" && value === "nomor")) next.delete(FILTER_PARAMS[key]);
        else next.set(FILTER_PARAMS[key], value);
        return next;
      },
      { replace: true },
    );
  }

  const filtered = filters.agency !== null || filters.stage !== null || filters.health !== null;

  return (
    <section aria-labelledby="daftar-isu" className="panel">
      <h2 id="daftar-isu">{t.list.title}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor={ids.agency}>{t.list.filterAgency}</label>
          <select
            id={ids.agency}
            value={filters.agency ?? ""}
            onChange={(e) => set("agency", e.target.value)}
          >
            <option value="">{t.list.all}</option>
            {agencies.map((a) => (
              <option key={a.code} value={a.code}>
                {a.code}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.stage}>{t.list.filterStage}</label>
          <select id={ids.stage} value={filters.stage ?? ""} onChange={(e) => set("stage", e.target.value)}>
            <option value="">{t.list.all}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t.stageShort[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.health}>{t.list.filterHealth}</label>
          <select
            id={ids.health}
            value={filters.health ?? ""}
            onChange={(e) => set("health", e.target.value)}
          >
            <option value="">{t.list.all}</option>
            {HEALTHS.map((h) => (
              <option key={h} value={h}>
                {t.health[h]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.sort}>{t.list.sort}</label>
          <select id={ids.sort} value={filters.sort} onChange={(e) => set("sort", e.target.value)}>
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {filtered ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  for (const key of ["opd", "tahap", "kondisi"]) next.delete(key);
                  return next;
                },
                { replace: true },
              )
            }
          >
            {t.list.reset}
          </button>
        ) : null}
      </div>
      <p id={ids.count} className="muted" aria-live="polite">
        {t.list.count(shown.length, issues.length)}
      </p>
      {issues.length === 0 ? (
        <p className="notice">{t.list.none}</p>
      ) : shown.length === 0 ? (
        <p className="notice">{t.list.empty}</p>
      ) : (
        <table className="issue-table" aria-describedby={ids.count}>
          <thead>
            <tr>
              <th scope="col">{t.list.colNumber}</th>
              <th scope="col">{t.list.colIssue}</th>
              <th scope="col">{t.list.colAgency}</th>
              <th scope="col">{t.list.colStage}</th>
              <th scope="col">{t.list.colHealth}</th>
              <th scope="col">{t.list.colProgress}</th>
              <th scope="col">{t.list.colUpdated}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((issue) => (
              <tr key={issue.id}>
                <td data-label={t.list.colNumber} className="issue-number">
                  {issue.number}
                </td>
                <th scope="row" data-label={t.list.colIssue}>
                  <Link to={link(`/isu/${issue.number}`)}>
                    <span className="issue-number-inline" aria-hidden="true">
                      #{issue.number}{" "}
                    </span>
                    {issue.title}
                  </Link>
                </th>
                <td data-label={t.list.colAgency}>
                  <abbr title={issue.leadAgency.name}>{issue.leadAgency.code}</abbr>
                </td>
                <td data-label={t.list.colStage}>
                  <StageBadge stage={issue.stage} />
                </td>
                <td data-label={t.list.colHealth}>
                  <HealthBadge health={issue.health} />
                </td>
                <td data-label={t.list.colProgress}>
                  <ProgressValue progress={issue.progress} />
                </td>
                <td data-label={t.list.colUpdated}>
                  {issue.lastUpdatedAt
                    ? formatDate(issue.lastUpdatedAt, issue.lastUpdatePrecision)
                    : t.state.noData}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
