import { isTransientDatabaseError, sqlState } from './postgres-errors';

const pgError = (code: string, message = 'error') => Object.assign(new Error(message), { code });

describe('PostgreSQL errors a consumer retries without limit', () => {
  it('counts an unreachable or restarting database, and lost races, as transient', () => {
    const transient = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('57P03', 'the database system is starting up'),
      pgError('53300', 'sorry, too many clients already'),
      pgError('08006'),
      pgError('40001', 'could not serialize access'),
      pgError('40P01', 'deadlock detected'),
      new Error('Connection terminated unexpectedly'),
      { driverError: { code: '57P01' } }, // a TypeORM QueryFailedError wraps the pg error
    ];
    expect(transient.map(isTransientDatabaseError)).toEqual(transient.map(() => true));
  });

  it('counts what the message caused as its own fault: it goes to the dead-letter topic', () => {
    const poison = [
      pgError('23505', 'duplicate key value violates unique constraint'),
      pgError('22P02', 'invalid input syntax for type uuid'),
      new Error('projection refused it'),
      undefined,
      'a string',
    ];
    expect(poison.map(isTransientDatabaseError)).toEqual(poison.map(() => false));
  });

  it('reads the SQLSTATE from pg and from TypeORM errors', () => {
    expect(sqlState(pgError('55P03'))).toBe('55P03');
    expect(sqlState({ driverError: { code: '40P01' } })).toBe('40P01');
    expect(sqlState(new Error('no code'))).toBeUndefined();
  });
});
