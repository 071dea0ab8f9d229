import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ExpressServerAdapter } from '@regie/nest-kit';
import { PORTAL_CONFIG, type PortalConfig } from '../config';
import { type ApiTransport, inProcess, overHttp } from './api-transport';
import { RegieApi } from './regie-api';
import type { WerkagendaEntry } from './regie-api.models';

/** How long the list of werkagenda's is remembered between pages. */
const WERKAGENDA_LIST_MS = 5_000;

/**
 * The API client for one request. With REGIE_API_URL the portal calls the API there over HTTP;
 * without it, the API of the process it runs in, in the process (`inProcess`: no socket, no HTTP
 * at either end; the same middleware, guards and handlers).
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

  private readonly transport?: ApiTransport;
  /** Whether the API is this process's own, called in the process (what it changes, this process sees). */
  readonly callsInProcess: boolean = false;

  constructor(@Inject(PORTAL_CONFIG) config: PortalConfig, adapterHost: HttpAdapterHost) {
    if (config.apiUrl) this.transport = overHttp(config.apiUrl);
    else {
      const adapter = adapterHost.httpAdapter;
      if (adapter instanceof ExpressServerAdapter) {
        this.transport = inProcess((request) => adapter.dispatch(request));
        this.callsInProcess = true;
      }
    }
  }

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
    // On another server adapter (none in this platform), the API of this process over HTTP, on the port the page came in on.
    const transport = this.transport ?? `http://127.0.0.1:${req.socket.localPort}`;
    const correlation = res?.getHeader('x-correlation-id');
    return new RegieApi(transport, undefined, typeof correlation === 'string' ? correlation : undefined);
  }
}
