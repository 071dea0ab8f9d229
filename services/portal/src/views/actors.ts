/** The display names of actors by account id, as `GET /api/v1/people/actors` answers them. */
export type ActorNames = Readonly<Record<string, string>>;

/** "C. de Vries, coördinator werkagenda" for an account id; never the id itself ("onbekend" when not named). */
export const actorName = (names: ActorNames, userId: string | undefined | null): string =>
  (userId ? names[userId] : undefined) ?? 'onbekend';
