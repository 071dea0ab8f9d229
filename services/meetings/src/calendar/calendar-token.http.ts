import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type CommandContext, EventStore, newId } from '@regie/es-core';
import {
  ALL_WERKAGENDAS,
  Allow,
  Caller,
  Ctx,
  IdempotentWrites,
  Operation,
  type Principal,
  Public,
  ROLES,
  Unscoped,
  zodParam,
} from '@regie/nest-kit';
import { Commands, ReadModel } from '@regie/context';
import { CalendarTokens } from '../meetings.commands';
import type { MeetingsQueries } from '../read-model/meetings.queries';
import { type CalendarTokenEvent, type CalendarTokensState, calendarTokensStream, evolve, initialState } from './calendar-token';
import { meetingsFeed, portalPage } from './meetings-feed';

class CalendarTokenMade extends createZodDto(
  z.object({
    id: z.string().uuid(),
    url: z.string().describe('Het persoonlijke abonnementsadres; het geheim erin wordt alleen nu getoond'),
    issuedAt: z.string(),
  }),
) {}
class CalendarTokenListed extends createZodDto(z.object({ id: z.string().uuid(), issuedAt: z.string() })) {}

const tokenId = zodParam('id', z.string().uuid('verwacht een id van een agenda-adres'));
const GONE = 'Dit agenda-adres bestaat niet of is ingetrokken. Maak in Regie een nieuw adres onder Overleggen.';

/** The werkagenda's whose meetings an address shows: those the caller has any right in (`*`: all). */
export const readableWerkagendas = (caller: Principal): string[] =>
  caller.grants.some((g) => g.werkagendaId === ALL_WERKAGENDAS)
    ? [ALL_WERKAGENDAS]
    : [...new Set(caller.grants.map((g) => g.werkagendaId))].sort();

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The feed address: `/api/v1/calendar-feeds/<user>.<secret>.ics`, `<user>` the username in
 * base64url (which stream to look in) and `<secret>` 32 random bytes in base64url; only the
 * secret's sha256 is recorded. Unknown, malformed, revoked: all the same 404.
 */
const feedPath = (username: string, secret: string) =>
  `/api/v1/calendar-feeds/${Buffer.from(username, 'utf8').toString('base64url')}.${secret}.ics`;

/**
 * Personal, revocable, read-only addresses of the calendar feed, for calendar programs that
 * cannot log in (Outlook, Google Calendar, Apple Calendar subscribe to a URL). Each user makes and
 * revokes their own; a revoked address is refused from then on.
 */
@ApiTags('overleggen')
@IdempotentWrites()
@Controller('api/v1')
export class CalendarTokensController {
  constructor(
    private readonly commands: Commands,
    private readonly store: EventStore,
    private readonly readModel: ReadModel<MeetingsQueries>,
  ) {}

  @Post('calendar-tokens')
  @Allow(...ROLES)
  @Unscoped() // a personal address over every werkagenda the caller may read
  @Operation({
    summary:
      'Maakt een persoonlijk, intrekbaar agenda-adres (iCalendar) dat zonder inloggen werkt; het toont de overleggen van de werkagenda’s waarin u nu rechten hebt',
    status: 201,
    answers: { type: CalendarTokenMade },
    refusals: [400, 401, 409],
  })
  async issue(@Caller() caller: Principal, @Ctx() ctx: CommandContext, @Req() req: Request) {
    const secret = randomBytes(32).toString('base64url');
    const id = newId();
    const issuedAt = ctx.now.toISOString();
    await this.commands.run(
      new CalendarTokens.Command(
        caller.username,
        {
          type: 'IssueCalendarToken',
          data: { tokenId: id, secretHash: sha256(secret), issuedAt, werkagendaIds: readableWerkagendas(caller) },
        },
        ctx,
      ),
    );
    return { id, url: `${req.protocol}://${req.get('host')}${feedPath(caller.username, secret)}`, issuedAt };
  }

  @Get('calendar-tokens')
  @Allow(...ROLES)
  @Operation({
    summary: 'Somt uw actieve agenda-adressen op (zonder het geheim)',
    answers: { type: [CalendarTokenListed] },
    refusals: [401],
  })
  async list(@Caller() caller: Principal) {
    const state = await this.tokensOf(caller.username);
    return state.tokens.filter((t) => t.revokedAt === null).map((t) => ({ id: t.tokenId, issuedAt: t.issuedAt }));
  }

  @Delete('calendar-tokens/:id')
  @Allow(...ROLES)
  @Unscoped()
  @HttpCode(204)
  @Operation({ summary: 'Trekt een agenda-adres in: het werkt daarna niet meer', status: 204, refusals: [400, 401, 404] })
  async revoke(@Param('id', tokenId) id: string, @Caller() caller: Principal, @Ctx() ctx: CommandContext) {
    await this.commands.run(
      new CalendarTokens.Command(
        caller.username,
        { type: 'RevokeCalendarToken', data: { tokenId: id, revokedAt: ctx.now.toISOString() } },
        ctx,
      ),
    );
  }

  /** The feed behind a personal address: no bearer token, the secret in the address is the key. */
  @Public()
  @Get('calendar-feeds/:key')
  @Operation({
    summary: 'Geeft de overleggen als iCalendar-feed via een persoonlijk agenda-adres (zonder inloggen)',
    answers: { mediaType: 'text/calendar' },
    refusals: [404],
  })
  async feed(@Param('key') key: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const match = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})\.ics$/.exec(key);
    if (!match) throw new NotFoundException(GONE);
    const username = Buffer.from(match[1], 'base64url').toString('utf8');
    const hash = Buffer.from(sha256(match[2]), 'hex');
    const state = await this.tokensOf(username);
    const token = state.tokens.find(
      (t) => t.revokedAt === null && timingSafeEqual(Buffer.from(t.secretHash, 'hex'), hash), // both 32 bytes
    );
    if (!token) throw new NotFoundException(GONE);
    res
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', 'inline; filename="overleggen.ics"')
      .set('Cache-Control', 'private, no-store')
      .set('Referrer-Policy', 'no-referrer');
    const shows = token.werkagendaIds ?? [ALL_WERKAGENDAS];
    return meetingsFeed(await this.readModel.at(), shows.includes(ALL_WERKAGENDAS) ? {} : { werkagendaId: shows }, portalPage(req));
  }

  private async tokensOf(username: string): Promise<CalendarTokensState> {
    const events = await this.store.readStream(calendarTokensStream(username));
    return events.reduce((state, e) => evolve(state, e as unknown as CalendarTokenEvent), initialState());
  }
}
