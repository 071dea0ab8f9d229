import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Optional, Post, UnauthorizedException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Caller, InvalidCredentials, LocalAccounts, Operation, type Principal, Public } from '@regie/nest-kit';
import { LoginResult, Me } from '../platform.responses';

class LoginBody extends createZodDto(
  z.object({
    username: z.string().trim().min(1, 'vul een gebruikersnaam in'),
    password: z.string().min(1, 'vul een wachtwoord in'),
  }),
) {}

/** Login for the embedded default's local accounts, and "who am I" for every token. */
@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(@Optional() @Inject(LocalAccounts) private readonly accounts?: LocalAccounts) {}

  @Public()
  @Post('login')
  @Operation({
    summary: 'Logt in met een lokaal account en geeft een bearer-token',
    answers: { type: LoginResult },
    refusals: [400, 401, 404],
  })
  @HttpCode(200)
  async login(@Body() body: LoginBody) {
    if (!this.accounts) throw new NotFoundException('Lokale accounts staan uit: log in via de OIDC-provider van uw organisatie.');
    try {
      return await this.accounts.login(body.username, body.password);
    } catch (error) {
      if (error instanceof InvalidCredentials) throw new UnauthorizedException(error.message);
      throw error;
    }
  }

  @Get('me')
  @Operation({ summary: 'Geeft wie het token draagt: naam, rollen en acties', answers: { type: Me }, refusals: [401] })
  me(@Caller() caller: Principal) {
    return caller;
  }
}
