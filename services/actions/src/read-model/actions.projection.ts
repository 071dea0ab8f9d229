import type { EntityManager } from 'typeorm';
import { appliedTypes, type RecordedEvent } from '@regie/es-core';
import { changedKeys, type Projection, RowSet } from '@regie/read-model';
import type { ActionsDomainEvent } from '../actions.commands';
import { splitActionKey } from '@regie/es-core';
import { ActionRow, KnelpuntRow, MilestoneRow, ProgressReportRow, RegionRow, WerkagendaRow } from './entities';

type Recorded = ActionsDomainEvent & RecordedEvent;

/** The store events this read model shows: every type of the context, decided here. */
const handlesType = appliedTypes<ActionsDomainEvent>({
  WerkagendaEstablished: true,
  WerkagendaChanged: true,
  PartyAdded: true,
  PartyChanged: true,
  ActionLineAdded: true,
  ActionLineRenamed: true,
  WerkagendaArchived: true,
  ActionDefined: true,
  ActionChanged: true,
  RegionAdded: true,
  RegionStatusChanged: true,
  ActionHolderAssigned: true,
  ProgressReported: true,
  MilestonePlanned: true,
  MilestoneStarted: true,
  MilestoneAchieved: true,
  MilestoneReplanned: true,
  MilestoneCancelled: true,
  KnelpuntRaised: true,
  KnelpuntEscalated: true,
  KnelpuntResolved: true,
});

type Rows<Row extends object> = Pick<RowSet<Row>, 'get' | 'insert' | 'update'>;

/** The tables of the read model, as rows in memory while a batch of events is applied. */
export interface ActionsTables {
  werkagenda: Rows<WerkagendaRow>;
  action: Rows<ActionRow>;
  milestone: Rows<MilestoneRow>;
  progressReport: Rows<ProgressReportRow>;
  knelpunt: Rows<KnelpuntRow>;
  region: Rows<RegionRow>;
}

/**
 * Builds the actions read model from the context's own store events. A batch is applied in
 * memory (rows it changes are read first, in one query per table) and written in a few multi-row
 * statements (RowSet): a rebuild writes thousands of events per round trip, a live event costs
 * what it did.
 */
export class ActionsProjection implements Projection {
  readonly name = 'actions';

  handles(event: RecordedEvent): boolean {
    return handlesType(event.type);
  }

  apply(event: RecordedEvent, em: EntityManager): Promise<void> {
    return this.applyBatch([event], em);
  }

  async applyBatch(events: RecordedEvent[], em: EntityManager): Promise<void> {
    const t = {
      werkagenda: new RowSet(em, WerkagendaRow),
      action: new RowSet(em, ActionRow),
      milestone: new RowSet(em, MilestoneRow),
      progressReport: new RowSet(em, ProgressReportRow),
      knelpunt: new RowSet(em, KnelpuntRow),
      region: new RowSet(em, RegionRow),
    };
    const batch = events as Recorded[];
    // One connection (the transaction's): the statements run one after the other.
    await t.werkagenda.load(changedKeys(batch, werkagendaKey));
    await t.action.load(changedKeys(batch, actionKey));
    await t.region.load(changedKeys(batch, regionKey));
    await t.milestone.load(changedKeys(batch, milestoneKey));
    await t.knelpunt.load(changedKeys(batch, knelpuntKey));
    for (const event of batch) applyActionsEvent(t, event);
    for (const rows of [t.werkagenda, t.action, t.milestone, t.progressReport, t.knelpunt, t.region] as RowSet<object>[])
      await rows.flush();
  }
}

const werkagendaKey = (e: Recorded) =>
  e.type === 'WerkagendaEstablished'
    ? { creates: e.data.werkagendaId }
    : e.type === 'WerkagendaChanged' ||
        e.type === 'PartyAdded' ||
        e.type === 'PartyChanged' ||
        e.type === 'ActionLineAdded' ||
        e.type === 'ActionLineRenamed' ||
        e.type === 'WerkagendaArchived'
      ? { changes: e.data.werkagendaId }
      : {};
const actionKey = (e: Recorded) =>
  e.type === 'ActionDefined'
    ? { creates: e.data.code }
    : e.type === 'ActionHolderAssigned' ||
        e.type === 'ProgressReported' ||
        e.type === 'ActionChanged' ||
        e.type === 'RegionAdded' ||
        e.type === 'RegionStatusChanged'
      ? { changes: e.data.code }
      : {};
const regionId = (actionCode: string, slug: string) => `${actionCode}#${slug}`;
const regionKey = (e: Recorded) =>
  e.type === 'RegionAdded'
    ? { creates: regionId(e.data.code, e.data.region.slug) }
    : e.type === 'RegionStatusChanged'
      ? { changes: regionId(e.data.code, e.data.slug) }
      : {};
const milestoneKey = (e: Recorded) =>
  e.type === 'MilestonePlanned'
    ? { creates: e.data.milestoneId }
    : e.type.startsWith('Milestone')
      ? { changes: (e.data as { milestoneId: string }).milestoneId }
      : {};
const knelpuntKey = (e: Recorded) =>
  e.type === 'KnelpuntRaised'
    ? { creates: e.data.knelpuntId }
    : e.type.startsWith('Knelpunt')
      ? { changes: (e.data as { knelpuntId: string }).knelpuntId }
      : {};

/** Applies one event to the rows in memory; false for events this read model does not show. */
export function applyActionsEvent(t: ActionsTables, recorded: RecordedEvent): boolean {
  const event = recorded as Recorded;
  const revision = event.revision;
  switch (event.type) {
    case 'WerkagendaEstablished': {
      const d = event.data;
      t.werkagenda.insert({
        id: d.werkagendaId,
        title: d.title,
        periodFrom: d.period.from,
        periodTo: d.period.to,
        parties: d.parties,
        actionLines: d.actionLines,
        archived: false,
        archiveReason: null,
      });
      return true;
    }
    case 'WerkagendaChanged': {
      const d = event.data;
      t.werkagenda.update(d.werkagendaId, {
        ...(d.title !== undefined ? { title: d.title } : {}),
        ...(d.period ? { periodFrom: d.period.from, periodTo: d.period.to } : {}),
      });
      return true;
    }
    case 'PartyAdded':
    case 'PartyChanged': {
      const d = event.data;
      const row = t.werkagenda.get(d.werkagendaId);
      if (!row) throw new Error(`${event.type}: werkagenda ${d.werkagendaId} is not in the read model`);
      const parties = row.parties.some((p) => p.code === d.party.code)
        ? row.parties.map((p) => (p.code === d.party.code ? d.party : p))
        : [...row.parties, d.party];
      t.werkagenda.update(d.werkagendaId, { parties });
      return true;
    }
    case 'ActionLineAdded':
    case 'ActionLineRenamed': {
      const d = event.data;
      const row = t.werkagenda.get(d.werkagendaId);
      if (!row) throw new Error(`${event.type}: werkagenda ${d.werkagendaId} is not in the read model`);
      const line = event.type === 'ActionLineAdded' ? event.data.actionLine : { number: event.data.number, title: event.data.title };
      const actionLines = [...row.actionLines.filter((l) => l.number !== line.number), line].sort((a, b) => a.number - b.number);
      t.werkagenda.update(d.werkagendaId, { actionLines });
      return true;
    }
    case 'WerkagendaArchived':
      t.werkagenda.update(event.data.werkagendaId, { archived: true, archiveReason: event.data.reason });
      return true;
    case 'ActionDefined': {
      const d = event.data;
      t.action.insert({
        code: d.code,
        werkagendaId: d.werkagendaId,
        codeInWerkagenda: splitActionKey(d.code).code,
        actiehouderPersonIds: d.actiehouderPersonIds ?? [],
        actionLine: d.actionLine,
        title: d.title,
        actionHolder: d.actionHolder,
        startActivities: d.startActivities,
        rag: null,
        revision,
      });
      return true;
    }
    case 'ActionChanged': {
      const d = event.data;
      t.action.update(d.code, {
        ...(d.title !== undefined ? { title: d.title } : {}),
        ...(d.actiehouderPersonIds ? { actiehouderPersonIds: d.actiehouderPersonIds } : {}),
        ...(d.startActivities ? { startActivities: d.startActivities } : {}),
        revision,
      });
      return true;
    }
    case 'RegionAdded': {
      const { code, region } = event.data;
      t.region.insert({
        id: regionId(code, region.slug),
        actionCode: code,
        slug: region.slug,
        name: region.name,
        periodFrom: region.period?.from ?? null,
        periodTo: region.period?.to ?? null,
        status: region.status,
        statusChanges: [],
        position: revision,
      });
      t.action.update(code, { revision });
      return true;
    }
    case 'RegionStatusChanged': {
      const d = event.data;
      const row = t.region.get(regionId(d.code, d.slug));
      if (!row) throw new Error(`RegionStatusChanged: region ${d.slug} of ${d.code} is not in the read model`);
      t.region.update(row.id, { status: d.status, statusChanges: [...row.statusChanges, { status: d.status, on: d.on, note: d.note }] });
      t.action.update(d.code, { revision });
      return true;
    }
    case 'ActionHolderAssigned':
      t.action.update(event.data.code, { actionHolder: event.data.actionHolder, revision });
      return true;
    case 'ProgressReported': {
      const d = event.data;
      t.progressReport.insert({
        id: d.reportId,
        actionCode: d.code,
        rag: d.rag,
        summary: d.summary,
        reportedAt: new Date(d.reportedAt),
        reportedBy: event.metadata.actor.userId,
      });
      t.action.update(d.code, { rag: d.rag, revision });
      return true;
    }
    case 'MilestonePlanned': {
      const d = event.data;
      t.milestone.insert({
        id: d.milestoneId,
        actionCode: d.actionCode,
        title: d.title,
        dueDate: d.dueDate,
        originalDueDate: d.dueDate,
        dueDateText: d.dueDateText,
        regionSlug: d.regionSlug ?? null,
        status: 'planned',
        startedOn: null,
        achievedOn: null,
        replans: [],
        cancelReason: null,
        revision,
      });
      return true;
    }
    case 'MilestoneStarted':
      t.milestone.update(event.data.milestoneId, { status: 'in_progress', startedOn: event.data.startedOn, revision });
      return true;
    case 'MilestoneAchieved':
      t.milestone.update(event.data.milestoneId, { status: 'achieved', achievedOn: event.data.achievedOn, revision });
      return true;
    case 'MilestoneReplanned': {
      const d = event.data;
      const row = t.milestone.get(d.milestoneId);
      if (!row) throw new Error(`MilestoneReplanned: milestone ${d.milestoneId} is not in the read model`);
      const replan = { previousDueDate: d.previousDueDate, dueDate: d.dueDate, reason: d.reason, at: event.occurredAt.toISOString() };
      t.milestone.update(d.milestoneId, { dueDate: d.dueDate, replans: [...row.replans, replan], revision });
      return true;
    }
    case 'MilestoneCancelled':
      t.milestone.update(event.data.milestoneId, { status: 'cancelled', cancelReason: event.data.reason, revision });
      return true;
    case 'KnelpuntRaised': {
      const d = event.data;
      t.knelpunt.insert({
        id: d.knelpuntId,
        actionCode: d.actionCode,
        description: d.description,
        escalatedTo: null,
        status: 'open',
        raisedAt: new Date(d.raisedAt),
        resolution: null,
        resolvedAt: null,
        revision,
      });
      return true;
    }
    case 'KnelpuntEscalated':
      t.knelpunt.update(event.data.knelpuntId, { escalatedTo: event.data.to, revision });
      return true;
    case 'KnelpuntResolved':
      t.knelpunt.update(event.data.knelpuntId, {
        status: 'resolved',
        resolution: event.data.resolution,
        resolvedAt: new Date(event.data.resolvedAt),
        revision,
      });
      return true;
    default: {
      const _exhaustive: never = event;
      return false; // events of other contexts sharing the store
    }
  }
}
