import type { EntityManager } from 'typeorm';
import { appliedTypes, type RecordedEvent } from '@regie/es-core';
import type { Projection } from '@regie/read-model';
import type { IndicatorEvent } from '../indicator/indicator';
import { frozenText, type PublicationEvent, sha256Of } from '../projection/publication';
import { IndicatorMeasurementRow, IndicatorRow, PublishedProjectionRow } from './entities';

/** The store events this read model shows: every type of monitoring's own aggregates, decided here. */
const handlesType = appliedTypes<IndicatorEvent | PublicationEvent>({
  IndicatorDefined: true,
  IndicatorBaselineSet: true,
  IndicatorTargetSet: true,
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
      const { title, unit, periodicity, description, source } = event.data;
      await em.insert(IndicatorRow, {
        id,
        title,
        unit,
        periodicity,
        description,
        source,
        baseline: null,
        targets: [],
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
        const { indicatorId: _id, ...target } = event.data;
        const targets = [...row.targets.filter((t) => t.targetId !== target.targetId), { ...target, position }];
        await em.update(IndicatorRow, { id }, { ...touch, targets, sources: [...row.sources, position] });
        return;
      }
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
