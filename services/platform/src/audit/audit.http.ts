import { Controller, Get, NotImplementedException, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Clock, EventStore, NotFound, PersonalDataVault, unsealDeep } from '@regie/es-core';
import { actionKeyParam } from '@regie/actions';
import type { PostgresEventStore } from '@regie/es-postgres';
import { ActorNames, Allow, asStored, Operation, type Refusal, zodParam } from '@regie/nest-kit';
import { AuditPage, AuditStream, ChainCheckpoint, ChainVerification } from '../platform.responses';
import { PLATFORM_UPCASTERS, postgresStoreOf } from '../adapters';
import { personStream } from '../people/person';
import { chainAnchor } from './chain-anchor';

const moment = z.iso.datetime({ offset: true, error: 'verwacht een tijdstip als 2026-01-31T12:00:00Z' });

class AuditEventsQuery extends createZodDto(
  z.object({
    stream: z.string().min(1).optional(),
    /** An action by its code, with its milestones and knelpunten (every event whose data names the action). */
    action: actionKeyParam.optional(),
    /** A person of the directory: what their accounts did, and what is recorded about them. */
    person: z.uuid({ error: 'verwacht het id van een persoon uit het personenregister (uuid)' }).optional(),
    /** Words in the event's data (titles, reasons, descriptions), case-insensitive. */
    text: z.string().trim().min(2, { error: 'zoek op minstens 2 tekens' }).max(200, { error: 'zoek op hoogstens 200 tekens' }).optional(),
    order: z.enum(['asc', 'desc'], { error: 'kies asc of desc' }).default('asc'),
    /** With `order=desc`: the page before this position (exclusive). */
    before: z.coerce.number().int().min(1).optional(),
    type: z.string().min(1).optional(),
    actor: z.string().min(1).optional(),
    from: moment.optional(),
    to: moment.optional(),
    after: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    /** `open`: personal data opened for reading (redacted once forgotten); default as stored, sealed. */
    names: z.enum(['sealed', 'open'], { error: 'kies sealed of open' }).default('sealed'),
  }),
) {}

/** An external anchor: both parts, or neither. */
class VerifyQuery extends createZodDto(
  z
    .object({ anchorPosition: chainAnchor.shape.position.optional(), anchorHash: chainAnchor.shape.hash.optional() })
    .refine((q) => (q.anchorPosition === undefined) === (q.anchorHash === undefined), {
      path: ['anchorHash'],
      error: 'een anker heeft zowel anchorPosition als anchorHash',
    }),
) {}

const refusals: Refusal[] = [400, 401, 403];

const names = zodParam('names', z.enum(['sealed', 'open'], { error: 'kies sealed of open' }).default('sealed'));

/**
 * The complete history with full metadata, for auditors: read-only. Events are shown as stored —
 * personal data sealed (`asStored`) — so what is shown is what the hash chain covers; `?names=open`
 * opens the names for reading (and shows "[verwijderd]" for forgotten persons).
 */
@ApiTags('audit')
@Allow('auditor')
@Controller('api/v1/audit')
export class AuditController {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly vault: PersonalDataVault,
    private readonly actors: ActorNames,
  ) {}

  @Get('events')
  @Operation({
    summary: 'Bladert door de volledige eventgeschiedenis, te filteren',
    description:
      'Met `person` (id uit het personenregister): wat de accounts die aan die persoon gekoppeld zijn deden, ' +
      'en wat over die persoon is vastgelegd (het eigen personenregister-stream en events die de persoon noemen).',
    answers: { type: AuditPage },
    refusals,
  })
  async events(@Query() query: AuditEventsQuery) {
    const { names: shown, person, ...filter } = query;
    const stored = await this.postgres().auditLog({
      ...filter,
      person: person ? { id: person, stream: personStream(person), actors: await this.actors.accountsOf(person) } : undefined,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
    // Read like every other reader, through the upcasters: old versions that held a secret
    // (PasswordReset v1's scrypt hash) never reach an answer. The chain hash stays the stored one.
    const events = stored.map((event) => ({ ...PLATFORM_UPCASTERS.upcast(event), hash: event.hash }));
    // `next`: where the following page starts (after it oldest first, before it newest first).
    const page = { events, next: events.length === query.limit ? events[events.length - 1].position : null };
    return shown === 'open' ? unsealDeep(page, this.vault) : asStored(page);
  }

  @Get('streams/:stream')
  @Operation({ summary: 'Geeft alle events van één stream', answers: { type: AuditStream }, refusals: [...refusals, 404] })
  async stream(@Param('stream') stream: string, @Query('names', names) shown: 'sealed' | 'open') {
    const events = await this.store.readStream(stream);
    if (events.length === 0) throw new NotFound(`Stream ${stream} bestaat niet: er is nooit een event in opgeslagen.`);
    const page = { stream, events };
    return shown === 'open' ? unsealDeep(page, this.vault) : asStored(page);
  }

  @Get('checkpoint')
  @Operation({
    summary: 'Geeft het laatste ondertekende ijkpunt van de hashketen en hoeveel events er sindsdien bij kwamen',
    description:
      'Zonder de keten opnieuw te berekenen: wat de laatste volledige controle (GET /audit/verify) vond. ' +
      '`checkpoint` is null als de keten nog nooit intact is bevonden; `trusted` is false als de handtekening van het ijkpunt niet klopt.',
    answers: { type: ChainCheckpoint },
    refusals,
  })
  async checkpoint() {
    const { checkpoint, head } = await this.postgres().chainStatus();
    return {
      checkpoint: checkpoint && { position: checkpoint.position, verifiedAt: checkpoint.verifiedAt, trusted: checkpoint.trusted },
      head: { position: head },
      since: head - (checkpoint?.position ?? 0),
    };
  }

  @Get('verify')
  @Operation({
    summary: 'Controleert de hashketen van de eventstore, en desgewenst tegen een anker dat buiten de database bewaard is',
    description:
      'Herberekent de keten, controleert de zegels en ondertekende ijkpunten (de sleutel staat niet in de database) en noemt bij een breuk het eerste gewijzigde event. ' +
      'Met anchorPosition en anchorHash (een eerder gemelde kop, elders bewaard) wordt ook een herschrijving gevonden die alle zegels en ijkpunten wiste. ' +
      'Een intacte keten wordt verzegeld en als ondertekend ijkpunt vastgelegd.',
    answers: { type: ChainVerification },
    refusals,
  })
  async verify(@Query() query: VerifyQuery) {
    const anchor =
      query.anchorPosition !== undefined && query.anchorHash ? { position: query.anchorPosition, hash: query.anchorHash } : undefined;
    return this.postgres().verifyChain({ now: this.clock.now(), anchor });
  }

  private postgres(): PostgresEventStore {
    const postgres = postgresStoreOf(this.store);
    if (postgres) return postgres;
    throw new NotImplementedException('De audit-API werkt (nog) alleen met de PostgreSQL-eventstore.');
  }
}
