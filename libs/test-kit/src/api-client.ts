/** The local accounts' password wherever tests start the platform (`REGIE_LOCAL_PASSWORD`). */
export const TEST_PASSWORD = 'test-wachtwoord';

export interface ApiClient {
  /** `fetch` on the platform as a local account (default: coordinator), logged in once per account. */
  fetch(path: string, init?: RequestInit, as?: string): Promise<Response>;
  /** A bearer token of a local account, from `POST /api/v1/auth/login`. */
  token(username: string): Promise<string>;
}

/** Calls a running platform through its public API, logging in like a user would. */
export function apiClient(baseUrl: string, password = TEST_PASSWORD): ApiClient {
  const tokens = new Map<string, Promise<string>>();
  const token = (username: string) => {
    let pending = tokens.get(username);
    if (!pending) {
      pending = login(baseUrl, username, password);
      pending.catch(() => tokens.delete(username));
      tokens.set(username, pending);
    }
    return pending;
  };
  return {
    token,
    fetch: async (path, init = {}, as = 'coordinator') => {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer ${await token(as)}`);
      return fetch(`${baseUrl}${path}`, { ...init, headers });
    },
  };
}

async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login as ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
