/**
 * Loads the demo reporting regime of 2026 through the real service, as the office and the units would make it:
 * the periodic and flash forms, a quarterly schedule for 25 units, a monthly one for three agencies, the flash
 * request after the 2/9 holiday, the units' reports for every period due before `today` (most on time and
 * accepted, some late, a few missing, one returned), drafts of the period under way, and the office's draft of
 * the quarter I review.
 *
 * Who writes what, and when, is in src/domain/demo/reports.ts; figures vary with a seeded Rng.
 */
import { addDays } from '../../domain/crashes/periods.ts';
import {
  DEMO_FATES,
  DEMO_FLASH_UNITS,
  DEMO_MONTHLY_UNITS,
  DEMO_REPORT_AGENCIES,
  DEMO_REPORT_COMMUNES,
  DEMO_REPORT_YEAR,
  type DemoReportUnit,
  demoDraft,
  demoFlashReport,
  demoReport,
  type Fate,
  FLASH_FORM,
  FLASH_REQUEST,
  PERIODIC_FORM,
} from '../../domain/demo/reports.ts';
import { Rng } from '../../domain/demo/rng.ts';
import type { SubmissionValues } from '../../domain/reports/forms.ts';
import type { ReportPeriod } from '../../domain/reports/schedule.ts';
import type { Actor } from '../platform/audit.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db, Tx } from '../platform/db.ts';
import * as reports from '../reports/service.ts';

export interface DemoReportCounts {
  forms: number;
  schedules: number;
  submissions: number;
  accepted: number;
  late: number;
  missing: number;
  reviews: number;
}

interface Unit {
  id: number;
  name: string;
  adminUnitId: string | null;
  demo: DemoReportUnit;
  /** the account that writes the unit's reports: its own where it has one, the office's otherwise */
  reporter: SessionUser;
}

/** One report to make, with the local times of its steps (save, submit, [return, submit], [accept]). */
interface Planned {
  scheduleId: number;
  period: ReportPeriod;
  unit: Unit;
  values: SubmissionValues;
  steps: { action: 'save' | 'submit' | 'return' | 'resubmit' | 'accept'; at: string; comment?: string }[];
}

/** A Db whose transactions are the one already open (the service opens its own; here they nest in one). */
const inTransaction = (tx: Tx, kind: Db['kind']): Db => ({
  kind,
  query: (text, params) => tx.query(text, params),
  exec: async (text) => {
    await tx.query(text);
  },
  transaction: (fn) => fn(tx),
  close: async () => undefined,
});

const actorOf = (u: SessionUser): Actor => ({ userId: u.id, username: u.username, ip: null });
const at = (day: string, rng: Rng, from = 8, to = 16) =>
  `${day}T${String(rng.int(from, to)).padStart(2, '0')}:${String(rng.int(0, 11) * 5).padStart(2, '0')}:00+07:00`;

/**
 * The steps of one unit's report for one period, as of `today`: a submission dated after today is not made (the
 * unit has not sent it yet), a decision dated after today is not taken (the report waits for the office).
 */
function stepsOf(fate: Fate, period: ReportPeriod, today: string, rng: Rng): Planned['steps'] | null {
  const due = period.dueOn;
  if (fate.kind === 'missing' || fate.kind === 'none') return null;
  if (fate.kind === 'draft') {
    const day = addDays(today, -rng.int(0, 3));
    return [{ action: 'save', at: at(day < period.from ? period.from : day, rng) }];
  }
  const sent =
    fate.kind === 'late'
      ? addDays(due, fate.days)
      : addDays(due, fate.kind === 'returned' ? -2 : -rng.int(0, 3)); // returned: in time to be corrected
  if (sent > today) return null;
  const steps: Planned['steps'] = [
    { action: 'save', at: at(addDays(sent, -rng.int(0, 3)), rng, 7, 11) },
    { action: 'submit', at: at(sent, rng, 13, 17) },
  ];
  let last = sent;
  if (fate.kind === 'returned' || fate.kind === 'corrected') {
    const returned = addDays(sent, 1);
    if (returned > today) return steps;
    steps.push({ action: 'return', at: at(returned, rng), comment: fate.comment });
    if (fate.kind === 'returned') return steps;
    last = addDays(returned, 2);
    if (last > today) return steps;
    steps.push({ action: 'resubmit', at: at(last, rng, 13, 17) });
  }
  // The office reviews the reports in the days after the deadline.
  const decided = addDays(last > due ? last : due, rng.int(1, 4));
  if (decided <= today) steps.push({ action: 'accept', at: at(decided, rng) });
  return steps;
}

/**
 * Loads it all in one transaction (the service's own transactions run inside it): a commit per step saved,
 * and nothing left half loaded.
 */
export const loadDemoReports = (db: Db, today: string): Promise<DemoReportCounts> =>
  db.transaction((tx) => load(inTransaction(tx, db.kind), today));

async function load(db: Db, today: string): Promise<DemoReportCounts> {
  const counts: DemoReportCounts = {
    forms: 0,
    schedules: 0,
    submissions: 0,
    accepted: 0,
    late: 0,
    missing: 0,
    reviews: 0,
  };
  const users = await db.query<SessionUser>(
    `SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.org_unit_id AS "orgUnitId",
            o.name AS "orgUnitName", u.admin_unit_id AS "adminUnitId", a.name AS "adminUnitName"
       FROM users u LEFT JOIN org_units o ON o.id = u.org_unit_id LEFT JOIN admin_units a ON a.id = u.admin_unit_id
      WHERE NOT u.disabled ORDER BY u.id`,
  );
  const office = users.find((u) => u.username === 'vanphong') ?? users.find((u) => u.role === 'office');
  if (!office) return counts;
  const asOffice = actorOf(office);

  // The reporting units, from the directory: member agencies by code, commune committees by their commune.
  const rows = await db.query<{
    id: number;
    code: string;
    name: string;
    kind: string;
    adminUnitId: string | null;
    place: string | null;
  }>(
    `SELECT o.id, o.code, o.name, o.kind, o.admin_unit_id AS "adminUnitId", a.name AS place
       FROM org_units o LEFT JOIN admin_units a ON a.id = o.admin_unit_id
      WHERE o.kind IN ('agency', 'commune_committee') AND o.valid_to IS NULL ORDER BY o.code`,
  );
  const reporterOf = (id: number, adminUnitId: string | null) =>
    users.find((u) => u.role === 'agency' && u.orgUnitId === id) ??
    users.find((u) => u.role === 'commune' && u.orgUnitId === id && u.adminUnitId === adminUnitId) ??
    office;
  const units: Unit[] = [];
  for (const demo of [...DEMO_REPORT_AGENCIES, ...DEMO_REPORT_COMMUNES]) {
    const row = rows.find((r) =>
      demo.kind === 'agency'
        ? r.kind === 'agency' && r.code === demo.key
        : r.kind !== 'agency' && r.place === demo.key,
    );
    if (row)
      units.push({
        id: row.id,
        name: row.name,
        adminUnitId: row.adminUnitId,
        demo,
        reporter: reporterOf(row.id, row.adminUnitId),
      });
  }
  if (units.length === 0) return counts;
  const byKey = new Map(units.map((u) => [u.demo.key, u]));

  const form = await reports.createForm(db, asOffice, PERIODIC_FORM);
  const flashForm = await reports.createForm(db, asOffice, FLASH_FORM);
  const quarterly = await reports.createSchedule(db, asOffice, {
    formId: form.id,
    title: `Báo cáo định kỳ hằng quý năm ${DEMO_REPORT_YEAR}`,
    kind: 'periodic',
    frequency: 'quarter',
    year: DEMO_REPORT_YEAR,
    cutoffDay: 14,
    dueOffsetDays: 0,
    unitIds: units.map((u) => u.id),
  });
  const monthlyUnits = DEMO_MONTHLY_UNITS.flatMap((k) => byKey.get(k) ?? []);
  const monthly = await reports.createSchedule(db, asOffice, {
    formId: form.id,
    title: `Báo cáo tháng năm ${DEMO_REPORT_YEAR} (Công an tỉnh, Sở Xây dựng, Sở Y tế)`,
    kind: 'periodic',
    frequency: 'month',
    year: DEMO_REPORT_YEAR,
    cutoffDay: 14,
    dueOffsetDays: 0,
    unitIds: monthlyUnits.map((u) => u.id),
  });
  const flashUnits = DEMO_FLASH_UNITS.flatMap((k) => byKey.get(k) ?? []);
  const flash = await reports.createSchedule(db, asOffice, {
    formId: flashForm.id,
    title: FLASH_REQUEST.title,
    kind: 'adhoc',
    year: DEMO_REPORT_YEAR,
    cutoffDay: 14,
    dueOffsetDays: 0,
    periodFrom: FLASH_REQUEST.periodFrom,
    periodTo: FLASH_REQUEST.periodTo,
    dueOn: FLASH_REQUEST.dueOn,
    unitIds: flashUnits.map((u) => u.id),
  });
  counts.forms = 2;
  counts.schedules = 3;

  // The flash report's crash figures are those of the crash records: the province's for the police, the
  // commune's for a commune.
  const holiday = await db.query<{ adminUnitId: string; crashes: number; deaths: number; injured: number }>(
    `SELECT admin_unit_id AS "adminUnitId", count(*)::int AS crashes, sum(deaths)::int AS deaths, sum(injured)::int AS injured
       FROM crashes WHERE merged_into IS NULL AND occurred_at >= $1::date - interval '7 hours'
        AND occurred_at < $2::date + interval '17 hours' GROUP BY admin_unit_id`,
    [FLASH_REQUEST.periodFrom, FLASH_REQUEST.periodTo],
  );
  const zero = { crashes: 0, deaths: 0, injured: 0 };
  const province = holiday.reduce(
    (a, r) => ({
      crashes: a.crashes + r.crashes,
      deaths: a.deaths + r.deaths,
      injured: a.injured + r.injured,
    }),
    zero,
  );

  const rng = new Rng(20_260_914);
  const planned: Planned[] = [];
  const plan = (
    schedule: { id: number; periods: ReportPeriod[] },
    prefix: string,
    list: Unit[],
    valuesOf: (u: Unit, p: ReportPeriod) => SubmissionValues,
  ) => {
    const current = schedule.periods.find((p) => p.dueOn >= today);
    for (const period of schedule.periods) {
      if (period.dueOn >= today && period !== current) continue; // not begun to be written
      const fates = DEMO_FATES[`${prefix}:${period.key}`] ?? {};
      for (const unit of list) {
        const fate: Fate =
          fates[unit.demo.key] ?? (period === current ? { kind: 'none' } : { kind: 'on_time' });
        const values = valuesOf(unit, period); // drawn for every unit, so that one fate does not shift the rest
        const steps = stepsOf(fate, period, today, rng);
        if (period.dueOn < today && !steps?.some((s) => s.action === 'submit')) counts.missing++;
        if (!steps) continue;
        const sent = steps.find((s) => s.action === 'submit');
        if (sent && sent.at.slice(0, 10) > period.dueOn) counts.late++;
        planned.push({ scheduleId: schedule.id, period, unit, values, steps });
      }
    }
  };
  plan(quarterly, 'quarter', units, (u, p) => demoReport(u.demo, u.name, p, rng));
  plan(monthly, 'month', monthlyUnits, (u, p) => demoReport(u.demo, u.name, p, rng));
  plan(flash, 'adhoc', flashUnits, (u) =>
    demoFlashReport(
      u.demo,
      u.name,
      u.demo.category === 'police'
        ? province
        : (holiday.find((h) => h.adminUnitId === u.adminUnitId) ?? zero),
      rng,
    ),
  );

  // Through the service, step by step, as the units and the office would do it.
  const made: { id: number; p: Planned }[] = [];
  await db.transaction(async (tx) => {
    for (const p of planned) {
      const reporter = p.unit.reporter;
      const draftOnly = p.steps.length === 1;
      const corrected = p.steps.some((s) => s.action === 'resubmit');
      // A report returned for correction was first sent with a figure that did not match the police's.
      const first: SubmissionValues = draftOnly
        ? demoDraft(p.values)
        : corrected && typeof p.values.indicators.violations_detected === 'number'
          ? {
              ...p.values,
              indicators: {
                ...p.values.indicators,
                violations_detected: p.values.indicators.violations_detected + 12,
              },
              tables: {},
            }
          : p.values;
      const sub = await reports.saveDraft(
        db,
        actorOf(reporter),
        reporter,
        { scheduleId: p.scheduleId, periodKey: p.period.key, unitId: p.unit.id, values: first },
        today,
      );
      for (const step of p.steps.slice(1)) {
        if (step.action === 'submit')
          await reports.submit(db, actorOf(reporter), reporter, sub.id, undefined, today);
        else if (step.action === 'return')
          await reports.returnSubmission(db, asOffice, office, sub.id, step.comment ?? '', today);
        else if (step.action === 'resubmit')
          await reports.submit(db, actorOf(reporter), reporter, sub.id, p.values, today);
        else {
          await reports.accept(db, asOffice, office, sub.id, today);
          counts.accepted++;
        }
      }
      made.push({ id: sub.id, p });
    }

    // The service stamps every step with now(); the demo's history happened over the year. Give each step
    // its date (the board judges timeliness on first_submitted_at, the history lists the events' times).
    const ev = { sub: [] as number[], n: [] as number[], at: [] as string[] };
    const sub = {
      id: [] as number[],
      created: [] as string[],
      updated: [] as string[],
      first: [] as (string | null)[],
      last: [] as (string | null)[],
      decided: [] as (string | null)[],
    };
    for (const { id, p } of made) {
      p.steps.forEach((s, i) => {
        ev.sub.push(id);
        ev.n.push(i + 1);
        ev.at.push(s.at);
      });
      const sends = p.steps.filter((s) => s.action === 'submit' || s.action === 'resubmit');
      const decisions = p.steps.filter((s) => s.action === 'return' || s.action === 'accept');
      sub.id.push(id);
      sub.created.push(p.steps[0]!.at);
      sub.updated.push(p.steps.at(-1)!.at);
      sub.first.push(sends[0]?.at ?? null);
      sub.last.push(sends.at(-1)?.at ?? null);
      sub.decided.push(decisions.at(-1)?.at ?? null);
    }
    await tx.query(
      `UPDATE report_submission_events e SET at = u.at
         FROM (SELECT id, submission_id, row_number() OVER (PARTITION BY submission_id ORDER BY id)::int AS n
                 FROM report_submission_events WHERE submission_id = ANY($1::int[])) x,
              unnest($1::int[], $2::int[], $3::timestamptz[]) AS u(sub, n, at)
        WHERE e.id = x.id AND x.submission_id = u.sub AND x.n = u.n`,
      [ev.sub, ev.n, ev.at],
    );
    await tx.query(
      `UPDATE report_submissions r SET created_at = u.created, updated_at = u.updated, first_submitted_at = u.first,
              submitted_at = u.last, decided_at = u.decided
         FROM unnest($1::int[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[])
              AS u(id, created, updated, first, last, decided)
        WHERE r.id = u.id`,
      [sub.id, sub.created, sub.updated, sub.first, sub.last, sub.decided],
    );
  });
  counts.submissions = made.length;

  // The office's draft of the quarter I review, made in early April once the late reports were in.
  const q1 = quarterly.periods.find((p) => p.key === `${DEMO_REPORT_YEAR}-Q1`);
  if (q1 && q1.dueOn < today) {
    const review = await reports.createReview(
      db,
      asOffice,
      office,
      { scheduleId: quarterly.id, periodKey: q1.key },
      today,
    );
    const drafted = `${addDays(q1.dueOn, 20) > today ? today : addDays(q1.dueOn, 20)}T10:30:00+07:00`;
    await db.query('UPDATE review_reports SET created_at = $2, updated_at = $2 WHERE id = $1', [
      review.id,
      drafted,
    ]);
    counts.reviews = 1;
  }
  return counts;
}
