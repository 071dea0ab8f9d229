import type { EntityManager } from 'typeorm';
import { amsterdamDate, appliedTypes, FIRST_WERKAGENDA_ID, type RecordedEvent } from '@regie/es-core';
import type { Projection } from '@regie/read-model';
import type { IndicatorEvent } from '../indicator/indicator';
import { frozenText, type PublicationEvent, sha256Of } from '../projection/publication';
import { IndicatorMeasurementRow, IndicatorRow, PublishedProjectionRow } from './entities';

/** The store events this read model shows: every type of monitoring's own aggregates, decided here. */
const handlesType = appliedTypes<IndicatorEvent | PublicationEvent>({
  IndicatorDefined: true,
  IndicatorBaselineSet: true,
  IndicatorTargetSet: true,
  IndicatorRedefined: true,
  IndicatorTargetsChanged: true,
  IndicatorAssessmentNoted: true,
  MeasurementRecorded: true,
  ProjectionPublished: true,
});

/** Builds the indicator and published-projection tables from monitoring's own events. */
export class MonitoringProjection implements Projection {
  readonly name = 'monitoring';

  handles(event: RecordedEvent): boolean {
    return handlesType(event.type);
  }

  async apply(recorded: RecordedEvent, em: EntityManager): Promise<void> {
    if (!handlesType(recorded.type)) return; // other contexts' events in the same store
    const event = recorded as unknown as (IndicatorEvent | PublicationEvent) & RecordedEvent;
    const position = recorded.position;
    if (event.type === 'ProjectionPublished') {
      // The document is kept as the JSON text it was frozen as: a published version is byte-identical forever,
      // also after a replay (see frozenText: never re-serialised from an object whose key order jsonb changed).
      const document = frozenText(event.data);
      await em.insert(PublishedProjectionRow, {
        werkagendaId: event.data.werkagendaId ?? FIRST_WERKAGENDA_ID,
        quarter: event.data.quarter,
        version: event.data.version,
        publishedAt: new Date(event.data.publishedAt),
        document,
        sha256: sha256Of(document),
        position: String(position),
        publishedBy: recorded.metadata.actor.userId,
      });
      return;
    }
    const id = event.data.indicatorId;
    if (event.type === 'IndicatorDefined') {
      const { title, unit, periodicity, description, source, werkagendaId, actionCode, direction } = event.data;
      await em.insert(IndicatorRow, {
        id,
        title,
        unit,
        periodicity,
        description,
        source,
        werkagendaId: werkagendaId ?? FIRST_WERKAGENDA_ID,
        actionCode: actionCode ?? null,
        direction: direction ?? 'lager-is-beter',
        baseline: null,
        targets: [],
        targetHistory: [],
        assessments: [],
        revision: recorded.revision,
        sources: [position],
      });
      return;
    }
    const row = await em.findOneByOrFail(IndicatorRow, { id });
    const touch = { revision: recorded.revision };
    switch (event.type) {
      case 'IndicatorBaselineSet': {
        const { indicatorId: _id, ...baseline } = event.data;
        await em.update(IndicatorRow, { id }, { ...touch, baseline: { ...baseline, position }, sources: [...row.sources, position] });
        return;
      }
      case 'IndicatorTargetSet': {
        // One target at a time, as the seeder records them: part of the targets valid from the start,
        // unless targets have been changed since (then a new version from the day it was recorded).
        const { indicatorId: _id, ...target } = event.data;
        const targets = [...row.targets.filter((t) => t.targetId !== target.targetId), { ...target, position }];
        const last = row.targetHistory[row.targetHistory.length - 1];
        const version = {
          targets,
          reason: null,
          changedBy: recorded.metadata.actor.userId,
          changedAt: recorded.occurredAt.toISOString(),
          position,
        };
        const targetHistory =
          !last || (row.targetHistory.length === 1 && last.validFrom === null)
            ? [{ ...version, validFrom: null }]
            : [...row.targetHistory, { ...version, validFrom: amsterdamDate(recorded.occurredAt) }];
        await em.update(IndicatorRow, { id }, { ...touch, targets, targetHistory, sources: [...row.sources, position] });
        return;
      }
      case 'IndicatorTargetsChanged': {
        const targets = event.data.targets.map((t) => ({ ...t, position }));
        const version = {
          validFrom: event.data.validFrom,
          targets,
          reason: event.data.reason,
          changedBy: recorded.metadata.actor.userId,
          changedAt: recorded.occurredAt.toISOString(),
          position,
        };
        // Every change is kept; of two on one day the later one is valid from that day (targetsValidAt).
        const targetHistory = [...row.targetHistory, version];
        await em.update(IndicatorRow, { id }, { ...touch, targets, targetHistory, sources: [...row.sources, position] });
        return;
      }
      case 'IndicatorRedefined':
        await em.update(
          IndicatorRow,
          { id },
          { ...touch, title: event.data.title, unit: event.data.unit, sources: [...row.sources, position] },
        );
        return;
      case 'IndicatorAssessmentNoted': {
        const { indicatorId: _id, ...assessment } = event.data;
        await em.update(
          IndicatorRow,
          { id },
          { ...touch, assessments: [...row.assessments, { ...assessment, position }], sources: [...row.sources, position] },
        );
        return;
      }
      case 'MeasurementRecorded': {
        const { period, value, source, previousValue } = event.data;
        await em.update(IndicatorRow, { id }, touch);
        await em
          .createQueryBuilder()
          .insert()
          .into(IndicatorMeasurementRow)
          .values({ indicatorId: id, period, value, source, position: String(position), corrections: 0 })
          .orUpdate(['value', 'source', 'position'], ['indicator_id', 'period'])
          .execute();
        if (previousValue !== null) await em.increment(IndicatorMeasurementRow, { indicatorId: id, period }, 'corrections', 1);
        return;
      }
      default: {
        const _exhaustive: never = event;
        return;
      }
    }
  }
}
