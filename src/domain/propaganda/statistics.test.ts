/**
 * Sessions worked by hand (period 15/01/2026 – 31/03/2026):
 *   a  10/01  CA      meeting       [officials]                 40   — before the period, left out
 *   b  15/01  CA      meeting       [officials, drivers]        120  materials 200
 *   c  20/02  PC08    mobile_team   [drivers, residents]         80  materials 50
 *   d  03/03  SGDDT   school        [students, parents]         500
 *   e  31/03  PC08    mobile_team   [ethnic_minorities]          60  materials 100
 *   f  01/04  SGDDT   school        [students]                  300  — after the period, left out
 * In the period: 4 sessions, 760 people, 350 materials, 3 units.
 * By unit: PC08 2 / 140, SGDDT 1 / 500, CA 1 / 120 (PC08 first: more sessions; then SGDDT: more people).
 * By channel: meeting 1 / 120, school 1 / 500, mobile_team 2 / 140, the rest 0.
 * By audience: officials 1 / 120, drivers 2 / 200, residents 1 / 80, students 1 / 500, parents 1 / 500,
 *   ethnic_minorities 1 / 60 (6 rows, 1.460 people: a session counts under each of its audiences).
 * By month: 01 1 / 120, 02 1 / 80, 03 2 / 560.
 */
import { describe, expect, it } from 'vitest';
import { AUDIENCES, CHANNELS, isSchoolYear, schoolYearOf } from './codes.ts';
import { monthsBetween, type SessionFacts, summarizeSessions } from './statistics.ts';

const s = (
  heldOn: string,
  orgUnitId: number,
  channel: string,
  audiences: string[],
  participants: number,
  materialsCount: number | null = null,
): SessionFacts => ({
  heldOn,
  orgUnitId,
  orgUnitName: { 1: 'Công an tỉnh', 2: 'Phòng Cảnh sát giao thông', 3: 'Sở Giáo dục và Đào tạo' }[orgUnitId]!,
  channel,
  audiences,
  participants,
  materialsCount,
});

const SESSIONS = [
  s('2026-01-10', 1, 'meeting', ['officials'], 40),
  s('2026-01-15', 1, 'meeting', ['officials', 'drivers'], 120, 200),
  s('2026-02-20', 2, 'mobile_team', ['drivers', 'residents'], 80, 50),
  s('2026-03-03', 3, 'school', ['students', 'parents'], 500),
  s('2026-03-31', 2, 'mobile_team', ['ethnic_minorities'], 60, 100),
  s('2026-04-01', 3, 'school', ['students'], 300),
];

describe('propaganda statistics', () => {
  const r = summarizeSessions(SESSIONS, { from: '2026-01-15', to: '2026-03-31' });

  it('totals count the period only, both ends included', () => {
    expect(r.totals).toEqual({ sessions: 4, participants: 760, materials: 350, units: 3 });
  });

  it('by unit, most sessions first, then most people', () => {
    expect(r.byUnit.map((u) => [u.name, u.sessions, u.participants])).toEqual([
      ['Phòng Cảnh sát giao thông', 2, 140],
      ['Sở Giáo dục và Đào tạo', 1, 500],
      ['Công an tỉnh', 1, 120],
    ]);
  });

  it('by channel: every channel in list order, zeros included; adds up to the total', () => {
    expect(r.byChannel.map((c) => c.code)).toEqual(CHANNELS.map((c) => c.code));
    const got = Object.fromEntries(r.byChannel.map((c) => [c.code, [c.sessions, c.participants]]));
    expect(got).toMatchObject({ meeting: [1, 120], school: [1, 500], mobile_team: [2, 140], radio: [0, 0] });
    expect(r.byChannel.reduce((n, c) => n + c.participants, 0)).toBe(760);
    expect(r.byChannel.find((c) => c.code === 'school')!.label).toBe('Tại trường học');
  });

  it('by audience: a session counts under each of its audiences', () => {
    expect(r.byAudience.map((a) => a.code)).toEqual(AUDIENCES.map((a) => a.code));
    const got = Object.fromEntries(r.byAudience.map((a) => [a.code, [a.sessions, a.participants]]));
    expect(got).toEqual({
      students: [1, 500],
      parents: [1, 500],
      ethnic_minorities: [1, 60],
      drivers: [2, 200],
      commercial_drivers: [0, 0],
      officials: [1, 120],
      workers: [0, 0],
      residents: [1, 80],
    });
    expect(r.byAudience.reduce((n, a) => n + a.participants, 0)).toBe(1460);
  });

  it('by month: every month of the period', () => {
    expect(r.byMonth).toEqual([
      { month: '2026-01', sessions: 1, participants: 120 },
      { month: '2026-02', sessions: 1, participants: 80 },
      { month: '2026-03', sessions: 2, participants: 560 },
    ]);
  });

  it('an empty period gives zeros and its months', () => {
    const empty = summarizeSessions([], { from: '2025-11-20', to: '2026-02-01' });
    expect(empty.totals).toEqual({ sessions: 0, participants: 0, materials: 0, units: 0 });
    expect(empty.byUnit).toEqual([]);
    expect(empty.byMonth.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('months across years and school years', () => {
    expect(monthsBetween('2025-12-31', '2026-01-01')).toEqual(['2025-12', '2026-01']);
    expect(monthsBetween('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    expect(isSchoolYear('2025-2026')).toBe(true);
    expect(isSchoolYear('2025-2027')).toBe(false);
    expect(isSchoolYear('2025/2026')).toBe(false);
    expect(schoolYearOf('2025-09-01')).toBe('2025-2026');
    expect(schoolYearOf('2026-08-31')).toBe('2025-2026');
  });
});
