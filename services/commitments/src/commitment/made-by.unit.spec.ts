import { renderPersonalText } from '@regie/es-core';
import { looksLikePerson, parseMadeBy } from './made-by';

describe('who made a commitment: function and persons', () => {
  it.each([
    ['Minister voor Langdurige Zorg en Sport (C. Helder)', 'Minister voor Langdurige Zorg en Sport ({0})', ['C. Helder']],
    [
      'Minister voor Langdurige Zorg en Sport (C. Helder) en Staatssecretaris van Volksgezondheid, Welzijn en Sport (M. van Ooijen)',
      'Minister voor Langdurige Zorg en Sport ({0}) en Staatssecretaris van Volksgezondheid, Welzijn en Sport ({1})',
      ['C. Helder', 'M. van Ooijen'],
    ],
    [
      'Staatssecretaris LMZ (ondertekend: V. Maeijer en V.P.G. Karremans)',
      'Staatssecretaris LMZ (ondertekend: {0} en {1})',
      ['V. Maeijer', 'V.P.G. Karremans'],
    ],
    ['Minister van Langdurige Zorg, Jeugd en Sport (LJS)', 'Minister van Langdurige Zorg, Jeugd en Sport (LJS)', []],
    ['Minister van LJS (Voorbeeld, A.)', 'Minister van LJS ({0})', ['Voorbeeld, A.']],
    ['Staatssecretaris van Volksgezondheid, Welzijn en Sport', 'Staatssecretaris van Volksgezondheid, Welzijn en Sport', []],
  ])('reads %s', (madeBy, text, persons) => {
    const parsed = parseMadeBy(madeBy);
    expect(parsed).toEqual({ text, persons });
    expect(renderPersonalText(parsed.text, parsed.persons)).toBe(madeBy);
  });

  it('takes named persons out of the text, or adds them in brackets', () => {
    expect(parseMadeBy('Minister van LJS', ['Jan Jansen'])).toEqual({ text: 'Minister van LJS ({0})', persons: ['Jan Jansen'] });
    expect(parseMadeBy('Jan Jansen, minister', ['Jan Jansen'])).toEqual({ text: '{0}, minister', persons: ['Jan Jansen'] });
  });

  it('does not take an abbreviation or a function for a person', () => {
    expect(looksLikePerson('LJS')).toBe(false);
    expect(looksLikePerson('namens de minister')).toBe(false);
    expect(looksLikePerson('Nicki J.F. Pouw-Verweij')).toBe(true);
  });
});
