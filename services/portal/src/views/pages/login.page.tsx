import { Alert, H1, P } from '../components';
import { FormState } from '../form-state';
import { Layout } from '../layout';

export function LoginPage({
  returnTo,
  notice,
  error,
  username = '',
}: {
  returnTo: string;
  notice?: string;
  error?: string;
  username?: string;
}) {
  const f = new FormState('inloggen');
  return (
    <Layout title="Inloggen" section="inloggen">
      <div class="regie-narrow">
        <H1>Inloggen</H1>
        <P lead>Log in om de werkagenda, de overleggen, de toezeggingen en de voortgang te bekijken en bij te werken.</P>
        {notice && <Alert kind="info" live title={notice} />}
        {error && <Alert kind="error" live title={error} />}
        <form method="post" action="/inloggen" class="regie-form" aria-label="Inloggen">
          <input type="hidden" name="terug" value={returnTo} />
          <div class="utrecht-form-field utrecht-form-field--text regie-field">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for={f.inputId('username')}>
                Gebruikersnaam
              </label>
            </div>
            <div class="utrecht-form-field__input">
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                id={f.inputId('username')}
                name="username"
                type="text"
                value={username}
                autocomplete="username"
                required
                aria-required="true"
              />
            </div>
          </div>
          <div class="utrecht-form-field utrecht-form-field--text regie-field">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for={f.inputId('password')}>
                Wachtwoord
              </label>
            </div>
            <div class="utrecht-form-field__input">
              <input
                class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--password"
                id={f.inputId('password')}
                name="password"
                type="password"
                autocomplete="current-password"
                required
                aria-required="true"
              />
            </div>
          </div>
          <div class="utrecht-button-group regie-form__actions">
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              Inloggen
            </button>
          </div>
        </form>
      </div>
    </Layout>
  );
}
