/** How the evaluation writes dates, instants and scores: as the completion page writes them ("13 July", "60 %"). */
import { localString } from '../time/zones.ts';

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2023-07-13` → `13 July`. */
export function dayMonth(date: string): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${monthNames[month - 1]}`;
}

/** An instant on the program's clocks: `19 July 2023 23:59`. */
export function instantWords(epochMs: number, zone: string): string {
  const local = localString(epochMs, zone);
  const [date, time] = local.split('T') as [string, string];
  return `${dayMonth(date)} ${date.slice(0, 4)} ${time.slice(0, 5)}`;
}

/** `45.5` → `45.5 %`; whole numbers without decimals. */
export function percent(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} %`;
}
