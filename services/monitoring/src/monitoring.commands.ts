import { defineAggregate } from '@regie/context';
import { indicatorStream } from './indicator/indicator';
import { indicatorDecider } from './indicator/indicator.decide';
import { projectionStream } from './projection/publication';
import { publicationDecider } from './projection/publication.decide';

/** The monitoring context's aggregates on the command bus: `new Indicator.Command(id, command, ctx)`. */
export const Indicator = defineAggregate({ stream: indicatorStream, decider: indicatorDecider });
export const Publication = defineAggregate({ stream: projectionStream, decider: publicationDecider });

export const MONITORING_AGGREGATES = [Indicator, Publication];
