import { PortalApiFactory } from './portal-api.factory';
import type { RegieApi } from './regie-api';
import type { WerkagendaEntry } from './regie-api.models';

/** A client whose list of werkagenda's is what the API holds at the moment of each call. */
const clientOf = (held: { titles: string[]; calls: number; fail?: boolean }) =>
  ({
    werkagendas: async () => {
      held.calls++;
      if (held.fail) throw new Error('API onbereikbaar');
      return held.titles.map((title) => ({ id: title, title }) as WerkagendaEntry);
    },
  }) as unknown as RegieApi;

describe('the werkagenda list behind every page header', () => {
  it('is read once for the pages of a few seconds, and anew at once after a beheer change', async () => {
    const apis = new PortalApiFactory({}, { httpAdapter: undefined } as never);
    const held = { titles: ['A'], calls: 0 };
    const api = clientOf(held);
    expect((await apis.werkagendas(api)).map((w) => w.title)).toEqual(['A']);
    held.titles.push('B');
    expect((await apis.werkagendas(api)).map((w) => w.title)).toEqual(['A']); // remembered
    expect(held.calls).toBe(1);
    apis.forgetWerkagendas(); // a werkagenda established through the beheer form
    expect((await apis.werkagendas(api)).map((w) => w.title)).toEqual(['A', 'B']);
    expect(held.calls).toBe(2);
  });

  it('does not remember a failed read', async () => {
    const apis = new PortalApiFactory({}, { httpAdapter: undefined } as never);
    const held = { titles: ['A'], calls: 0, fail: true };
    await expect(apis.werkagendas(clientOf(held))).rejects.toThrow('API onbereikbaar');
    held.fail = false;
    expect((await apis.werkagendas(clientOf(held))).map((w) => w.title)).toEqual(['A']);
  });
});
