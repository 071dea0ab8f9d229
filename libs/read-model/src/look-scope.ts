import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who is still reading a time-travel look. TimeTravel brings a look's schema forward in place for
 * the next, later moment (a day's events instead of a copy of the whole read model), which is only
 * safe once nobody reads the earlier moment from it any more. A caller that hands its DataSource
 * to queries cannot say when it is done, so the looks are held by a scope instead: one HTTP
 * request (`holdLooksPerRequest`), or any piece of work (`holdingLooks`). A look taken outside
 * every scope has readers nobody knows of and is never changed.
 */
const scopes = new AsyncLocalStorage<(() => void)[]>();

/** Runs `work` with every look it takes held until it settles. */
export async function holdingLooks<T>(work: () => Promise<T>): Promise<T> {
  const releases: (() => void)[] = [];
  try {
    return await scopes.run(releases, work);
  } finally {
    for (const release of releases.splice(0)) release();
  }
}

/**
 * Express-style middleware: the looks a request takes are held until its response is done or its
 * connection closed. Looks are taken for `?asOf` only; a request without it runs outside every
 * scope (a scope costs each request an async context and a listener), and should it take a look
 * after all, that look is never changed (see above): still correct, only not brought forward.
 */
export function holdLooksPerRequest(
  req: { url?: string },
  res: { once(event: 'close', listener: () => void): unknown },
  next: () => void,
): void {
  if (!req.url?.includes('asOf=')) return next();
  void holdingLooks(
    () =>
      new Promise<void>((closed) => {
        res.once('close', () => closed());
        next();
      }),
  );
}

/** Hands `release` to the scope the caller runs in, to call when it ends; false outside every scope. */
export function holdInScope(release: () => void): boolean {
  const releases = scopes.getStore();
  releases?.push(release);
  return releases !== undefined;
}
