import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, MODULE_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { type CoreAdapters, IdempotencyInterceptor } from '@regie/nest-kit';
import { PortalModule } from '@regie/portal';
import { PlatformModule } from './app.module';

const WRITES = [RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE];

/** Every controller of a module and of what it imports, with the module that declares it. */
function controllersOf(module: Type | DynamicModule, seen = new Set<unknown>()): { controller: Type; module: unknown }[] {
  const type = 'module' in module ? module.module : module;
  if (seen.has(module)) return [];
  seen.add(module);
  const dynamic: Partial<DynamicModule> = 'module' in module ? module : {};
  const declared = [...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, type) as Type[]) ?? []), ...(dynamic.controllers ?? [])];
  const imports = [...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, type) as (Type | DynamicModule)[]) ?? []), ...(dynamic.imports ?? [])];
  return [
    ...declared.map((controller) => ({ controller, module: type })),
    ...imports.filter((i): i is Type | DynamicModule => Boolean(i) && !(i instanceof Promise)).flatMap((i) => controllersOf(i, seen)),
  ];
}

const writesOf = (controller: Type) =>
  Object.getOwnPropertyNames(controller.prototype)
    .map((name) => ({ name, handler: (controller.prototype as Record<string, unknown>)[name] }))
    .filter(({ handler }) => typeof handler === 'function' && WRITES.includes(Reflect.getMetadata(METHOD_METADATA, handler)));

describe('Idempotency-Key on the writes of the API', () => {
  const controllers = controllersOf(PlatformModule.forRoot({} as CoreAdapters));

  it('is honoured by every write of the API, so a retried request records once (@IdempotentWrites on its controller)', () => {
    const api = controllers.filter(({ module }) => module !== PortalModule);
    const writes = api.flatMap(({ controller }) => writesOf(controller).map((write) => ({ ...write, controller: controller.name })));
    expect(writes.length).toBeGreaterThan(50);
    const without = writes.filter(
      ({ handler }) =>
        !((Reflect.getMetadata(INTERCEPTORS_METADATA, handler as object) as unknown[]) ?? []).includes(IdempotencyInterceptor),
    );
    expect(without.map(({ controller, name }) => `${controller}.${name}`)).toEqual([]);
  });
});
