/** Twilio's product APIs write dates as ISO 8601 with second precision: 2019-12-16T22:18:37Z. */
export function isoSeconds(time: number | Date = Date.now()): string {
  const iso = (typeof time === 'number' ? new Date(time) : time).toISOString();
  return `${iso.slice(0, 19)}Z`;
}
