/**
 * The response clock of the board: time since the first report, against the 30-minute target.
 * Green under 20 minutes, amber from 20 to 30, red beyond; once someone is on scene the response time
 * is shown instead, green if within the target.
 */
import { RESPONSE_TARGET_MINUTES } from '../../domain/incidents/codes.ts';

/** From this many minutes the clock turns amber (the target itself turns it red). */
export const WARN_MINUTES = 20;

export type ClockState = 'ok' | 'warn' | 'late';

const MINUTE = 60_000;

/** Milliseconds since `since` (never negative: a clock a little ahead of ours reads 00:00). */
export function elapsedMs(since: string, now: number): number {
  const t = Date.parse(since);
  return Number.isNaN(t) ? 0 : Math.max(0, now - t);
}

/** "mm:ss" under an hour, "h:mm" from an hour on. */
export function formatElapsed(ms: number): string {
  const totalSeconds = Math.floor(Math.max(0, ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours === 0) return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return `${hours}:${String(minutes).padStart(2, '0')}`;
}

/** The colour of a running clock. */
export function clockState(ms: number, target = RESPONSE_TARGET_MINUTES): ClockState {
  if (ms < WARN_MINUTES * MINUTE) return 'ok';
  if (ms <= target * MINUTE) return 'warn';
  return 'late';
}

/** The colour of a response time, once someone is on scene. */
export function responseState(minutes: number, target = RESPONSE_TARGET_MINUTES): ClockState {
  return minutes <= target ? 'ok' : 'late';
}

/** Whole minutes between two instants (for the timeline's "+12 phút"), null if either is missing. */
export function minutesBetween(
  from: string | null | undefined,
  to: string | null | undefined,
): number | null {
  if (!from || !to) return null;
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.max(0, Math.floor((b - a) / MINUTE));
}
