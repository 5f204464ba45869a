import { describeReason } from "../../../shared/describe";
import { STAGES } from "../../../shared/domain";
import { formatDate, formatDateShort } from "../../../shared/format";
import { id as t } from "../../../shared/messages/id";
import { type Deck, movedCount, overdueDirections } from "./deckModel";

/** How many attention lines slide 1 has room for; the attention slide lists them all. */
const ATTENTION_SHOWN = 6;
const OVERDUE_SHOWN = 2;

/** Slide 1: the week on one screen. */
export function OverviewSlide({ deck }: { deck: Deck }) {
  const { summary, apel } = deck;
  const overdue = overdueDirections(deck);
  const newAwards = deck.awards.filter((a) => a.isNew).length;
  const max = Math.max(1, ...STAGES.map((s) => summary.byStage[s] ?? 0));
  const attention = summary.attention.slice(0, ATTENTION_SHOWN);
  return (
    <div className="slide-body overview">
      <header className="slide-head">
        <h2 className="slide-title">{t.apel.heading(formatDate(apel.date))}</h2>
        <p className="slide-sub">{t.apel.sinceLine(formatDate(apel.previous), apel.previousRecorded)}</p>
      </header>
      <ul className="deck-tiles">
        <li className="deck-tile">
          <strong>{summary.inHandlingOrLater}</strong> <span>{t.apel.tileInHandling(summary.total)}</span>
        </li>
        <li className="deck-tile">
          <strong>{movedCount(deck)}</strong> <span>{t.apel.tileMoved(summary.changes.length)}</span>
        </li>
        <li className={`deck-tile${summary.attention.length > 0 ? " tile-warn" : ""}`}>
          <strong>{summary.attention.length}</strong> <span>{t.apel.tileAttention}</span>
        </li>
        <li className={`deck-tile${overdue.length > 0 ? " tile-alert" : ""}`}>
          <strong>{overdue.length}</strong> <span>{t.apel.tileOverdue}</span>
        </li>
        <li className="deck-tile">
          <strong>{newAwards}</strong> <span>{t.apel.tileAwards}</span>
        </li>
      </ul>
      <div className="overview-columns">
        <section className="fit-box" aria-labelledby="ringkasan-tahap">
          <h3 id="ringkasan-tahap">{t.apel.perStage}</h3>
          <ul className="stage-bars">
            {STAGES.map((stage) => {
              const n = summary.byStage[stage] ?? 0;
              return (
                <li key={stage}>
                  <span className="stage-bar-label">{t.stageShort[stage]}</span>
                  <span className="stage-bar" aria-hidden="true">
                    <span className="stage-bar-fill" style={{ width: `${(n / max) * 100}%` }} />
                  </span>
                  <strong className="stage-bar-count">{n}</strong>
                </li>
              );
            })}
          </ul>
          {overdue.length > 0 ? (
            <>
              <h3 className="overview-overdue-head">{t.apel.directionsTitle}</h3>
              <ul className="overview-overdue">
                {overdue.slice(0, OVERDUE_SHOWN).map((d) => (
                  <li key={d.id}>
                    <span className="badge badge-overdue">{t.directions.overdue}</span> {d.agency.code}:{" "}
                    {d.text} ({t.directions.due(formatDateShort(d.dueDate))})
                  </li>
                ))}
              </ul>
              {overdue.length > OVERDUE_SHOWN ? (
                <p className="more">{t.apel.andMore(overdue.length - OVERDUE_SHOWN)}</p>
              ) : null}
            </>
          ) : null}
        </section>
        <section className="fit-box" aria-labelledby="ringkasan-perhatian">
          <h3 id="ringkasan-perhatian">{t.apel.attentionTitle}</h3>
          {attention.length === 0 ? <p>{t.apel.attentionNone}</p> : null}
          <ol className="overview-attention">
            {attention.map((issue) => (
              <li key={issue.id}>
                <span className="oa-title">
                  #{issue.number} {issue.title} <span className="owner">· {issue.leadAgency.code}</span>
                </span>
                <span className="oa-reasons">{issue.reasons.map(describeReason).join(" · ")}</span>
              </li>
            ))}
          </ol>
          {summary.attention.length > ATTENTION_SHOWN ? (
            <p className="more">{t.apel.andMore(summary.attention.length - ATTENTION_SHOWN)}</p>
          ) : null}
        </section>
      </div>
    </div>
  );
}
