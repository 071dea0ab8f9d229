import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The portal's views: every form a user can submit is written there. */
export const VIEWS = join(__dirname, '../../../services/portal/src/views');

/** A form as its view writes it: the file (under views/) and its `action` attribute as source text. */
export interface FormSource {
  view: string;
  action: string;
}

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx$/.test(e.name) && !e.name.includes('.spec.') ? [join(dir, e.name)] : [],
  );

/** The text of a JSX attribute value that starts at `from`: "…" or {…} with its nested braces. */
function attributeValue(source: string, from: number): string {
  if (source[from] === '"') return source.slice(from, source.indexOf('"', from + 1) + 1);
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    if (source[i] === '{') depth++;
    if (source[i] === '}' && --depth === 0) return source.slice(from, i + 1);
  }
  throw new Error(`unbalanced attribute at ${from}`);
}

/**
 * Every form that posts, found in the view sources: the Form and ButtonForm components (always
 * method="post") and plain <form method="post">. Filters (method="get") change nothing and are left out.
 */
export function postedForms(root = VIEWS): FormSource[] {
  const found: FormSource[] = [];
  for (const file of files(root)) {
    const source = readFileSync(file, 'utf8');
    for (const opening of source.matchAll(/<(Form|ButtonForm)\b|<form\b[^>]*method="post"/g)) {
      const start = opening.index ?? 0;
      const action = source.indexOf('action=', start);
      if (action < 0) throw new Error(`${file}: a form without an action`);
      const view = relative(root, file);
      if (view === 'form.tsx') continue; // the components themselves
      found.push({ view, action: attributeValue(source, action + 'action='.length) });
    }
  }
  return found;
}
