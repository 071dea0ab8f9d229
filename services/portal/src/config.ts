import { z } from 'zod';

/** Configuration of the portal, from the environment, checked at start. */
export interface PortalConfig {
  /**
   * Base URL of the public API the portal calls with the user's token. Unset: the process's own
   * listening port (the embedded default, where the portal and the services share one process).
   */
  apiUrl?: string;
}

export const PORTAL_CONFIG = Symbol('PORTAL_CONFIG');

const schema = z.object({
  REGIE_API_URL: z.url({ protocol: /^https?$/, error: 'verwacht een URL als http://regie-api:3000' }).optional(),
});

export function portalConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PortalConfig {
  const result = schema.safeParse({ REGIE_API_URL: env.REGIE_API_URL || undefined });
  if (!result.success) throw new Error(`Ongeldige configuratie van het portaal:\n  REGIE_API_URL: ${result.error.issues[0].message}`);
  return { apiUrl: result.data.REGIE_API_URL?.replace(/\/+$/, '') };
}
