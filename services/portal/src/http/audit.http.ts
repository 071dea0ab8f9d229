import { Controller, Get, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@regie/nest-kit';
import { Portal, PortalPages } from '../session/session.guard';
import type { PortalContext } from '../session/session';
import { ApiError } from '../api/regie-api';
import type { Verification } from '../api/regie-api.models';
import { PAST_SCREENS, subjectLabel } from '../views/audit';
import { ErrorPage } from '../views/pages/error.page';
import { amsterdamInstant } from '../views/format';
import { type AuditFilters, AuditPage } from '../views/pages/audit.page';
import { StreamPage } from '../views/pages/stream.page';
import { AuditEventPage } from '../views/pages/audit-event.page';
import { namesOf, regionNamesFor, werkagendasNamedBy } from '../views/pages/audit-events';
import type { ActionSummary, AuditEvent } from '../api/regie-api.models';
import { redirect, sendPage } from './page';
import { PortalExceptionFilter } from './portal-exception.filter';

/** An action's regions, for the sentences that name a region by its slug only. */
const regionsOf = (p: PortalContext) => async (key: string) => (await p.api.action(key)).regions;

/** The actions of the werkagenda's these events name, the current one's first (see werkagendasNamedBy). */
const actionsNamedBy = async (p: PortalContext, events: AuditEvent[]): Promise<ActionSummary[]> => {
  const all = p.api.acrossWerkagendas();
  const lists = await Promise.all(
    werkagendasNamedBy(events, p.api.werkagendaId).map((id) =>
      all
        .inWerkagenda(id)
        .actions()
        .catch(() => [] as ActionSummary[]),
    ),
  );
  return lists.flat();
};

/** Who did these events and the titles their sentences use (an event's or a stream's page). */
const wordsFor = async (p: PortalContext, events: AuditEvent[]) => {
  const [actors, actions, regions] = await Promise.all([
    p.api.actorNames(events.map((e) => e.metadata.actor?.userId)),
    actionsNamedBy(p, events),
    regionNamesFor(events, regionsOf(p)),
  ]);
  return { actors, names: namesOf(actions, p.werkagendas?.choices ?? [], regions) };
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** The filter takes an action as people name it ("2.1", "actie 2.1"); a stream name as stored still works. */
export const streamOfFilter = (value: string): string => {
  const action = /^(?:actie\s*)?(\d+(?:\.\d+)?)$/i.exec(value.trim());
  return action ? `action-${action[1]}` : value.trim();
};

/**
 * What the auditor chose to trace, as the audit API's filter: an action with its milestones and
 * knelpunten (`actie:2.1`, or the old free field "2.1"), a toezegging or a meeting by its stream, a
 * person of the directory (`persoon:<id>`: what their accounts did and what is recorded about them).
 */
export function traceOf(onderwerp: string | undefined, stroom: string | undefined): { action?: string; stream?: string; person?: string } {
  // An action's key may hold a colon itself ("actie:actieplan-dakloos-wlz-2025:1.1"): split at the first only.
  const subject = onderwerp ?? '';
  const at = subject.indexOf(':');
  const kind = at < 0 ? subject : subject.slice(0, at);
  const id = at < 0 ? '' : subject.slice(at + 1);
  if (kind === 'actie' && id) return { action: id };
  if (kind === 'toezegging' && id) return { stream: `commitment-${id}` };
  if (kind === 'overleg' && id) return { stream: `meeting-${id}` };
  if (kind === 'persoon' && id) return { person: id };
  if (!stroom) return {};
  const stream = streamOfFilter(stroom);
  const action = /^action-((?:[a-z0-9-]+:)?(?:0|\d+\.\d+))$/.exec(stream);
  return action ? { action: action[1] } : { stream };
}

/**
 * The auditor's screens. The audit API itself refuses everyone but auditors (403, shown as a
 * page); the portal hides the menu item for others but does not decide.
 */
@ApiExcludeController()
@Public() // the portal checks its own session; the API it calls checks the user's token
@PortalPages()
@UseFilters(PortalExceptionFilter)
@Controller('audit')
export class AuditController {
  @Get()
  timeline(@Portal() p: PortalContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    return this.audit(p, query, res);
  }

  /** "Nu controleren": the full verification of the chain, on request only (it walks the whole history). */
  @Post('controle')
  async verify(@Portal() p: PortalContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    return this.audit(p, query, res, await p.api.verify());
  }

  /** The timeline with the chosen filters; above it the last checkpoint, or the verification just run. */
  private async audit(p: PortalContext, query: Record<string, unknown>, res: Response, verification?: Verification) {
    const filters: AuditFilters = {
      onderwerp: text(query.onderwerp),
      stroom: text(query.stroom),
      zoek: text(query.zoek),
      type: text(query.type),
      door: text(query.door),
      van: text(query.van),
      tot: text(query.tot),
      voor: /^\d+$/.test(String(query.voor ?? '')) ? Number(query.voor) : undefined,
      aantal: [25, 50, 100, 250].includes(Number(query.aantal)) ? Number(query.aantal) : 50,
      namen: query.namen === 'open' ? 'open' : undefined,
    };
    // The subjects to choose from by name: the current werkagenda's (the switcher in the header
    // chooses another), and the people. Every werkagenda's at once is too much on a long history
    // with many werkagenda's (it ran the platform out of memory at 1M events).
    const [checkpoint, commitments, meetings, people] = await Promise.all([
      p.api.auditCheckpoint(),
      p.api.commitments().catch(() => []),
      p.api.meetings().catch(() => []),
      p.api
        .acrossWerkagendas()
        .people()
        .catch(() => []),
    ]);
    // A search of one or two characters is refused by the API; it is ignored here rather than an error page.
    const zoek = filters.zoek && filters.zoek.length >= 2 ? filters.zoek.slice(0, 200) : undefined;
    const page = await p.api.auditEvents({
      ...traceOf(filters.onderwerp, filters.stroom),
      text: zoek,
      type: filters.type,
      actor: filters.door,
      from: filters.van ? amsterdamInstant(filters.van) : undefined,
      to: filters.tot ? amsterdamInstant(filters.tot) : undefined,
      order: 'desc',
      before: filters.voor,
      limit: filters.aantal,
      names: filters.namen,
    });
    // A broken chain names the events where it breaks: each is read by its position.
    const brokenAt =
      !verification || verification.ok
        ? []
        : (
            await Promise.all(
              [...new Set(verification.problems.map((problem) => problem.position))]
                .slice(0, 20)
                .map((position) => p.api.auditEvents({ after: Math.max(0, position - 1), limit: 1 }).catch(() => undefined)),
            )
          ).flatMap((found) => found?.events ?? []);
    // The titles the sentences use: of the werkagenda's the events name (absent ones only cost the names).
    const [named, regions] = await Promise.all([
      actionsNamedBy(p, [...page.events, ...brokenAt]),
      regionNamesFor(page.events, regionsOf(p)),
    ]);
    const current = p.api.werkagendaId;
    const actions = current === undefined ? named : named.filter((a) => a.werkagendaId === current);
    const subjects = { actions, named, commitments, meetings, people, werkagendas: p.werkagendas?.choices ?? [], regions };
    const actors = await p.api.actorNames([...page.events, ...brokenAt].map((e) => e.metadata.actor?.userId));
    sendPage(res, AuditPage({ p, page, filters, checkpoint, verification, brokenAt, subjects, actors }));
  }

  @Get('peildatum')
  pastScreen(@Query('scherm') scherm: string, @Query('peildatum') peildatum: string, @Res() res: Response) {
    const [, path] = PAST_SCREENS[scherm] ?? PAST_SCREENS.werkagenda;
    redirect(res, text(peildatum) ? `${path}?peildatum=${encodeURIComponent(peildatum)}` : path);
  }

  /** One event on a page of its own (the timeline links here): by its position in the chain. */
  @Get('gebeurtenissen/:position')
  async event(
    @Portal() p: PortalContext,
    @Param('position') position: string,
    @Query('namen') namen: string | undefined,
    @Res() res: Response,
  ) {
    const open = namen === 'open';
    const at = /^[1-9]\d{0,14}$/.test(position) ? Number(position) : undefined;
    const [event] = at === undefined ? [] : (await p.api.auditEvents({ after: at - 1, limit: 1, names: open ? 'open' : undefined })).events;
    if (!event || event.position !== at) {
      const message = `Er is geen gebeurtenis op positie ${position.slice(0, 20)}.`;
      return sendPage(res, ErrorPage({ status: 404, title: 'Niet gevonden', message, me: p.me }), 404);
    }
    sendPage(res, AuditEventPage({ p, event, namesOpen: open, ...(await wordsFor(p, [event])) }));
  }

  @Get('stromen/:stream')
  async stream(
    @Portal() p: PortalContext,
    @Param('stream') stream: string,
    @Query('namen') namen: string | undefined,
    @Res() res: Response,
  ) {
    const open = namen === 'open';
    const found = await p.api.auditStream(stream, open ? 'open' : undefined).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    });
    if (!found) {
      // The API names the stream id; a person gets the subject in words.
      const message = `Over dit onderwerp (${subjectLabel(stream).toLocaleLowerCase('nl')}) is nog niets vastgelegd.`;
      return sendPage(res, ErrorPage({ status: 404, title: 'Niet gevonden', message, me: p.me }), 404);
    }
    sendPage(res, StreamPage({ p, stream: found, namesOpen: open, ...(await wordsFor(p, found.events)) }));
  }
}
