import { defineAggregate } from '@regie/context';
import { type CalendarTokenEvent, calendarTokensStream } from './calendar/calendar-token';
import { calendarTokenDecider } from './calendar/calendar-token.decide';
import { type LocationEvent, locationStream } from './location/location';
import { locationDecider } from './location/location.decide';
import { type MeetingEvent, meetingStream } from './meeting/meeting';
import { meetingDecider } from './meeting/meeting.decide';
import { MEETING_UPCASTERS } from './meeting/meeting.upcasters';
import { type MeetingSeriesEvent, meetingSeriesStream } from './series/meeting-series';
import { meetingSeriesDecider } from './series/meeting-series.decide';

/** The meetings context's aggregates on the command bus: `new Meeting.Command(id, command, ctx)`. */
export const MeetingSeries = defineAggregate({ stream: meetingSeriesStream, decider: meetingSeriesDecider });
export const Meeting = defineAggregate({ stream: meetingStream, decider: meetingDecider, upcasters: MEETING_UPCASTERS });

/** Personal calendar addresses, one stream per user (id = the username). */
export const CalendarTokens = defineAggregate({ stream: calendarTokensStream, decider: calendarTokenDecider });

/** Where a series or meeting meets (id = `series-<id>` or `meeting-<id>`, see locationKey). */
export const Location = defineAggregate({ stream: locationStream, decider: locationDecider });

export const MEETINGS_AGGREGATES = [MeetingSeries, Meeting, CalendarTokens, Location];

/** Every event the meetings context records. */
export type MeetingsDomainEvent = MeetingSeriesEvent | MeetingEvent | CalendarTokenEvent | LocationEvent;
