import type { ComponentChildren } from 'preact';
import type { PortalContext } from '../../../session/session';
import type { FormErrors, FormState } from '../../form-state';
import { Layout } from '../../layout';

/** The parts of the beheer section, each shown to who may use it. */
export function beheerParts(p: PortalContext): [string, string, string][] {
  const parts: [string, string, string][] = [['werkagendas', 'Werkagenda’s', '/beheer']];
  if (p.rights.beheer.people) parts.push(['personen', 'Personen', '/beheer/personen']);
  if (p.rights.beheer.accounts) parts.push(['accounts', 'Accounts', '/beheer/accounts']);
  if (p.rights.beheer.indicators) parts.push(['indicatoren', 'Indicatoren', '/beheer/indicatoren']);
  if (p.rights.beheer.meetings) parts.push(['overlegvormen', 'Overlegvormen', '/beheer/overlegvormen']);
  return parts;
}

/** A page of the beheer section: the portal's layout, with the parts of beheer as a second menu. */
export function BeheerLayout({
  p,
  title,
  part,
  crumbs,
  errors,
  children,
}: {
  p: PortalContext;
  title: string;
  part: string;
  crumbs?: [string, string][];
  errors?: FormErrors;
  children: ComponentChildren;
}) {
  return (
    <Layout title={title} section="beheer" me={p.me} flash={p.flash} crumbs={crumbs} errors={errors}>
      <nav class="regie-subnav" aria-label="Beheer">
        <ul class="regie-figures regie-subnav__list">
          {beheerParts(p).map(([key, label, href]) => (
            <li key={key}>
              <a class="nl-link" href={href} aria-current={key === part ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </Layout>
  );
}

/** Checkboxes in a fieldset with a legend: choose any of the options (no script needed). */
export function CheckboxGroup({
  f,
  name,
  legend,
  options,
  checked,
  description,
}: {
  f: FormState;
  name: string;
  legend: string;
  options: [string, string][];
  checked: string[];
  description?: string;
}) {
  const error = f.error(name);
  const id = f.inputId(name);
  return (
    <fieldset
      class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''} regie-field`}
      aria-describedby={[description ? `${id}-uitleg` : '', error ? `${id}-fout` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {description && (
        <div class="utrecht-form-field-description" id={`${id}-uitleg`}>
          {description}
        </div>
      )}
      {error && (
        <div class="utrecht-form-field-error-message regie-field-error" id={`${id}-fout`}>
          <span class="regie-visually-hidden">Fout: </span>
          {error}
        </div>
      )}
      {options.length === 0 && <p class="nl-paragraph regie-muted">Er is nog niets om uit te kiezen.</p>}
      {options.map(([value, label], n) => (
        <div class="utrecht-form-field utrecht-form-field--checkbox regie-radio" key={value}>
          <input
            class="utrecht-checkbox utrecht-checkbox--html-input"
            type="checkbox"
            id={`${id}-${n}`}
            name={name}
            value={value}
            checked={checked.includes(value)}
          />
          <label class="utrecht-form-label utrecht-form-label--checkbox" for={`${id}-${n}`}>
            {label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
