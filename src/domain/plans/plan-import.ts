/**
 * From a reading of an appendix (table or prose) to what the office reviews before saving: every
 * item with its schedule kind and dues, its lead and coordinating units resolved against the
 * directory at the plan's date, and the list of what is uncertain. Also the rule that decides
 * whether the import may be saved (no error left) and the units each item is assigned to.
 *
 * Pure: no I/O, no clock. The resolver is built by the caller from the directory it has (the
 * database, or the demo province for the command line).
 */
import type { DirectoryUnit, GroupKind, Resolution, UnitResolver } from '../directory/resolve-units.ts';
import type { AppendixIssue, AppendixItem, AppendixReading } from './appendix.ts';
import {
  expandOccurrences,
  needsReview,
  type Occurrence,
  planSpan,
  type ScheduleKind,
  scheduleKind,
} from './schedule.ts';
import type { Schedule } from './timeframe.ts';

export interface UnitRef {
  id: number | string;
  code: string;
  name: string;
}

/** One name written in a unit column, and what it was read as. */
export interface NameReading {
  text: string;
  status: Resolution['status'];
  /** The units it stands for: one when resolved, the members of a group, none otherwise. */
  units: UnitRef[];
  /** The name the command line and the preview show: the unit's name, the group phrase, or the raw text. */
  display: string;
  role?: string;
  group?: GroupKind;
  qualifier?: string;
  matchedBy?: string;
  suggestions: (UnitRef & { score: number })[];
}

export interface PreviewItem {
  kind: AppendixItem['kind'];
  number: string;
  path: string;
  parentPath: string | null;
  title: string;
  timeframeText: string;
  schedule: Schedule | null;
  scheduleKind: ScheduleKind;
  /** Whether the schedule was taken from a parent item because the item has none. */
  scheduleInherited: boolean;
  occurrences: Occurrence[];
  /** The lead and coordinating cells as written (without the notes moved out of them). */
  leadText: string;
  coordinatingText: string;
  leads: NameReading[];
  /** Whether the leads were taken from a parent item. */
  leadsInherited: boolean;
  jointLead: boolean;
  coordinators: NameReading[];
  note: string;
  sourceRows: number[];
  /** What the office should look at, in Vietnamese. */
  uncertain: string[];
}

export interface ImportPreview {
  title?: string;
  items: PreviewItem[];
  /** Reader problems (by row and column) and resolution problems; errors block the save. */
  problems: AppendixIssue[];
  /** Names no unit was found for (or several were), once each, with suggestions. */
  unresolved: {
    text: string;
    status: 'unknown' | 'ambiguous';
    suggestions: (UnitRef & { score: number })[];
  }[];
  counts: { sections: number; tasks: number; assignments: number; uncertain: number };
  canSave: boolean;
}

const ref = (u: DirectoryUnit): UnitRef => ({ id: u.id, code: u.code, name: u.name });

const GROUP_NAMES: Record<GroupKind, string> = {
  all_departments: 'Các sở, ban, ngành',
  district_localities: 'UBND các huyện, thị xã, thành phố',
  commune_localities: 'UBND các xã, phường',
  all_committees: 'Ban ATGT các cấp',
  commune_committees: 'Ban ATGT cấp xã',
  press: 'Các cơ quan báo chí',
  mass_organisations: 'MTTQ và các đoàn thể',
};

function readName(r: Resolution): NameReading {
  switch (r.status) {
    case 'resolved':
      return {
        text: r.text,
        status: r.status,
        units: [ref(r.unit)],
        display: r.unit.name,
        ...(r.role ? { role: r.role } : {}),
        matchedBy: r.matchedBy,
        suggestions: [],
      };
    case 'group':
      return {
        text: r.text,
        status: r.status,
        units: r.units.map(ref),
        display: r.text,
        ...(r.role ? { role: r.role } : {}),
        group: r.group,
        ...(r.qualifier ? { qualifier: r.qualifier } : {}),
        suggestions: [],
      };
    case 'ambiguous':
      return {
        text: r.text,
        status: r.status,
        units: [],
        display: r.text,
        suggestions: r.candidates.map((c) => ({ ...ref(c.unit), score: c.score })),
      };
    case 'unknown':
      return {
        text: r.text,
        status: r.status,
        units: [],
        display: r.text,
        suggestions: r.suggestions.map((c) => ({ ...ref(c.unit), score: c.score })),
      };
  }
}

/** What to tell the office about one name, or nothing when it is plain. */
function nameDoubt(n: NameReading, column: string): string | null {
  switch (n.status) {
    case 'unknown':
      return `${column}: chưa xác định được đơn vị «${n.text}»${n.suggestions[0] ? ` (gần nhất: ${n.suggestions[0].name})` : ''}`;
    case 'ambiguous':
      return `${column}: «${n.text}» có thể là ${n.suggestions.map((s) => s.name).join(' hoặc ')}`;
    case 'group':
      if (n.units.length === 0) return `${column}: «${n.text}» không còn đơn vị nào vào ngày của kế hoạch`;
      return n.qualifier
        ? `${column}: «${n.text}» — cần chọn các đơn vị «${n.qualifier}» trong ${GROUP_NAMES[n.group ?? 'all_departments']} (${n.units.length} đơn vị)`
        : null;
    case 'resolved':
      if (n.matchedBy === 'fuzzy') return `${column}: đã hiểu «${n.text}» là «${n.display}» (gần đúng)`;
      if (n.matchedBy === 'former_name') return `${column}: «${n.text}» là tên cũ của «${n.display}»`;
      return null;
  }
}

/**
 * Builds the preview of an import. `planDate` (yyyy-mm-dd) resolves names to the units valid that
 * day and anchors the dues; `endsOn` closes the span of recurring dues (default: 31/12 of its year).
 */
export function buildImportPreview(
  reading: Pick<AppendixReading, 'items' | 'issues' | 'title'>,
  resolver: UnitResolver,
  plan: { planDate: string; endsOn?: string | null },
): ImportPreview {
  const span = planSpan(plan.planDate, plan.endsOn);
  const byPath = new Map<string, PreviewItem>();
  const items: PreviewItem[] = [];
  const problems: AppendixIssue[] = [...reading.issues];
  const unresolved = new Map<string, ImportPreview['unresolved'][number]>();
  const resolveNames = (names: string[], roles: Record<string, string> = {}): NameReading[] =>
    names.map((name) => {
      const reading = readName(resolver.resolve(name, plan.planDate));
      const role = roles[name];
      return role && !reading.role ? { ...reading, role } : reading;
    });

  for (const it of reading.items) {
    const parent = it.parentPath ? byPath.get(it.parentPath) : undefined;
    const ownLeads = resolveNames(it.leadNames, it.leadRoles);
    const leads = ownLeads.length > 0 ? ownLeads : (parent?.leads ?? []);
    const schedule = it.schedule ?? parent?.schedule ?? null;
    const item: PreviewItem = {
      kind: it.kind,
      number: it.number,
      path: it.path,
      parentPath: it.parentPath,
      title: it.title,
      timeframeText: it.timeframeText,
      schedule,
      scheduleKind: scheduleKind(schedule),
      scheduleInherited: it.schedule === null && schedule !== null,
      occurrences: expandOccurrences(schedule, span),
      leadText: it.leadText,
      coordinatingText: it.coordinatingText,
      leads,
      leadsInherited: ownLeads.length === 0 && leads.length > 0,
      jointLead: it.jointLead,
      coordinators: resolveNames(it.coordinatingNames),
      note: it.note,
      sourceRows: it.sourceRows,
      uncertain: [],
    };
    const row = it.sourceRows[0] ?? 0;
    if (needsReview(it.schedule)) item.uncertain.push(...(it.schedule?.notes ?? []));
    if (it.schedule?.tentative) item.uncertain.push('Thời gian là dự kiến');
    if (item.scheduleInherited) item.uncertain.push(`Thời gian lấy theo mục ${it.parentPath}`);
    if (item.leadsInherited) item.uncertain.push(`Đơn vị chủ trì lấy theo mục ${it.parentPath}`);
    for (const [names, column] of [
      [ownLeads, 'Đơn vị chủ trì'],
      [item.coordinators, 'Đơn vị phối hợp'],
    ] as const) {
      for (const n of names) {
        const doubt = nameDoubt(n, column);
        if (doubt) item.uncertain.push(doubt);
        if (n.status === 'unknown' || n.status === 'ambiguous') {
          if (!unresolved.has(n.text))
            unresolved.set(n.text, { text: n.text, status: n.status, suggestions: n.suggestions });
          problems.push({
            row,
            column,
            message: `Nhiệm vụ ${it.path}: chưa xác định được đơn vị «${n.text}»; hãy chọn đơn vị tương ứng`,
            severity: 'warning',
          });
        }
      }
    }
    for (const issue of reading.issues) {
      if (it.sourceRows.includes(issue.row) && !item.uncertain.includes(issue.message))
        item.uncertain.push(issue.message);
    }
    byPath.set(it.path, item);
    items.push(item);
  }

  const tasks = items.filter((i) => i.kind === 'task').length;
  const assignments = items.reduce((n, i) => n + assignmentsOf(i).length, 0);
  if (items.length === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push({
      row: 1,
      column: 'Nội dung công tác',
      message: 'Bảng không có nhiệm vụ nào',
      severity: 'error',
    });
  }
  return {
    ...(reading.title ? { title: reading.title } : {}),
    items,
    problems: problems.sort((a, b) => a.row - b.row),
    unresolved: [...unresolved.values()],
    counts: {
      sections: items.length - tasks,
      tasks,
      assignments,
      uncertain: items.filter((i) => i.uncertain.length > 0).length,
    },
    canSave: items.length > 0 && !problems.some((p) => p.severity === 'error'),
  };
}

export interface PlannedAssignment {
  unit: UnitRef;
  role: 'lead' | 'coordinating';
  isPrimary: boolean;
  roleNote: string | null;
}

/**
 * The units an item is assigned to: each lead (a group counts each of its units) once, the first
 * of joint leads primary; coordinators that are not also leads. Names not resolved assign nothing
 * (they stay in the item's text).
 */
export function assignmentsOf(item: PreviewItem): PlannedAssignment[] {
  const out: PlannedAssignment[] = [];
  const seen = new Set<string>();
  const add = (n: NameReading, role: PlannedAssignment['role'], primary: boolean) => {
    for (const u of n.units) {
      const key = String(u.id);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ unit: u, role, isPrimary: primary, roleNote: n.role ?? null });
    }
  };
  item.leads.forEach((n, i) => {
    add(n, 'lead', i === 0 && n.status === 'resolved');
  });
  for (const n of item.coordinators) add(n, 'coordinating', false);
  return out;
}
