import type { AuditEvent, ChainCheckpoint, Verification } from '../../api/regie-api.models';
import { Alert, P } from '../components';
import { CHAIN_PROBLEM_LABEL, subjectLabel } from '../audit';
import { count, formatDateTime, formatNumber } from '../format';
import { eventTypeLabel } from '../event-labels';

/**
 * The chain's state without recomputing it: the last signed checkpoint and how much came after;
 * or, after "Nu controleren", what the full verification found.
 */
export function ChainCheck({
  checkpoint,
  verification,
  brokenAt,
  verifyAction,
}: {
  checkpoint: ChainCheckpoint;
  verification?: Verification;
  brokenAt: AuditEvent[];
  /** Where "Nu controleren" posts (the page's own filters kept). */
  verifyAction: string;
}) {
  if (verification && !verification.ok) return <ChainProblems verification={verification} events={brokenAt} />;
  if (verification) {
    return (
      <Alert kind="ok" title={`De keten is intact: ${formatNumber(verification.events)} gebeurtenissen gecontroleerd.`} live>
        <P>
          Gecontroleerd op {formatDateTime(verification.checkedAt)}. Laatste positie {formatNumber(verification.head.position)}, hash{' '}
          <code class="regie-hash">{verification.head.hash}</code>. Bewaar deze hash buiten Regie om later te kunnen aantonen dat niets is
          herschreven.
        </P>
      </Alert>
    );
  }
  return (
    <>
      <CheckpointLine checkpoint={checkpoint} />
      <form method="post" action={verifyAction} class="regie-inline-form" aria-label="Keten controleren">
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          Nu controleren
        </button>
        <span>Herberekent de hele keten; bij een lange geschiedenis duurt dat enkele seconden.</span>
      </form>
    </>
  );
}

function CheckpointLine({ checkpoint: { checkpoint, head, since } }: { checkpoint: ChainCheckpoint }) {
  const news =
    since === 0 ? 'sindsdien geen nieuwe gebeurtenissen' : `sindsdien ${count(since, 'nieuwe gebeurtenis', 'nieuwe gebeurtenissen')}`;
  if (!checkpoint) {
    return (
      <Alert kind="warning" title="De keten is nog nooit gecontroleerd.">
        <P>
          Er {head.position === 1 ? 'is' : 'zijn'} {count(head.position, 'gebeurtenis', 'gebeurtenissen')} vastgelegd. Controleer de keten
          om ze te verzegelen.
        </P>
      </Alert>
    );
  }
  const line = `Keten gecontroleerd tot gebeurtenis ${formatNumber(checkpoint.position)} op ${formatDateTime(checkpoint.verifiedAt)}; ${news}.`;
  if (!checkpoint.trusted) {
    return (
      <Alert kind="warning" title="Het laatste ijkpunt van de keten is niet met de ketensleutel ondertekend.">
        <P>{line} Dit ijkpunt bewijst niets: controleer de keten nu.</P>
      </Alert>
    );
  }
  return <P>{line}</P>;
}

/** A failed chain check in words: what is wrong at which position, and which event that is. */
function ChainProblems({ verification, events }: { verification: Verification; events: AuditEvent[] }) {
  const n = verification.problems.length;
  return (
    <Alert kind="error" title={`De keten is niet intact: ${n === 1 ? '1 probleem' : `${n} problemen`} gevonden.`} live>
      <P>Wat is vastgelegd, is na het vastleggen veranderd of verdwenen. Meld dit aan de beheerder en bewaar deze pagina.</P>
      <ul class="utrecht-unordered-list">
        {verification.problems.map((problem) => {
          const event = events.find((e) => e.position === problem.position);
          return (
            <li key={`${problem.position}-${problem.kind}`} class="utrecht-unordered-list__item">
              <strong>Positie {problem.position}</strong>
              {event && (
                <>
                  {' '}
                  ({eventTypeLabel(event.type)}, {subjectLabel(event.streamId, event.data)}, {formatDateTime(event.occurredAt)})
                </>
              )}
              : {CHAIN_PROBLEM_LABEL[problem.kind]}
              <details class="regie-event regie-technical">
                <summary>Technische gegevens</summary>
                <p class="nl-paragraph regie-hash">{problem.detail}</p>
              </details>
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}
