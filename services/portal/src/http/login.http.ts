import { Body, Controller, ForbiddenException, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@regie/nest-kit';
import { ApiError } from '../api/regie-api';
import { PortalApiFactory } from '../api/portal-api.factory';
import { isSameOrigin } from '../session/same-origin';
import { WRONG_ORIGIN } from '../session/session.guard';
import { endSession, type PortalRequest, safeReturnPath, SESSION_COOKIE, startSession } from '../session/session';
import { LoginPage } from '../views/pages/login.page';
import { redirect, sendPage } from './page';
import { PortalExceptionFilter } from './portal-exception.filter';

/** Login through the API (`POST /api/v1/auth/login`); the token goes into the session cookie. */
@ApiExcludeController()
@Public() // the portal checks its own session; the API it calls checks the user's token
@UseFilters(PortalExceptionFilter)
@Controller()
export class LoginController {
  constructor(private readonly apis: PortalApiFactory) {}

  @Get('inloggen')
  form(@Res() res: Response, @Query('terug') terug?: string, @Query('verlopen') verlopen?: string, @Query('uitgelogd') uitgelogd?: string) {
    const notice = verlopen ? 'Uw sessie is verlopen. Log opnieuw in.' : uitgelogd ? 'U bent uitgelogd.' : undefined;
    sendPage(res, LoginPage({ returnTo: safeReturnPath(terug), notice }));
  }

  @Post('inloggen')
  async login(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>) {
    if (!isSameOrigin(req.headers)) throw new ForbiddenException(WRONG_ORIGIN);
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const returnTo = safeReturnPath(body.terug);
    if (!username || !password) {
      return sendPage(res, LoginPage({ returnTo, username, error: 'Vul uw gebruikersnaam en wachtwoord in.' }), 400);
    }
    try {
      const session = await this.apis.forRequest(req, res).login(username, password, req.ip);
      startSession(req, res, session.accessToken, session.expiresIn);
      redirect(res, returnTo);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      const message =
        error.status === 401 || error.status === 400
          ? 'De combinatie van gebruikersnaam en wachtwoord is onjuist.'
          : (error.problem.detail ?? 'Inloggen is niet gelukt.');
      sendPage(res, LoginPage({ returnTo, username, error: message }), error.status);
    }
  }

  @Post('uitloggen')
  async logout(@Req() req: PortalRequest, @Res() res: Response) {
    if (!isSameOrigin(req.headers)) throw new ForbiddenException(WRONG_ORIGIN);
    const token = req.cookies?.[SESSION_COOKIE];
    // Revoked at the API, so a copy of the cookie is worthless too; a token it refuses already (401) is as good as revoked.
    if (token) {
      await this.apis
        .forRequest(req, res)
        .withToken(token)
        .logout()
        .catch((error: unknown) => {
          if (!(error instanceof ApiError) || error.status !== 401) throw error;
        });
    }
    endSession(req, res);
    redirect(res, '/inloggen?uitgelogd=1');
  }
}
