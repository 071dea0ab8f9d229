import { InvalidInput } from '@regie/es-core';
import { spec } from '@regie/es-core/testing';
import type { LocationSet } from './location';
import { locationDecider } from './location.decide';

const set = (location: string | null): LocationSet => ({ type: 'LocationSet', data: { target: 'series', targetId: 's1', location } });
const command = (location: string | null) => ({
  type: 'SetLocation' as const,
  data: { target: 'series' as const, targetId: 's1', location },
});

describe('the location of a series or meeting', () => {
  it('records a location, tidied, and a change of it; clearing it records null', () => {
    spec(locationDecider)
      .given([])
      .when(command('  Ministerie van VWS,   Den Haag '))
      .then([set('Ministerie van VWS, Den Haag')]);
    spec(locationDecider)
      .given([set('Den Haag')])
      .when(command('Online (Teams)'))
      .then([set('Online (Teams)')]);
    spec(locationDecider)
      .given([set('Den Haag')])
      .when(command('  '))
      .then([set(null)]);
  });

  it('records nothing when the location stays the same', () => {
    spec(locationDecider)
      .given([set('Den Haag')])
      .when(command('Den Haag'))
      .then([]);
    spec(locationDecider).given([]).when(command(null)).then([]);
  });

  it('refuses a location longer than 200 characters', () => {
    spec(locationDecider)
      .given([])
      .when(command('x'.repeat(201)))
      .thenThrows(InvalidInput);
  });
});
