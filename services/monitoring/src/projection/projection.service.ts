import { Injectable } from '@nestjs/common';
import { ReadModel, type View } from '@regie/context';
import { InvalidInput, NotFound } from '@regie/es-core';
import { parseQuarter } from '@regie/calendar';
import type { MonitoringQueries } from '../read-model/monitoring.queries';
import { PublishedProjectionRow } from '../read-model/entities';
import { computeProjection } from './compute-projection';
import { diff } from './diff';

const targetFact = (t: { value: number; by: string | null; text: string; source: string }) => ({
  value: t.value,
  by: t.by,
  text: t.text,
  source: t.source,
});

/** The tables and the moment to answer from: live by default, or a time-travel view (`?asOf`). */
export type ProjectionView = View<MonitoringQueries>;

/** Computes the live projection from monitoring's tables, and reads published versions. */
@Injectable()
export class ProjectionService {
  constructor(private readonly readModel: ReadModel<MonitoringQueries>) {}

  /** The projection of one werkagenda's actions, toezeggingen and indicators; live unless a time-travel view is given. */
  async compute(quarterId: string, werkagendaId: string, given?: ProjectionView) {
    const view = given ?? (await this.readModel.at());
    const quarter = parseQuarter(quarterId);
    if (!quarter) throw new InvalidInput('quarter', 'verwacht een kwartaal als 2026-Q4');
    const { facts } = view.queries;
    const [actions, milestones, commitments, indicators] = await Promise.all([
      facts.actions(werkagendaId),
      facts.milestones(werkagendaId),
      facts.commitments(werkagendaId),
      facts.indicators(werkagendaId),
    ]);
    return computeProjection({
      quarter,
      today: view.today,
      computedAt: view.now.toISOString(),
      actions,
      milestones,
      commitments: commitments.map(({ madeBy: _m, postponements: _p, overdueSince: _o, ...c }) => c),
      indicators: indicators.map(({ id, title, unit, direction, baseline, targets, targetHistory, measurements, sources }) => ({
        id,
        title,
        unit,
        direction,
        baseline: baseline && { value: baseline.value, reference: baseline.reference, text: baseline.text, source: baseline.source },
        targets: targets.map(targetFact),
        targetHistory: targetHistory.map((v) => ({ validFrom: v.validFrom, targets: v.targets.map(targetFact) })),
        measurements: measurements.map(({ period, value, position }) => ({ period, value, position })),
        sources,
      })),
    });
  }

  /** The latest published version, or the one asked for (by the moment of the view: a time-travel view holds only what had been published then). */
  async published(
    quarter: string,
    werkagendaId: string,
    version?: number,
    view?: Pick<ProjectionView, 'dataSource'>,
  ): Promise<PublishedProjectionRow> {
    const row = await this.findPublished(quarter, werkagendaId, version, view);
    if (!row) throw notPublished(quarter, version);
    return row;
  }

  /** The published version asked for (the latest without `version`), or null when there is none. */
  findPublished(
    quarter: string,
    werkagendaId: string,
    version?: number,
    view?: Pick<ProjectionView, 'dataSource'>,
  ): Promise<PublishedProjectionRow | null> {
    // One row, not every version's document: a quarter published weekly has a dozen of them.
    return (view ?? this.readModel).dataSource.getRepository(PublishedProjectionRow).findOne({
      where: version === undefined ? { quarter, werkagendaId } : { quarter, werkagendaId, version },
      order: { version: 'DESC' },
    });
  }

  /** A published version as the API shows it: the frozen document with who published it when, and its source. */
  envelope(row: PublishedProjectionRow) {
    return {
      quarter: row.quarter,
      werkagendaId: row.werkagendaId,
      version: row.version,
      publishedAt: row.publishedAt.toISOString(),
      publishedBy: row.publishedBy,
      sources: [Number(row.position)],
      sha256: row.sha256,
      document: JSON.parse(row.document) as unknown,
    };
  }

  async compare(quarter: string, werkagendaId: string, from: number, to: number, view?: Pick<ProjectionView, 'dataSource'>) {
    const [a, b] = await Promise.all([this.published(quarter, werkagendaId, from, view), this.published(quarter, werkagendaId, to, view)]);
    const changes = diff(JSON.parse(a.document), JSON.parse(b.document));
    return {
      quarter,
      from: { version: a.version, publishedAt: a.publishedAt.toISOString(), sources: [Number(a.position)] },
      to: { version: b.version, publishedAt: b.publishedAt.toISOString(), sources: [Number(b.position)] },
      changed: changes.length,
      changes,
    };
  }
}

/** The refusal of a quarter (or a version of it) that was not published. */
export const notPublished = (quarter: string, version?: number): NotFound =>
  new NotFound(
    version === undefined
      ? `er is nog geen projectie voor ${quarter} gepubliceerd`
      : `versie ${version} van de projectie ${quarter} bestaat niet`,
  );
