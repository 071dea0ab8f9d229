/** A pg Pool on the platform database (event store and read models live there in the embedded default). */
export const PLATFORM_POOL = Symbol('PLATFORM_POOL');
/** The PostgreSQL URL for read models. */
export const DATABASE_URL = Symbol('DATABASE_URL');
/** topic → the producing context's mapping of store events to integration messages (time travel, replay). */
export const MESSAGE_SOURCES = Symbol('MESSAGE_SOURCES');
/** When read models bring their time-travel snapshots up to date in the background (false: only at a look). */
export const TIME_TRAVEL_KEEP_UP = Symbol('TIME_TRAVEL_KEEP_UP');
export type TimeTravelKeepUp = { firstAfterMs: number; everyMs: number } | false;
/** A check every request passes once the AuthGuard has let it through (CoreAdapters.admission). */
export const ADMISSION = Symbol('ADMISSION');
