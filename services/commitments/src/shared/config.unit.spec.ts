import { commitmentsConfigFromEnv } from './config';

describe('commitments configuration', () => {
  it('looks ahead six weeks unless REGIE_COMMITMENT_LOOKAHEAD_DAYS says otherwise', () => {
    expect(commitmentsConfigFromEnv({})).toEqual({ lookaheadDays: 42 });
    expect(commitmentsConfigFromEnv({ REGIE_COMMITMENT_LOOKAHEAD_DAYS: '14' })).toEqual({ lookaheadDays: 14 });
  });

  it('stops with a message naming the variable for a bad value', () => {
    expect(() => commitmentsConfigFromEnv({ REGIE_COMMITMENT_LOOKAHEAD_DAYS: 'zes weken' })).toThrow(/REGIE_COMMITMENT_LOOKAHEAD_DAYS/);
    expect(() => commitmentsConfigFromEnv({ REGIE_COMMITMENT_LOOKAHEAD_DAYS: '-1' })).toThrow(/minimaal 0/);
  });
});
