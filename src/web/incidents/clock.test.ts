import { describe, expect, it } from 'vitest';
import { clockState, elapsedMs, formatElapsed, minutesBetween, responseState } from './clock.ts';

const MIN = 60_000;

describe('response clock', () => {
  it('shows mm:ss under an hour and h:mm from an hour on', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(9 * MIN + 5_000)).toBe('09:05');
    expect(formatElapsed(59 * MIN + 59_999)).toBe('59:59');
    expect(formatElapsed(60 * MIN)).toBe('1:00');
    expect(formatElapsed(2 * 60 * MIN + 7 * MIN + 30_000)).toBe('2:07');
    expect(formatElapsed(-5_000)).toBe('00:00');
  });

  it('is green under 20 minutes, amber up to 30, red beyond', () => {
    expect(clockState(19 * MIN + 59_000)).toBe('ok');
    expect(clockState(20 * MIN)).toBe('warn');
    expect(clockState(30 * MIN)).toBe('warn');
    expect(clockState(30 * MIN + 1_000)).toBe('late');
    expect(responseState(30)).toBe('ok');
    expect(responseState(31)).toBe('late');
  });

  it('counts from the first report, never below zero', () => {
    const now = Date.parse('2025-06-01T10:30:00+07:00');
    expect(elapsedMs('2025-06-01T10:21:00+07:00', now)).toBe(9 * MIN);
    expect(elapsedMs('2025-06-01T10:31:00+07:00', now)).toBe(0);
    expect(elapsedMs('not a date', now)).toBe(0);
    expect(minutesBetween('2025-06-01T10:00:00+07:00', '2025-06-01T10:26:40+07:00')).toBe(26);
    expect(minutesBetween(null, '2025-06-01T10:26:40+07:00')).toBeNull();
  });
});
