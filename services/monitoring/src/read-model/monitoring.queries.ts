import type { DataSource } from 'typeorm';
import { MilestoneBoardQueries } from '../milestone-board/board.queries';
import { FactsQueries } from './facts.queries';

/** Monitoring's read side on one DataSource (live or replayed): the mijlpalen board, and the facts the projection is computed from. */
export class MonitoringQueries {
  readonly board: MilestoneBoardQueries;
  readonly facts: FactsQueries;

  constructor(dataSource: DataSource) {
    this.board = new MilestoneBoardQueries(dataSource);
    this.facts = new FactsQueries(dataSource);
  }
}
