/**
 * Which event types a projection or consumer applies, decided for every type of its union: the
 * argument must name each type once (`true` or `false`) and no other, so adding an event type
 * without deciding what this place does with it fails the typecheck.
 *
 *   export const handles = appliedTypes<ActionsEventV1>({ ActionDefinedV1: true, ProgressReportedV1: false, … });
 */
export function appliedTypes<Event extends { type: string }>(decisions: Record<Event['type'], boolean>): (type: string) => boolean {
  const applied = new Set(Object.keys(decisions).filter((type) => decisions[type as Event['type']]));
  return (type) => applied.has(type);
}
