import { defineAggregate } from '@regie/context';
import { type MeetingEvent, meetingStream } from './meeting/meeting';
import { meetingDecider } from './meeting/meeting.decide';
import { MEETING_UPCASTERS } from './meeting/meeting.upcasters';
import { type MeetingSeriesEvent, meetingSeriesStream } from './series/meeting-series';
import { meetingSeriesDecider } from './series/meeting-series.decide';

/** The meetings context's aggregates on the command bus: `new Meeting.Command(id, command, ctx)`. */
export const MeetingSeries = defineAggregate({ stream: meetingSeriesStream, decider: meetingSeriesDecider });
export const Meeting = defineAggregate({ stream: meetingStream, decider: meetingDecider, upcasters: MEETING_UPCASTERS });

export const MEETINGS_AGGREGATES = [MeetingSeries, Meeting];

/** Every event the meetings context records. */
export type MeetingsDomainEvent = MeetingSeriesEvent | MeetingEvent;
