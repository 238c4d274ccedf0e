const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** "14 Mar 2026, 09:30" in UTC, identical on server and client so hydration never disagrees. */
export function formatDateTime(value: Date | string | number): string {
  return DATE_TIME.format(new Date(value));
}

/** "14 Mar 2026" in UTC. */
export function formatDate(value: Date | string | number): string {
  return DATE.format(new Date(value));
}

/** Rough age such as "3 days" or "5 hours" between `value` and `now`. */
export function age(value: Date | string | number, now: number): string {
  const minutes = Math.max(0, Math.round((now - new Date(value).getTime()) / 60_000));
  if (minutes < 60) return minutes <= 1 ? 'just now' : `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${Math.round(hours / 24)} days`;
}
