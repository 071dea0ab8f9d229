import type { Request, Response } from 'express';
import type { VNode } from 'preact';
import { parseDutchDate } from '@regie/calendar';
import { ApiError } from '../api/regie-api';
import type { WriteOptions } from '../api/regie-api';
import { setFlash } from '../session/session';
import { type FormErrors, formErrors, KEY_FIELD } from '../views/form-state';
import { redirect, sendPage } from './page';

/** Refusals a user can act on: shown on the form. Anything else is an error page. */
const SHOWN_ON_FORM = new Set([400, 403, 404, 409, 422]);

export interface Submission {
  /** The id of the form on the page. */
  form: string;
  body: Record<string, unknown>;
  /** The API write, with the form's Idempotency-Key. */
  call: (options: WriteOptions) => Promise<unknown>;
  /** Where to go after success, and what to tell the user there. */
  success: { to: string; message: string };
  /** The page again, with this form's errors and the typed values. */
  rerender: (errors: FormErrors) => Promise<VNode>;
  fieldNames?: Record<string, string>;
}

/** Post/redirect/get for one form; a refusal by the service is shown next to the fields it names. */
export async function submit(req: Request, res: Response, s: Submission): Promise<void> {
  const key = s.body[KEY_FIELD];
  try {
    await s.call({ idempotencyKey: typeof key === 'string' && /^[\w-]{8,100}$/.test(key) ? key : undefined });
  } catch (error) {
    if (!(error instanceof ApiError) || !SHOWN_ON_FORM.has(error.status)) throw error;
    const errors = formErrors(s.form, error.problem, s.body, s.fieldNames);
    sendPage(res, await s.rerender(errors), error.status);
    return;
  }
  setFlash(req, res, s.success.message);
  redirect(res, s.success.to);
}

/**
 * A text field of a urlencoded form body, trimmed; absent → undefined (the API then names it). A
 * value that is a day as people type it where a date picker is missing (`31-05-2026`,
 * `31 mei 2026`) goes to the API as the date it means (`2026-05-31`).
 */
export const field = (body: Record<string, unknown>, name: string): string | undefined => {
  const value = body[name];
  if (typeof value !== 'string') return undefined;
  const day = /^\d{1,2}[-/. ]/.test(value.trim()) ? parseDutchDate(value) : undefined;
  return day ?? value.trim();
};

/** An optional field: empty → undefined. */
export const optional = (body: Record<string, unknown>, name: string): string | undefined => field(body, name) || undefined;
