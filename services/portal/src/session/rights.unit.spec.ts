import type { Me } from '../api/regie-api.models';
import { rights } from './rights';

const user = (roles: Me['roles'], actionCodes: string[] = []): Me => ({ username: 'u', name: 'U', roles, actionCodes });

describe('what the screens offer to whom (the services enforce the same)', () => {
  it('lets an actiehouder write only on their own action', () => {
    const r = rights(user(['actiehouder'], ['2.1']));
    expect(r.writeAction('2.1')).toBe(true);
    expect(r.writeAction('1.1')).toBe(false);
    expect(r.coordinate || r.publishProjection || r.audit).toBe(false);
  });

  it('gives the coordinator every write but strategic decisions and publishing', () => {
    const r = rights(user(['coordinator']));
    expect(r.writeAction('1.1') && r.coordinate && r.decide('operationeel')).toBe(true);
    expect(r.decide('strategisch') || r.publishProjection || r.audit).toBe(false);
  });

  it('lets a director decide both kinds and publish, and an auditor only read and audit', () => {
    const director = rights(user(['director']));
    expect(director.decide('strategisch') && director.decide('operationeel') && director.publishProjection).toBe(true);
    expect(director.coordinate || director.writeAction('0')).toBe(false);
    const auditor = rights(user(['auditor']));
    expect(auditor.audit).toBe(true);
    expect(auditor.coordinate || auditor.writeAction('0') || auditor.decide('operationeel') || auditor.publishProjection).toBe(false);
  });
});
