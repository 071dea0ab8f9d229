import type { Request, Response } from 'express';
import type { VNode } from 'preact';
import { BeheerApi, type PartyInput } from '../api/beheer-api';
import { ApiError, type WriteOptions } from '../api/regie-api';
import type { PortalContext } from '../session/session';
import type { FormErrors } from '../views/form-state';
import { field, optional, submit } from './forms';

export type Body = Record<string, unknown>;

export const beheerApi = (p: PortalContext): BeheerApi => new BeheerApi(p.api);

/** One beheer form: post it, on success back to `to#bevestiging` with `message`, on refusal the page with the errors. */
export function write(
  req: Request,
  res: Response,
  s: {
    form: string;
    body: Body;
    call: (options: WriteOptions) => Promise<unknown>;
    to: string;
    /** Said after success; a function when it depends on the API's answer. */
    message: string | (() => string);
    page: (errors: FormErrors) => Promise<VNode>;
    fieldNames?: Record<string, string>;
  },
): Promise<void> {
  return submit(req, res, {
    form: s.form,
    body: s.body,
    call: async (options) => {
      try {
        return await s.call(options);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const { detail, errors } = error.problem;
        throw new ApiError(error.status, {
          ...error.problem,
          detail: detail && plainCodes(detail),
          errors: errors?.map((e) => ({ ...e, message: plainCodes(e.message) })),
        });
      }
    },
    success: {
      to: `${s.to}#bevestiging`,
      // Read after the call (submit sets the flash then), so it may tell what the API answered.
      get message() {
        return typeof s.message === 'function' ? s.message() : s.message;
      },
    },
    rerender: s.page,
    fieldNames: s.fieldNames,
  });
}

/** An action's key in a message ("actie-plan-2027:1.1") as people read it: its code ("1.1"). */
export const plainCodes = (text: string): string => text.replace(/\b[a-z0-9]+(?:-[a-z0-9]+)+:(\d+(?:\.\d+)*)\b/g, '$1');

/** The values of a field that may be repeated (checkboxes): always a list of non-empty strings. */
export function many(body: Body, name: string): string[] {
  const value = body[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

/** A textarea's lines, each trimmed, empty ones left out. */
export const lines = (body: Body, name: string): string[] =>
  (typeof body[name] === 'string' ? (body[name] as string) : '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** A comma- or space-separated list ("1.1, 1.2"). */
export const list = (body: Body, name: string): string[] =>
  (field(body, name) ?? '')
    .split(/[\s,;]+/)
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * A number as typed (a Dutch decimal comma too); empty → undefined. What is not a number is sent
 * as typed, so the API names the field in its own words.
 */
export function numberOf(body: Body, name: string): number | string | undefined {
  const value = optional(body, name);
  if (value === undefined) return undefined;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : value;
}

/** Field paths of the API mapped onto the inputs of a form: `parties.3.role` → `role`. */
export function indexedFieldNames(prefix: string, fields: Record<string, string>, count = 50): Record<string, string> {
  const names: Record<string, string> = {};
  for (let n = 0; n < count; n++)
    for (const [path, input] of Object.entries(fields)) names[`${prefix}.${n}${path ? `.${path}` : ''}`] = input;
  return names;
}

/** The party as the form says it; `code` is given for a party already there. */
export function partyOf(body: Body, code?: string): PartyInput {
  const ba = field(body, 'ba');
  return {
    code: code ?? field(body, 'code') ?? '',
    name: field(body, 'name') ?? '',
    role: field(body, 'role') as PartyInput['role'],
    memberFrom: optional(body, 'memberFrom') ?? null,
    memberTo: optional(body, 'memberTo') ?? null,
    bestuurlijkeAfspraken:
      ba === 'ja' || ba === 'nee'
        ? {
            participates: ba === 'ja',
            since: optional(body, 'baSince') ?? null,
            sinceText: optional(body, 'baSinceText') ?? null,
            note: optional(body, 'baNote') ?? null,
          }
        : null,
  };
}

/** The party's fields as the API names them, onto the party form's inputs. */
export const PARTY_FIELD_NAMES: Record<string, string> = {
  code: 'code',
  name: 'name',
  role: 'role',
  memberFrom: 'memberFrom',
  memberTo: 'memberTo',
  bestuurlijkeAfspraken: 'ba',
  'bestuurlijkeAfspraken.participates': 'ba',
  'bestuurlijkeAfspraken.since': 'baSince',
  'bestuurlijkeAfspraken.sinceText': 'baSinceText',
  'bestuurlijkeAfspraken.note': 'baNote',
};

/** An existing party as the API takes it back (unchanged parties are sent as they are). */
export const partyInput = (party: PartyInput | (Omit<PartyInput, 'role'> & { role: PartyInput['role'] | null })): PartyInput => ({
  code: party.code,
  name: party.name,
  role: party.role as PartyInput['role'],
  memberFrom: party.memberFrom ?? null,
  memberTo: party.memberTo ?? null,
  bestuurlijkeAfspraken: party.bestuurlijkeAfspraken ?? null,
});
