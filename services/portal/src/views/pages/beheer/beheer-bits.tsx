import type { ComponentChildren } from 'preact';

export { A, Alert, Badge, DataList, Disclosure, H1, H2, H3, P, Table } from '../../components';

/** A link that looks like a secondary button (a step to another page, not a write). */
export const ButtonLink = ({ href, children }: { href: string; children: ComponentChildren }) => (
  <p class="nl-paragraph">
    <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={href}>
      {children}
    </a>
  </p>
);
