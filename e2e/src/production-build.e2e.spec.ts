import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { testDatabase } from '@regie/test-kit';
import { startPlatformProcess } from './platform-process';

/** `npm run build` then `npm run start:prod`: the compiled platform runs on node_modules alone. */
describe('production build', () => {
  it('builds to dist/ and serves the seeded platform from the compiled code', async () => {
    const root = join(__dirname, '../..');
    execFileSync(process.execPath, ['scripts/build.js'], { cwd: root, stdio: 'pipe' });
    const db = await testDatabase('production_build');
    const platform = await startPlatformProcess({ DATABASE_URL: db.url }, 60_000, ['dist/services/platform/src/main.js']);
    try {
      const actions = (await (await platform.api.fetch(`/api/v1/actions?werkagendaId=betekenisvol-leven-2025-2028`)).json()) as unknown[];
      expect(actions).toHaveLength(12);
    } finally {
      await platform.stop();
      await db.drop();
    }
  });
});
