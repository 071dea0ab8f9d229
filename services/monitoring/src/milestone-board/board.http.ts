import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Clock } from '@regie/es-core';
import { MilestoneBoardQueries } from './board.queries';

@ApiTags('monitoring')
@Controller('api/v1/monitoring')
export class MilestoneBoardController {
  constructor(
    private readonly queries: MilestoneBoardQueries,
    private readonly clock: Clock,
  ) {}

  @Get('milestones')
  board() {
    return this.queries.board(this.clock.today());
  }
}
