import { actionsMessages, actionsReadModel } from '@regie/actions';
import { commitmentsMessages, commitmentsReadModel } from '@regie/commitments';
import { ACTIONS_TOPIC_V1 } from '@regie/contracts-actions';
import { COMMITMENTS_TOPIC_V1 } from '@regie/contracts-commitments';
import { MEETINGS_TOPIC_V1 } from '@regie/contracts-meetings';
import { MONITORING_TOPIC_V1 } from '@regie/contracts-monitoring';
import { meetingsMessages, meetingsReadModel } from '@regie/meetings';
import { monitoringMessages, monitoringReadModel } from '@regie/monitoring';
import type { MessageSources, ReadModelDefinition } from '@regie/read-model';
import { peopleReadModel } from './people/people.context';

/** Every read model of the platform, as the replay, compare and time-travel tools see them. */
export const readModels = (url: string): ReadModelDefinition[] => [
  actionsReadModel(url),
  commitmentsReadModel(url),
  meetingsReadModel(url),
  monitoringReadModel(url),
  peopleReadModel(url),
];

/** Each producing context's mapping of its store events to integration messages. */
export const MESSAGE_SOURCES: MessageSources = {
  [ACTIONS_TOPIC_V1]: actionsMessages,
  [COMMITMENTS_TOPIC_V1]: commitmentsMessages,
  [MEETINGS_TOPIC_V1]: meetingsMessages,
  [MONITORING_TOPIC_V1]: monitoringMessages,
};
