import { eventStoreContract } from '@regie/es-core/testing';
import { KurrentDbEventStore } from './kurrentdb-event-store';

// Runs only against a real server, e.g. KURRENTDB_URL=kurrentdb://localhost:2113?tls=false
const url = process.env.KURRENTDB_URL;

if (url) {
  eventStoreContract('kurrentdb', async () => {
    const store = await KurrentDbEventStore.open({ connectionString: url });
    return { store, close: () => store.close() };
  });
} else {
  console.warn('KurrentDB contract suite SKIPPED: KURRENTDB_URL is not set (no KurrentDB server can be installed on this machine)');
  describe.skip('EventStore contract: kurrentdb (SKIPPED: KURRENTDB_URL is not set)', () => {
    it('needs a KurrentDB server', () => undefined);
  });
}
