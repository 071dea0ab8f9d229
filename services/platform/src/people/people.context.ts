import { defineAggregate, defineContext } from '@regie/context';
import { personStream } from './person';
import { personDecider } from './person.decide';
import { DIRECTORY_ENTITIES, DIRECTORY_MIGRATIONS, DIRECTORY_SCHEMA, PeopleProjection, PeopleQueries } from './people.read-model';

/** A person in the directory on the command bus: `new Person.Command(id, command, ctx)`. */
export const Person = defineAggregate({ stream: personStream, decider: personDecider });

/** The people directory: its read model (schema `directory`) and its one aggregate; it publishes no integration events. */
export const peopleContext = defineContext({
  name: DIRECTORY_SCHEMA,
  readModel: {
    entities: DIRECTORY_ENTITIES,
    migrations: DIRECTORY_MIGRATIONS,
    projections: () => [new PeopleProjection()],
    queries: PeopleQueries,
  },
  aggregates: [Person],
});

export const peopleReadModel = peopleContext.definition;
