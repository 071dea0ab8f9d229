import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Optional, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type CommandContext, EventStore, NotFound } from '@regie/es-core';
import { Allow, Changed, Created, Ctx, IdempotentWrites, Operation, type Refusal, Unscoped, withRevision, zodParam } from '@regie/nest-kit';
import { ACCOUNT_ROLES } from './account';
import { USERNAME } from './account.decide';
import { refuseUnknownGrantWerkagendas } from '../known-werkagenda';
import { Accounts } from './accounts';

const grant = z
  .object({
    role: z.enum(ACCOUNT_ROLES, { error: `kies een rol uit ${ACCOUNT_ROLES.join(', ')}` }),
    werkagendaId: z
      .string({ error: 'vul een werkagenda in, of * voor alle werkagenda’s' })
      .trim()
      .min(1, 'vul een werkagenda in, of * voor alle werkagenda’s')
      .max(200, 'hoogstens 200 tekens'),
    actionCodes: z
      .array(
        z
          .string()
          .trim()
          .regex(/^\d+(\.\d+)*$/, 'verwacht een actiecode als 2.1'),
        { error: 'verwacht een lijst actiecodes' },
      )
      .max(500)
      .default([]),
  })
  .superRefine((g, ctx) => {
    if (g.role !== 'actiehouder' && g.actionCodes.length > 0)
      ctx.addIssue({ code: 'custom', path: ['actionCodes'], message: 'acties horen alleen bij de rol actiehouder' });
    if (g.role === 'actiehouder' && g.actionCodes.length === 0)
      ctx.addIssue({ code: 'custom', path: ['actionCodes'], message: 'noem de acties van deze actiehouder' });
  });
const grants = z.array(grant, { error: 'verwacht een lijst rechten' }).max(100, 'hoogstens 100 rechten');
const personId = z.uuid('verwacht het id (uuid) van een persoon').nullable();

class CreateAccountBody extends createZodDto(
  z.object({
    username: z
      .string({ error: 'vul een gebruikersnaam in' })
      .regex(USERNAME, 'gebruik alleen kleine letters, cijfers, - en . (begin met een letter of cijfer, hoogstens 100 tekens)'),
    grants,
    personId: personId.optional(),
  }),
) {}
class ChangeAccountBody extends createZodDto(
  z.object({
    personId: personId.optional(),
    disabled: z.boolean({ error: 'verwacht true of false' }).optional(),
    grants: grants.optional(),
  }),
) {}
class ResetPasswordBody extends createZodDto(
  z.object({
    password: z
      .string({ error: 'verwacht een wachtwoord als tekst' })
      .max(1000, 'hoogstens 1000 tekens')
      .refine((v) => v.length === 0 || v.length >= 12, 'minstens 12 tekens (of laat het leeg: dan maakt Regie er een)')
      .optional(),
  }),
) {}

const grantView = z.object({ role: z.enum(ACCOUNT_ROLES), werkagendaId: z.string(), actionCodes: z.array(z.string()) });
const accountView = z.object({
  id: z.string(),
  username: z.string(),
  personId: z.string().describe('De gekoppelde persoon (uuid), of null').nullable(),
  disabled: z.boolean(),
  grants: z.array(grantView),
  ownPassword: z.boolean().describe('Heeft een eigen wachtwoord; anders het gedeelde wachtwoord van de lokale accounts'),
  createdAt: z.string().describe('ISO 8601, UTC').nullable(),
  updatedAt: z.string().describe('ISO 8601, UTC').nullable(),
});
export class AccountAnswer extends createZodDto(accountView) {}
export class PasswordResetAnswer extends createZodDto(
  z.object({
    id: z.string(),
    revision: z.number().int(),
    password: z.string().optional().describe('Alleen als Regie het wachtwoord maakte: wordt maar één keer getoond'),
  }),
) {}

const refusals: Refusal[] = [400, 401, 403, 404, 409];
const id = zodParam('id', z.uuid('verwacht een id (uuid)'));

/**
 * The local accounts of the embedded default, for a beheerder: who may log in, with which rights in
 * which werkagenda. Every change is an event on the account's stream, with its actor. Answers never
 * carry a password hash; a generated password is answered once.
 */
@ApiTags('accounts')
@Allow('beheerder')
@Unscoped()
@IdempotentWrites()
@Controller('api/v1/accounts')
export class AccountsController {
  constructor(
    private readonly store: EventStore,
    @Optional() @Inject(Accounts) private readonly accounts?: Accounts,
  ) {}

  @Get()
  @Allow('beheerder')
  @Operation({
    summary: 'Geeft de lokale accounts met hun rechten per werkagenda',
    answers: { type: [AccountAnswer] },
    refusals: [401, 403, 404],
  })
  list() {
    return this.local().list();
  }

  @Post()
  @Allow('beheerder')
  @Unscoped()
  @Operation({ summary: 'Maakt een lokaal account met rechten per werkagenda', status: 201, answers: { type: Created }, refusals })
  async create(@Body() body: CreateAccountBody, @Ctx() ctx: CommandContext, @Res({ passthrough: true }) res: Response) {
    const accounts = this.local();
    await refuseUnknownGrantWerkagendas(this.store, body.grants);
    const written = await accounts.create(ctx, body);
    return withRevision(res, written.revision, { id: written.id });
  }

  @Get(':id')
  @Allow('beheerder')
  @Operation({ summary: 'Geeft één lokaal account', answers: { type: AccountAnswer }, refusals: [400, 401, 403, 404] })
  async get(@Param('id', id) accountId: string) {
    const account = await this.local().get(accountId);
    if (!account) throw new NotFound(`account ${accountId} bestaat niet`);
    return account;
  }

  @Patch(':id')
  @Allow('beheerder')
  @Unscoped()
  @Operation({
    summary: 'Wijzigt een lokaal account: persoon, uitgeschakeld, rechten',
    description: 'Een uitgeschakeld account kan niet inloggen; zijn tokens worden vanaf het volgende verzoek geweigerd.',
    answers: { type: Changed },
    refusals,
  })
  async change(
    @Param('id', id) accountId: string,
    @Body() body: ChangeAccountBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const accounts = this.local();
    await refuseUnknownGrantWerkagendas(this.store, body.grants);
    const written = await accounts.change(ctx, accountId, body);
    return withRevision(res, written.revision, written);
  }

  @Post(':id/password')
  @Allow('beheerder')
  @Unscoped()
  @HttpCode(200)
  @Operation({
    summary: 'Zet een eigen wachtwoord voor een lokaal account',
    description:
      'Met `password` (minstens 12 tekens) wordt dat het wachtwoord; zonder (of leeg) maakt Regie er een en geeft het één keer terug. ' +
      'Alleen een scrypt-hash wordt bewaard, buiten de eventgeschiedenis: het event legt alleen vast dát het wachtwoord is gezet, door wie, en of Regie het maakte.',
    answers: { type: PasswordResetAnswer },
    refusals,
  })
  async resetPassword(
    @Param('id', id) accountId: string,
    @Body() body: ResetPasswordBody,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const written = await this.local().resetPassword(ctx, accountId, body.password ? body.password : undefined);
    return withRevision(res, written.revision, written);
  }

  private local(): Accounts {
    if (!this.accounts) throw new NotFoundException('Lokale accounts staan uit: accounts en rechten komen van de OIDC-provider.');
    return this.accounts;
  }
}
