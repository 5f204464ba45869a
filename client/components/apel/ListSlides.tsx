import { useState } from "react";
import { describeReason } from "../../../shared/describe";
import { formatDate, formatDateShort } from "../../../shared/format";
import { id as t } from "../../../shared/messages/id";
import { HealthBadge } from "../Badges";
import { ClampedText } from "./ClampedText";
import { DeckDialog } from "./DeckDialog";
import { type Deck, overdueDirections } from "./deckModel";

/** "And N more", opening the whole list in a dialog: a slide never scrolls, and nothing is lost. */
function More<T>({
  items,
  shown,
  title,
  render,
}: {
  items: readonly T[];
  shown: number;
  title: string;
  render: (item: T) => string;
}) {
  const [open, setOpen] = useState(false);
  if (items.length <= shown) return null;
  return (
    <>
      <button type="button" className="link-button more" onClick={() => setOpen(true)}>
        {t.apel.andMore(items.length - shown)}
      </button>
      {open ? (
        <DeckDialog title={title} onClose={() => setOpen(false)}>
          <ol className="deck-dialog-list">
            {items.map((item) => (
              <li key={render(item)}>{render(item)}</li>
            ))}
          </ol>
        </DeckDialog>
      ) : null}
    </>
  );
}

const ATTENTION_SHOWN = 12;

export function AttentionSlide({ deck }: { deck: Deck }) {
  const { attention } = deck.summary;
  return (
    <div className="slide-body list-slide">
      <header className="slide-head">
        <h2 className="slide-title">{t.apel.attentionTitle}</h2>
        <p className="slide-sub">{t.apel.attentionCount(attention.length)}</p>
      </header>
      {attention.length === 0 ? <p className="big-empty">{t.apel.attentionNone}</p> : null}
      <ol className="card-grid fit-box">
        {attention.slice(0, ATTENTION_SHOWN).map((issue) => (
          <li key={issue.id} className="deck-card">
            <p className="card-title">
              #{issue.number} {issue.title}
            </p>
            <p className="card-meta">
              <span className="owner">{issue.leadAgency.code}</span> <HealthBadge health={issue.health} />
            </p>
            <ClampedText
              text={issue.reasons.map(describeReason).join(" · ")}
              lines={2}
              title={`#${issue.number} ${issue.title}`}
            />
          </li>
        ))}
      </ol>
      <More
        items={attention}
        shown={ATTENTION_SHOWN}
        title={t.apel.attentionTitle}
        render={(i) => `#${i.number} ${i.title}: ${i.reasons.map(describeReason).join(" · ")}`}
      />
    </div>
  );
}

const DIRECTIONS_SHOWN = 6;

export function DirectionsSlide({ deck }: { deck: Deck }) {
  const overdue = overdueDirections(deck);
  const describe = (d: (typeof overdue)[number]) =>
    `${d.agency.code}: ${d.text} (${t.directions.due(formatDateShort(d.dueDate))})`;
  return (
    <div className="slide-body list-slide">
      <header className="slide-head">
        <h2 className="slide-title">{t.apel.directionsTitle}</h2>
        <p className="slide-sub">{t.apel.overdueCount(overdue.length)}</p>
      </header>
      {overdue.length === 0 ? <p className="big-empty">{t.apel.directionsNone}</p> : null}
      <ol className="card-grid fit-box">
        {overdue.slice(0, DIRECTIONS_SHOWN).map((d) => (
          <li key={d.id} className="deck-card card-alert">
            <p className="card-meta">
              <span className="badge badge-overdue">{t.directions.overdue}</span>{" "}
              <span className="owner">{d.agency.code}</span> · {t.directions.due(formatDateShort(d.dueDate))}
              {d.issue ? ` · #${d.issue.number} ${d.issue.title}` : ""}
            </p>
            <ClampedText text={d.text} lines={2} title={t.directions.title} />
          </li>
        ))}
      </ol>
      <More items={overdue} shown={DIRECTIONS_SHOWN} title={t.apel.directionsTitle} render={describe} />
    </div>
  );
}

const AWARDS_SHOWN = 6;

export function AwardsSlide({ deck }: { deck: Deck }) {
  const fresh = deck.awards.filter((a) => a.isNew);
  const shown = fresh.length > 0 ? fresh : deck.awards;
  return (
    <div className="slide-body list-slide">
      <header className="slide-head">
        <h2 className="slide-title">{fresh.length > 0 ? t.apel.awardsNewTitle : t.apel.awardsAllTitle}</h2>
        <p className="slide-sub">
          {fresh.length > 0
            ? t.awards.summary(
                fresh.length,
                fresh.reduce((n, a) => n + a.results.length, 0),
              )
            : t.apel.awardsAllNote}
        </p>
      </header>
      {shown.length === 0 ? <p className="big-empty">{t.apel.awardsNone}</p> : null}
      <ol className="card-grid fit-box">
        {shown.slice(0, AWARDS_SHOWN).map((event) => (
          <li key={event.id} className="deck-card">
            <ClampedText className="card-title" text={event.name} lines={2} title={event.name} />
            <p className="card-meta">
              {event.isNew ? <span className="badge badge-new">{t.apel.newMark}</span> : null}{" "}
              {t.awardLevel[event.level]} · {formatDate(event.eventDate)}
            </p>
            <ClampedText
              text={event.results
                .map((r) => [r.predicate, r.category, r.agency?.code].filter(Boolean).join(", "))
                .join(" · ")}
              lines={2}
              title={event.name}
            />
          </li>
        ))}
      </ol>
      <More items={shown} shown={AWARDS_SHOWN} title={t.awards.title} render={(a) => a.name} />
    </div>
  );
}
