import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock, EventStore, newId, PersonalDataVault, stableId } from '@regie/es-core';
import { Person } from './people.context';
import { personStream } from './person';

/**
 * VOORBEELD: the source documents name no civil servants, so these persons are made-up examples
 * ("voorbeeld") to show the directory and display names; replace or forget them in a real
 * installation. They are linked to no account: the accounts context links accounts to persons.
 */
export const PEOPLE_SEED: readonly { key: string; name: string; function: string; organisation: string }[] = [
  // voorbeeld
  { key: 'voorbeeld-coordinator', name: 'C. de Vries', function: 'coördinator werkagenda', organisation: 'VWS' },
  // voorbeeld
  { key: 'voorbeeld-secretaris', name: 'J. Bakker', function: 'secretaris regiegroep', organisation: 'VWS' },
  // voorbeeld
  { key: 'voorbeeld-vng', name: 'M. Jansen', function: 'beleidsadviseur', organisation: 'VNG' },
  // voorbeeld
  { key: 'voorbeeld-zn', name: 'A. Visser', function: 'beleidsadviseur', organisation: 'ZN' },
];

/** Registers the example persons through the command bus, once: a person whose stream exists is left as it is. */
@Injectable()
export class PeopleSeeder {
  private readonly logger = new Logger('seed');

  constructor(
    private readonly commands: CommandBus,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly vault: PersonalDataVault,
  ) {}

  async seed(): Promise<{ commands: number }> {
    let commands = 0;
    for (const person of PEOPLE_SEED) {
      const personId = stableId(`person:${person.key}`);
      const [first] = await this.store.readStream(personStream(personId), { maxCount: 1 });
      if (first) continue;
      const now = this.clock.now();
      await this.commands.execute(
        new Person.Command(
          personId,
          {
            type: 'RegisterPerson',
            data: {
              personId,
              name: await this.vault.seal(person.name),
              function: person.function,
              organisation: person.organisation,
              registeredAt: now.toISOString(),
            },
          },
          { actor: { userId: 'seed', role: 'system' }, correlationId: stableId('seed:people'), causationId: newId(), now },
        ),
      );
      commands++;
    }
    if (commands > 0) this.logger.log(`personenregister: ${commands} voorbeeldpersonen`);
    return { commands };
  }
}
