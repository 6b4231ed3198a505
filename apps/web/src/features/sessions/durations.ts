/** A duration as a clock, "12:05" or "1:02:05" (seconds rounded up while counting down). */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Minutes and seconds of an overrun, for "+2 min 10". */
export function overrunParts(ms: number): { minutes: number; seconds: string } {
  const total = Math.floor(ms / 1000);
  return { minutes: Math.floor(total / 60), seconds: String(total % 60).padStart(2, '0') };
}

/** Whole minutes, e.g. "12 min", in the interface language. */
export function minutesText(minutes: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', maximumFractionDigits: 0 }).format(minutes);
}

/** A `datetime-local` value ("2026-03-05T14:30") as an ISO date with the browser's offset. */
export function localInputToIso(value: string): string {
  const date = new Date(value);
  if (!value || Number.isNaN(date.getTime())) return '';
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${value.length === 16 ? `${value}:00` : value}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** An ISO date as a `datetime-local` value ("2026-03-05T14:30") in the browser's time zone. */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
