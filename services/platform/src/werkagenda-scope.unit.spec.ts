import 'reflect-metadata';
import { type DynamicModule, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ACCESS_METADATA, type CoreAdapters, PUBLIC_ACCESS, SCOPE_METADATA } from '@regie/nest-kit';
import { PlatformModule } from './app.module';

const WRITES = new Set([RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE]);

/** Every controller a module brings, through its imports. */
function controllersOf(module: Type | DynamicModule, seen = new Set<unknown>()): Type[] {
  const cls = 'module' in module ? module.module : module;
  if (seen.has(module)) return [];
  seen.add(module);
  const dynamic = 'module' in module ? module : undefined;
  const controllers: Type[] = [...(Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, cls) ?? []), ...(dynamic?.controllers ?? [])];
  const imports: (Type | DynamicModule)[] = [...(Reflect.getMetadata(MODULE_METADATA.IMPORTS, cls) ?? []), ...(dynamic?.imports ?? [])];
  return [
    ...controllers,
    ...imports.filter((i) => (i && typeof i === 'object') || typeof i === 'function').flatMap((i) => controllersOf(i, seen)),
  ];
}

/**
 * A right is granted per werkagenda: every write of the API either names where its werkagenda
 * comes from (`@ScopedBy`) or says it belongs to none (`@Unscoped`). A write that says neither would
 * let a coordinator of one werkagenda act in every other, so a new route without it fails here.
 */
describe('every write route of the API says which werkagenda it acts in', () => {
  const routes = controllersOf(PlatformModule.forRoot({} as CoreAdapters)).flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    if (!base.startsWith('api/')) return []; // the portal's pages call the API, which checks
    const proto = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(proto)
      .filter((name) => name !== 'constructor' && typeof proto[name] === 'function')
      .flatMap((name) => {
        const handler = proto[name] as object;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined || !WRITES.has(method)) return [];
        const access = Reflect.getMetadata(ACCESS_METADATA, handler) ?? Reflect.getMetadata(ACCESS_METADATA, controller);
        if (access === PUBLIC_ACCESS) return [];
        const scope = Reflect.getMetadata(SCOPE_METADATA, handler) ?? Reflect.getMetadata(SCOPE_METADATA, controller);
        return [
          {
            route: `${RequestMethod[method]} /${base}/${String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')}`,
            scoped: scope !== undefined,
          },
        ];
      });
  });

  it('finds the write routes', () => {
    expect(routes.length).toBeGreaterThan(30);
  });

  it('has no write route without @ScopedBy or @Unscoped', () => {
    expect(routes.filter((r) => !r.scoped).map((r) => r.route)).toEqual([]);
  });
});
