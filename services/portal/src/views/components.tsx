import type { ComponentChildren } from 'preact';
import type { Rag } from '../api/regie-api.models';
import { RAG_LABEL } from './labels';

/** Small building blocks on the NL Design System classes, so pages read as content. */

export const H1 = ({ children }: { children: ComponentChildren }) => <h1 class="nl-heading nl-heading--level-1">{children}</h1>;
export const H2 = ({ children, id }: { children: ComponentChildren; id?: string }) => (
  <h2 class="nl-heading nl-heading--level-2" id={id}>
    {children}
  </h2>
);
export const H3 = ({ children, id }: { children: ComponentChildren; id?: string }) => (
  <h3 class="nl-heading nl-heading--level-3" id={id}>
    {children}
  </h3>
);
export const P = ({ children, lead }: { children: ComponentChildren; lead?: boolean }) => (
  <p class={lead ? 'nl-paragraph nl-paragraph--lead' : 'nl-paragraph'}>{children}</p>
);
export const A = ({ href, children, label }: { href: string; children: ComponentChildren; label?: string }) => (
  <a class="nl-link" href={href} aria-label={label}>
    {children}
  </a>
);

/** RAG as a word and a shape, never by colour alone. */
export function RagBadge({ rag }: { rag: Rag | 'grijs' | null }) {
  if (!rag) return <span class="regie-badge regie-badge--none">Nog niet gerapporteerd</span>;
  return (
    <span class={`regie-badge regie-rag regie-rag--${rag}`}>
      <span class="regie-rag__shape" aria-hidden="true" />
      {RAG_LABEL[rag]}
    </span>
  );
}

/** A status word in a badge; `tone` only adds emphasis (the word carries the meaning). */
export function Badge({ children, tone = 'neutral' }: { children: ComponentChildren; tone?: 'neutral' | 'good' | 'warning' | 'bad' }) {
  return <span class={`regie-badge regie-badge--${tone}`}>{children}</span>;
}

export function Alert({
  kind,
  title,
  children,
  live,
}: {
  kind: 'info' | 'ok' | 'warning' | 'error';
  title?: string;
  children?: ComponentChildren;
  live?: boolean;
}) {
  return (
    <div class={`utrecht-alert utrecht-alert--${kind} regie-alert`} role={live ? (kind === 'error' ? 'alert' : 'status') : undefined}>
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message">
          {title && <p class="nl-paragraph regie-alert__title">{title}</p>}
          {children}
        </div>
      </div>
    </div>
  );
}

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ComponentChildren;
  numeric?: boolean;
}

/**
 * A data table with a caption; `rowClass` marks rows (e.g. overdue), always together with text in a
 * cell. `stacked`: on a phone each row reads as a card, every cell under its column's name, for a
 * table whose cells hold sentences that a column of a third of a phone's width would cut up.
 */
export function Table<Row>({
  caption,
  columns,
  rows,
  empty,
  rowClass,
  rowKey,
  stacked,
}: {
  caption: ComponentChildren;
  columns: Column<Row>[];
  rows: Row[];
  empty: string;
  rowKey: (row: Row) => string;
  rowClass?: (row: Row) => string | undefined;
  stacked?: boolean;
}) {
  if (rows.length === 0) return <P>{empty}</P>;
  // A wide table scrolls inside its own region (WCAG 1.4.10), which a keyboard can reach and a screen reader names.
  return (
    <div
      class="utrecht-table-container regie-table-container table-scroll"
      role="region"
      aria-label={typeof caption === 'string' ? caption : 'Tabel'}
      tabIndex={0}
    >
      <table class={`utrecht-table utrecht-table--html-table regie-table${stacked ? ' regie-table--stacked' : ''}`}>
        <caption class="utrecht-table__caption">{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {columns.map((c) => (
              <th
                key={c.header}
                scope="col"
                class={`utrecht-table__header-cell${c.numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.map((row) => (
            <tr key={rowKey(row)} class={`utrecht-table__row ${rowClass?.(row) ?? ''}`.trim()}>
              {columns.map((c) => (
                <td
                  key={c.header}
                  class={`utrecht-table__cell${c.numeric ? ' utrecht-table__cell--numeric-data' : ''}`}
                  data-label={stacked ? c.header : undefined}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Key/value pairs (a `dl`). */
export function DataList({ items }: { items: [string, ComponentChildren][] }) {
  return (
    <dl class="utrecht-data-list utrecht-data-list--rows regie-data-list">
      {items.map(([key, value]) => (
        <div class="utrecht-data-list__item" key={key}>
          <dt class="utrecht-data-list__item-key">{key}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A disclosure (`details`/`summary`) for secondary content and less frequent forms: no script needed. */
export function Disclosure({ summary, children, open }: { summary: string; children: ComponentChildren; open?: boolean }) {
  return (
    <details class="regie-disclosure" open={open}>
      <summary>{summary}</summary>
      <div class="regie-disclosure__body">{children}</div>
    </details>
  );
}

/** A GET form with one choice list that narrows a list page (keeps the peildatum when one is set). */
export function SelectFilter<Value extends string>({
  action,
  label,
  name,
  fieldLabel,
  allLabel,
  options,
  selected,
  asOf,
}: {
  action: string;
  /** The form's accessible name, e.g. "Toezeggingen filteren". */
  label: string;
  name: string;
  fieldLabel: string;
  allLabel: string;
  options: Record<Value, string>;
  selected: Value | undefined;
  asOf?: { input: string };
}) {
  const id = `filter-${name}`;
  return (
    <form method="get" action={action} class="regie-inline-form" aria-label={label}>
      <div class="utrecht-form-field utrecht-form-field--select">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for={id}>
            {fieldLabel}
          </label>
        </div>
        <div class="utrecht-form-field__input">
          <select class="utrecht-select utrecht-select--html-select" id={id} name={name}>
            <option value="">{allLabel}</option>
            {(Object.keys(options) as Value[]).map((value) => (
              <option key={value} value={value} selected={value === selected}>
                {options[value]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {asOf && <input type="hidden" name="peildatum" value={asOf.input} />}
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
        Tonen
      </button>
    </form>
  );
}
