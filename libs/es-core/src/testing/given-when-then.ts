import type { Decider } from '../decider';
import type { DomainEvent } from '../event';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Given/when/then for deciders:
 *   spec(milestoneDecider).given([planned]).when(achieve).then([achieved]);
 *   spec(milestoneDecider).given([planned, cancelled]).when(achieve).thenThrows(IllegalTransition);
 */
export const spec = <Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>) => ({
  given: (history: Event[]) => ({
    when: (command: Command) => {
      const run = () => decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
      return {
        then: (expected: Event[]) => expect(run()).toEqual(expected),
        thenThrows: (errorClass: ErrorClass, message?: string | RegExp) => {
          expect(run).toThrow(errorClass as unknown as new () => Error);
          if (message) expect(run).toThrow(message);
        },
        thenState: (assert: (state: State) => void) =>
          assert(run().reduce(decider.evolve, history.reduce(decider.evolve, decider.initialState()))),
      };
    },
  }),
});
