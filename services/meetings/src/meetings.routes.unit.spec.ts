import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { SCOPE_METADATA, UNSCOPED } from '@regie/nest-kit';
import { MeetingsModule } from './meetings.module';

/** Every write of the meetings context says in which werkagenda it acts, or that it belongs to none. */
describe('meetings routes: scoped per werkagenda', () => {
  const controllers: (new (...args: never[]) => object)[] = Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, MeetingsModule);
  const writes = controllers.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .map((name) => ({ controller, name, handler: (controller.prototype as Record<string, object>)[name] }))
      .filter(
        ({ name, handler }) =>
          name !== 'constructor' && typeof handler === 'function' && Reflect.getMetadata(PATH_METADATA, handler) !== undefined,
      )
      .filter(({ handler }) => ![RequestMethod.GET, RequestMethod.HEAD].includes(Reflect.getMetadata(METHOD_METADATA, handler))),
  );

  it('finds the write routes', () => {
    expect(writes.length).toBeGreaterThanOrEqual(20);
  });

  it.each(writes.map((w) => [`${w.controller.name}.${w.name}`, w] as const))('%s is @ScopedBy or @Unscoped', (_, w) => {
    const scope = Reflect.getMetadata(SCOPE_METADATA, w.handler) ?? Reflect.getMetadata(SCOPE_METADATA, w.controller);
    expect(scope === UNSCOPED || (Array.isArray(scope) && scope.length > 0)).toBe(true);
  });

  it('leaves only the personal calendar addresses unscoped', () => {
    const unscoped = writes.filter(
      (w) => (Reflect.getMetadata(SCOPE_METADATA, w.handler) ?? Reflect.getMetadata(SCOPE_METADATA, w.controller)) === UNSCOPED,
    );
    expect(unscoped.map((w) => `${w.controller.name}.${w.name}`).sort()).toEqual([
      'CalendarTokensController.issue',
      'CalendarTokensController.revoke',
    ]);
  });
});
