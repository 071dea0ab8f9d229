import { Body, Controller, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { addDays, amsterdamDate, amsterdamInstant, isWeekend } from '@regie/calendar';
import { type CommandContext, IllegalTransition, InvalidInput, newIdFor, splitActionKey, stateOf, EventStore } from '@regie/es-core';
import { Allow, Ctx, IdempotentWrites, Operation, type Refusal, ScopedBy, withRevision, zodParam } from '@regie/nest-kit';
import { Commands, ReadModel } from '@regie/context';
import { MeetingDetail, MeetingSeries as MeetingSeriesAnswer } from '../meeting/meeting.responses';
import { Location, Meeting, MeetingSeries } from '../meetings.commands';
import { locationKey } from '../location/location';
import type { MeetingsQueries } from '../read-model/meetings.queries';
import { MeetingsHorizon } from '../scheduling/horizon-job';
import { confirmedHolidays } from '../scheduling/holidays';
import { planOccurrence } from '../scheduling/occurrences';
import { isoDate, localTime, text, uuidParam, werkagendaIdParam } from '../shared/schemas';
import { DEFINABLE_KINDS, meetingSeriesStream, type SeriesDefinition } from './meeting-series';
import { cadenceLabel, meetingSeriesDecider, planOf } from './meeting-series.decide';

const WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'] as const;
const interval = z.object(
  {
    unit: z.enum(['weeks', 'months'], { error: 'kies weeks of months' }),
    every: z.number({ error: 'verwacht een getal' }).int('verwacht een geheel getal').min(1, 'minstens 1').max(52, 'hoogstens 52'),
  },
  { error: 'verwacht een ritme als {"unit": "weeks", "every": 3}' },
);
const duration = z
  .number({ error: 'verwacht een duur in minuten' })
  .int('verwacht hele minuten')
  .min(15, 'minstens 15 minuten')
  .max(720, 'hoogstens 12 uur');
/** A party code, a function ("Directeur ZN") or a person's id in the directory. */
const participant = text(200);
const chair = text(200).describe('Een functie of partij, of het id van een persoon');
/** A text that may be emptied: "" clears the value (null). */
const clearable = (max: number) =>
  z
    .string({ error: 'verwacht een tekst' })
    .trim()
    .max(max, `maximaal ${max} tekens`)
    .transform((value) => (value === '' ? null : value));
const confirmHoliday = z.boolean({ error: 'verwacht true of false' }).optional().describe('Bevestigt een datum op een feestdag');

class DefineSeriesBody extends createZodDto(
  z.object({
    werkagendaId: werkagendaIdParam,
    kind: z.enum(DEFINABLE_KINDS, { error: 'kies kerngroep, regiegroep of overleg' }),
    title: text(200),
    purpose: text(1000).optional(),
    interval,
    cadence: text(100)
      .optional()
      .describe('Zoals de werkagenda het noemt; standaard afgeleid van het ritme (driewekelijks, driemaandelijks)'),
    weekday: z.enum(WEEKDAYS, { error: 'kies maandag tot en met vrijdag' }).optional(),
    localTime,
    durationMinutes: duration,
    location: text(500).optional(),
    chair: chair.optional(),
    participants: z.array(participant, { error: 'verwacht een lijst' }).max(100, 'hoogstens 100 deelnemers').default([]),
    firstDate: isoDate,
    endsOn: isoDate.optional().describe('De laatste dag waarop de overlegvorm bijeenkomt'),
    confirmHoliday,
  }),
) {}

class ChangeSeriesBody extends createZodDto(
  z.object({
    from: isoDate.describe('Vanaf deze datum geldt de wijziging; eerdere overleggen houden hun geschiedenis'),
    reason: text(1000),
    end: z
      .literal(true, { error: 'alleen true' })
      .optional()
      .describe('Beëindigt de overlegvorm vanaf "from": latere niet gehouden overleggen worden afgezegd'),
    interval: interval.optional(),
    cadence: text(100).optional(),
    firstDate: isoDate.optional().describe('De eerste datum in het nieuwe ritme (standaard: de eerstvolgende in het oude)'),
    localTime: localTime.optional(),
    durationMinutes: duration.optional(),
    location: clearable(500).optional().describe('Waar het vanaf dan plaatsvindt; een lege tekst: weer die van de overlegvorm'),
    chair: clearable(200).optional().describe('Een functie of partij, of het id van een persoon; een lege tekst: geen voorzitter'),
    participants: z.array(participant, { error: 'verwacht een lijst' }).max(100, 'hoogstens 100 deelnemers').optional(),
    confirmHoliday,
  }),
) {}

class AdHocMeetingBody extends createZodDto(
  z.object({
    werkagendaId: werkagendaIdParam,
    title: text(200),
    kind: z.literal('overleg', { error: 'een los overleg is van de soort overleg' }).default('overleg'),
    date: isoDate,
    time: localTime,
    durationMinutes: duration.default(60),
    location: text(500).optional(),
    actionCode: z
      .string({ error: 'verwacht de sleutel van een actie, zoals 2.1' })
      .regex(/^([a-z0-9][a-z0-9.-]{0,99}:)?\d+(\.\d+)*$/, 'verwacht de sleutel van een actie, zoals 2.1')
      .optional(),
    chair: chair.optional(),
    participants: z.array(participant, { error: 'verwacht een lijst' }).max(100, 'hoogstens 100 deelnemers').default([]),
    confirmHoliday,
  }),
) {}

const id = zodParam('id', uuidParam);
const refusals: Refusal[] = [400, 401, 403, 404, 409];
const CHANGES = ['interval', 'cadence', 'firstDate', 'localTime', 'durationMinutes', 'location', 'chair', 'participants'] as const;
const OPEN = new Set(['scheduled', 'agenda_published']);

/**
 * Overlegvormen and loose overleggen as a coordinator sets them up: a series with its rhythm,
 * changed or ended from a date on (earlier meetings keep their history; later ones not held move
 * or are cancelled, each with the reason), and an ad-hoc meeting, e.g. a kleinschalig overleg
 * around one action. A date on a public holiday needs `confirmHoliday: true`.
 */
@ApiTags('overleggen')
@Allow('coordinator')
@IdempotentWrites()
@Controller('api/v1')
export class SeriesController {
  constructor(
    private readonly commands: Commands,
    private readonly readModel: ReadModel<MeetingsQueries>,
    private readonly horizon: MeetingsHorizon,
    private readonly store: EventStore,
  ) {}

  @Post('meeting-series')
  @ScopedBy({ body: 'werkagendaId' })
  @Operation({
    summary: 'Stelt een overlegvorm in (ritme, tijd, plaats, voorzitter, deelnemers); de overleggen worden ingepland',
    status: 201,
    answers: { type: MeetingSeriesAnswer },
    refusals,
  })
  async define(@Body() body: DefineSeriesBody, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) res: Response) {
    if (body.weekday && WEEKDAYS[weekdayIndex(body.firstDate)] !== body.weekday)
      throw new InvalidInput('firstDate', `de eerste datum valt niet op een ${body.weekday}`);
    if (body.endsOn && body.endsOn < body.firstDate) throw new InvalidInput('endsOn', 'de einddatum ligt vóór de eerste datum');
    if (await this.readModel.queries.seriesTitled(body.werkagendaId, body.title))
      throw new IllegalTransition(`Deze werkagenda heeft al een overlegvorm "${body.title}".`);
    const seriesId = newIdFor(ctx, 'meeting-series');
    const keepDates = body.confirmHoliday ? confirmedHolidays(body.firstDate) : [];
    const definition: SeriesDefinition = {
      seriesId,
      werkagendaId: body.werkagendaId,
      kind: body.kind,
      title: body.title,
      purpose: body.purpose ?? '',
      cadence: body.cadence ?? cadenceLabel(body.interval),
      interval: body.interval,
      participants: body.participants,
      chair: body.chair ?? null,
      organiser: 'VWS',
      firstDate: body.firstDate,
      localTime: body.localTime,
      durationMinutes: body.durationMinutes,
      example: false,
      ...(keepDates.length > 0 ? { keepDates } : {}),
    };
    let result = await this.commands.run(
      new MeetingSeries.Command(
        seriesId,
        { type: 'DefineMeetingSeries', data: definition, holidays: body.confirmHoliday ? 'keep' : 'refuse' },
        ctx,
      ),
    );
    if (body.location)
      await this.commands.run(
        new Location.Command(
          locationKey('series', seriesId),
          { type: 'SetLocation', data: { target: 'series', targetId: seriesId, location: body.location } },
          ctx,
        ),
      );
    if (body.endsOn) {
      const today = amsterdamDate(ctx.now);
      const from = addDays(body.endsOn, 1);
      result = await this.commands.run(
        new MeetingSeries.Command(
          seriesId,
          {
            type: 'EndMeetingSeries',
            data: { seriesId, from: from < today ? today : from, today, reason: 'Einddatum bij het instellen van de overlegvorm' },
          },
          ctx,
        ),
      );
    }
    await this.schedule(seriesId, ctx);
    return withRevision(res, result.revision, this.readModel.queries.seriesAnswer(await this.readModel.queries.seriesById(seriesId)));
  }

  @Patch('meeting-series/:id')
  @ScopedBy({ param: 'id', kind: 'series' })
  @HttpCode(200)
  @Operation({
    summary: 'Wijzigt ritme, tijd, plaats, voorzitter of deelnemers vanaf een datum, of beëindigt de overlegvorm vanaf een datum',
    answers: { type: MeetingSeriesAnswer },
    refusals,
  })
  async change(
    @Param('id', id) seriesId: string,
    @Body() body: ChangeSeriesBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.readModel.queries.seriesById(seriesId); // 404 for an unknown (or ad-hoc) id
    const changed = CHANGES.filter((field) => body[field] !== undefined);
    const today = amsterdamDate(ctx.now);
    if (body.end && changed.length > 0)
      throw new InvalidInput('end', `beëindigen gaat niet samen met een wijziging (${changed.join(', ')})`);
    if (!body.end && changed.length === 0) throw new InvalidInput('from', 'noem wat er vanaf deze datum verandert, of end: true');
    if (body.firstDate && isWeekend(body.firstDate)) throw new InvalidInput('firstDate', 'de eerste datum valt in het weekend');
    const result = body.end
      ? await this.commands.run(
          new MeetingSeries.Command(
            seriesId,
            { type: 'EndMeetingSeries', data: { seriesId, from: body.from, today, reason: body.reason } },
            ctx,
          ),
        )
      : await this.commands.run(
          new MeetingSeries.Command(
            seriesId,
            {
              type: 'ChangeMeetingSeries',
              data: {
                seriesId,
                from: body.from,
                today,
                reason: body.reason,
                ...Object.fromEntries(changed.map((field) => [field, body[field]])),
                confirmHoliday: body.confirmHoliday,
              },
            },
            ctx,
          ),
        );
    await this.followSeries(seriesId, body.reason, ctx);
    await this.schedule(seriesId, ctx);
    return withRevision(res, result.revision, this.readModel.queries.seriesAnswer(await this.readModel.queries.seriesById(seriesId)));
  }

  @Post('meetings')
  @ScopedBy({ body: 'werkagendaId' })
  @Operation({
    summary: 'Plant een los overleg (bijvoorbeeld een kleinschalig overleg rond één actie), met eigen agenda, besluiten en actiepunten',
    status: 201,
    answers: { type: MeetingDetail },
    refusals,
  })
  async adHoc(@Body() body: AdHocMeetingBody, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) res: Response) {
    if (body.actionCode && splitActionKey(body.actionCode).werkagendaId !== body.werkagendaId)
      throw new InvalidInput('actionCode', 'deze actie hoort niet bij de gekozen werkagenda');
    const meetingId = newIdFor(ctx, 'meeting');
    const startsAt = new Date(amsterdamInstant(body.date, body.time)).toISOString();
    const endsAt = new Date(Date.parse(startsAt) + body.durationMinutes * 60_000).toISOString();
    const adHoc = {
      werkagendaId: body.werkagendaId,
      title: body.title,
      actionCode: body.actionCode ?? null,
      chair: body.chair ?? null,
      participants: body.participants,
    };
    let result = await this.commands.run(
      new Meeting.Command(
        meetingId,
        { type: 'ScheduleAdHocMeeting', data: { meetingId, startsAt, endsAt, adHoc, confirmHoliday: body.confirmHoliday } },
        ctx,
      ),
    );
    if (body.location)
      await this.commands.run(
        new Location.Command(
          locationKey('meeting', meetingId),
          { type: 'SetLocation', data: { target: 'meeting', targetId: meetingId, location: body.location } },
          ctx,
        ),
      );
    const meeting = await this.readModel.queries.one(meetingId, ctx.now);
    result = { ...result, revision: meeting.revision };
    return withRevision(res, result.revision, meeting);
  }

  /** The occurrences in the horizon, scheduled at once in the coordinator's name. */
  private async schedule(seriesId: string, ctx: CommandContext): Promise<void> {
    const { position } = await this.horizon.scheduleSeries(seriesId, ctx);
    await this.readModel.caughtUpTo(position);
  }

  /**
   * After a change or an end: every meeting of the series from the change on that is not held
   * (nor cancelled) moves to its date in the new rhythm, or is cancelled when the series ended,
   * each with the reason. Held meetings and those before keep their history.
   */
  private async followSeries(seriesId: string, reason: string, ctx: CommandContext): Promise<void> {
    const state = stateOf(meetingSeriesDecider, await this.store.readStream(meetingSeriesStream(seriesId)));
    const plan = planOf(state);
    const fromIndex = Math.min(state.segments[state.segments.length - 1].fromIndex, state.end?.fromIndex ?? Infinity);
    for (const meeting of await this.readModel.queries.meetingsOfSeriesFrom(seriesId, fromIndex)) {
      if (!OPEN.has(meeting.status)) continue;
      const meetingId = meeting.id;
      if (state.end && meeting.occurrenceIndex >= state.end.fromIndex) {
        await this.commands.run(new Meeting.Command(meetingId, { type: 'CancelMeeting', data: { meetingId, reason } }, ctx));
        continue;
      }
      const next = planOccurrence(plan, meeting.occurrenceIndex);
      const unchanged = meeting.startsAt.toISOString() === next.startsAt && meeting.endsAt.toISOString() === next.endsAt;
      if (unchanged || next.startsAt < ctx.now.toISOString()) continue; // a meeting cannot move into the past
      await this.commands.run(
        new Meeting.Command(
          meetingId,
          {
            type: 'RescheduleMeeting',
            // The rhythm's own dates: on a holiday only where the coordinator confirmed it.
            data: { meetingId, startsAt: next.startsAt, endsAt: next.endsAt, reason, now: ctx.now.toISOString(), confirmHoliday: true },
          },
          ctx,
        ),
      );
    }
  }
}

/** 0 for Monday … 6 for Sunday. */
const weekdayIndex = (date: string): number => (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
