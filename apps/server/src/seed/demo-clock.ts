const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * `daysAgo` days before `now`, at `hour` o'clock in France, give or take an hour (taken as UTC+1): the demo's
 * sessions, comments and versions happen in working hours, whatever the time of the seeding.
 */
export function frenchTimeDaysAgo(now: number, daysAgo: number, hour: number, minutes = 0): number {
  const day = new Date(now - daysAgo * DAY_MS);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour - 1) + minutes * MINUTE_MS;
}
