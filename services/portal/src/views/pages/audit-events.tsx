import { splitActionKey } from '@regie/es-core';
import type { ActionSummary, AuditEvent } from '../../api/regie-api.models';
import { A, Table } from '../components';
import { justBefore, pageOfStream, subjectLabel, timeTravels } from '../audit';
import { eventSentence, eventTypeLabel, type SentenceNames } from '../event-labels';
import { formatDateTime } from '../format';
import { ROLE_LABEL } from '../labels';
import type { ActorNames } from '../actors';

const roleLabel = (role: string): string => ROLE_LABEL[role as keyof typeof ROLE_LABEL] ?? role;

/**
 * Who did it, in words: the actor's display name ("C. de Vries, coördinator werkagenda", "eerste
 * inrichting"), else the role it acted in; never the account id ("onbekend" without an actor).
 */
export const actorText = (e: AuditEvent, actors: ActorNames = {}): string => {
  const actor = e.metadata.actor;
  if (!actor) return 'onbekend';
  return actors[actor.userId] ?? actor.role.split(',').map(roleLabel).join(', ');
};

/** The titles the sentences name milestones, actions and werkagenda's by, from the actions' and werkagenda's lists. */
export function namesOf(
  actions: ActionSummary[],
  werkagendas: { id: string; title: string }[] = [],
  regions: Map<string, Map<string, string>> = new Map(),
): SentenceNames {
  const milestones = new Map(actions.flatMap((a) => a.milestones.map((m) => [m.id, m.title] as const)));
  const titles = new Map(actions.map((a) => [a.key, a.title] as const));
  const werkagendaTitles = new Map(werkagendas.map((w) => [w.id, w.title] as const));
  return {
    milestoneTitle: (id) => milestones.get(id),
    actionTitle: (code) => titles.get(code),
    werkagendaTitle: (id) => werkagendaTitles.get(id),
    regionName: (key, slug) => regions.get(key)?.get(slug),
  };
}

/**
 * The werkagenda's whose actions these events name (by their action stream or `actionCode`), the
 * current one first: their action lists give the sentences their titles. At most `max`, so a page
 * never reads every werkagenda's actions (with hundreds of werkagenda's that ran the platform out
 * of memory); an action beyond them is named by its code.
 */
export function werkagendasNamedBy(events: AuditEvent[], current?: string, max = 12): string[] {
  const ids = new Set<string>(current ? [current] : []);
  const named = (value: unknown) => typeof value === 'string' && value && ids.add(splitActionKey(value).werkagendaId);
  for (const e of events) {
    if (ids.size >= max) break;
    if (e.streamId.startsWith('action-')) named(e.streamId.slice('action-'.length)); // the action's key, as its `code`
    const data = (e.data ?? {}) as { actionCode?: unknown; werkagendaId?: unknown };
    named(data.actionCode);
    if (typeof data.werkagendaId === 'string') ids.add(data.werkagendaId);
  }
  return [...ids].slice(0, max);
}

/** The events that name a region by its slug only (its name is on the action). */
const REGION_EVENTS = new Set(['RegionStatusChanged']);

/** The actions whose region statuses these events record: read once each for their regions' names. */
export async function regionNamesFor(
  events: AuditEvent[],
  regionsOf: (key: string) => Promise<{ slug: string; name: string }[]>,
): Promise<Map<string, Map<string, string>>> {
  const codeOf = (e: AuditEvent) => String((e.data as { code?: unknown } | null)?.code ?? '');
  const keys = [...new Set(events.filter((e) => REGION_EVENTS.has(e.type)).map(codeOf))].filter(Boolean);
  const found = await Promise.all(keys.map(async (key) => [key, await regionsOf(key).catch(() => [])] as const));
  return new Map(found.map(([key, regions]) => [key, new Map(regions.map((r) => [r.slug, r.name]))]));
}

/**
 * "Mijlpaal 2.1 behaald door C. de Vries, actiehouder actie 2.1." A sentence that ends in someone's
 * own words (a reason, a source: "reden: …") keeps them apart from who recorded it: "…, reden:
 * Regio's later gestart — door C. de Vries, coördinator werkagenda."
 */
export const eventText = (e: AuditEvent, names: SentenceNames = {}, actors: ActorNames = {}): string => {
  const sentence = eventSentence(e.type, e.data, names);
  if (!e.metadata.actor) return `${sentence}.`.replace(/([.…!?'])\.$/, '$1');
  const quoted = /: /.test(sentence);
  return `${quoted ? sentence.replace(/[.]+$/, '') : sentence}${quoted ? ' —' : ''} door ${actorText(e, actors)}.`;
};

/** The page of one event (AuditEventPage), with the names of persons opened when they are on the list. */
export const eventPage = (e: Pick<AuditEvent, 'position'>, namesOpen = false): string =>
  `/audit/gebeurtenissen/${e.position}${namesOpen ? '?namen=open' : ''}`;

/** The page of one subject's history (StreamPage), with the names of persons opened or as stored. */
export const streamPage = (streamId: string, namesOpen = false): string =>
  `/audit/stromen/${encodeURIComponent(streamId)}${namesOpen ? '?namen=open' : ''}`;

/** Says whether the names of persons are shown or sealed as stored, with a link to this page the other way (`at`). */
export function NamesToggle({ open, at }: { open: boolean; at: (namesOpen: boolean) => string }) {
  return open ? (
    <>
      Namen van personen worden getoond. <A href={at(false)}>Toon de gegevens zoals opgeslagen (namen versleuteld)</A>
    </>
  ) : (
    <>
      Namen van personen staan versleuteld, zoals opgeslagen. <A href={at(true)}>Namen tonen</A>
    </>
  );
}

/**
 * The events as a table: position, moment, what (in Dutch), about what, who, and the facts in words;
 * the stored record (type code, data, metadata, hash) on the event's own page, one click away.
 */
export function EventsTable({
  events,
  caption,
  withStream = true,
  names = {},
  actors = {},
  namesOpen = false,
}: {
  events: AuditEvent[];
  caption: string;
  withStream?: boolean;
  names?: SentenceNames;
  /** Display names of the actors (GET /api/v1/people/actors). */
  actors?: ActorNames;
  /** The names of persons are opened on this list: the event pages it links to open them too. */
  namesOpen?: boolean;
}) {
  return (
    <Table
      caption={caption}
      rows={events}
      rowKey={(e) => e.id}
      empty="Geen gebeurtenissen gevonden."
      stacked
      columns={[
        { header: 'Positie', numeric: true, cell: (e) => (withStream ? e.position : `${e.position} (versie ${e.revision + 1})`) },
        { header: 'Tijdstip', cell: (e) => <span class="regie-nowrap">{formatDateTime(e.occurredAt)}</span> },
        {
          header: 'Wat er gebeurde',
          cell: (e) => (
            <>
              <p class="nl-paragraph regie-event__sentence">{eventText(e, names, actors)}</p>
              <span class="regie-before-after">
                {hasPast(e) && (
                  <>
                    <BeforeAfter event={e} /> ·{' '}
                  </>
                )}
                <A href={eventPage(e, namesOpen)} label={`Gebeurtenis bekijken: ${eventTypeLabel(e.type)} (positie ${e.position})`}>
                  Gebeurtenis bekijken
                </A>
              </span>
            </>
          ),
        },
        ...(withStream
          ? [
              {
                header: 'Onderwerp',
                cell: (e: AuditEvent) => <A href={streamPage(e.streamId)}>{subjectLabel(e.streamId, e.data)}</A>,
              },
            ]
          : []),
      ]}
    />
  );
}

/**
 * The stored record as the audit API gives it (type code, data, metadata, hash): for auditors who
 * check it against an export, apart from the words the rest of the page uses.
 */
export function TechnicalRecord({ event: e, open }: { event: AuditEvent; open?: boolean }) {
  return (
    <details class="regie-event regie-technical" open={open}>
      <summary>Technische gegevens</summary>
      <pre class="regie-json" tabIndex={0}>
        {JSON.stringify(
          {
            type: e.type,
            schemaVersion: e.schemaVersion,
            streamId: e.streamId,
            data: e.data,
            metadata: e.metadata,
            recordedAt: e.recordedAt,
            hash: e.hash,
          },
          null,
          2,
        )}
      </pre>
    </details>
  );
}

/** Whether the event's subject has a page that can be shown as it was (BeforeAfter). */
export const hasPast = (event: AuditEvent): boolean => {
  const page = pageOfStream(event.streamId);
  return page !== undefined && timeTravels(page);
};

/** Links to the subject's page as it was just before this event and right after it (the API's asOf). */
export function BeforeAfter({ event }: { event: AuditEvent }) {
  const page = pageOfStream(event.streamId);
  if (!page || !hasPast(event)) return null;
  const at = (instant: string) => `${page}${page.includes('?') ? '&' : '?'}peildatum=${encodeURIComponent(instant)}`;
  const what = `${eventTypeLabel(event.type)} (positie ${event.position})`;
  return (
    <>
      <A href={at(justBefore(event.occurredAt))} label={`Situatie vlak vóór ${what}`}>
        Situatie vlak vóór
      </A>{' '}
      ·{' '}
      <A href={at(event.occurredAt)} label={`Situatie direct na ${what}`}>
        direct na
      </A>
    </>
  );
}
