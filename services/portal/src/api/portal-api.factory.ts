import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PORTAL_CONFIG, type PortalConfig } from '../config';
import { RegieApi } from './regie-api';
import type { WerkagendaEntry } from './regie-api.models';

/** How long the list of werkagenda's is remembered between pages. */
const WERKAGENDA_LIST_MS = 5_000;

/**
 * The API client for one request. Without REGIE_API_URL the portal calls the process it runs in,
 * on the port the request came in on (the platform may listen on any port, PORT=0 in tests).
 *
 * Every page's header offers the werkagenda's the user may choose, from the list of all of them
 * (the same for every caller: the portal filters it by the user's grants). With hundreds of
 * werkagenda's that list is over a megabyte of JSON (1.4 MB with 1,066 at 1M events), which every
 * page read and parsed again; it is remembered here for a few seconds, and forgotten at once when
 * a beheer form of this process changes a werkagenda. Another portal process sees such a change
 * within those seconds.
 */
@Injectable()
export class PortalApiFactory {
  private werkagendaList?: { at: number; list: Promise<WerkagendaEntry[]> };

  constructor(@Inject(PORTAL_CONFIG) private readonly config: PortalConfig) {}

  /** The list of every werkagenda, through `api` (a signed-in user's client) when not remembered. */
  werkagendas(api: RegieApi): Promise<WerkagendaEntry[]> {
    const now = performance.now();
    const cached = this.werkagendaList;
    if (cached && now - cached.at < WERKAGENDA_LIST_MS) return cached.list;
    const list = api.werkagendas();
    const entry = { at: now, list };
    this.werkagendaList = entry;
    list.catch(() => this.werkagendaList === entry && (this.werkagendaList = undefined));
    return list;
  }

  /** After a werkagenda is established, changed or archived here: the next page reads the list again. */
  forgetWerkagendas(): void {
    this.werkagendaList = undefined;
  }

  forRequest(req: Request, res?: Response): RegieApi {
    const base = this.config.apiUrl ?? `http://127.0.0.1:${req.socket.localPort}`;
    const correlation = res?.getHeader('x-correlation-id');
    return new RegieApi(base, undefined, typeof correlation === 'string' ? correlation : undefined);
  }
}
