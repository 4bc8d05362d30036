// Whole schedules for tests; the service builds programmes a channel at a time as it writes them.
import {
  createScheduler,
  type GuideChannel,
  type Programme,
  type ScheduleOptions,
} from '../../src/domain/schedule/scheduler.js';

/** Every channel's programmes, channel by channel in input order. */
export function scheduleOf(channels: readonly GuideChannel[], opts: ScheduleOptions): Programme[] {
  const scheduler = createScheduler(opts);
  return channels.flatMap((channel) => scheduler.buildChannel(channel));
}

export function channelSchedule(channel: GuideChannel, opts: ScheduleOptions): Programme[] {
  return createScheduler(opts).buildChannel(channel);
}
