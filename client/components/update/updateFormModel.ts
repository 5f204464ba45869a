import { type Health, isStageBackward, type Stage } from "../../../shared/domain";
import { id as t } from "../../../shared/messages/id";
import { UpdateInput, updateRuleErrors } from "../../../shared/schemas/updates";
import type { IssueDetail, TimelineEntry } from "../../lib/trpc";

/** What an update can change, as the issue stands now (its latest update). */
export interface CurrentState {
  stage: Stage | null;
  health: Health | null;
  physicalProgress: number | null;
  budgetProgress: number | null;
  indicatorValue: number | null;
  obstacles: string | null;
  nextSteps: string | null;
  sourceUrl: string | null;
}

/** The form's fields as typed: numbers stay text until sent, so "12,5" can be typed freely. */
export interface FormValues {
  stage: Stage | "";
  health: Health | "";
  physicalProgress: string;
  /** "Belum ada angka": the source gives no physical figure (sent as null). */
  physicalUnknown: boolean;
  budgetProgress: string;
  indicatorValue: string;
  note: string;
  obstacles: string;
  nextSteps: string;
  sourceUrl: string;
  stageReason: string;
}

export type FieldName = Exclude<keyof FormValues, "physicalUnknown"> | "attachmentIds";
export type FieldErrors = Partial<Record<FieldName, string>>;

/** Fields in the order they appear, so the first invalid one can take the focus. */
export const FIELD_ORDER: readonly FieldName[] = [
  "stage",
  "stageReason",
  "health",
  "physicalProgress",
  "budgetProgress",
  "indicatorValue",
  "note",
  "obstacles",
  "nextSteps",
  "sourceUrl",
  "attachmentIds",
];

export function isFieldName(name: string): name is FieldName {
  return (FIELD_ORDER as readonly string[]).includes(name);
}

/**
 * The issue's state now: figures from the issue, obstacles and next steps from its latest update.
 * A source link belongs to the update that cites it, so each update starts without one.
 */
export function currentState(issue: IssueDetail, latest: TimelineEntry | undefined): CurrentState {
  return {
    stage: issue.stage,
    health: issue.health,
    physicalProgress: issue.physicalProgress,
    budgetProgress: issue.budgetProgress,
    indicatorValue: issue.indicatorValue,
    obstacles: latest?.obstacles ?? null,
    nextSteps: latest?.nextSteps ?? null,
    sourceUrl: null,
  };
}

/** A number as a person here writes it: a decimal comma. */
export function numberText(value: number | null): string {
  return value === null ? "" : String(value).replace(".", ",");
}

/**
 * A typed number: `12,5` and `12.5` alike; with `grouping`, `1.500` (and `1.500,5`) read as
 * Indonesian thousands. Empty is null (no figure); anything else that is not a number is NaN.
 */
export function parseNumber(raw: string, grouping = false): number | null {
  const text = raw.replace(/\s/g, "").replace(/%$/, "");
  if (text === "") return null;
  let plain = text;
  if (text.includes(",")) plain = text.replace(/\./g, "").replace(",", ".");
  else if (grouping && /^\d{1,3}(\.\d{3})+$/.test(text)) plain = text.replace(/\./g, "");
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
}

/** The form filled with the current state, with nothing yet written about this update. */
export function valuesFrom(state: CurrentState): FormValues {
  return {
    stage: state.stage ?? "",
    health: state.health ?? "",
    physicalProgress: numberText(state.physicalProgress),
    physicalUnknown: state.physicalProgress === null,
    budgetProgress: numberText(state.budgetProgress),
    indicatorValue: numberText(state.indicatorValue),
    note: "",
    obstacles: state.obstacles ?? "",
    nextSteps: state.nextSteps ?? "",
    sourceUrl: state.sourceUrl ?? "",
    stageReason: "",
  };
}

export function sameValues(a: FormValues, b: FormValues): boolean {
  return (Object.keys(a) as (keyof FormValues)[]).every((key) => a[key] === b[key]);
}

/** Whether the chosen stage goes back from where the issue stands (then a reason is needed). */
export function goesBack(values: FormValues, currentStage: Stage | null): boolean {
  return values.stage !== "" && isStageBackward(currentStage, values.stage);
}

/**
 * The form after choosing `stage`. Going back a stage empties the physical progress, so that the
 * later stage's figure is not carried along unnoticed; undoing that choice before anything was
 * typed brings the figure back.
 */
export function withStage(
  values: FormValues,
  stage: FormValues["stage"],
  base: CurrentState,
  currentStage: Stage | null,
): FormValues {
  const next = { ...values, stage };
  const wasBack = goesBack(values, currentStage);
  const isBack = goesBack(next, currentStage);
  if (isBack && !wasBack) return { ...next, physicalProgress: "", physicalUnknown: false };
  if (wasBack && !isBack && physicalFrom(values) === undefined) {
    return {
      ...next,
      physicalProgress: numberText(base.physicalProgress),
      physicalUnknown: base.physicalProgress === null,
    };
  }
  return next;
}

/** The form after typing the physical progress: a figure takes back "Belum ada angka". */
export function withPhysicalTyped(values: FormValues, raw: string): FormValues {
  return { ...values, physicalProgress: raw, physicalUnknown: values.physicalUnknown && raw.trim() === "" };
}

/** The form after choosing (or taking back) "Belum ada angka": choosing it empties the figure. */
export function withPhysicalUnknown(values: FormValues, unknown: boolean): FormValues {
  return { ...values, physicalUnknown: unknown, physicalProgress: unknown ? "" : values.physicalProgress };
}

/** The physical progress as stated: a number (NaN if not one), null for "no figure", or not stated. */
export function physicalFrom(values: FormValues): number | null | undefined {
  if (values.physicalUnknown) return null;
  return values.physicalProgress.trim() === "" ? undefined : parseNumber(values.physicalProgress);
}

/** The update's fields apart from the issue and its version. */
export type UpdateChanges = Omit<UpdateInput, "issueId" | "expectedVersion">;

/**
 * What to send: the note, and only what differs from `base` (the state the form started from),
 * so that whatever someone else changed meanwhile and this person did not touch is kept.
 */
export function changesFrom(
  values: FormValues,
  base: CurrentState,
  options: { currentStage: Stage | null; hasIndicator: boolean; attachmentIds: number[] },
): UpdateChanges {
  const changes: UpdateChanges = { note: values.note };
  if (values.stage !== "" && values.stage !== base.stage) changes.stage = values.stage;
  if (values.health !== "" && values.health !== base.health) changes.health = values.health;

  // Going back a stage states the figure again, even when it is the same.
  const back = changes.stage !== undefined && isStageBackward(options.currentStage, changes.stage);
  const physical = physicalFrom(values);
  if (physical !== undefined && (back || physical !== base.physicalProgress)) {
    changes.physicalProgress = physical;
  }
  const budget = parseNumber(values.budgetProgress);
  if (budget !== base.budgetProgress) changes.budgetProgress = budget;
  if (options.hasIndicator) {
    const indicator = parseNumber(values.indicatorValue, true);
    if (indicator !== base.indicatorValue) changes.indicatorValue = indicator;
  }

  if (values.obstacles.trim() !== (base.obstacles ?? "")) changes.obstacles = values.obstacles;
  if (values.nextSteps.trim() !== (base.nextSteps ?? "")) changes.nextSteps = values.nextSteps;
  const url = values.sourceUrl.trim();
  if (url !== (base.sourceUrl ?? "")) changes.sourceUrl = url === "" ? null : url;

  if (back) changes.stageReason = values.stageReason;
  if (options.attachmentIds.length > 0) changes.attachmentIds = options.attachmentIds;
  return changes;
}

/**
 * Checks an update with the schema and the rules the server applies, against the state the
 * update is based on; each message is already Indonesian.
 */
export function validateUpdate(
  values: FormValues,
  input: UpdateInput,
  current: CurrentState,
): { ok: true } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const add = (name: string, message: string) => {
    if (isFieldName(name) && errors[name] === undefined) errors[name] = message;
  };
  const result = UpdateInput.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) add(String(issue.path[0] ?? ""), issue.message);
  }
  for (const [name, message] of Object.entries(updateRuleErrors(current, input))) add(name, message);
  // An emptied field is not "no figure": that is said with its own choice.
  if (physicalFrom(values) === undefined) add("physicalProgress", t.account.form.physicalRequired);
  return Object.keys(errors).length === 0 ? { ok: true } : { ok: false, errors };
}

/** The state after `changes` were applied to `state`, as the server carries fields over. */
export function applyChanges(state: CurrentState, changes: UpdateChanges): CurrentState {
  const text = (value: string | null | undefined, previous: string | null) =>
    value === undefined ? previous : value?.trim() ? value.trim() : null;
  return {
    stage: changes.stage ?? state.stage,
    health: changes.health ?? state.health,
    physicalProgress:
      changes.physicalProgress === undefined ? state.physicalProgress : changes.physicalProgress,
    budgetProgress: changes.budgetProgress === undefined ? state.budgetProgress : changes.budgetProgress,
    indicatorValue: changes.indicatorValue === undefined ? state.indicatorValue : changes.indicatorValue,
    obstacles: text(changes.obstacles, state.obstacles),
    nextSteps: text(changes.nextSteps, state.nextSteps),
    // A source belongs to the update that cites it: the next one starts without it.
    sourceUrl: null,
  };
}
