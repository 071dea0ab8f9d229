import type { EntityManager } from 'typeorm';
import { ActionsEventV1 } from '@regie/contracts-actions';
import { appliedTypes, type IntegrationMessage } from '@regie/es-core';
import { RowSet } from '@regie/read-model';
import { InboundActionRow, InboundCommitmentRow, InboundKnelpuntRow, InboundMilestoneRow } from '../read-model/entities';

/** What composes agendas: actions (for their werkagenda), mijlpalen and knelpunten; not progress reports or holders. */
export const appliesActionsEvent = appliedTypes<ActionsEventV1>({
  ActionDefinedV1: true,
  ActionHolderAssignedV1: false,
  ProgressReportedV1: false,
  KnelpuntRaisedV1: true,
  KnelpuntEscalatedV1: true,
  KnelpuntResolvedV1: true,
  MilestonePlannedV1: true,
  MilestoneStartedV1: true,
  MilestoneReplannedV1: true,
  MilestoneAchievedV1: true,
  MilestoneCancelledV1: true,
});

/**
 * Applies one actions integration event (contract v1, validated here: a message that does not
 * fit is refused and ends in the dead-letter topic) to meetings' own knowledge of knelpunten and
 * mijlpalen, from which agenda drafts compose themselves, and of the werkagenda each action
 * belongs to, so that a series' drafts collect only its own werkagenda's.
 */
export function applyActionsEvent(message: IntegrationMessage, em: EntityManager): Promise<void> {
  return applyActionsEvents([message], em);
}

/** The same for several messages in order: the rows they touch are read once and written in a few statements. */
export async function applyActionsEvents(messages: IntegrationMessage[], em: EntityManager): Promise<void> {
  const events = messages.map((m) => ActionsEventV1.parse(m.payload));
  const actions = new RowSet(em, InboundActionRow);
  const knelpunten = new RowSet(em, InboundKnelpuntRow);
  const milestones = new RowSet(em, InboundMilestoneRow);
  await actions.load(events.flatMap((e) => ('actionCode' in e ? [e.actionCode] : e.type === 'ActionDefinedV1' ? [e.code] : [])));
  await knelpunten.load(events.flatMap((e) => ('knelpuntId' in e ? [e.knelpuntId] : [])));
  await milestones.load(events.flatMap((e) => ('milestoneId' in e ? [e.milestoneId] : [])));
  const werkagendaOf = (code: string) => actions.get(code)?.werkagendaId ?? null;
  const defined: InboundActionRow[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'ActionDefinedV1':
        if (werkagendaOf(event.code) === null) defined.push({ code: event.code, werkagendaId: event.werkagendaId });
        actions.upsert({ code: event.code, werkagendaId: event.werkagendaId });
        break;
      case 'KnelpuntRaisedV1':
        knelpunten.upsert({
          id: event.knelpuntId,
          actionCode: event.actionCode,
          werkagendaId: werkagendaOf(event.actionCode),
          description: event.description,
          status: 'open',
        });
        break;
      case 'KnelpuntEscalatedV1':
        if (!knelpunten.update(event.knelpuntId, { escalatedTo: event.to })) {
          knelpunten.insert({
            id: event.knelpuntId,
            actionCode: event.actionCode,
            werkagendaId: werkagendaOf(event.actionCode),
            description: '(omschrijving onbekend)',
            escalatedTo: event.to,
            status: 'open',
          });
        }
        break;
      case 'KnelpuntResolvedV1':
        knelpunten.update(event.knelpuntId, { status: 'resolved' });
        break;
      case 'MilestonePlannedV1':
        milestones.upsert({
          id: event.milestoneId,
          actionCode: event.actionCode,
          werkagendaId: werkagendaOf(event.actionCode),
          title: event.title,
          dueDate: event.dueDate,
          status: 'planned',
          achievedOn: null,
        });
        break;
      case 'MilestoneStartedV1':
        milestones.update(event.milestoneId, { status: 'in_progress' });
        break;
      case 'MilestoneReplannedV1':
        milestones.update(event.milestoneId, { dueDate: event.dueDate });
        break;
      case 'MilestoneAchievedV1':
        milestones.update(event.milestoneId, { status: 'achieved', achievedOn: event.achievedOn });
        break;
      case 'MilestoneCancelledV1':
        milestones.update(event.milestoneId, { status: 'cancelled' });
        break;
      case 'ActionHolderAssignedV1':
      case 'ProgressReportedV1':
        break; // holders and progress reports do not compose agendas
      default: {
        const _exhaustive: never = event;
        break;
      }
    }
  }
  await actions.flush();
  await knelpunten.flush();
  await milestones.flush();
  if (defined.length > 0) await placeEarlierRows(em, defined);
}

/**
 * Rows that arrived before their action was defined (another delivery order, or rows from before
 * meetings kept werkagenda's) get its werkagenda once it is known: by a partial index, which
 * holds only such rows.
 */
async function placeEarlierRows(em: EntityManager, defined: InboundActionRow[]): Promise<void> {
  const params = [defined.map((a) => a.code), defined.map((a) => a.werkagendaId)];
  const schema = (em.connection.options as { schema?: string }).schema;
  for (const entity of [InboundMilestoneRow, InboundKnelpuntRow]) {
    await em.query(
      `UPDATE "${schema}"."${em.connection.getMetadata(entity).tableName}" t SET werkagenda_id = d.werkagenda_id
       FROM unnest($1::text[], $2::text[]) AS d(code, werkagenda_id)
       WHERE t.action_code = d.code AND t.werkagenda_id IS NULL`,
      params,
    );
  }
  // A toezegging is placed once each of its actions is known.
  await em.query(
    `UPDATE "${schema}"."${em.connection.getMetadata(InboundCommitmentRow).tableName}" c SET unplaced = false
     WHERE c.unplaced AND c.action_codes ?| $1::text[] AND NOT EXISTS (
       SELECT 1 FROM jsonb_array_elements_text(c.action_codes) AS named(code)
       WHERE NOT EXISTS (SELECT 1 FROM "${schema}"."${em.connection.getMetadata(InboundActionRow).tableName}" a WHERE a.code = named.code))`,
    [params[0]],
  );
}
