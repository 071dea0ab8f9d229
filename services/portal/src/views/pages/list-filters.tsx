import type { ComponentChildren } from 'preact';

/** A GET form of several filters on one line (besluitenlijst, actielijst): every control labelled. */
export function FilterForm({
  action,
  label,
  children,
  asOf,
}: {
  action: string;
  label: string;
  children: ComponentChildren;
  asOf?: { input: string };
}) {
  return (
    <form method="get" action={action} class="regie-inline-form regie-filters" aria-label={label}>
      {children}
      {asOf && <input type="hidden" name="peildatum" value={asOf.input} />}
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
        Tonen
      </button>
    </form>
  );
}

export function FilterSelect({
  name,
  label,
  allLabel,
  options,
  selected,
}: {
  name: string;
  label: string;
  allLabel: string;
  options: Record<string, string>;
  selected?: string;
}) {
  const id = `filter-${name}`;
  return (
    <div class="utrecht-form-field utrecht-form-field--select">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      <div class="utrecht-form-field__input">
        <select class="utrecht-select utrecht-select--html-select" id={id} name={name}>
          <option value="">{allLabel}</option>
          {Object.entries(options).map(([value, text]) => (
            <option key={value} value={value} selected={value === selected}>
              {text}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function FilterText({
  name,
  label,
  value,
  type = 'text',
}: {
  name: string;
  label: string;
  value?: string;
  type?: 'text' | 'date' | 'search';
}) {
  const id = `filter-${name}`;
  return (
    <div class="utrecht-form-field utrecht-form-field--text">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      <div class="utrecht-form-field__input">
        <input
          class="utrecht-textbox utrecht-textbox--html-input"
          id={id}
          name={name}
          type={type as 'text' /* preact narrows by input type; the union is fine here */}
          value={value ?? ''}
        />
      </div>
    </div>
  );
}

/** The query string of the filters that are set (for the CSV link and links that keep them). */
export const queryOf = (filters: Record<string, string | undefined>): string => {
  const set = Object.entries(filters).filter(([, v]) => v) as [string, string][];
  return set.length ? `?${new URLSearchParams(set).toString()}` : '';
};
