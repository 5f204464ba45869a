import {
  formatDate,
  formatNumber,
  formatPercent,
  formatRupiah,
  formatRupiahShort,
} from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import type { IssueDetail } from "../lib/trpc";

function formatIndicator(value: number, unit: string): string {
  if (unit === "rupiah") return formatRupiahShort(value);
  if (unit === "persen") return formatPercent(value);
  return `${formatNumber(value)} ${unit}`;
}

function Money({ amount }: { amount: number | null }) {
  if (amount === null) return <span className="muted">–</span>;
  return <span title={formatRupiah(amount)}>{formatRupiahShort(amount)}</span>;
}

/** In a past view: how many entries were left out because they carry no date. */
function UndatedHidden({ count, what }: { count: number; what: string }) {
  if (count === 0) return null;
  return <p className="muted">{t.issue.undatedHidden(count, what)}</p>;
}

export function DeliveryChain({ issue }: { issue: IssueDetail }) {
  return (
    <section aria-labelledby="rantai" className="panel">
      <h2 id="rantai">{t.issue.chain}</h2>
      <dl className="chain">
        <div>
          <dt>{t.issue.lead}</dt>
          <dd>
            {issue.leadAgency.name} ({issue.leadAgency.code})
            {issue.leadAgency.note ? <span className="muted"> · {issue.leadAgency.note}</span> : null}
          </dd>
        </div>
        {issue.chain.map((c) => (
          <div key={c.agency.id}>
            <dt>{t.chainRole[c.role]}</dt>
            <dd>
              {c.agency.name}
              <span className="muted"> · {t.agencyKind[c.agency.kind]}</span>
              {c.note ? <span className="muted"> · {c.note}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
      {issue.chain.length === 0 ? <p className="muted">{t.issue.noChain}</p> : null}
      <UndatedHidden count={issue.undatedHidden.chain} what={t.issue.undatedChain} />
    </section>
  );
}

export function FundingTable({ issue }: { issue: IssueDetail }) {
  return (
    <section aria-labelledby="pendanaan" className="panel">
      <h2 id="pendanaan">{t.issue.funding}</h2>
      <UndatedHidden count={issue.undatedHidden.funding} what={t.issue.undatedFunding} />
      {issue.funding.length === 0 ? (
        <p className="muted">{t.issue.noFunding}</p>
      ) : (
        <table className="funding-table">
          <thead>
            <tr>
              <th scope="col">{t.issue.fundingSource}</th>
              <th scope="col">{t.issue.fundingDescription}</th>
              <th scope="col">{t.issue.fundingPlanned}</th>
              <th scope="col">{t.issue.fundingRealised}</th>
            </tr>
          </thead>
          <tbody>
            {issue.funding.map((f) => (
              <tr key={f.id} className={f.superseded ? "superseded" : undefined}>
                <th scope="row" data-label={t.issue.fundingSource}>
                  {t.fundingSource[f.source]}
                  {f.fiscalYear ? ` ${f.fiscalYear}` : ""}
                </th>
                <td data-label={t.issue.fundingDescription}>
                  {f.description}
                  {f.donor ? <span className="muted"> · {f.donor.name}</span> : null}
                  {f.confirmed ? null : <span className="badge health-at_risk">{t.issue.unconfirmed}</span>}
                  {f.superseded ? <span className="badge">{t.issue.superseded}</span> : null}
                  {f.sourceName ? (
                    <span className="muted">
                      {" "}
                      · {t.issue.source}:{" "}
                      {f.sourceUrl ? (
                        <a href={f.sourceUrl} target="_blank" rel="noopener noreferrer">
                          {f.sourceName}
                        </a>
                      ) : (
                        f.sourceName
                      )}
                    </span>
                  ) : null}
                </td>
                <td data-label={t.issue.fundingPlanned}>
                  <Money amount={f.amountPlanned} />
                </td>
                <td data-label={t.issue.fundingRealised}>
                  <Money amount={f.amountRealised} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function IndicatorPanel({ issue }: { issue: IssueDetail }) {
  const indicator = issue.indicator;
  if (!indicator) return null;
  return (
    <section aria-labelledby="indikator" className="panel">
      <h2 id="indikator">{t.issue.indicator}</h2>
      <p>{indicator.label}</p>
      <dl className="facts">
        <div>
          <dt>{t.issue.indicatorValue}</dt>
          <dd>
            {indicator.value === null ? t.state.noData : formatIndicator(indicator.value, indicator.unit)}
          </dd>
        </div>
        <div>
          <dt>{t.issue.indicatorTarget}</dt>
          <dd>
            {indicator.target === null
              ? t.issue.unconfirmed
              : formatIndicator(indicator.target, indicator.unit)}
          </dd>
        </div>
        {indicator.progress !== null ? (
          <div>
            <dt>{t.issue.state}</dt>
            <dd>
              <progress max={100} value={indicator.progress} aria-label={indicator.label} />{" "}
              {formatPercent(indicator.progress)}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

export function targetDateText(issue: IssueDetail): string | null {
  return issue.targetDate ? formatDate(issue.targetDate, issue.targetDatePrecision) : null;
}
