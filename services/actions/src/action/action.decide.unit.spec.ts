import { IllegalTransition, InvalidInput, NotFound } from '@regie/es-core';
import { spec } from '@regie/es-core/testing';
import { ActionDefined, ActionHolder, ActionHolderAssigned, ProgressReported, REMEMBERED_REPORTS, actionStream } from './action';
import { AssignActionHolder, DefineAction, ReportProgress, actionDecider } from './action.decide';

const holder: ActionHolder = { parties: ['VWS'], description: 'VWS heeft de regie' };
const newHolder: ActionHolder = { parties: ['VNG', 'ZN'], description: 'gemeenten en zorgverzekeraars samen' };

const define: DefineAction = {
  type: 'DefineAction',
  data: {
    werkagendaId: 'betekenisvol-leven-2025-2028',
    code: '2.1',
    actionLine: 2,
    title: 'Passende woonvormen',
    actionHolder: holder,
    startActivities: ['inventarisatie woonbehoefte'],
  },
};
const defined: ActionDefined = { type: 'ActionDefined', data: define.data };

const assign = (actionHolder: ActionHolder): AssignActionHolder => ({
  type: 'AssignActionHolder',
  data: { code: '2.1', actionHolder },
});
const assigned: ActionHolderAssigned = { type: 'ActionHolderAssigned', data: { code: '2.1', actionHolder: newHolder } };

const reportData = {
  code: '2.1',
  reportId: 'report-2026-q1',
  rag: 'oranje' as const,
  summary: 'vertraging door capaciteit',
  reportedAt: '2026-03-28T10:15:00.000Z',
};
const report: ReportProgress = { type: 'ReportProgress', data: reportData };
const reported: ProgressReported = { type: 'ProgressReported', data: reportData };

const given = spec(actionDecider).given;

describe('action', () => {
  it('defines an action with its holder and start activities', () => {
    given([]).when(define).then([defined]);
  });

  it('refuses to define the same action twice', () => {
    given([defined]).when(define).thenThrows(IllegalTransition);
  });

  it('assigns a new action holder', () => {
    given([defined]).when(assign(newHolder)).then([assigned]);
  });

  it('assigns a named actiehouder (sealed), and records nothing when the same person is assigned again', () => {
    const person = { subject: '0196a4a2-7c1e-7000-8000-0000000000f1', alg: 'A256GCM' as const, iv: 'aXY', ciphertext: 'Y3Q', tag: 'dGFn' };
    const named = { ...holder, person };
    given([defined])
      .when(assign(named))
      .then([{ type: 'ActionHolderAssigned', data: { code: '2.1', actionHolder: named } }]);
    given([defined, { type: 'ActionHolderAssigned', data: { code: '2.1', actionHolder: named } }])
      .when(assign({ ...named, person: { ...person } }))
      .then([]);
  });

  it('records nothing when the holder assigned is the current one', () => {
    given([defined, assigned])
      .when(assign({ ...newHolder, parties: [...newHolder.parties] }))
      .then([]);
  });

  it('records a holder with the same parties in another order as a change', () => {
    const reordered = { ...newHolder, parties: ['ZN', 'VNG'] };
    given([defined, assigned])
      .when(assign(reordered))
      .then([{ type: 'ActionHolderAssigned', data: { code: '2.1', actionHolder: reordered } }]);
  });

  it('refuses to assign a holder to an action that does not exist', () => {
    given([]).when(assign(newHolder)).thenThrows(NotFound, 'actie 2.1 bestaat niet');
  });

  it('records a progress report with its RAG status', () => {
    given([defined]).when(report).then([reported]);
  });

  it('records a report only once when the same report id arrives again', () => {
    given([defined, reported])
      .when({ ...report, data: { ...reportData, rag: 'rood' } })
      .then([]);
  });

  it('refuses a progress report for an action that does not exist', () => {
    given([]).when(report).thenThrows(NotFound, 'actie 2.1 bestaat niet');
  });

  it('keeps the latest RAG status, holder and the report ids seen', () => {
    const later = { ...reportData, reportId: 'report-2026-q2', rag: 'groen' as const };
    given([defined, reported, assigned])
      .when({ type: 'ReportProgress', data: later })
      .thenState((state) =>
        expect(state).toEqual({
          defined: true,
          code: '2.1',
          title: defined.data.title,
          actionHolder: newHolder,
          actiehouderPersonIds: [],
          startActivities: defined.data.startActivities,
          regions: [],
          lastRag: 'groen',
          reportIds: ['report-2026-q1', 'report-2026-q2'],
        }),
      );
  });

  it('remembers a bounded number of report ids, so its state does not grow with years of reports', () => {
    const reports = Array.from({ length: REMEMBERED_REPORTS + 50 }, (_, i) => ({
      type: 'ProgressReported' as const,
      data: { ...reportData, reportId: `report-${i}` },
    }));
    const latest = reports[reports.length - 1].data;
    given([defined, ...reports])
      .when({ type: 'ReportProgress', data: latest })
      .then([]); // the latest report decided again records nothing
    given([defined, ...reports])
      .when({ type: 'ReportProgress', data: latest })
      .thenState((state) => {
        expect(state.reportIds).toHaveLength(REMEMBERED_REPORTS);
        expect(state.reportIds[state.reportIds.length - 1]).toBe(latest.reportId);
      });
  });

  it('names its stream after the action code', () => {
    expect(actionStream('2.1')).toBe('action-2.1');
  });

  describe('changes and regions', () => {
    const region = {
      slug: 'zeeland',
      name: 'Zorgkantoorregio Zeeland',
      period: { from: '2025-07-01', to: '2026-05-31' },
      status: 'aangemeld' as const,
    };
    const regionAdded = { type: 'RegionAdded' as const, data: { code: '2.1', region } };

    it('changes the title and actiehouder persons with a reason, and lead parties as the action holder', () => {
      given([defined])
        .when({
          type: 'ChangeAction',
          data: { code: '2.1', title: 'Nieuwe titel', actiehouderPersonIds: ['p-1'], leadParties: ['VNG'], reason: 'besluit kerngroep' },
        })
        .then([
          {
            type: 'ActionChanged',
            data: { code: '2.1', title: 'Nieuwe titel', actiehouderPersonIds: ['p-1'], reason: 'besluit kerngroep' },
          },
          { type: 'ActionHolderAssigned', data: { code: '2.1', actionHolder: { ...defined.data.actionHolder, parties: ['VNG'] } } },
        ]);
    });

    it('records nothing when nothing changes, and wants a reason when something does', () => {
      given([defined])
        .when({ type: 'ChangeAction', data: { code: '2.1', title: defined.data.title } })
        .then([]);
      given([defined])
        .when({ type: 'ChangeAction', data: { code: '2.1', title: 'Anders' } })
        .thenThrows(InvalidInput, /reden/);
    });

    it('adds a region once, and records its status changes', () => {
      given([defined]).when({ type: 'AddRegion', data: regionAdded.data }).then([regionAdded]);
      given([defined, regionAdded]).when({ type: 'AddRegion', data: regionAdded.data }).thenThrows(IllegalTransition);
      const started = { code: '2.1', slug: 'zeeland', status: 'gestart' as const, on: '2025-07-01', note: null };
      given([defined, regionAdded])
        .when({ type: 'ChangeRegionStatus', data: started })
        .then([{ type: 'RegionStatusChanged', data: started }]);
      given([defined, regionAdded])
        .when({ type: 'ChangeRegionStatus', data: { ...started, status: 'aangemeld' } })
        .then([]);
      given([defined]).when({ type: 'ChangeRegionStatus', data: started }).thenThrows(NotFound);
    });

    it('refuses a region whose period ends before it starts', () => {
      given([defined])
        .when({ type: 'AddRegion', data: { code: '2.1', region: { ...region, period: { from: '2026-06-01', to: '2025-07-01' } } } })
        .thenThrows(InvalidInput);
    });
  });
});
