import type { ComponentChildren } from 'preact';
import { actionCodeOf } from '@regie/es-core';
import type { Me } from '../api/regie-api.models';
import type { WerkagendaChoice } from '../session/session';
import type { FormErrors } from './form-state';
import { ROLE_LABEL } from './labels';
import { formatDateTime } from './format';

export type Section =
  | 'overzicht'
  | 'werkagenda'
  | 'mijlpalen'
  | 'knelpunten'
  | 'overleggen'
  | 'besluitenlijst'
  | 'actielijst'
  | 'toezeggingen'
  | 'voortgangsrapportage'
  | 'audit'
  | 'beheer'
  | 'inloggen';

export interface LayoutProps {
  title: string;
  /** The main-menu item this page belongs to (aria-current). */
  section?: Section;
  /** Signed-in user; absent on the login and some error pages. */
  me?: Me;
  flash?: string;
  /** Shown as a banner: these screens show the past, read-only. */
  asOf?: { instant: string };
  /** Breadcrumb above the heading: [label, href][]. */
  crumbs?: [string, string][];
  /** A refused form: a 403 is about the user, not a field, so it is said at the top of the page. */
  errors?: FormErrors;
  /** The current werkagenda, named in the title and header, and the others the user may switch to. */
  werkagendas?: WerkagendaChoice;
  children: ComponentChildren;
}

const MENU: [Section, string, string][] = [
  ['overzicht', 'Overzicht', '/'],
  ['werkagenda', 'Werkagenda', '/werkagenda'],
  ['mijlpalen', 'Mijlpalen', '/mijlpalen'],
  ['knelpunten', 'Knelpunten', '/knelpunten'],
  ['overleggen', 'Overleggen', '/overleggen'],
  ['besluitenlijst', 'Besluitenlijst', '/besluitenlijst'],
  ['actielijst', 'Actielijst', '/actielijst'],
  ['toezeggingen', 'Toezeggingen', '/toezeggingen'],
  ['voortgangsrapportage', 'Kwartaalprojectie', '/voortgangsrapportage'],
  ['audit', 'Audit', '/audit'],
  ['beheer', 'Beheer', '/beheer'],
];

/**
 * The roles in words, each once: "directeur (regiegroep)", "actiehouder van actie 2.1". A role the
 * display name already says (local accounts are named after theirs: "Directeur (lokaal account)")
 * is not repeated; empty when the name says it all.
 */
export function userRoles(me: Pick<Me, 'name' | 'roles' | 'actionCodes'>): string {
  const name = me.name.toLocaleLowerCase('nl');
  return me.roles
    .filter((r) => !name.includes(ROLE_LABEL[r].split(' ')[0].toLocaleLowerCase('nl')))
    .map((r) =>
      r === 'actiehouder' && me.actionCodes.length > 0
        ? `actiehouder van actie ${me.actionCodes.map(actionCodeOf).join(', ')}`
        : ROLE_LABEL[r],
    )
    .join(', ');
}

/** The page shell in the Rijkshuisstijl (NL Design System community CSS and tokens). */
export function Layout({ title, section, me, flash, asOf, crumbs, errors, werkagendas, children }: LayoutProps) {
  const menu = MENU.filter(
    ([key]) =>
      (key !== 'audit' || me?.roles.includes('auditor')) &&
      (key !== 'beheer' || me?.roles.includes('beheerder') || me?.roles.includes('coordinator')),
  );
  const current = werkagendas?.current.title;
  return (
    <html lang="nl" class="rhc-theme">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{current && current !== title ? `${title} — ${current} — Regie` : `${title} — Regie`}</title>
        <link rel="stylesheet" href="/assets/rhc/design-tokens.css" />
        <link rel="stylesheet" href="/assets/rhc/components.css" />
        <link rel="stylesheet" href="/assets/portal.css" />
      </head>
      <body class="utrecht-document utrecht-document--surface regie-page">
        <a class="nl-skip-link nl-skip-link--visible-on-focus" href="#inhoud">
          Direct naar de inhoud
        </a>
        <header class="utrecht-page-header regie-header">
          {/* The Rijksoverheid logo block of the community components: the lint hangs from the top, centred,
              with the wordmark beside it. The packages ship no emblem image, so the lint carries none. */}
          <div class="rhc-logo regie-logo">
            <span class="rhc-logo__image" aria-hidden="true" />
            <span class="rhc-logo__caption">
              <span class="rhc-logo__title">Rijksoverheid</span>
            </span>
          </div>
          <div class="utrecht-page-header__content regie-header__content">
            <a class="regie-site-name" href="/">
              <span class="regie-site-name__title">Regie</span>{' '}
              <span class="regie-site-name__subtitle">{current ?? 'Werkagenda langdurige ggz 2025–2028'}</span>
            </a>
            {me && (
              <div class="regie-user">
                <p class="nl-paragraph">
                  Ingelogd als <strong>{me.name}</strong>
                  {userRoles(me) && `, ${userRoles(me)}`}
                </p>
                <form method="post" action="/uitloggen">
                  <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                    Uitloggen
                  </button>
                </form>
              </div>
            )}
            {me && werkagendas && <WerkagendaSwitcher choice={werkagendas} />}
          </div>
        </header>
        {me && (
          <nav class="rhc-nav-bar__container regie-nav" aria-label="Hoofdmenu">
            {/* A phone gets the menu folded behind a button (<details>: no script needed); a wider screen the bar. Only one is displayed. */}
            <details class="regie-nav__fold">
              <summary class="regie-nav__toggle">Menu</summary>
              <MenuList menu={menu} section={section} />
            </details>
            <div class="regie-nav__bar">
              <MenuList menu={menu} section={section} />
            </div>
          </nav>
        )}
        <main id="inhoud" class="utrecht-page-body" tabIndex={-1}>
          <div class="utrecht-page-body__content">
            {crumbs && crumbs.length > 0 && (
              <nav class="utrecht-breadcrumb-nav regie-crumbs" aria-label="Kruimelpad">
                <ol>
                  {crumbs.map(([label, href]) => (
                    <li key={href}>
                      <a class="nl-link" href={href}>
                        {label}
                      </a>
                    </li>
                  ))}
                </ol>
              </nav>
            )}
            {asOf && (
              <div class="utrecht-alert utrecht-alert--warning regie-alert" role="status">
                <div class="utrecht-alert__content">
                  <p class="nl-paragraph">
                    U bekijkt de situatie zoals die was op <strong>{formatDateTime(asOf.instant)}</strong>. Deze weergave is alleen-lezen.{' '}
                    <a class="nl-link" href="?">
                      Naar de situatie van nu
                    </a>
                  </p>
                </div>
              </div>
            )}
            {errors?.status === 403 && (
              <div class="utrecht-alert utrecht-alert--error regie-alert" role="alert">
                <div class="utrecht-alert__content">
                  <p class="nl-paragraph regie-alert__title">{errors.message}</p>
                </div>
              </div>
            )}
            {flash && (
              // A write returns to #bevestiging where it can, so this banner is in view after the redirect.
              <div id="bevestiging" class="utrecht-alert utrecht-alert--ok regie-alert" role="status" tabIndex={-1}>
                <div class="utrecht-alert__content">
                  <p class="nl-paragraph">{flash}</p>
                </div>
              </div>
            )}
            {children}
          </div>
        </main>
        <footer class="utrecht-page-footer rhc-page-footer rhc-page-footer--primary-filled regie-footer">
          <div class="rhc-page-footer__content">
            {werkagendas ? (
              <p class="nl-paragraph">
                Regie — de regiecyclus van <em>{werkagendas.current.title}</em>.
              </p>
            ) : (
              <p class="nl-paragraph">
                Regie — de regiecyclus van de werkagenda <em>Een betekenisvol leven met een langdurige psychische aandoening</em> (VWS, ZN,
                VNG, de Nederlandse ggz, Valente en MIND).
              </p>
            )}
          </div>
        </footer>
      </body>
    </html>
  );
}

function MenuList({ menu, section }: { menu: typeof MENU; section?: Section }) {
  return (
    <div class="rhc-nav-bar">
      <ul class="rhc-nav-bar__list">
        {menu.map(([key, label, href]) => (
          <li key={key}>
            <a class="rhc-nav-bar__link nl-link" href={href} aria-current={key === section ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Werkagenda's the header lists at most; beyond, it links to the page that chooses among them. */
export const SWITCHER_OPTIONS = 12;

/**
 * Which werkagenda the pages show: a plain form (no script), or only its name when the user has
 * one; with more than the header can list (an auditor of a ministry's every werkagenda), its name
 * and a link to a page to search and choose. Choosing another returns to the same section.
 */
export function WerkagendaSwitcher({ choice }: { choice: WerkagendaChoice }) {
  if (choice.choices.length < 2)
    return (
      <p class="nl-paragraph regie-switcher">
        Werkagenda: <strong>{choice.current.title}</strong>
      </p>
    );
  if (choice.choices.length > SWITCHER_OPTIONS)
    return (
      <p class="nl-paragraph regie-switcher">
        Werkagenda: <strong>{choice.current.title}</strong>{' '}
        <a class="nl-link" href={`/werkagenda-kiezen?terug=${encodeURIComponent(choice.returnTo)}`}>
          Andere werkagenda kiezen
        </a>
      </p>
    );
  return (
    <form method="post" action="/werkagenda-kiezen" class="regie-switcher">
      <input type="hidden" name="terug" value={choice.returnTo} />
      <label class="utrecht-form-label" for="werkagenda-keuze">
        Werkagenda
      </label>
      <select class="utrecht-select utrecht-select--html-select" id="werkagenda-keuze" name="werkagendaId">
        {choice.choices.map((w) => (
          <option key={w.id} value={w.id} selected={w.id === choice.current.id}>
            {w.title}
          </option>
        ))}
      </select>
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
        Wisselen
      </button>
    </form>
  );
}
