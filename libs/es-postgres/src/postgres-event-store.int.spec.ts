import { eventStoreContract } from '@regie/es-core/testing';
import { testDatabase } from '@regie/test-kit';
import { PostgresEventStore } from './postgres-event-store';

eventStoreContract('postgres', async () => {
  const db = await testDatabase('es_contract');
  const store = await PostgresEventStore.open({ connectionString: db.url, poolSize: 24 });
  return {
    store,
    close: async () => {
      await store.close();
      await db.drop();
    },
  };
});
