import { Injectable } from '@nestjs/common';
import { type Command, CommandBus } from '@nestjs/cqrs';
import { ReadModel } from './read-model';

/**
 * Sends a command on the bus and waits until the context's read model includes what it
 * recorded (read-your-writes). The answer's type follows from the command's class.
 */
@Injectable()
export class Commands {
  constructor(
    private readonly bus: CommandBus,
    private readonly readModel: ReadModel<unknown>,
  ) {}

  async run<R extends { position: number }>(command: Command<R>): Promise<R> {
    const result = await this.bus.execute(command);
    await this.readModel.caughtUpTo(result.position);
    return result;
  }
}
