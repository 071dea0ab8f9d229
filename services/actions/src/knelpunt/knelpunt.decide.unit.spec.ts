import { IllegalTransition, NotFound } from '@regie/es-core';
import { spec } from '@regie/es-core/testing';
import { EscalationLevel, KnelpuntEscalated, KnelpuntRaised, KnelpuntResolved, knelpuntStream } from './knelpunt';
import { KnelpuntCommand, knelpuntDecider } from './knelpunt.decide';

const knelpuntId = '0195f3c2-8b21-7d5f-8c3b-4e5f60718293';
const actionCode = '1.2';
const ref = { knelpuntId, actionCode };

const raiseData = {
  ...ref,
  description: 'financiering van de pilot na 2026 ontbreekt',
  raisedAt: '2026-02-10T09:00:00.000Z',
};
const raise: KnelpuntCommand = { type: 'RaiseKnelpunt', data: raiseData };
const raiseAndEscalate = (to: EscalationLevel): KnelpuntCommand => ({
  type: 'RaiseKnelpunt',
  data: { ...raiseData, escalateTo: to },
});
const escalate = (to: EscalationLevel): KnelpuntCommand => ({ type: 'EscalateKnelpunt', data: { knelpuntId, to } });
const resolve: KnelpuntCommand = {
  type: 'ResolveKnelpunt',
  data: { knelpuntId, resolution: 'regiegroep stelt middelen beschikbaar', resolvedAt: '2026-03-05T16:00:00.000Z' },
};

const raised: KnelpuntRaised = { type: 'KnelpuntRaised', data: raiseData };
const escalated = (from: EscalationLevel | null, to: EscalationLevel): KnelpuntEscalated => ({
  type: 'KnelpuntEscalated',
  data: { ...ref, from, to },
});
const resolved: KnelpuntResolved = {
  type: 'KnelpuntResolved',
  data: { ...ref, resolution: 'regiegroep stelt middelen beschikbaar', resolvedAt: '2026-03-05T16:00:00.000Z' },
};

const given = spec(knelpuntDecider).given;

describe('knelpunt', () => {
  it('raises a knelpunt for an action without escalating it', () => {
    given([]).when(raise).then([raised]);
  });

  it('raises and escalates in one go when an escalation level is given', () => {
    given([])
      .when(raiseAndEscalate('regiegroep'))
      .then([raised, escalated(null, 'regiegroep')]);
  });

  it('refuses to raise the same knelpunt twice', () => {
    given([raised]).when(raise).thenThrows(IllegalTransition);
  });

  it.each([
    ['escalate', escalate('kerngroep')],
    ['resolve', resolve],
  ])('refuses to %s a knelpunt that does not exist', (_, command) => {
    given([]).when(command).thenThrows(NotFound, `knelpunt ${knelpuntId} bestaat niet`);
  });

  it('escalates a knelpunt that was not escalated yet', () => {
    given([raised])
      .when(escalate('kerngroep'))
      .then([escalated(null, 'kerngroep')]);
  });

  it('escalates a knelpunt from the kerngroep up to the regiegroep', () => {
    given([raised, escalated(null, 'kerngroep')])
      .when(escalate('regiegroep'))
      .then([escalated('kerngroep', 'regiegroep')]);
  });

  it('refuses to escalate a resolved knelpunt', () => {
    given([raised, resolved])
      .when(escalate('kerngroep'))
      .thenThrows(IllegalTransition, 'een opgelost knelpunt kan niet geëscaleerd worden');
  });

  it('refuses to escalate to the level the knelpunt is already at', () => {
    given([raised, escalated(null, 'kerngroep')])
      .when(escalate('kerngroep'))
      .thenThrows(IllegalTransition);
  });

  it('refuses to escalate again to the level it was raised at', () => {
    given([raised, escalated(null, 'regiegroep')])
      .when(escalate('regiegroep'))
      .thenThrows(IllegalTransition);
  });

  it('refuses to take a knelpunt from the regiegroep back down to the kerngroep', () => {
    given([raised, escalated(null, 'kerngroep'), escalated('kerngroep', 'regiegroep')])
      .when(escalate('kerngroep'))
      .thenThrows(IllegalTransition);
  });

  it('resolves a knelpunt with a resolution', () => {
    given([raised, escalated(null, 'regiegroep')])
      .when(resolve)
      .then([resolved]);
  });

  it('refuses to resolve a knelpunt twice', () => {
    given([raised, resolved]).when(resolve).thenThrows(IllegalTransition, 'het knelpunt is al opgelost');
  });

  it('remembers the level it is escalated to and that it is resolved', () => {
    given([raised, escalated(null, 'kerngroep')])
      .when(resolve)
      .thenState((state) => expect(state).toEqual({ exists: true, knelpuntId, actionCode, escalatedTo: 'kerngroep', resolved: true }));
  });

  it('names its stream after the knelpunt id', () => {
    expect(knelpuntStream(knelpuntId)).toBe(`knelpunt-${knelpuntId}`);
  });
});
