import { Controller, Get, NotImplementedException, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Clock, EventStore } from '@regie/es-core';
import { type PostgresEventStore, queryAuditLog, verifyChain } from '@regie/es-postgres';
import { Allow } from '@regie/nest-kit';
import { postgresStoreOf } from '../adapters';

class AuditEventsQuery extends createZodDto(
  z.object({
    stream: z.string().min(1).optional(),
    type: z.string().min(1).optional(),
    actor: z.string().min(1).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    after: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  }),
) {}

/** The complete history with full metadata, for auditors: read-only. */
@ApiTags('audit')
@Allow('auditor')
@Controller('api/v1/audit')
export class AuditController {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  @Get('events')
  async events(@Query() query: AuditEventsQuery) {
    const events = await queryAuditLog(this.postgres().sqlPool, this.postgres().schemaName, {
      ...query,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
    return { events, next: events.length === query.limit ? events[events.length - 1].position : null };
  }

  @Get('streams/:stream')
  async stream(@Param('stream') stream: string) {
    return { stream, events: await this.store.readStream(stream) };
  }

  @Get('verify')
  async verify() {
    return verifyChain(this.postgres().sqlPool, this.postgres().schemaName, undefined, this.clock.now());
  }

  private postgres(): PostgresEventStore {
    const postgres = postgresStoreOf(this.store);
    if (postgres) return postgres;
    throw new NotImplementedException('De audit-API werkt (nog) alleen met de PostgreSQL-eventstore.');
  }
}
