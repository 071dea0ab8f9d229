import { defineAggregate } from '@regie/context';
import { type IndicatorEvent, indicatorStream } from './indicator/indicator';
import { indicatorDecider } from './indicator/indicator.decide';
import { type PublicationEvent, projectionStream } from './projection/publication';
import { publicationDecider } from './projection/publication.decide';

/** The monitoring context's aggregates on the command bus: `new Indicator.Command(id, command, ctx)`. */
export const Indicator = defineAggregate({ stream: indicatorStream, decider: indicatorDecider });
export const Publication = defineAggregate({ stream: projectionStream, decider: publicationDecider });

export const MONITORING_AGGREGATES = [Indicator, Publication];

/** Every event the monitoring context records. */
export type MonitoringDomainEvent = IndicatorEvent | PublicationEvent;
