import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PORTAL_CONFIG, type PortalConfig } from '../config';
import { RegieApi } from './regie-api';

/**
 * The API client for one request. Without REGIE_API_URL the portal calls the process it runs in,
 * on the port the request came in on (the platform may listen on any port, PORT=0 in tests).
 */
@Injectable()
export class PortalApiFactory {
  constructor(@Inject(PORTAL_CONFIG) private readonly config: PortalConfig) {}

  forRequest(req: Request, res?: Response): RegieApi {
    const base = this.config.apiUrl ?? `http://127.0.0.1:${req.socket.localPort}`;
    const correlation = res?.getHeader('x-correlation-id');
    return new RegieApi(base, undefined, typeof correlation === 'string' ? correlation : undefined);
  }
}
