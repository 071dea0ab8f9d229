import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@regie/nest-kit';
import type { Account, ForgetReport, Grant } from '../api/beheer-api';
import { ApiError } from '../api/regie-api';
import { Portal, PortalPages } from '../session/session.guard';
import type { PortalContext } from '../session/session';
import { type FormErrors, formErrors } from '../views/form-state';
import { AccountPage, AccountsPage } from '../views/pages/beheer/accounts.page';
import { ForgetPersonPage, PeoplePage, PersonPage } from '../views/pages/beheer/people.page';
import { beheerApi, type Body as FormBody, indexedFieldNames, list, write } from './beheer-forms';
import { field, optional } from './forms';
import { redirect, sendPage } from './page';
import { PortalExceptionFilter } from './portal-exception.filter';

const enc = encodeURIComponent;
const personPath = (id: string) => `/beheer/personen/${enc(id)}`;
const accountPath = (id: string) => `/beheer/accounts/${enc(id)}`;
const notFoundIf404 = (error: unknown): never => {
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) throw new NotFoundException();
  throw error;
};

/** A grant as the form says it: role, werkagenda, and for an actiehouder the action codes. */
const grantOf = (body: FormBody): Grant => ({
  role: field(body, 'role') as Grant['role'],
  werkagendaId: field(body, 'werkagendaId') ?? '',
  actionCodes: list(body, 'actionCodes'),
});
/** The grant the form adds is the last one of the list sent. */
const grantFieldNames = (index: number): Record<string, string> => ({
  [`grants.${index}.role`]: 'role',
  [`grants.${index}.werkagendaId`]: 'werkagendaId',
  [`grants.${index}.actionCodes`]: 'actionCodes',
  ...indexedFieldNames(`grants.${index}.actionCodes`, { '': 'actionCodes' }),
});

/** The confirmation after forgetting, with how often the name may still stand in free text. */
export function forgottenMessage(report: Pick<ForgetReport, 'remaining'>): string {
  const events = report.remaining.events.length;
  const rows = report.remaining.tables.reduce((sum, t) => sum + t.rows, 0);
  if (events === 0 && rows === 0) return 'De persoon is vergeten: de naam is nergens meer te lezen.';
  const where = [
    events > 0 ? `${events} ${events === 1 ? 'vastgelegde gebeurtenis' : 'vastgelegde gebeurtenissen'}` : '',
    rows > 0 ? `${rows} ${rows === 1 ? 'regel' : 'regels'} van de overzichten` : '',
  ]
    .filter(Boolean)
    .join(' en ');
  return `De persoon is vergeten. De naam kan nog als vrije tekst voorkomen in ${where}, bijvoorbeeld in een toelichting; de auditor kan dat nagaan in de audit.`;
}

/**
 * The beheer section, part people and accounts: the people directory (register, change, forget
 * after a confirmation step) and the local accounts with their rights per werkagenda.
 */
@ApiExcludeController()
@Public() // the portal checks its own session; the API it calls checks the user's token
@PortalPages()
@UseFilters(PortalExceptionFilter)
@Controller('beheer')
export class BeheerAccountsController {
  @Get('personen')
  async people(@Portal() p: PortalContext, @Res() res: Response) {
    sendPage(res, await this.peoplePage(p));
  }

  @Post('personen')
  register(@Portal() p: PortalContext, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return write(req, res, {
      form: 'persoon-nieuw',
      body,
      call: (o) =>
        beheerApi(p).registerPerson(
          { name: field(body, 'name') ?? '', function: optional(body, 'function'), organisation: field(body, 'organisation') ?? '' },
          o,
        ),
      to: '/beheer/personen',
      message: `${field(body, 'name') ?? 'De persoon'} is opgenomen in het personenregister.`,
      page: (errors) => this.peoplePage(p, errors),
    });
  }

  @Get('personen/:id')
  async person(@Portal() p: PortalContext, @Param('id') id: string, @Res() res: Response) {
    sendPage(res, await this.personPage(p, id));
  }

  @Post('personen/:id')
  changePerson(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return write(req, res, {
      form: 'persoon-wijzigen',
      body,
      call: (o) =>
        beheerApi(p).changePerson(
          id,
          { name: field(body, 'name'), function: field(body, 'function'), organisation: field(body, 'organisation') },
          o,
        ),
      to: personPath(id),
      message: 'De gegevens van de persoon zijn gewijzigd.',
      page: (errors) => this.personPage(p, id, errors),
    });
  }

  @Get('personen/:id/vergeten')
  async confirmForget(@Portal() p: PortalContext, @Param('id') id: string, @Res() res: Response) {
    sendPage(res, await this.forgetPage(p, id));
  }

  @Post('personen/:id/vergeten')
  forget(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    let report: ForgetReport | undefined;
    // Where the name may still stand as free text (a note, a summary) is said with the confirmation.
    return write(req, res, {
      form: 'persoon-vergeten',
      body,
      call: async (o) => (report = await beheerApi(p).forgetPerson(id, o)),
      to: '/beheer/personen',
      message: () => (report ? forgottenMessage(report) : 'De persoon is vergeten.'),
      page: (errors) => this.forgetPage(p, id, errors),
    });
  }

  @Get('accounts')
  async accounts(@Portal() p: PortalContext, @Res() res: Response) {
    sendPage(res, await this.accountsPage(p));
  }

  @Post('accounts')
  create(@Portal() p: PortalContext, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const username = field(body, 'username') ?? '';
    return write(req, res, {
      form: 'account-nieuw',
      body,
      call: (o) => beheerApi(p).createAccount({ username, personId: optional(body, 'personId') ?? null, grants: [grantOf(body)] }, o),
      to: '/beheer/accounts',
      message: `Het account ${username} is gemaakt.`,
      page: (errors) => this.accountsPage(p, errors),
      fieldNames: grantFieldNames(0),
    });
  }

  @Get('accounts/:id')
  async account(@Portal() p: PortalContext, @Param('id') id: string, @Res() res: Response) {
    sendPage(res, await this.accountPage(p, id));
  }

  @Post('accounts/:id/rechten')
  async addGrant(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const account = await this.load(p, id);
    const grants = [...account.grants, grantOf(body)];
    return write(req, res, {
      form: 'recht-nieuw',
      body,
      call: (o) => beheerApi(p).changeAccount(id, { grants }, o),
      to: accountPath(id),
      message: 'Het recht is toegevoegd.',
      page: (errors) => this.accountPage(p, id, errors),
      fieldNames: grantFieldNames(grants.length - 1),
    });
  }

  @Post('accounts/:id/rechten/:n/intrekken')
  async withdrawGrant(
    @Portal() p: PortalContext,
    @Param('id') id: string,
    @Param('n') n: string,
    @Body() body: FormBody,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const account = await this.load(p, id);
    const index = Number(n);
    if (!Number.isInteger(index) || !account.grants[index]) throw new NotFoundException();
    return write(req, res, {
      form: `recht-${index}-intrekken`,
      body,
      call: (o) => beheerApi(p).changeAccount(id, { grants: account.grants.filter((_, i) => i !== index) }, o),
      to: accountPath(id),
      message: 'Het recht is ingetrokken.',
      page: (errors) => this.accountPage(p, id, errors),
    });
  }

  @Post('accounts/:id/persoon')
  linkPerson(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const personId = optional(body, 'personId') ?? null;
    return write(req, res, {
      form: 'persoon-koppelen',
      body,
      call: (o) => beheerApi(p).changeAccount(id, { personId }, o),
      to: accountPath(id),
      message: personId ? 'De persoon is gekoppeld.' : 'Het account is niet meer aan een persoon gekoppeld.',
      page: (errors) => this.accountPage(p, id, errors),
    });
  }

  @Post('accounts/:id/uitschakelen')
  disable(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.setDisabled(p, id, body, req, res, true);
  }

  @Post('accounts/:id/inschakelen')
  enable(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.setDisabled(p, id, body, req, res, false);
  }

  /** Back to the account from the password answer's address (a bookmark, a new tab): the password is not shown again. */
  @Get('accounts/:id/wachtwoord')
  passwordShown(@Param('id') id: string, @Res() res: Response) {
    redirect(res, accountPath(id));
  }

  /** The new password is shown on the answer itself, once: never in a cookie or a redirect. */
  @Post('accounts/:id/wachtwoord')
  async resetPassword(@Portal() p: PortalContext, @Param('id') id: string, @Body() body: FormBody, @Res() res: Response) {
    try {
      const answer = await beheerApi(p).resetPassword(id);
      const page = await this.accountPage(p, id, undefined, answer.password);
      res.set('Cache-Control', 'no-store');
      sendPage(res, page);
    } catch (error) {
      if (!(error instanceof ApiError) || ![400, 403, 404, 409].includes(error.status)) throw error;
      sendPage(res, await this.accountPage(p, id, formErrors('wachtwoord-nieuw', error.problem, body)), error.status);
    }
  }

  private setDisabled(p: PortalContext, id: string, body: FormBody, req: Request, res: Response, disabled: boolean) {
    return write(req, res, {
      form: disabled ? 'account-uitschakelen' : 'account-inschakelen',
      body,
      call: (o) => beheerApi(p).changeAccount(id, { disabled }, o),
      to: accountPath(id),
      message: disabled ? 'Het account is uitgeschakeld: het kan niet meer inloggen.' : 'Het account is ingeschakeld.',
      page: (errors) => this.accountPage(p, id, errors),
    });
  }

  private load(p: PortalContext, id: string): Promise<Account> {
    return beheerApi(p).account(id).catch(notFoundIf404);
  }

  private async peoplePage(p: PortalContext, errors?: FormErrors) {
    return PeoplePage({ p, people: await beheerApi(p).people(), errors });
  }

  private async personPage(p: PortalContext, id: string, errors?: FormErrors) {
    const person = await beheerApi(p).person(id).catch(notFoundIf404);
    if (person.forgotten) throw new NotFoundException();
    return PersonPage({ p, person, errors });
  }

  private async forgetPage(p: PortalContext, id: string, errors?: FormErrors) {
    const person = await beheerApi(p).person(id).catch(notFoundIf404);
    if (person.forgotten) throw new NotFoundException();
    return ForgetPersonPage({ p, person, errors });
  }

  private async accountsPage(p: PortalContext, errors?: FormErrors) {
    const api = beheerApi(p);
    const [accounts, people, werkagendas] = await Promise.all([api.accounts(), api.people(), api.werkagendas()]);
    return AccountsPage({ p, accounts, people, werkagendas, errors });
  }

  private async accountPage(p: PortalContext, id: string, errors?: FormErrors, newPassword?: string) {
    const api = beheerApi(p);
    const [account, people, werkagendas] = await Promise.all([this.load(p, id), api.people(), api.werkagendas()]);
    return AccountPage({ p, account, people, werkagendas, errors, newPassword });
  }
}
