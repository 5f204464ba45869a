import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { DIRECTION_GIVERS } from "../../shared/directions";
import { formatDate } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import { DeckControls } from "../components/apel/DeckControls";
import { buildSlides, type Deck, issueSlideIndex } from "../components/apel/deckModel";
import { IssueSlide } from "../components/apel/IssueSlide";
import { AttentionSlide, AwardsSlide, DirectionsSlide } from "../components/apel/ListSlides";
import { OverviewSlide } from "../components/apel/OverviewSlide";
import { useDeckKeys } from "../components/apel/useDeckKeys";
import { QueryState } from "../components/QueryState";
import { useAuth } from "../lib/auth";
import { useTRPC } from "../lib/trpc";
import { isSelectableDate } from "../lib/useAsOf";
import { useOnline } from "../lib/useOnline";
import { usePageTitle } from "../lib/usePageTitle";
import "../components/apel/deck.css";

/** Seconds per slide when the deck advances by itself. */
const AUTO_SECONDS = 30;

/** The slide in the URL (`?slide=3`, counted from 1), within the deck. */
function slideFrom(params: URLSearchParams, count: number): number {
  const n = Number(params.get("slide"));
  if (!Number.isInteger(n) || n < 1) return 0;
  return Math.min(n, count) - 1;
}

function useFullScreen() {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const sync = () => setOn(document.fullscreenElement != null);
    document.addEventListener("fullscreenchange", sync);
    return () => document.removeEventListener("fullscreenchange", sync);
  }, []);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen?.();
    else void document.documentElement.requestFullscreen?.().catch(() => {});
  }, []);
  return { on, toggle };
}

/** The apel pagi deck: one screen per slide, driven from the keyboard or a clicker. */
export default function ApelPage() {
  usePageTitle(t.apel.title);
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const raw = params.get("per");
  const per = raw !== null && isSelectableDate(raw) ? raw : undefined;
  // Back on the network, the deck fetches at once, however fresh its data seemed.
  const deck = useQuery({ ...trpc.apels.deck.queryOptions({ per }), refetchOnReconnect: "always" });
  return (
    <div className="deck">
      <QueryState
        isPending={deck.isPending}
        error={deck.data ? null : deck.error}
        onRetry={() => void deck.refetch()}
        loadingText={t.apel.loading}
      >
        {deck.data ? (
          <ApelDeck deck={deck.data} updatedAt={deck.dataUpdatedAt} replay={per !== undefined} />
        ) : null}
      </QueryState>
    </div>
  );
}

export function ApelDeck({ deck, updatedAt, replay }: { deck: Deck; updatedAt: number; replay: boolean }) {
  const { user } = useAuth();
  const online = useOnline();
  const [params, setParams] = useSearchParams();
  const slides = useMemo(() => buildSlides(deck), [deck]);
  const count = slides.length;
  const index = slideFrom(params, count);
  const canGive = user != null && (DIRECTION_GIVERS as readonly string[]).includes(user.role);

  const go = useCallback(
    (next: number | ((current: number) => number)) =>
      setParams(
        (current) => {
          const from = slideFrom(current, count);
          const to = Math.max(0, Math.min(typeof next === "function" ? next(from) : next, count - 1));
          const updated = new URLSearchParams(current);
          updated.set("slide", String(to + 1));
          return updated;
        },
        { replace: true },
      ),
    [setParams, count],
  );
  const issueSlide = useCallback((n: number) => issueSlideIndex(slides, n), [slides]);
  const fullScreen = useFullScreen();
  useDeckKeys({ count, go, issueSlide, toggleFullScreen: fullScreen.toggle });

  const [autoOn, setAutoOn] = useState(false);
  const [remaining, setRemaining] = useState(AUTO_SECONDS);
  const shownIndex = useRef(index);
  useEffect(() => {
    if (shownIndex.current !== index) {
      shownIndex.current = index;
      setRemaining(AUTO_SECONDS);
    }
  }, [index]);
  useEffect(() => {
    if (!autoOn) return;
    const timer = window.setInterval(() => setRemaining((r) => Math.max(r - 1, 0)), 1000);
    return () => window.clearInterval(timer);
  }, [autoOn]);
  useEffect(() => {
    if (!autoOn || remaining > 0) return;
    if (index >= count - 1) setAutoOn(false);
    else go(index + 1);
    setRemaining(AUTO_SECONDS);
  }, [autoOn, remaining, index, count, go]);

  const current = slides[index];
  return (
    <>
      <h1 className="visually-hidden">
        {replay ? t.apel.replay(formatDate(deck.apel.date)) : t.apel.heading(formatDate(deck.apel.date))}
      </h1>
      {online ? null : (
        <p className="deck-offline" role="alert">
          {t.apel.offline}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {current ? `${t.apel.slideOf(index + 1, count)}: ${current.label}` : ""}
      </p>
      <div className="deck-slides">
        {slides.map((slide, i) => (
          <section
            key={slide.label}
            className={`slide slide-${slide.kind}`}
            hidden={i !== index}
            aria-roledescription="slide"
            aria-label={`${t.apel.slideOf(i + 1, count)}: ${slide.label}`}
            data-slide={i + 1}
          >
            {slide.kind === "overview" ? <OverviewSlide deck={deck} /> : null}
            {slide.kind === "issue" ? <IssueSlide deck={deck} issue={slide.issue} canGive={canGive} /> : null}
            {slide.kind === "attention" ? <AttentionSlide deck={deck} /> : null}
            {slide.kind === "directions" ? <DirectionsSlide deck={deck} /> : null}
            {slide.kind === "awards" ? <AwardsSlide deck={deck} /> : null}
          </section>
        ))}
      </div>
      <p className="visually-hidden">{t.apel.keysHelp}</p>
      <DeckControls
        deck={deck}
        slides={slides}
        index={index}
        go={go}
        online={online}
        updatedAt={updatedAt}
        auto={{ on: autoOn, remaining, toggle: () => setAutoOn((on) => !on) }}
        fullScreen={fullScreen}
        canRecordApel={canGive}
      />
    </>
  );
}
