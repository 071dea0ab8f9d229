import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { ChainProblem } from '@regie/es-postgres';

/** What the platform's own routes answer: health, sign-in, the audit log and erasure. */
const moment = z.string().describe('ISO 8601, UTC');
const int = z.number().int();
const role = z.enum(['coordinator', 'director', 'auditor', 'actiehouder', 'beheerder']);

const storedEvent = z.object({
  id: z.string(),
  streamId: z.string(),
  revision: int,
  position: int,
  type: z.string(),
  schemaVersion: int,
  /** As stored: personal data sealed, unless `names=open`. */
  data: z.unknown(),
  metadata: z.looseObject({
    actor: z.object({ userId: z.string(), role: z.string() }).optional(),
    correlationId: z.string().optional(),
    causationId: z.string().optional(),
  }),
  occurredAt: moment,
  recordedAt: moment,
  hash: z.string().optional(),
});

export class Health extends createZodDto(
  z.object({
    status: z.literal('ok'),
    eventStore: z.string(),
    bus: z.string(),
    scheduler: z.string(),
    services: z.array(z.string()).describe('De services die dit proces draait'),
  }),
) {}
export class AsyncApiDocument extends createZodDto(z.looseObject({ asyncapi: z.string() })) {}
export class LoginResult extends createZodDto(
  z.object({ accessToken: z.string(), tokenType: z.literal('Bearer'), expiresIn: int, roles: z.array(role) }),
) {}
export class Me extends createZodDto(
  z.object({
    username: z.string(),
    name: z.string(),
    roles: z.array(role),
    actionCodes: z.array(z.string()),
    grants: z
      .array(z.object({ role, werkagendaId: z.string(), actionCodes: z.array(z.string()) }))
      .optional()
      .describe('De rechten per werkagenda (`*`: in alle werkagenda’s)'),
    personId: z.string().optional().describe('De persoon in de personenlijst bij dit account, als die gekoppeld is'),
  }),
) {}
export class AuditPage extends createZodDto(
  z.object({
    events: z.array(storedEvent),
    next: int.nullable().describe('Geef door als `after` (bij order=desc als `before`) voor de volgende pagina'),
  }),
) {}
export class AuditStream extends createZodDto(z.object({ stream: z.string(), events: z.array(storedEvent) })) {}
/** Every kind verifyChain reports, checked by the compiler against ChainProblem. */
const chainProblemKinds = {
  gap: 'gap',
  'hash-mismatch': 'hash-mismatch',
  'seal-mismatch': 'seal-mismatch',
  'seal-missing': 'seal-missing',
  'head-mismatch': 'head-mismatch',
  'checkpoint-mismatch': 'checkpoint-mismatch',
  'checkpoint-forged': 'checkpoint-forged',
  'anchor-mismatch': 'anchor-mismatch',
  truncated: 'truncated',
} as const satisfies { [K in ChainProblem['kind']]: K };

export class ChainCheckpoint extends createZodDto(
  z.object({
    checkpoint: z
      .object({
        position: int.describe('De positie tot waar de keten intact is bevonden'),
        verifiedAt: moment.describe('Wanneer die controle was'),
        trusted: z.boolean().describe('De handtekening van het ijkpunt klopt met de ketensleutel'),
      })
      .nullable()
      .describe('Het laatste ondertekende ijkpunt; null als de keten nog nooit intact is bevonden'),
    head: z.object({ position: int.describe('De positie van het nieuwste event') }),
    since: int.describe('Events vastgelegd na het ijkpunt (alle events als er geen is)'),
  }),
) {}

export class ChainVerification extends createZodDto(
  z.object({
    ok: z.boolean(),
    events: int,
    head: z.object({ position: int, hash: z.string() }),
    checkedAt: moment,
    problems: z.array(
      z.object({
        position: int,
        kind: z.enum(chainProblemKinds),
        detail: z.string(),
      }),
    ),
  }),
) {}
/** The answer never repeats the name; `remaining` says where it still occurs as plain text. */
export class ForgetReport extends createZodDto(
  z.object({
    status: z.enum(['forgotten', 'already-forgotten']),
    subject: z.string().optional(),
    erasedAt: moment,
    remaining: z.object({
      events: z.array(z.object({ position: int, streamId: z.string(), type: z.string() })),
      tables: z.array(z.object({ table: z.string(), rows: int })),
    }),
  }),
) {}
