import { meetingsConfigFromEnv } from './config';

describe('meetings configuration', () => {
  it('has defaults: no configured first dates, 42 days look-ahead, 12 months horizon, seeding on', () => {
    expect(meetingsConfigFromEnv({})).toEqual({ firstOccurrence: {}, lookaheadDays: 42, horizonMonths: 12, seed: true });
  });

  it('reads a first kerngroep as a local date and time', () => {
    expect(meetingsConfigFromEnv({ REGIE_FIRST_KERNGROEP: '2026-01-13T10:00', REGIE_SEED: 'false' })).toMatchObject({
      firstOccurrence: { kerngroep: { date: '2026-01-13', time: '10:00' } },
      seed: false,
    });
  });

  it('names every bad variable', () => {
    expect(() => meetingsConfigFromEnv({ REGIE_FIRST_REGIEGROEP: '13-01-2026', REGIE_MEETINGS_LOOKAHEAD_DAYS: 'veel' })).toThrow(
      /REGIE_FIRST_REGIEGROEP[\s\S]*REGIE_MEETINGS_LOOKAHEAD_DAYS/,
    );
  });
});
