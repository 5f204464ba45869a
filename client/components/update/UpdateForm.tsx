import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { HEALTHS, STAGES } from "../../../shared/domain";
import { formatNumber } from "../../../shared/format";
import { id as t } from "../../../shared/messages/id";
import { errorCode } from "../../lib/auth";
import { type IssueDetail, type TimelineEntry, useTRPC } from "../../lib/trpc";
import { type ControlProps, FormField } from "../FormField";
import { AttachmentField, useAttachments } from "./AttachmentField";
import { ConflictPanel } from "./ConflictPanel";
import { NoFigureOption } from "./NoFigureOption";
import {
  applyChanges,
  type CurrentState,
  changesFrom,
  currentState,
  FIELD_ORDER,
  type FieldErrors,
  type FieldName,
  type FormValues,
  goesBack,
  isFieldName,
  sameValues,
  validateUpdate,
  valuesFrom,
  withPhysicalTyped,
  withPhysicalUnknown,
  withStage,
} from "./updateFormModel";

/** The version of the issue the form was filled from, and the updates known at that time. */
interface Base {
  version: number;
  state: CurrentState;
  entryIds: ReadonlySet<number>;
}

function baseFrom(issue: IssueDetail, timeline: readonly TimelineEntry[]): Base {
  return {
    version: issue.version,
    state: currentState(issue, timeline[0]),
    entryIds: new Set(timeline.map((entry) => entry.id)),
  };
}

interface Props {
  issue: IssueDetail;
  timeline: readonly TimelineEntry[];
}

/** An OPD's update of one issue: prefilled with its state, checked with the server's schema. */
export default function UpdateForm({ issue, timeline }: Props) {
  const text = t.account.form;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefix = useId();
  const fieldId = (name: FieldName) => `${prefix}-${name}`;

  const [base, setBase] = useState(() => baseFrom(issue, timeline));
  const [values, setValues] = useState(() => valuesFrom(base.state));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [conflict, setConflict] = useState<"loading" | "ready" | null>(null);
  const files = useAttachments();
  const conflictHeading = useRef<HTMLHeadingElement>(null);
  const create = useMutation(trpc.updates.create.mutationOptions());

  const dirty = !sameValues(values, valuesFrom(base.state)) || files.items.length > 0;

  // Someone else's update arrived while this form sat untouched: start from it instead.
  useEffect(() => {
    if (conflict || dirty || create.isPending || issue.version <= base.version) return;
    const next = baseFrom(issue, timeline);
    setBase(next);
    setValues(valuesFrom(next.state));
  }, [conflict, dirty, create.isPending, issue, timeline, base.version]);

  useEffect(() => {
    if (conflict === "loading") conflictHeading.current?.focus();
  }, [conflict]);

  /** The state the server will apply this update to: the latest one when sending again. */
  function target(): CurrentState {
    return conflict ? currentState(issue, timeline[0]) : base.state;
  }

  function check(from: FormValues, expectedVersion: number) {
    const changes = changesFrom(from, base.state, {
      currentStage: issue.stage,
      hasIndicator: issue.indicator !== null,
      attachmentIds: files.ids,
    });
    const input = { issueId: issue.id, expectedVersion, ...changes };
    return { changes, input, checked: validateUpdate(from, input, target()) };
  }

  function update(next: FormValues) {
    setValues(next);
    setStatus("");
    if (Object.keys(errors).length === 0) return;
    // Once errors are shown, each follows its field as it is corrected; none appears unasked.
    const { checked } = check(next, base.version);
    const fresh = checked.ok ? {} : checked.errors;
    const still: FieldErrors = {};
    for (const name of FIELD_ORDER) {
      const message = name === "attachmentIds" ? errors[name] : errors[name] && fresh[name];
      if (message) still[name] = message;
    }
    setErrors(still);
  }

  function set<K extends keyof FormValues>(name: K, value: FormValues[K]) {
    update({ ...values, [name]: value });
  }

  function showErrors(found: FieldErrors) {
    setErrors(found);
    setFormError(null);
    const first = FIELD_ORDER.find((name) => found[name] !== undefined);
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  function refresh() {
    return Promise.all([
      queryClient.invalidateQueries(trpc.issues.pathFilter()),
      queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
      queryClient.invalidateQueries(trpc.updates.pathFilter()),
    ]);
  }

  async function send(expectedVersion: number) {
    setStatus("");
    setFormError(null);
    if (files.uploading) {
      setFormError(text.waitForUploads);
      return;
    }
    const { changes, input, checked } = check(values, expectedVersion);
    if (!checked.ok) {
      showErrors(checked.errors);
      return;
    }
    setErrors({});

    try {
      const written = await create.mutateAsync(input);
      // The server merged these changes into the state at `expectedVersion`.
      const state = applyChanges(target(), changes);
      const known = conflict ? timeline.map((entry) => entry.id) : [...base.entryIds];
      setBase({ version: written.version, state, entryIds: new Set([...known, written.id]) });
      setValues(valuesFrom(state));
      files.clear();
      setErrors({});
      setConflict(null);
      setStatus(text.success);
      void refresh();
    } catch (error) {
      const code = errorCode(error);
      if (code === "CONFLICT") {
        setConflict("loading");
        await Promise.all([
          queryClient.invalidateQueries(trpc.issues.pathFilter()),
          queryClient.invalidateQueries(trpc.updates.timeline.queryFilter({ issueId: issue.id })),
        ]);
        setConflict("ready");
        return;
      }
      // A lost session is handled for the whole app: it leads to the sign-in page.
      if (code === "UNAUTHORIZED") return;
      const fieldErrors = (
        error as { data?: { zodError?: { fieldErrors?: Record<string, string[]> } | null } }
      ).data?.zodError?.fieldErrors;
      const found: FieldErrors = {};
      for (const [name, messages] of Object.entries(fieldErrors ?? {})) {
        if (isFieldName(name) && messages[0]) found[name] = messages[0];
      }
      if (Object.keys(found).length > 0) {
        showErrors(found);
        return;
      }
      const worded = code !== undefined && code !== "INTERNAL_SERVER_ERROR" && error instanceof Error;
      setFormError(worded ? error.message : text.failed);
    }
  }

  function cancelConflict() {
    const next = baseFrom(issue, timeline);
    setBase(next);
    setValues(valuesFrom(next.state));
    files.clear();
    setErrors({});
    setFormError(null);
    setConflict(null);
    setStatus(text.cancelled);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void send(base.version);
  }

  const backward = goesBack(values, issue.stage);
  const physicalHint =
    backward && values.stage !== ""
      ? text.physicalAgainHint(t.stage[values.stage])
      : values.stage === "selesai"
        ? text.physicalFinishedHint
        : text.physicalHint;
  const newer =
    conflict === "ready" && issue.version !== base.version
      ? timeline.filter((entry) => !base.entryIds.has(entry.id))
      : null;

  function field(
    name: Exclude<FieldName, "attachmentIds">,
    label: string,
    control: (props: ControlProps) => ReactNode,
    hint?: string,
  ) {
    return (
      <FormField id={fieldId(name)} name={name} label={label} hint={hint} error={errors[name]}>
        {control}
      </FormField>
    );
  }

  const numberInput =
    (
      name: "physicalProgress" | "budgetProgress" | "indicatorValue",
      typed = (raw: string) => set(name, raw),
    ) =>
    (props: ControlProps) => (
      <input
        {...props}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={values[name]}
        onChange={(event) => typed(event.target.value)}
      />
    );
  const textArea =
    (name: "note" | "obstacles" | "nextSteps" | "stageReason", rows = 3) =>
    (props: ControlProps) => (
      <textarea
        {...props}
        rows={rows}
        value={values[name]}
        onChange={(event) => set(name, event.target.value)}
      />
    );

  const indicator = issue.indicator;
  return (
    <form className="update-form" onSubmit={onSubmit} noValidate>
      <p className="muted">{text.intro}</p>
      <div className="form-grid">
        {field("stage", text.stage, (props) => (
          <select
            {...props}
            value={values.stage}
            onChange={(event) =>
              update(withStage(values, event.target.value as FormValues["stage"], base.state, issue.stage))
            }
          >
            {values.stage === "" ? <option value="">{text.choose}</option> : null}
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {t.stage[stage]}
              </option>
            ))}
          </select>
        ))}
        {backward && issue.stage
          ? field(
              "stageReason",
              `${text.stageReason} (${text.required})`,
              textArea("stageReason", 2),
              text.stageReasonHint(t.stage[issue.stage]),
            )
          : null}
        {field("health", text.health, (props) => (
          <select
            {...props}
            value={values.health}
            onChange={(event) => set("health", event.target.value as FormValues["health"])}
          >
            {values.health === "" ? <option value="">{text.choose}</option> : null}
            {HEALTHS.map((health) => (
              <option key={health} value={health}>
                {t.health[health]}
              </option>
            ))}
          </select>
        ))}
        {field(
          "physicalProgress",
          text.physical,
          (props) => (
            <>
              {numberInput("physicalProgress", (raw) => update(withPhysicalTyped(values, raw)))(props)}
              <NoFigureOption
                id={`${props.id}-unknown`}
                checked={values.physicalUnknown}
                onChange={(checked) => update(withPhysicalUnknown(values, checked))}
              />
            </>
          ),
          physicalHint,
        )}
        {field("budgetProgress", text.budget, numberInput("budgetProgress"), text.percentHint)}
        {indicator
          ? field(
              "indicatorValue",
              text.indicator(indicator.unit),
              numberInput("indicatorValue"),
              text.indicatorHint(
                indicator.label,
                indicator.target === null ? null : `${formatNumber(indicator.target)} ${indicator.unit}`,
              ),
            )
          : null}
      </div>
      {field("note", `${text.note} (${text.required})`, textArea("note", 4), text.noteHint)}
      {field("obstacles", text.obstacles, textArea("obstacles"))}
      {field("nextSteps", text.nextSteps, textArea("nextSteps"))}
      {field(
        "sourceUrl",
        text.sourceUrl,
        (props) => (
          <input
            {...props}
            type="url"
            inputMode="url"
            autoComplete="url"
            value={values.sourceUrl}
            onChange={(event) => set("sourceUrl", event.target.value)}
          />
        ),
        text.sourceUrlHint,
      )}
      <AttachmentField
        id={fieldId("attachmentIds")}
        files={files}
        error={errors.attachmentIds}
        // A file chosen or removed answers the server's complaint about the attachments.
        onChange={() => setErrors(({ attachmentIds: _, ...others }) => others)}
      />

      {conflict ? (
        <ConflictPanel
          newer={newer}
          sending={create.isPending}
          onResend={() => void send(issue.version)}
          onCancel={cancelConflict}
          headingRef={conflictHeading}
        />
      ) : null}
      {formError || Object.keys(errors).length > 0 ? (
        <p className="notice notice-error" role="alert">
          {formError ?? text.invalid}
        </p>
      ) : null}
      <p className="form-status" role="status">
        {status}
      </p>
      {conflict ? null : (
        <div className="form-actions">
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? text.submitting : text.submit}
          </button>
        </div>
      )}
    </form>
  );
}
