import { describeProgress, describeReason } from "../../../shared/describe";
import { formatDate, formatDateShort, formatNumber, formatPercent } from "../../../shared/format";
import { id as t } from "../../../shared/messages/id";
import { HealthBadge } from "../Badges";
import { StageTrack } from "../StageTrack";
import { ClampedText } from "./ClampedText";
import { DirectionForm } from "./DirectionForm";
import type { Deck, DeckIssue } from "./deckModel";

function signed(delta: number): string {
  return `${delta > 0 ? "+" : delta < 0 ? "−" : "±"}${formatNumber(Math.round(Math.abs(delta) * 10) / 10)} poin`;
}

/** What changed since the previous apel: stage moves, the progress delta, new obstacles. */
function SinceLastApel({ deck, issue }: { deck: Deck; issue: DeckIssue }) {
  const change = deck.summary.changes.find((c) => c.id === issue.id);
  return (
    <section className="fit-box since-box" aria-labelledby={`sejak-${issue.id}`}>
      <h3 id={`sejak-${issue.id}`}>{t.apel.changesTitle}</h3>
      {change === undefined ? (
        <p className="muted-deck">{t.apel.noChange}</p>
      ) : (
        <ul className="since-list">
          <li>{t.apel.updatesCount(change.updates)}</li>
          {change.toStage !== null ? (
            <li>
              {change.fromStage === null
                ? t.apel.firstUpdate(t.stageShort[change.toStage])
                : change.fromStage === change.toStage
                  ? t.apel.stageSame(t.stageShort[change.toStage])
                  : t.apel.stageMove(t.stageShort[change.fromStage], t.stageShort[change.toStage])}
            </li>
          ) : null}
          {change.fromProgress !== null && change.toProgress !== null ? (
            <li>
              {t.apel.progressDelta(
                formatPercent(change.fromProgress.value),
                formatPercent(change.toProgress.value),
                signed(change.toProgress.value - change.fromProgress.value),
              )}
            </li>
          ) : null}
        </ul>
      )}
      {issue.newObstacles !== null ? (
        <div className="new-obstacle">
          <strong>{t.apel.newObstacle}:</strong>
          <ClampedText text={issue.newObstacles} lines={2} title={t.apel.newObstacle} />
        </div>
      ) : null}
    </section>
  );
}

/** One slide per issue: where it stands, who owns it, what changed and what is asked of it. */
export function IssueSlide({ deck, issue, canGive }: { deck: Deck; issue: DeckIssue; canGive: boolean }) {
  const attention = deck.summary.attention.find((a) => a.id === issue.id);
  const open = deck.directions.filter((d) => d.issueId === issue.id && d.status === "open");
  const chain = [
    `${issue.leadAgency.code} (${t.apel.lead})`,
    ...issue.chain.map((c) => `${c.agency.code} (${t.chainRole[c.role]})`),
  ].join(" · ");
  const latest = issue.latest;
  return (
    <div className="slide-body issue-slide">
      <header className="slide-head issue-head">
        <p className="slide-kicker">{t.issue.numberLabel(issue.number)}</p>
        <h2 className="slide-title">{issue.title}</h2>
        <div className="issue-owner">
          <HealthBadge health={issue.health} />
          <span>
            {t.apel.lead}: <strong>{issue.leadAgency.name}</strong>
          </span>
        </div>
        <ClampedText
          className="chain-line"
          text={`${t.apel.chain}: ${chain}`}
          lines={1}
          title={t.apel.chain}
        />
      </header>
      <StageTrack stage={issue.stage} />
      <div className="issue-columns">
        <div className="issue-col">
          <section className="fit-box figure-box" aria-labelledby={`progres-${issue.id}`}>
            <h3 id={`progres-${issue.id}`}>{t.apel.progress}</h3>
            <p className="big-figure">{issue.progress ? describeProgress(issue.progress) : t.state.noData}</p>
            <p>
              {t.apel.budget}:{" "}
              <strong>
                {issue.budgetProgress === null ? t.apel.noBudget : formatPercent(issue.budgetProgress)}
              </strong>
            </p>
            <p className="updated-by">
              {latest
                ? t.apel.updatedBy(
                    latest.author,
                    latest.agency,
                    formatDate(latest.createdAt, latest.datePrecision),
                  )
                : t.apel.noUpdate}
            </p>
          </section>
          <section className="fit-box" aria-labelledby={`alasan-${issue.id}`}>
            <h3 id={`alasan-${issue.id}`}>{t.apel.reasons}</h3>
            {attention ? (
              <ClampedText
                text={attention.reasons.map(describeReason).join(" · ")}
                lines={3}
                title={t.apel.reasons}
                className="reasons-text"
              />
            ) : (
              <p className="muted-deck">{t.apel.noReasons}</p>
            )}
          </section>
        </div>
        <div className="issue-col">
          <SinceLastApel deck={deck} issue={issue} />
          <section className="fit-box directions-box" aria-labelledby={`arahan-${issue.id}`}>
            <h3 id={`arahan-${issue.id}`}>
              {t.apel.openDirections} ({open.length})
            </h3>
            {open.length === 0 ? <p className="muted-deck">{t.apel.noOpenDirections}</p> : null}
            <ul className="deck-directions">
              {open.slice(0, 2).map((d) => (
                <li key={d.id}>
                  {d.overdue ? <span className="badge badge-overdue">{t.directions.overdue}</span> : null}{" "}
                  <span className="owner">{d.agency.code}</span> ·{" "}
                  {t.directions.due(formatDateShort(d.dueDate))}
                  <ClampedText text={d.text} lines={1} title={t.directions.title} />
                </li>
              ))}
            </ul>
            {open.length > 2 ? <p className="more">{t.apel.andMore(open.length - 2)}</p> : null}
            {canGive ? <DirectionForm issue={issue} apelOn={deck.apel.date} /> : null}
          </section>
        </div>
        <div className="issue-col">
          <section className="fit-box" aria-labelledby={`catatan-${issue.id}`}>
            <h3 id={`catatan-${issue.id}`}>{t.apel.latestNote}</h3>
            <ClampedText text={latest?.note ?? t.apel.noUpdate} lines={4} title={t.apel.latestNote} />
            <h3>{t.apel.obstacles}</h3>
            <ClampedText text={latest?.obstacles ?? t.apel.none} lines={3} title={t.apel.obstacles} />
            <h3>{t.apel.nextSteps}</h3>
            <ClampedText text={latest?.nextSteps ?? t.apel.none} lines={3} title={t.apel.nextSteps} />
          </section>
        </div>
      </div>
    </div>
  );
}
