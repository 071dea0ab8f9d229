import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PORTAL_FORMS } from './form-inventory';
import { postedForms } from './posted-forms';

const key = (f: { view: string; action: string }) => `${f.view} ${f.action}`;

describe('the inventory of the portal’s forms (submitted without JavaScript by the e2e journey)', () => {
  it('lists every form that posts in the views, and nothing that is no longer there', () => {
    const inViews = postedForms().map(key).sort();
    const listed = PORTAL_FORMS.map(key).sort();
    expect({ missingFromInventory: inViews.filter((k) => !listed.includes(k)), gone: listed.filter((k) => !inViews.includes(k)) }).toEqual({
      missingFromInventory: [],
      gone: [],
    });
  });

  it('lists each form once', () => {
    const keys = PORTAL_FORMS.map(key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('finds a new form in a view, whether a Form, a ButtonForm or a plain posting <form>, and leaves filters out', () => {
    const root = mkdtempSync(join(tmpdir(), 'views-'));
    mkdirSync(join(root, 'pages'));
    writeFileSync(
      join(root, 'pages', 'new.page.tsx'),
      [
        '<Form f={f} action={`${base}/nieuw`} title="Nieuw" submit="Opslaan" />',
        '<ButtonForm f={g} action="/weg" label="Weg" />',
        '<form method="post" action="/direct">',
        '<form method="get" action="/zoeken">',
      ].join('\n'),
    );
    expect(postedForms(root)).toEqual([
      { view: 'pages/new.page.tsx', action: '{`${base}/nieuw`}' },
      { view: 'pages/new.page.tsx', action: '"/weg"' },
      { view: 'pages/new.page.tsx', action: '"/direct"' },
    ]);
  });

  it('gives every form a confirmation in words, to find on the page after a valid submission', () => {
    const withoutConfirmation = PORTAL_FORMS.filter((f) => !/\p{L}/u.test(f.confirm)).map(key);
    expect(withoutConfirmation).toEqual([]);
  });
});
