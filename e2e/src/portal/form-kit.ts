import type { Page } from 'playwright-core';
import type { FormSource } from './posted-forms';

/** Who submits a form: a seeded account, or a visitor who is not logged in. */
export type Submitter = 'coordinator' | 'director' | 'auditor' | 'beheerder' | 'gast';

/** Label → value. A select takes an option's value or label; a checkbox or radio 'ja' ticks it. */
export type Fields = Record<string, string>;

/**
 * One form of the portal, as a user without JavaScript meets it: where it is, a valid submission
 * and what confirms it, and (for a form with required fields) a submission the service refuses
 * with the Dutch message next to the field. `view` and `action` name it as its view writes it.
 */
export interface PortalForm extends FormSource {
  as: Submitter;
  /** A path, or the clicks that reach the page. */
  open: string | ((page: Page) => Promise<void>);
  /** The form on that page (CSS). */
  form: string;
  fill?: Fields;
  /** The Dutch text that must be on screen, in the viewport, after the valid submission. */
  confirm: string;
  invalid?: { fill: Fields; error: string };
}

/** Opens `path` and follows the link named `link` (exactly), as a user finds a meeting or record. */
export const via =
  (path: string, link: string | RegExp) =>
  async (page: Page): Promise<void> => {
    await page.goto(new URL(path, page.url()).toString());
    await page
      .getByRole('link', { name: link, exact: typeof link === 'string' })
      .first()
      .click();
  };
