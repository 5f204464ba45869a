import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { formatDate, formatTime } from "../../../shared/format";
import { id as t } from "../../../shared/messages/id";
import { useTRPC } from "../../lib/trpc";
import type { Deck, Slide } from "./deckModel";

interface Props {
  deck: Deck;
  slides: readonly Slide[];
  index: number;
  go: (index: number) => void;
  online: boolean;
  updatedAt: number;
  auto: { on: boolean; remaining: number; toggle: () => void };
  fullScreen: { on: boolean; toggle: () => void };
  canRecordApel: boolean;
}

/** The bar under the slides: move, jump, auto-advance, full screen, and how fresh the data is. */
export function DeckControls({
  deck,
  slides,
  index,
  go,
  online,
  updatedAt,
  auto,
  fullScreen,
  canRecordApel,
}: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const record = useMutation(trpc.apels.record.mutationOptions());
  const last = slides.length - 1;
  return (
    <nav className="deck-controls" aria-label={t.apel.slides}>
      <button type="button" onClick={() => go(Math.max(index - 1, 0))} disabled={index === 0}>
        <span aria-hidden="true">‹ </span>
        {t.apel.previous}
      </button>
      <span className="deck-position">{t.apel.slideOf(index + 1, slides.length)}</span>
      <button type="button" onClick={() => go(Math.min(index + 1, last))} disabled={index === last}>
        {t.apel.next}
        <span aria-hidden="true"> ›</span>
      </button>
      <label className="deck-index">
        <span className="visually-hidden">{t.apel.slides}</span>
        <select value={index} onChange={(e) => go(Number(e.target.value))}>
          {slides.map((slide, i) => (
            <option key={slide.label} value={i}>
              {i + 1}. {slide.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" aria-pressed={auto.on} onClick={auto.toggle}>
        {auto.on ? t.apel.autoStop : t.apel.autoAdvance}
      </button>
      {auto.on ? (
        <span className="deck-timer" role="timer" aria-live="off">
          {t.apel.nextIn(auto.remaining)}
        </span>
      ) : null}
      <button type="button" aria-pressed={fullScreen.on} onClick={fullScreen.toggle}>
        {fullScreen.on ? t.apel.exitFullScreen : t.apel.fullScreen}
      </button>
      {canRecordApel && !deck.apel.recorded ? (
        <button
          type="button"
          disabled={record.isPending || !online}
          onClick={() =>
            record.mutate(
              { date: deck.apel.date },
              { onSuccess: () => void queryClient.invalidateQueries(trpc.apels.pathFilter()) },
            )
          }
        >
          {t.apel.recordApelOn(formatDate(deck.apel.date))}
        </button>
      ) : null}
      <span className="deck-status" role="status">
        {online ? null : <strong className="badge badge-offline">{t.apel.offlineShort}</strong>}{" "}
        {t.apel.dataAt(formatTime(new Date(updatedAt)))}
        {online ? null : <span className="visually-hidden"> {t.apel.offline}</span>}
      </span>
      <Link to="/" className="deck-back">
        {t.apel.back}
      </Link>
    </nav>
  );
}
