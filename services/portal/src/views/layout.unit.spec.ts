import { render } from 'preact-render-to-string';
import { Layout } from './layout';

describe('the page shell', () => {
  it('carries the Rijksoverheid logo block of the community components: the lint and the wordmark', () => {
    const page = render(Layout({ title: 'Inloggen', children: 'inhoud' }));
    const logo = /<div class="rhc-logo regie-logo">([\s\S]*?)<\/div>/.exec(page)?.[1] ?? '';
    expect(logo).toContain('<span class="rhc-logo__image" aria-hidden="true"></span>'); // the lint, no copied emblem
    expect(logo).toContain('<span class="rhc-logo__title">Rijksoverheid</span>');
    expect(page).toMatch(/<a class="regie-site-name" href="\/">.*Regie.*Werkagenda langdurige ggz 2025–2028/);
    expect(page).toContain('href="/assets/rhc/design-tokens.css"');
    expect(page).toContain('<html lang="nl" class="rhc-theme">');
  });

  it('shows the confirmation of a write as a status the page can return to', () => {
    const page = render(Layout({ title: 'Actie 2.1', flash: 'Uw voortgangsrapportage is opgeslagen.', children: 'inhoud' }));
    expect(page).toMatch(/<div id="bevestiging" class="[^"]*utrecht-alert--ok[^"]*" role="status"/);
  });
});
