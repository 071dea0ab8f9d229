import { randomUUID } from 'node:crypto';
import type { Problem } from '../api/regie-api.models';

/** A refused form: the service's problem in the user's words, per field where it names one. */
export interface FormErrors {
  form: string;
  status: number;
  message: string;
  fields: Record<string, string>;
  /** What the user typed, to show it again. */
  values: Record<string, string>;
}

export const NO_RIGHTS = 'U heeft geen rechten voor deze handeling.';

/** The hidden field that carries a form's Idempotency-Key: a double submit records once. */
export const KEY_FIELD = '_sleutel';

/**
 * Turns the API's problem+json into what the form shows: a summary (403 → the Dutch "no rights"
 * sentence) and a message next to each field the service named. `fieldNames` maps the API's
 * field path to the form's input name where they differ.
 */
export function formErrors(
  form: string,
  problem: Problem,
  values: Record<string, unknown>,
  fieldNames: Record<string, string> = {},
): FormErrors {
  const fields: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    const path = error.field.replace(/\.\d+$/, ''); // `actionCodes.1` is the field `actionCodes`
    const name = fieldNames[path] ?? path;
    fields[name] = fields[name] ? `${fields[name]}; ${error.message}` : error.message;
  }
  const message =
    problem.status === 403
      ? problem.detail && !/^forbidden/i.test(problem.detail)
        ? `${NO_RIGHTS} ${capitalise(problem.detail)}`
        : NO_RIGHTS
      : problem.status === 400 && problem.errors?.length
        ? 'Niet alle velden zijn goed ingevuld. Verbeter de gemarkeerde velden.'
        : capitalise(problem.detail ?? problem.title ?? 'De handeling is niet gelukt.');
  const strings = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  return { form, status: problem.status, message, fields, values: strings };
}

const capitalise = (text: string): string => {
  const trimmed = text.trim();
  const sentence = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
};

/** One form on a page: its id, and the errors and values if it was just refused. */
export class FormState {
  readonly key: string;

  constructor(
    readonly id: string,
    private readonly errors?: FormErrors,
  ) {
    this.key = this.active ? (errors?.values[KEY_FIELD] ?? randomUUID()) : randomUUID();
  }

  get active(): boolean {
    return this.errors?.form === this.id;
  }

  /** The summary above the form; a refusal for lack of rights is shown at the top of the page instead. */
  get message(): string | undefined {
    return this.active && this.errors?.status !== 403 ? this.errors?.message : undefined;
  }

  error(name: string): string | undefined {
    return this.active ? this.errors?.fields[name] : undefined;
  }

  value(name: string, fallback = ''): string {
    return this.active ? (this.errors?.values[name] ?? fallback) : fallback;
  }

  /** Field errors for names no input of the form shows (they go in the summary). */
  unshown(shown: string[]): [string, string][] {
    if (!this.active || !this.errors) return [];
    return Object.entries(this.errors.fields).filter(([name]) => !shown.includes(name));
  }

  inputId(name: string): string {
    return `${this.id}-${name.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  }
}
