import type { PortalContext } from '../session/session';

/** Above a page's heading: the werkagenda the page is of ("Passende zorg voor dakloze mensen met een Wlz-indicatie"). */
export function WerkagendaPreHeading({ p }: { p: Pick<PortalContext, 'werkagendas'> }) {
  if (!p.werkagendas) return null;
  return <p class="utrecht-pre-heading regie-pre-heading">{p.werkagendas.current.title}</p>;
}
