/**
 * Black spots along routes by linear referencing (lý trình, Km 12+300 → kmM = 12300).
 *
 * Definition (the fast and the reference implementations agree on it exactly):
 * - Only crashes whose recorded calendar date lies in [window.from, window.to] (inclusive) count.
 * - On each road, every crash at position x opens a window: all crashes with x ≤ kmM ≤ x + segmentMetres.
 *   A window qualifies when classify() gives it a level (black spot or potential).
 * - Qualifying windows that share a crash merge into one candidate; it covers every crash between its first
 *   and last position (fromM … toM) and can therefore be longer than segmentMetres.
 * - The candidate's level is the highest level of its windows; `rule` is the lowest-numbered rule met by any
 *   of its black-spot windows (null for a potential location). Totals are over all crashes of the candidate.
 * - Candidates are ranked by fatal crashes, crashes, deaths, injured (all descending), then road and position.
 *
 * detectLinear runs in O(n log n): one sort, then a two-pointer sweep per road with running counts.
 */
import {
  type BlackSpotCriteria,
  classify,
  classifyTally,
  inWindow,
  type Level,
  levelRank,
  type Tally,
  windowTest,
} from './criteria.ts';

export interface LinearCrash {
  id: number;
  roadId: number;
  /** Position along the road in metres from its origin (Km 12+300 → 12300). */
  kmM: number;
  occurredAt: string;
  deaths: number;
  injured: number;
}

export interface DateWindow {
  /** ISO date, inclusive. */
  from: string;
  /** ISO date, inclusive. */
  to: string;
}

export interface LinearCandidate {
  kind: 'linear';
  roadId: number;
  fromM: number;
  toM: number;
  /** Ascending. */
  crashIds: number[];
  crashes: number;
  deaths: number;
  injured: number;
  fatalCrashes: number;
  level: Level;
  /** Index into criteria.rules, or null for a potential location. */
  rule: number | null;
}

type Criteria = Pick<BlackSpotCriteria, 'rules' | 'potential' | 'segmentMetres'>;

/** Ranking shared by linear and spatial candidates. */
export function compareByHarm(
  a: { fatalCrashes: number; crashes: number; deaths: number; injured: number },
  b: { fatalCrashes: number; crashes: number; deaths: number; injured: number },
): number {
  return (
    b.fatalCrashes - a.fatalCrashes || b.crashes - a.crashes || b.deaths - a.deaths || b.injured - a.injured
  );
}

const compareLinear = (a: LinearCandidate, b: LinearCandidate) =>
  compareByHarm(a, b) || a.roadId - b.roadId || a.fromM - b.fromM;

/** Ascending ids; a native numeric sort of a typed array when the ids allow it. */
export function sortedIds(ids: number[]): number[] {
  if (ids.every((x) => Number.isSafeInteger(x))) return Array.from(Float64Array.from(ids).sort());
  return ids.sort((a, b) => a - b);
}

function candidateOf(members: readonly LinearCrash[], level: Level, rule: number | null): LinearCandidate {
  let deaths = 0;
  let injured = 0;
  let fatalCrashes = 0;
  let fromM = Number.POSITIVE_INFINITY;
  let toM = Number.NEGATIVE_INFINITY;
  const ids: number[] = [];
  for (const c of members) {
    deaths += c.deaths;
    injured += c.injured;
    if (c.deaths > 0) fatalCrashes++;
    if (c.kmM < fromM) fromM = c.kmM;
    if (c.kmM > toM) toM = c.kmM;
    ids.push(c.id);
  }
  return {
    kind: 'linear',
    roadId: members[0]!.roadId,
    fromM,
    toM,
    crashIds: sortedIds(ids),
    crashes: members.length,
    deaths,
    injured,
    fatalCrashes,
    level,
    rule,
  };
}

/**
 * The crashes inside the window, sorted by road then position. The order among crashes at the same position
 * does not change the result. Integer positions (metres) use a native sort of packed keys.
 */
function sortByRoadAndKm(crashes: readonly LinearCrash[], keep: (iso: string) => boolean): LinearCrash[] {
  const byRoad = new Map<number, LinearCrash[]>();
  for (const c of crashes) {
    if (!keep(c.occurredAt) || !Number.isFinite(c.kmM)) continue;
    const list = byRoad.get(c.roadId);
    if (list) list.push(c);
    else byRoad.set(c.roadId, [c]);
  }
  const out: LinearCrash[] = [];
  for (const road of [...byRoad.keys()].sort((a, b) => a - b)) {
    const list = byRoad.get(road)!;
    const m = list.length;
    const packable =
      m < 2 ** 21 && list.every((c) => Number.isInteger(c.kmM) && c.kmM >= 0 && c.kmM < 2 ** 31);
    if (packable) {
      const keys = new Float64Array(m);
      for (let i = 0; i < m; i++) keys[i] = list[i]!.kmM * 2 ** 21 + i;
      keys.sort();
      for (let i = 0; i < m; i++) out.push(list[keys[i]! % 2 ** 21]!);
    } else {
      list.sort((a, b) => a.kmM - b.kmM || a.id - b.id);
      for (const c of list) out.push(c);
    }
  }
  return out;
}

/** Fast detection: O(n log n). */
export function detectLinear(
  crashes: readonly LinearCrash[],
  window: DateWindow,
  criteria: Criteria,
): LinearCandidate[] {
  const L = criteria.segmentMetres;
  const inside = sortByRoadAndKm(crashes, windowTest(window));

  const out: LinearCandidate[] = [];
  const n = inside.length;
  const t: Tally = { crashes: 0, fatalCrashes: 0, injuryCrashes: 0, deaths: 0, injured: 0 };
  const add = (c: LinearCrash, s: 1 | -1) => {
    t.crashes += s;
    if (c.deaths > 0) t.fatalCrashes += s;
    if (c.injured > 0) t.injuryCrashes += s;
    t.deaths += s * c.deaths;
    t.injured += s * c.injured;
  };

  let gs = 0;
  while (gs < n) {
    const road = inside[gs]!.roadId;
    let ge = gs;
    while (ge < n && inside[ge]!.roadId === road) ge++;
    t.crashes = t.fatalCrashes = t.injuryCrashes = t.deaths = t.injured = 0;
    let j = gs;
    // The open candidate: crashes [curStart, curEnd) of the sorted list.
    let curStart = -1;
    let curEnd = -1;
    let curLevel = 0;
    let curRule = Number.POSITIVE_INFINITY;
    const flush = () => {
      if (curStart < 0) return;
      out.push(
        candidateOf(
          inside.slice(curStart, curEnd),
          curLevel === 2 ? 'black_spot' : 'potential',
          curLevel === 2 ? curRule : null,
        ),
      );
      curStart = -1;
    };
    for (let i = gs; i < ge; i++) {
      const limit = inside[i]!.kmM + L;
      while (j < ge && inside[j]!.kmM <= limit) add(inside[j++]!, 1);
      const cls = classifyTally(t, criteria);
      if (cls.level !== null) {
        const lv = levelRank(cls.level);
        if (curStart >= 0 && i < curEnd) {
          curEnd = j;
        } else {
          flush();
          curStart = i;
          curEnd = j;
          curLevel = 0;
          curRule = Number.POSITIVE_INFINITY;
        }
        if (lv > curLevel) curLevel = lv;
        if (cls.rule !== null && cls.rule < curRule) curRule = cls.rule;
      }
      add(inside[i]!, -1);
    }
    flush();
    gs = ge;
  }
  return out.sort(compareLinear);
}

/**
 * Reference implementation, O(n²) per road: for every crash as window start, scan all crashes of the road.
 * Used by the tests to check detectLinear.
 */
export function bruteForceLinear(
  crashes: readonly LinearCrash[],
  window: DateWindow,
  criteria: Criteria,
): LinearCandidate[] {
  const L = criteria.segmentMetres;
  const byRoad = new Map<number, LinearCrash[]>();
  for (const c of crashes) {
    if (!inWindow(c.occurredAt, window) || !Number.isFinite(c.kmM)) continue;
    const list = byRoad.get(c.roadId) ?? [];
    list.push(c);
    byRoad.set(c.roadId, list);
  }
  const out: LinearCandidate[] = [];
  for (const list of byRoad.values()) {
    const windows: { from: number; to: number; level: number; rule: number | null }[] = [];
    for (const start of list) {
      const members = list.filter((d) => d.kmM >= start.kmM && d.kmM <= start.kmM + L);
      const cls = classify(members, criteria);
      if (cls.level === null) continue;
      windows.push({
        from: start.kmM,
        to: Math.max(...members.map((m) => m.kmM)),
        level: levelRank(cls.level),
        rule: cls.rule,
      });
    }
    windows.sort((a, b) => a.from - b.from);
    const merged: { from: number; to: number; level: number; rule: number | null }[] = [];
    for (const w of windows) {
      const last = merged.at(-1);
      if (last && w.from <= last.to) {
        last.to = Math.max(last.to, w.to);
        last.level = Math.max(last.level, w.level);
        if (w.rule !== null && (last.rule === null || w.rule < last.rule)) last.rule = w.rule;
      } else {
        merged.push({ ...w });
      }
    }
    for (const m of merged) {
      const members = list.filter((d) => d.kmM >= m.from && d.kmM <= m.to);
      out.push(
        candidateOf(members, m.level === 2 ? 'black_spot' : 'potential', m.level === 2 ? m.rule : null),
      );
    }
  }
  return out.sort(compareLinear);
}

/** "Km 12+300" for 12300 m. */
export const formatKm = (m: number): string => {
  const whole = Math.round(m);
  const km = Math.floor(whole / 1000);
  const rest = whole - km * 1000;
  return `Km ${km}+${String(rest).padStart(3, '0')}`;
};
