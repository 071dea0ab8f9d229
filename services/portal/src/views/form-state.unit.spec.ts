import { FormState, formErrors, KEY_FIELD, NO_RIGHTS } from './form-state';

describe('a refused form', () => {
  it('puts each message of a validation problem next to the field the service named', () => {
    const errors = formErrors(
      'voortgang',
      {
        status: 400,
        title: 'Ongeldige invoer',
        detail: 'Een of meer velden zijn ongeldig.',
        errors: [
          { field: 'summary', message: 'mag niet leeg zijn' },
          { field: 'rag', message: 'kies groen, oranje of rood' },
        ],
      },
      { summary: '  ', rag: 'paars', [KEY_FIELD]: 'k-123456789' },
    );
    const form = new FormState('voortgang', errors);
    expect(form.error('summary')).toBe('mag niet leeg zijn');
    expect(form.error('rag')).toBe('kies groen, oranje of rood');
    expect(form.message).toBe('Niet alle velden zijn goed ingevuld. Verbeter de gemarkeerde velden.');
    expect(form.value('rag')).toBe('paars');
    expect(form.key).toBe('k-123456789'); // the same Idempotency-Key for the corrected retry
  });

  it('says in Dutch that the user has no rights for a 403, and shows a conflict as the service worded it', () => {
    expect(formErrors('f', { status: 403, title: 'Geen toegang' }, {}).message).toBe(NO_RIGHTS);
    expect(formErrors('f', { status: 403, detail: 'alleen de actiehouder van actie 1.1' }, {}).message).toBe(
      `${NO_RIGHTS} Alleen de actiehouder van actie 1.1.`,
    );
    expect(formErrors('f', { status: 409, detail: 'leg eerst vast dat het overleg gehouden is' }, {}).message).toBe(
      'Leg eerst vast dat het overleg gehouden is.',
    );
  });

  it('maps an array element error to its field and keeps errors of other forms on the page away', () => {
    const errors = formErrors(
      'registreren',
      {
        status: 400,
        errors: [
          { field: 'actionCodes.1', message: 'onbekende actie' },
          { field: 'madeAt.date', message: 'verwacht een datum' },
        ],
      },
      {},
    );
    const form = new FormState('registreren', errors);
    expect(form.error('actionCodes')).toBe('onbekende actie');
    expect(form.unshown(['actionCodes'])).toEqual([['madeAt.date', 'verwacht een datum']]);
    const other = new FormState('knelpunt', errors);
    expect(other.active).toBe(false);
    expect(other.error('actionCodes')).toBeUndefined();
    expect(other.key).not.toBe(form.key);
  });
});
