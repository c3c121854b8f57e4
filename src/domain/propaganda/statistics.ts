/**
 * Statistics of propaganda sessions for a period (pure): how many sessions and how many people reached,
 * in total, by the unit that held them, by channel, by audience and by month.
 *
 * Rules:
 * - a session counts when its date is within the period, both ends included;
 * - a session aimed at several audiences counts once under each of them, with all its participants
 *   (the record does not split the people by audience), so the audience rows add up to more than the
 *   total; the unit, channel and month rows add up to the total exactly;
 * - every channel and audience is listed, in the order of the code list, with zeros where nothing happened;
 *   every month of the period is listed, empty months included; units only when they held a session,
 *   most sessions first (then most people, then name).
 */
import { AUDIENCES, CHANNELS } from './codes.ts';

export interface SessionFacts {
  heldOn: string; // yyyy-mm-dd
  orgUnitId: number;
  orgUnitName: string;
  channel: string;
  audiences: readonly string[];
  participants: number;
  materialsCount: number | null;
}

export interface Tally {
  sessions: number;
  participants: number;
}

export interface PropagandaSummary {
  totals: Tally & { materials: number; units: number };
  byUnit: (Tally & { orgUnitId: number; name: string })[];
  byChannel: (Tally & { code: string; label: string })[];
  byAudience: (Tally & { code: string; label: string })[];
  byMonth: (Tally & { month: string })[];
}

/** Every month from the month of `from` to the month of `to`, as yyyy-mm. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

type Coded = Tally & { code: string; label: string };

const add = (t: Tally, s: SessionFacts) => {
  t.sessions += 1;
  t.participants += s.participants;
};

export function summarizeSessions(
  sessions: readonly SessionFacts[],
  period: { from: string; to: string },
): PropagandaSummary {
  const inPeriod = sessions.filter((s) => s.heldOn >= period.from && s.heldOn <= period.to);
  const totals = { sessions: 0, participants: 0, materials: 0, units: 0 };
  const units = new Map<number, Tally & { orgUnitId: number; name: string }>();
  const row = (x: { code: string; label: string }): Coded => ({ ...x, sessions: 0, participants: 0 });
  const channels = new Map<string, Coded>(CHANNELS.map((c) => [c.code, row(c)]));
  const audiences = new Map<string, Coded>(AUDIENCES.map((a) => [a.code, row(a)]));
  const months = new Map(
    monthsBetween(period.from, period.to).map((month) => [month, { month, sessions: 0, participants: 0 }]),
  );
  for (const s of inPeriod) {
    add(totals, s);
    totals.materials += s.materialsCount ?? 0;
    let unit = units.get(s.orgUnitId);
    if (!unit) {
      unit = { orgUnitId: s.orgUnitId, name: s.orgUnitName, sessions: 0, participants: 0 };
      units.set(s.orgUnitId, unit);
    }
    add(unit, s);
    let channel = channels.get(s.channel);
    if (!channel) {
      // A code no longer in the list still counts, under its own code.
      channel = row({ code: s.channel, label: s.channel });
      channels.set(s.channel, channel);
    }
    add(channel, s);
    for (const code of new Set(s.audiences)) {
      let audience = audiences.get(code);
      if (!audience) {
        audience = row({ code, label: code });
        audiences.set(code, audience);
      }
      add(audience, s);
    }
    const month = months.get(s.heldOn.slice(0, 7));
    if (month) add(month, s);
  }
  totals.units = units.size;
  return {
    totals,
    byUnit: [...units.values()].sort(
      (a, b) =>
        b.sessions - a.sessions || b.participants - a.participants || a.name.localeCompare(b.name, 'vi'),
    ),
    byChannel: [...channels.values()],
    byAudience: [...audiences.values()],
    byMonth: [...months.values()],
  };
}
