import { EVENT_TYPES } from '../views/event-labels';

/**
 * What a person reads on a screen: text nodes and accessible names (aria-label, title, alt,
 * placeholder). Left out: the head, and blocks marked technical (`regie-technical`: the stored
 * record, one click away for whoever wants it).
 */
export function visibleText(html: string): string {
  const names = [...html.matchAll(/\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g)].map((m) => m[1]);
  const body = html
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<details class="[^"]*regie-technical[^"]*"[^>]*>[\s\S]*?<\/details>/g, '')
    .replace(/<[^>]+>/g, ' ');
  return [body, ...names]
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'");
}

/** What must not reach a person: ISO dates, stream ids like `action-2.1`, English event type names, quarter codes. */
export function developerWords(text: string): string[] {
  const patterns = [
    /\d{4}-\d{2}-\d{2}/g,
    /\b(?:action|milestone|knelpunt|meeting|commitment|projection|indicator|werkagenda)-[\w.-]+/g,
    new RegExp(`\\b(?:${EVENT_TYPES.join('|')})\\b`, 'g'),
    /\b\d{4}-Q[1-4]\b/g,
    // an action's key names its werkagenda: "actieplan-dakloos-wlz-2025:1.1"
    /\b[a-z0-9-]+:(?:0|\d+\.\d+)\b/g,
  ];
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[0]));
}

/**
 * Who did or owns something, as a machine names it: the local accounts' ids (`coordinator`,
 * `director`, `actiehouder-2.1`; "auditor" and "beheerder" are Dutch words too) and uuids (an
 * account, person or meeting id). People are shown by name and role instead.
 */
export function accountIds(text: string): string[] {
  const patterns = [
    /\b(?:coordinator|director)\b/gi,
    /\bactiehouder-[\w.]+/gi,
    /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  ];
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[0]));
}
