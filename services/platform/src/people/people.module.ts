import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ActorNames } from '@regie/nest-kit';
import { peopleContext } from './people.context';
import { PeopleController } from './people.http';
import { PeopleSeeder } from './people.seed';

/** The directory of persons and the display names of actors; hosted by every platform process. */
@Module({
  imports: [CqrsModule],
  controllers: [PeopleController],
  providers: [...peopleContext.providers, PeopleSeeder, ActorNames],
  exports: [PeopleSeeder, ActorNames],
})
export class PeopleModule {}
