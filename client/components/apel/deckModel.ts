import { id as t } from "../../../shared/messages/id";
import type { Outputs } from "../../lib/trpc";

export type Deck = Outputs["apels"]["deck"];
export type DeckIssue = Deck["issues"][number];
export type DeckDirection = Deck["directions"][number];

export type Slide =
  | { kind: "overview"; label: string }
  | { kind: "issue"; label: string; issue: DeckIssue }
  | { kind: "attention"; label: string }
  | { kind: "directions"; label: string }
  | { kind: "awards"; label: string };

/** The deck's slides in order: the week, one per issue, then attention, overdue arahan, awards. */
export function buildSlides(deck: Deck): Slide[] {
  return [
    { kind: "overview", label: t.apel.overviewLabel },
    ...deck.issues.map((issue) => ({
      kind: "issue" as const,
      label: t.apel.issueLabel(issue.number, issue.title),
      issue,
    })),
    { kind: "attention", label: t.apel.attentionTitle },
    { kind: "directions", label: t.apel.directionsTitle },
    { kind: "awards", label: t.awards.title },
  ];
}

/** The index of the slide of issue `number`, or -1. */
export function issueSlideIndex(slides: readonly Slide[], number: number): number {
  return slides.findIndex((s) => s.kind === "issue" && s.issue.number === number);
}

/** The arahan overdue at the apel, as the deck shows them. */
export function overdueDirections(deck: Deck): DeckDirection[] {
  return deck.directions.filter((d) => d.overdue);
}

/** The issues whose stage moved since the previous apel. */
export function movedCount(deck: Deck): number {
  return deck.summary.changes.filter((c) => c.toStage !== null && c.fromStage !== c.toStage).length;
}
