import type { ComponentChildren } from 'preact';
import { type FormState, KEY_FIELD } from './form-state';

/** Form controls on the NL Design System classes: every control labelled, errors next to their field. */

interface FieldProps {
  f: FormState;
  name: string;
  label: string;
  description?: string;
  required?: boolean;
}

function Field({ f, name, label, description, children, kind }: FieldProps & { children: ComponentChildren; kind: string }) {
  const id = f.inputId(name);
  const error = f.error(name);
  return (
    <div class={`utrecht-form-field utrecht-form-field--${kind}${error ? ' utrecht-form-field--invalid' : ''} regie-field`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      {description && (
        <div class="utrecht-form-field__description utrecht-form-field-description" id={`${id}-uitleg`}>
          {description}
        </div>
      )}
      {error && (
        <div class="utrecht-form-field__error-message utrecht-form-field-error-message regie-field-error" id={`${id}-fout`}>
          <span class="regie-visually-hidden">Fout: </span>
          {error}
        </div>
      )}
      <div class="utrecht-form-field__input">{children}</div>
    </div>
  );
}

const describedBy = (f: FormState, name: string, description?: string) =>
  [description ? `${f.inputId(name)}-uitleg` : '', f.error(name) ? `${f.inputId(name)}-fout` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'date' | 'number' | 'password' | 'datetime-local';
    value?: string;
    autoComplete?: string;
    min?: string;
    max?: string;
  },
) {
  const { f, name, type = 'text', required, description } = props;
  const invalid = Boolean(f.error(name));
  return (
    <Field {...props} kind="text">
      <input
        class={`utrecht-textbox utrecht-textbox--html-input${invalid ? ' utrecht-textbox--invalid' : ''}${type === 'password' ? ' utrecht-textbox--password' : ''}`}
        id={f.inputId(name)}
        name={name}
        type={type as 'text' /* preact's types narrow role by input type; the union is fine here */}
        value={f.value(name, props.value ?? '')}
        required={required}
        aria-required={required ? 'true' : undefined}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(f, name, description)}
        autocomplete={props.autoComplete}
        min={props.min}
        max={props.max}
      />
    </Field>
  );
}

export function TextArea(props: FieldProps & { rows?: number; value?: string }) {
  const { f, name, required, description } = props;
  const invalid = Boolean(f.error(name));
  return (
    <Field {...props} kind="textarea">
      <textarea
        class={`utrecht-textarea utrecht-textarea--html-textarea${invalid ? ' utrecht-textarea--invalid' : ''}`}
        id={f.inputId(name)}
        name={name}
        rows={props.rows ?? 4}
        required={required}
        aria-required={required ? 'true' : undefined}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(f, name, description)}
      >
        {f.value(name, props.value ?? '')}
      </textarea>
    </Field>
  );
}

export function Select(props: FieldProps & { options: [string, string][]; value?: string }) {
  const { f, name, required, description, options } = props;
  const selected = f.value(name, props.value ?? '');
  const invalid = Boolean(f.error(name));
  return (
    <Field {...props} kind="select">
      <select
        class={`utrecht-select utrecht-select--html-select${invalid ? ' utrecht-select--invalid' : ''}`}
        id={f.inputId(name)}
        name={name}
        required={required}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(f, name, description)}
      >
        {options.map(([value, label]) => (
          <option key={value} value={value} selected={value === selected}>
            {label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Radio buttons in a fieldset with a legend. */
export function RadioGroup({
  f,
  name,
  legend,
  options,
  required,
  value,
}: {
  f: FormState;
  name: string;
  legend: string;
  options: [string, ComponentChildren][];
  required?: boolean;
  value?: string;
}) {
  const selected = f.value(name, value ?? '');
  const error = f.error(name);
  return (
    <fieldset
      class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''} regie-field`}
      aria-describedby={error ? `${f.inputId(name)}-fout` : undefined}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {error && (
        <div class="utrecht-form-field-error-message regie-field-error" id={`${f.inputId(name)}-fout`}>
          <span class="regie-visually-hidden">Fout: </span>
          {error}
        </div>
      )}
      {options.map(([optionValue, label]) => {
        const id = `${f.inputId(name)}-${optionValue}`;
        return (
          <div class="utrecht-form-field utrecht-form-field--radio regie-radio" key={optionValue}>
            <input
              class="utrecht-radio-button utrecht-radio-button--html-input"
              type="radio"
              id={id}
              name={name}
              value={optionValue}
              checked={optionValue === selected}
              required={required}
            />
            <label class="utrecht-form-label utrecht-form-label--radio" for={id}>
              {label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/**
 * A form that posts to the portal. On refusal the page is shown again with a summary at the top
 * of the form (the browser scrolls there: the action carries the form's id as fragment).
 */
export function Form({
  f,
  action,
  title,
  submit,
  children,
  fields = [],
  kind = 'primary',
}: {
  f: FormState;
  action: string;
  title?: string;
  submit: string;
  children?: ComponentChildren;
  /** Names of the inputs, so errors on other fields still reach the summary. */
  fields?: string[];
  kind?: 'primary' | 'secondary';
}) {
  const unshown = f.unshown(fields);
  return (
    <form id={f.id} method="post" action={`${action}#${f.id}`} class="regie-form" aria-label={title}>
      {f.message && (
        <div class="utrecht-alert utrecht-alert--error regie-alert" role="alert" id={`${f.id}-fouten`}>
          <div class="utrecht-alert__content">
            <div class="utrecht-alert__message">
              <p class="nl-paragraph regie-alert__title">{f.message}</p>
              {unshown.length > 0 && (
                <ul class="utrecht-unordered-list">
                  {unshown.map(([field, message]) => (
                    <li key={field}>{message}</li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </div>
      )}
      <input type="hidden" name={KEY_FIELD} value={f.key} />
      {children}
      <div class="utrecht-button-group regie-form__actions">
        <button type="submit" class={`utrecht-button utrecht-button--${kind}-action`}>
          {submit}
        </button>
      </div>
    </form>
  );
}

/** A single button that posts (intrekken, afronden, publiceren): a form without fields or landmark. */
export function ButtonForm({
  f,
  action,
  label,
  accessibleLabel,
  kind = 'secondary',
}: {
  f: FormState;
  action: string;
  label: string;
  accessibleLabel?: string;
  kind?: 'primary' | 'secondary';
}) {
  return (
    <form id={f.id} method="post" action={`${action}#${f.id}`} class="regie-button-form">
      {f.message && (
        <div class="utrecht-alert utrecht-alert--error regie-alert" role="alert">
          <div class="utrecht-alert__content">
            <p class="nl-paragraph regie-alert__title">{f.message}</p>
          </div>
        </div>
      )}
      <input type="hidden" name={KEY_FIELD} value={f.key} />
      <button type="submit" class={`utrecht-button utrecht-button--${kind}-action`} aria-label={accessibleLabel}>
        {label}
      </button>
    </form>
  );
}
