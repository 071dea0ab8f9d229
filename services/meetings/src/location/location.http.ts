import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { CommandContext } from '@regie/es-core';
import { Allow, Changed, Ctx, IdempotentWrites, Operation, type Refusal, ScopedBy, withRevision, zodParam } from '@regie/nest-kit';
import { Commands, ReadModel } from '@regie/context';
import { Location } from '../meetings.commands';
import type { MeetingsQueries } from '../read-model/meetings.queries';
import { uuidParam } from '../shared/schemas';
import { locationKey, type LocationTarget } from './location';

class LocationBody extends createZodDto(
  z.object({
    location: z
      .string()
      .max(200, 'hoogstens 200 tekens')
      .describe('Waar het overleg plaatsvindt (zaal, adres of "Online (Teams)"); leeg wist het'),
  }),
) {}

const id = zodParam('id', uuidParam);
const refusals: Refusal[] = [400, 401, 403, 404];

/** Where an overlegvorm meets, or one overleg (overriding its series'): the calendar feed's LOCATION. */
@ApiTags('overleggen')
@Allow('coordinator')
@IdempotentWrites()
@Controller('api/v1')
export class LocationController {
  constructor(
    private readonly commands: Commands,
    private readonly readModel: ReadModel<MeetingsQueries>,
  ) {}

  @ScopedBy({ param: 'id', kind: 'series' })
  @Post('meeting-series/:id/location')
  @HttpCode(200)
  @Operation({ summary: 'Legt vast waar een overlegvorm plaatsvindt', answers: { type: Changed }, refusals })
  async series(
    @Param('id', id) seriesId: string,
    @Body() body: LocationBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.readModel.queries.seriesById(seriesId);
    return this.set('series', seriesId, body.location, ctx, res);
  }

  @ScopedBy({ param: 'id', kind: 'meeting' })
  @Post('meetings/:id/location')
  @HttpCode(200)
  @Operation({ summary: 'Legt vast waar één overleg plaatsvindt (gaat voor die van de overlegvorm)', answers: { type: Changed }, refusals })
  async meeting(
    @Param('id', id) meetingId: string,
    @Body() body: LocationBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.readModel.queries.meeting(meetingId);
    return this.set('meeting', meetingId, body.location, ctx, res);
  }

  private async set(target: LocationTarget, targetId: string, location: string, ctx: CommandContext, res: Response) {
    const key = locationKey(target, targetId);
    const result = await this.commands.run(new Location.Command(key, { type: 'SetLocation', data: { target, targetId, location } }, ctx));
    return withRevision(res, result.revision, { id: targetId, revision: result.revision });
  }
}
