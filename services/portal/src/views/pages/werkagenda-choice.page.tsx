import { compareCodes } from '@regie/calendar';
import type { WerkagendaEntry } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, H1, P } from '../components';
import { RadioGroup } from '../form';
import { FormState } from '../form-state';
import { Layout } from '../layout';
import { FilterText } from './list-filters';

/** Werkagenda's listed at most on the chooser page; a search narrows them down. */
export const CHOICES_SHOWN = 50;

/** Lower case without accents: "Één" is found by "een". */
const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('nl');

/** The werkagenda's whose name (or id) holds every word of `search`, by name. */
export function matchingWerkagendas(choices: WerkagendaEntry[], search?: string): WerkagendaEntry[] {
  const words = plain(search ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return choices
    .filter((w) => words.every((word) => plain(`${w.title} ${w.id}`).includes(word)))
    .sort((a, b) => compareCodes(a.title, b.title));
}

/**
 * Choosing the werkagenda the pages show, for a user of more werkagenda's than the header's list
 * holds: a search by name (a plain GET form) and the werkagenda's that match, posted as the
 * header's switcher posts.
 */
export function WerkagendaChoicePage({ p, search, returnTo }: { p: PortalContext; search?: string; returnTo: string }) {
  const choice = p.werkagendas!;
  const matches = matchingWerkagendas(choice.choices, search);
  const shown = matches.slice(0, CHOICES_SHOWN);
  const f = new FormState('werkagenda-kiezen'); // the radio buttons' ids; the choice posts as the header's switcher does
  return (
    <Layout title="Werkagenda kiezen" me={p.me} werkagendas={{ ...choice, returnTo }} flash={p.flash}>
      <H1>Werkagenda kiezen</H1>
      <P lead>
        U heeft rechten in {choice.choices.length} werkagenda's. De pagina's tonen nu <strong>{choice.current.title}</strong>.
      </P>
      <form method="get" action="/werkagenda-kiezen" class="regie-inline-form" aria-label="Werkagenda zoeken">
        <input type="hidden" name="terug" value={returnTo} />
        <FilterText name="zoek" label="Zoeken op naam" value={search} type="search" />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          Zoeken
        </button>
      </form>
      {shown.length === 0 ? (
        <P>Geen werkagenda gevonden met ‘{search}’.</P>
      ) : (
        <form method="post" action="/werkagenda-kiezen" class="regie-form" aria-label="Werkagenda kiezen">
          <input type="hidden" name="terug" value={returnTo} />
          <RadioGroup
            f={f}
            name="werkagendaId"
            legend={search ? `Werkagenda's met ‘${search}’` : "Uw werkagenda's"}
            options={shown.map((w) => [w.id, w.title])}
            value={shown.some((w) => w.id === choice.current.id) ? choice.current.id : shown[0].id}
            required
          />
          <div class="utrecht-button-group regie-form__actions">
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              Wisselen
            </button>
          </div>
        </form>
      )}
      {matches.length > shown.length && (
        <P>
          Hierboven de eerste {shown.length} van {matches.length} werkagenda's{search ? ' die passen bij uw zoekopdracht' : ''}. Zoek op
          (een deel van) de naam om de andere te vinden.
        </P>
      )}
      <P>
        <A href={returnTo}>Terug zonder te wisselen</A>
      </P>
    </Layout>
  );
}
