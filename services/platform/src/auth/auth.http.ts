import proxyaddr from 'proxy-addr';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  NotFoundException,
  Optional,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  Allow,
  Caller,
  IdempotentWrites,
  InvalidCredentials,
  LocalAccounts,
  LoginThrottle,
  Operation,
  type Principal,
  Public,
  RevocationList,
  ROLES,
  TooManyAttempts,
  Unscoped,
} from '@regie/nest-kit';
import { LoginResult, Me } from '../platform.responses';

class LoginBody extends createZodDto(
  z.object({
    username: z.string().trim().min(1, 'vul een gebruikersnaam in').max(200, 'hoogstens 200 tekens'),
    password: z.string().min(1, 'vul een wachtwoord in').max(1000, 'hoogstens 1000 tekens'),
  }),
) {}

/** Login for the embedded default's local accounts, logout and "who am I" for every token. */
@ApiTags('auth')
@IdempotentWrites()
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    @Optional() @Inject(LocalAccounts) private readonly accounts?: LocalAccounts,
    @Optional() @Inject(LoginThrottle) private readonly throttle?: LoginThrottle,
    @Optional() @Inject(RevocationList) private readonly revocations?: RevocationList,
  ) {}

  @Public()
  @Post('login')
  @Operation({
    summary: 'Logt in met een lokaal account en geeft een bearer-token',
    description: 'Na te veel onjuiste wachtwoorden (per account en per adres) volgt 429 met Retry-After.',
    answers: { type: LoginResult },
    refusals: [400, 401, 404, 429],
  })
  @HttpCode(200)
  async login(@Body() body: LoginBody, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const accounts = this.accounts;
    if (!accounts) throw new NotFoundException('Lokale accounts staan uit: log in via de OIDC-provider van uw organisatie.');
    const login = () => accounts.login(body.username, body.password);
    try {
      return await (this.throttle ? this.throttle.attempt(body.username, clientAddress(req), login) : login());
    } catch (error) {
      if (error instanceof InvalidCredentials) throw new UnauthorizedException(error.message);
      if (error instanceof TooManyAttempts) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
        throw new HttpException(error.message, HttpStatus.TOO_MANY_REQUESTS);
      }
      throw error;
    }
  }

  @Unscoped()
  @Post('logout')
  @Allow(...ROLES) // every signed-in caller may end their own token
  @Operation({
    summary: 'Trekt het meegestuurde token in: geen proces van het platform aanvaardt het daarna nog',
    status: 204,
    refusals: [401],
  })
  @HttpCode(204)
  async logout(@Req() req: Request): Promise<void> {
    // The guard has verified this bearer token; it is the one to revoke.
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (token && this.revocations) await this.revocations.revoke(token);
  }

  @Get('me')
  @Operation({ summary: 'Geeft wie het token draagt: naam, rollen en acties', answers: { type: Me }, refusals: [401] })
  me(@Caller() caller: Principal) {
    return caller;
  }
}

/** The portal calls the API from loopback with the browser's address in X-Forwarded-For. */
const portalOnLoopback = proxyaddr.compile('loopback');

/**
 * The address login attempts are counted by: the browser's behind the portal, so that one guessing
 * browser does not lock every portal user out; otherwise as Express resolves it (X-Forwarded-For
 * only from the proxies of REGIE_TRUST_PROXY). Loopback is believed for this count only, not for
 * https (HSTS) or anything else.
 */
const clientAddress = (req: Request): string => {
  const configured = req.app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  return proxyaddr(req, (address, hop) => portalOnLoopback(address, hop) || configured(address, hop));
};
