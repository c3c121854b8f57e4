/**
 * Resolves unit names written in plans (lead / coordinating columns of a task-assignment appendix,
 * prose parentheses) to the unit directory, at a date. Pure: no I/O, never throws.
 *
 * Matching works on a canonical key: `normalizeName` (no diacritics, lower case, single spaces), then
 * punctuation dropped, `&` joined ("GD&ĐT" = "GDĐT"), and common long forms folded to their
 * abbreviations ("Ủy ban nhân dân" → "ubnd", "an toàn giao thông" → "atgt", "Giáo dục và Đào tạo" →
 * "gddt", "CA tỉnh" → "công an tỉnh" …), so that full and abbreviated spellings meet.
 */
import { isValidOn, normalizeName } from './admin-units.ts';
import type { OrgUnitRecord } from './org-units.ts';

export interface DirectoryUnit extends OrgUnitRecord {
  id: number | string;
  /** Level of its admin unit, for localities/committees. */
  adminLevel?: 'province' | 'district' | 'commune' | null;
}

export type GroupKind =
  /** Các sở, ban, ngành (tỉnh); thành viên Ban ATGT */
  | 'all_departments'
  /** UBND các huyện, thị xã, thành phố */
  | 'district_localities'
  /** UBND các xã, phường, thị trấn */
  | 'commune_localities'
  /** Ban ATGT các cấp */
  | 'all_committees'
  /** Ban ATGT cấp xã */
  | 'commune_committees'
  /** Các cơ quan báo chí */
  | 'press'
  /** Mặt trận Tổ quốc và các đoàn thể */
  | 'mass_organisations';

export type MatchedBy = 'name' | 'short_name' | 'code' | 'alias' | 'former_name' | 'fuzzy';

export type Resolution =
  | {
      status: 'resolved';
      text: string;
      unit: DirectoryUnit;
      matchedBy: MatchedBy;
      /** 0..1: 1 for an exact (normalized) match, 0.95 for a match after dropping "tỉnh"/the province name. */
      score: number;
      /** From a trailing parenthesis: "Ban ATGT tỉnh (chủ trì đoàn kiểm tra liên ngành)". */
      role?: string;
    }
  | {
      status: 'group';
      text: string;
      group: GroupKind;
      /** The units of the group valid on the date (may be empty: no districts after 2025-07-01). */
      units: DirectoryUnit[];
      role?: string;
      /**
       * Text after the group phrase that narrows it ("UBND các xã có lòng hồ" → "có lòng hồ").
       * `units` is then the whole group: the narrowing is left to a person.
       */
      qualifier?: string;
    }
  | { status: 'ambiguous'; text: string; candidates: { unit: DirectoryUnit; score: number }[] }
  | {
      status: 'unknown';
      text: string;
      /**
       * Closest units valid on the date, best first. An exact match on a unit that is not valid on
       * the date (e.g. a district committee after the reform) comes first with score 1.
       */
      suggestions: { unit: DirectoryUnit; score: number }[];
    };

export interface UnitResolver {
  resolve(name: string, onDate: string): Resolution;
  /** Splits a cell with `splitUnitList` and resolves each unit. Note-only fragments (name '') are skipped. */
  resolveList(text: string, onDate: string): Resolution[];
}

/** A fuzzy match at or above this similarity resolves (if no other unit is within the margin). */
export const FUZZY_ACCEPT = 0.85;
/** Two units whose scores differ by less than this are ambiguous. */
export const AMBIGUITY_MARGIN = 0.05;
/** Suggestions for an unknown name need at least this similarity. */
export const SUGGEST_MIN = 0.5;
const MAX_SUGGESTIONS = 5;
/** Inputs longer than this are not compared fuzzily (not a unit name; keeps the cost bounded). */
const MAX_FUZZY_LENGTH = 160;

// ---------------------------------------------------------------------------------------------
// Text helpers

const COMBINING = /[\u0300-\u036f]/g;

/** Folds one character (lower case, no diacritics, đ → d) to exactly one character. */
function foldChar(c: string): string {
  const f = c.normalize('NFD').replace(COMBINING, '').replace(/[đĐ]/g, 'd').toLowerCase();
  return f.length === 0 ? '\u0000' : (f[0] ?? '\u0000');
}

/** Same length as `s` (which should be NFC): index i of the result folds s[i]. */
function foldSameLength(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += foldChar(s[i] ?? '');
  return out;
}

const LONG_FORMS: [string, string][] = [
  ['uy ban nhan dan', 'ubnd'],
  ['an toan giao thong', 'atgt'],
  ['canh sat giao thong', 'csgt'],
  ['giao thong van tai', 'gtvt'],
  ['giao duc va dao tao', 'gddt'],
  ['giao duc dao tao', 'gddt'],
  ['gd dt', 'gddt'],
  ['mat tran to quoc', 'mttq'],
  ['uy ban mttq', 'ubmttq'],
  ['ub mttq', 'ubmttq'],
  ['thanh pho', 'tp'],
  ['thi xa', 'tx'],
  ['thi tran', 'tt'],
  ['ca tinh', 'cong an tinh'],
];

/** Canonical comparison key of a unit name. */
export function canonicalKey(s: string): string {
  let k = normalizeName(s.normalize('NFC'));
  k = k.replace(/^(?:d\s*\/\s*c|dong chi)(?:\s+|$)/, '');
  k = k.replace(/\s*&\s*/g, '');
  k = k.replace(/[^a-z0-9]+/g, ' ').trim();
  if (k === '') return '';
  let padded = ` ${k} `;
  for (const [long, short] of LONG_FORMS) padded = padded.split(` ${long} `).join(` ${short} `);
  k = padded.trim();
  // Role words written after a unit in prose: "Phòng CSGT chủ trì", "… phối hợp".
  k = k.replace(/(?: (?:chu tri|phoi hop|thuc hien))+$/, '');
  return k;
}

function wordCount(k: string): number {
  return k === '' ? 0 : k.split(' ').length;
}

/** Variants of a key without "tỉnh" / the province name at the end (kept only if ≥ 2 words remain). */
function weakVariants(k: string, provinceKeys: readonly string[]): string[] {
  const out = new Set<string>();
  const tails = [' tinh', ...provinceKeys.flatMap((p) => [` tinh ${p}`, ` ${p}`])];
  for (const tail of tails) {
    if (k.endsWith(tail)) {
      const v = k.slice(0, -tail.length);
      if (wordCount(v) >= 2 && v !== k) out.add(v);
    }
  }
  return [...out];
}

/** Optimal string alignment (restricted Damerau–Levenshtein) distance. */
export function damerauLevenshtein(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m] ?? 0;
}

/** 1 − distance / longer length, in 0..1. */
export function similarity(a: string, b: string): number {
  const max = Math.max(a.length, b.length);
  if (max === 0) return 1;
  return 1 - damerauLevenshtein(a, b) / max;
}

// ---------------------------------------------------------------------------------------------
// Splitting a cell into unit names

/**
 * Spans (on the folded text) that contain a delimiter but are one name or one group phrase.
 * Case and diacritics are ignored.
 */
const PROTECTED: RegExp[] = [
  /cac\s+so(?:\s*,\s*(?:ban|nganh|doan\s+the)(?![a-z0-9]))+/g,
  /(?<![a-z0-9])so\s*,\s*ban\s*,\s*nganh(?:\s*,\s*doan\s+the)?/g,
  /cac\s+(?:huyen|xa|phuong)(?:\s*,\s*(?:thi\s+xa|tx|thanh\s+pho|tp|phuong|thi\s+tran|tt|xa|huyen)(?![a-z0-9]))+/g,
  /van\s+hoa\s*,\s*the\s+thao\s+va\s+du\s+lich/g,
  /phat\s+thanh\s*,\s*truyen\s+hinh/g,
  /thong\s+tan\s*,\s*bao\s+chi/g,
  /(?<![a-z0-9])d\s*\/\s*c(?![a-z0-9])/g,
  /(?:mat\s+tran\s+to\s+quoc|mttq)(?:\s+viet\s+nam)?(?:\s+tinh)?\s+va\s+cac\s+(?:doan\s+the|to\s+chuc)/g,
];

/** Words that begin a unit name: ' và ' splits only before one of these. */
const UNIT_HEAD =
  /^(?:so|ban|ubnd|uy\s+ban|cong\s+an|ca|bo|hoi|tinh\s+doan|bao|dai|phong|van\s+phong|trung\s+tam|lien\s+doan|vien|cac|mat\s+tran|mttq|thanh\s+vien|cuc|chi\s+cuc|doan\s+(?:tncs|thanh\s+nien)|toa\s+an|benh\s+vien|truong)(?![a-z0-9])/;

/**
 * Splits a lead/coordinating cell into unit names. Delimiters: '/', ';', ',', line breaks, and ' và '
 * when a unit name follows it — but not inside parentheses, nor inside a group phrase ("Các sở, ban,
 * ngành", "UBND các huyện, thị xã, thành phố", "UBND các xã, phường") or a name with a comma
 * ("Sở Văn hóa, Thể thao và Du lịch", "Báo và Phát thanh, Truyền hình"). A trailing parenthesis
 * becomes `role`. A fragment that is only a parenthesis (a note such as "(ít nhất 02 buổi/năm học)")
 * is returned with name '' and the note as `role`.
 */
export function splitUnitList(text: string): { name: string; role?: string }[] {
  try {
    if (typeof text !== 'string') return [];
    const s = text.normalize('NFC');
    const folded = foldSameLength(s);
    const protectedAt = new Uint8Array(s.length);
    for (const re of PROTECTED) {
      re.lastIndex = 0;
      for (const m of folded.matchAll(re)) {
        const start = m.index ?? 0;
        for (let i = start; i < start + m[0].length && i < s.length; i++) protectedAt[i] = 1;
      }
    }
    const pieces: string[] = [];
    let depth = 0;
    let from = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === '(' || c === '[') depth++;
      else if ((c === ')' || c === ']') && depth > 0) depth--;
      if (depth > 0 || protectedAt[i]) continue;
      if (c === '/' || c === ';' || c === ',' || c === '\n' || c === '\r') {
        pieces.push(s.slice(from, i));
        from = i + 1;
        continue;
      }
      // ' và ' followed by the head of a unit name
      if ((c === ' ' || c === '\t') && (i === 0 || folded[i - 1] !== ' ')) {
        const m = /^\s+va\s+/.exec(folded.slice(i, i + 12));
        if (m && !protectedAt[i + m[0].length - 1] && UNIT_HEAD.test(folded.slice(i + m[0].length))) {
          pieces.push(s.slice(from, i));
          from = i + m[0].length;
          i = from - 1;
        }
      }
    }
    pieces.push(s.slice(from));
    const out: { name: string; role?: string }[] = [];
    for (const raw of pieces) {
      const item = parseItem(raw);
      if (item.name === '' && item.role === undefined) continue;
      out.push(item);
    }
    return out;
  } catch {
    return [];
  }
}

/** Trims one fragment and pulls a trailing parenthesis out as role. */
function parseItem(raw: string): { name: string; role?: string } {
  let t = raw.replace(/\s+/g, ' ').trim();
  t = t.replace(/^[-+•*–—:]+\s*/, '').replace(/[\s.;:,*]+$/, '');
  const m = /^(.*?)\s*\(([^()]*)\)\s*\.?$/.exec(t);
  if (m) {
    const name = (m[1] ?? '').replace(/[\s.;:,]+$/, '').trim();
    const role = (m[2] ?? '').trim();
    return role === '' ? { name } : { name, role };
  }
  return { name: t };
}

// ---------------------------------------------------------------------------------------------
// Groups

interface GroupRule {
  re: RegExp;
  group: GroupKind | 'local_tier';
}

/** Anchored at the start of the canonical key; what follows (after a space) is a qualifier. */
const GROUP_RULES: GroupRule[] = [
  { re: /^(?:cac )?ban atgt cac cap/, group: 'all_committees' },
  {
    re: /^(?:cac )?ban atgt (?:cap xa|cac xa(?: phuong| tt)*|cac phuong(?: xa| tt)*)/,
    group: 'commune_committees',
  },
  { re: /^(?:cac )?so ban nganh(?: doan the)?(?: (?:cua )?tinh)?/, group: 'all_departments' },
  { re: /^cac so nganh(?: doan the)?(?: (?:cua )?tinh)?/, group: 'all_departments' },
  { re: /^cac so(?: (?:cua )?tinh)?$/, group: 'all_departments' },
  {
    re: /^(?:cac )?(?:co quan |don vi )?thanh vien ban atgt(?: tinh)?|^cac (?:co quan|don vi) thanh vien/,
    group: 'all_departments',
  },
  { re: /^(?:ubnd )?cac huyen(?: tx| tp| huyen)*/, group: 'district_localities' },
  { re: /^(?:ubnd )?cac (?:xa|phuong)(?: xa| phuong| tt)*|^(?:ubnd )?cap xa/, group: 'commune_localities' },
  { re: /^(?:ubnd )?(?:cac )?dia phuong/, group: 'local_tier' },
  { re: /^(?:cac )?co quan (?:thong tan )?bao chi|^(?:cac )?co quan truyen thong/, group: 'press' },
  {
    re: /^(?:ub)?mttq(?: viet nam)?(?: tinh)? va cac (?:doan the|to chuc chinh tri xa hoi)(?: tinh)?|^cac (?:doan the|to chuc chinh tri xa hoi)(?: tinh)?/,
    group: 'mass_organisations',
  },
];

const TITLE =
  /^(?:(?:pho )?giam doc|(?:pho )?chu tich|(?:pho )?truong ban|(?:pho )?truong phong|chanh van phong|lanh dao|thu truong|(?:pho )?chanh an|(?:pho )?vien truong) /;
const PRESS_NAME = /^(?:bao|dai|tap chi)(?: |$)|phat thanh|truyen hinh/;
const MASS_ORG_NAME = /^(?:ubmttq|mttq|tinh doan|doan tncs|hoi |lien doan lao dong)/;

function inferLevel(u: DirectoryUnit): 'province' | 'district' | 'commune' | null {
  if (u.adminLevel) return u.adminLevel;
  const k = canonicalKey(u.name);
  if (/^(?:ubnd|ban atgt) (?:huyen|tp|tx|quan)(?: |$)/.test(k)) return 'district';
  if (/^(?:ubnd|ban atgt) (?:xa|phuong|tt|dac khu)(?: |$)/.test(k)) return 'commune';
  if (/^(?:ubnd|ban atgt) tinh(?: |$)/.test(k)) return 'province';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Resolver

interface Entry {
  key: string;
  /** NFC lower-case form, to break ties between names that differ only in diacritics. */
  raw: string;
  unit: DirectoryUnit;
  by: Exclude<MatchedBy, 'fuzzy'>;
  /** Lower is preferred: name, short_name, code, alias, former_name. */
  rank: number;
  aliasValidTo: string | null;
  former: boolean;
  weak: boolean;
}

const RANK: Record<Exclude<MatchedBy, 'fuzzy'>, number> = {
  name: 0,
  short_name: 1,
  code: 2,
  alias: 3,
  former_name: 4,
};

function rawForm(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function createUnitResolver(
  units: DirectoryUnit[],
  options?: { learnedAliases?: { alias: string; unitCode: string }[] },
): UnitResolver {
  const all = Array.isArray(units) ? units.filter((u) => u && typeof u.name === 'string') : [];
  const levels = new Map<DirectoryUnit, 'province' | 'district' | 'commune' | null>();
  for (const u of all) levels.set(u, inferLevel(u));

  // Province names ("lai chau") from the province-level localities, to drop them from keys.
  const provinceKeys = new Set<string>();
  for (const u of all) {
    if (u.kind !== 'locality' || levels.get(u) !== 'province') continue;
    for (const n of [u.name, ...u.aliases.map((a) => a.alias)]) {
      const m = /^ubnd tinh (.+)$/.exec(canonicalKey(n));
      if (m?.[1]) provinceKeys.add(m[1]);
    }
  }
  const provinces = [...provinceKeys];

  const entries: Entry[] = [];
  const byKey = new Map<string, Entry[]>();
  const add = (
    text: string,
    unit: DirectoryUnit,
    by: Exclude<MatchedBy, 'fuzzy'>,
    aliasValidTo: string | null,
    former: boolean,
  ) => {
    const key =
      by === 'code'
        ? normalizeName(text)
            .replace(/[^a-z0-9]+/g, ' ')
            .trim()
        : canonicalKey(text);
    if (key === '') return;
    const base = { raw: rawForm(text), unit, by, rank: RANK[by], aliasValidTo, former };
    const variants: { key: string; weak: boolean }[] = [{ key, weak: false }];
    if (by !== 'code') for (const w of weakVariants(key, provinces)) variants.push({ key: w, weak: true });
    for (const v of variants) {
      const e: Entry = { ...base, key: v.key, weak: v.weak };
      entries.push(e);
      const list = byKey.get(v.key);
      if (list) list.push(e);
      else byKey.set(v.key, [e]);
    }
  };
  for (const u of all) {
    add(u.name, u, 'name', null, false);
    if (u.shortName) add(u.shortName, u, 'short_name', null, false);
    if (u.code) add(u.code, u, 'code', null, false);
    for (const a of Array.isArray(u.aliases) ? u.aliases : []) {
      if (!a || typeof a.alias !== 'string') continue;
      const former = a.kind === 'former_name';
      add(a.alias, u, former ? 'former_name' : 'alias', a.validTo ?? null, former);
    }
  }
  const byCode = new Map<string, DirectoryUnit>();
  for (const u of all) if (!byCode.has(u.code)) byCode.set(u.code, u);
  for (const la of options?.learnedAliases ?? []) {
    const u = la && typeof la.alias === 'string' ? byCode.get(la.unitCode) : undefined;
    if (u) add(la.alias, u, 'alias', null, false);
  }

  /** May this entry be used on the date? A former name always leads to its successor unit. */
  const usable = (e: Entry, date: string): boolean =>
    e.former || (isValidOn(e.unit, date) && (e.aliasValidTo === null || e.aliasValidTo >= date));

  const groupUnits = (group: GroupKind, date: string): DirectoryUnit[] => {
    const valid = all.filter((u) => isValidOn(u, date));
    switch (group) {
      case 'all_departments':
        return valid.filter((u) => u.isMember);
      case 'district_localities':
        return valid.filter((u) => u.kind === 'locality' && levels.get(u) === 'district');
      case 'commune_localities':
        return valid.filter((u) => u.kind === 'locality' && levels.get(u) === 'commune');
      case 'all_committees':
        return valid.filter((u) => u.kind === 'committee' || u.kind === 'commune_committee');
      case 'commune_committees':
        return valid.filter((u) => u.kind === 'commune_committee');
      case 'press':
        return valid.filter((u) => u.kind === 'agency' && PRESS_NAME.test(canonicalKey(u.name)));
      case 'mass_organisations':
        return valid.filter((u) => u.kind === 'agency' && MASS_ORG_NAME.test(canonicalKey(u.name)));
    }
  };

  /** The original words whose key is `tailKey` (the qualifier after a group phrase). */
  const originalTail = (cleaned: string, tailKey: string): string => {
    const words = cleaned.split(' ');
    for (let n = 1; n <= words.length; n++) {
      const tail = words.slice(words.length - n).join(' ');
      if (canonicalKey(tail) === tailKey) return tail;
    }
    return tailKey;
  };

  const detectGroup = (
    key: string,
    cleaned: string,
    date: string,
  ): { group: GroupKind; units: DirectoryUnit[]; qualifier?: string } | null => {
    for (const rule of GROUP_RULES) {
      const m = rule.re.exec(key);
      if (!m) continue;
      const rest = key.slice(m[0].length);
      if (rest !== '' && !rest.startsWith(' ')) continue;
      let group: GroupKind;
      if (rule.group === 'local_tier') {
        // "các địa phương": the lowest tier above the commune that exists on the date.
        const districts = groupUnits('district_localities', date);
        group = districts.length > 0 ? 'district_localities' : 'commune_localities';
      } else group = rule.group;
      const units = groupUnits(group, date);
      const tailKey = rest.trim();
      return tailKey === '' ? { group, units } : { group, units, qualifier: originalTail(cleaned, tailKey) };
    }
    return null;
  };

  const queryVariants = (key: string): { key: string; weak: boolean }[] => {
    const out: { key: string; weak: boolean }[] = [{ key, weak: false }];
    const seen = new Set([key]);
    const push = (k: string) => {
      if (k !== '' && !seen.has(k)) {
        seen.add(k);
        out.push({ key: k, weak: true });
      }
    };
    if (key.startsWith('cac ')) push(key.slice(4));
    for (const w of weakVariants(key, provinces)) push(w);
    if (/^(?:xa|phuong|tt|huyen|tp|tx) /.test(key)) push(`ubnd ${key}`);
    // A person's title before the unit: "đ/c Giám đốc Sở Y tế", "Chánh Văn phòng Ban ATGT tỉnh".
    const titled = TITLE.exec(key);
    if (titled) {
      const rest = key.slice(titled[0].length);
      push(rest);
      for (const w of weakVariants(rest, provinces)) push(w);
    }
    return out;
  };

  const resolveOne = (name: string, role: string | undefined, date: string): Resolution => {
    const text = name;
    const withRole = <T extends object>(r: T): T => (role === undefined ? r : { ...r, role });
    const cleaned = name.normalize('NFC').replace(/\s+/g, ' ').trim();
    const key = canonicalKey(cleaned);
    if (key === '') return { status: 'unknown', text, suggestions: [] };

    const group = detectGroup(key, cleaned, date);
    if (group) return withRole({ status: 'group' as const, text, ...group });

    // Exact matches on the canonical key (and its weak variants).
    const raw = rawForm(cleaned);
    const hits: { e: Entry; score: number }[] = [];
    const expiredExact: DirectoryUnit[] = [];
    for (const v of queryVariants(key)) {
      for (const e of byKey.get(v.key) ?? []) {
        const score = v.weak || e.weak ? 0.95 : 1;
        if (usable(e, date)) hits.push({ e, score });
        else if (!expiredExact.includes(e.unit)) expiredExact.push(e.unit);
      }
    }
    if (hits.length > 0) {
      hits.sort(
        (a, b) => b.score - a.score || Number(a.e.former) - Number(b.e.former) || a.e.rank - b.e.rank,
      );
      const top = hits[0];
      if (top) {
        let tier = hits.filter((h) => h.score === top.score && h.e.former === top.e.former);
        let distinct = [...new Set(tier.map((h) => h.e.unit))];
        if (distinct.length > 1) {
          // Names equal without diacritics ("Nậm Cha"/"Nậm Chà"): prefer the one written exactly so.
          const exact = tier.filter((h) => h.e.raw === raw);
          const exactUnits = [...new Set(exact.map((h) => h.e.unit))];
          if (exactUnits.length === 1) {
            tier = exact;
            distinct = exactUnits;
          }
        }
        if (distinct.length === 1) {
          // Report how it was written: the entry spelled exactly so, else the preferred kind.
          const best = tier.find((h) => h.e.raw === raw) ?? tier[0] ?? top;
          return withRole({
            status: 'resolved' as const,
            text,
            unit: best.e.unit,
            matchedBy: best.e.by,
            score: best.score,
          });
        }
        return {
          status: 'ambiguous',
          text,
          candidates: distinct.map((unit) => ({ unit, score: top.score })),
        };
      }
    }

    // Fuzzy: string distance on the canonical keys, best score per unit.
    const scored = new Map<DirectoryUnit, number>();
    if (key.length <= MAX_FUZZY_LENGTH) {
      const qs = queryVariants(key);
      for (const e of entries) {
        if (e.by === 'code' || !usable(e, date)) continue;
        for (const q of qs) {
          const max = Math.max(q.key.length, e.key.length);
          if (Math.abs(q.key.length - e.key.length) > max * (1 - SUGGEST_MIN)) continue;
          let s = similarity(q.key, e.key);
          if (q.weak || e.weak) s *= 0.95;
          if (s > (scored.get(e.unit) ?? 0)) scored.set(e.unit, s);
        }
      }
    }
    const ranked = [...scored.entries()]
      .map(([unit, score]) => ({ unit, score: Math.round(score * 1000) / 1000 }))
      .sort((a, b) => b.score - a.score);
    const best = ranked[0];
    if (best && best.score >= FUZZY_ACCEPT) {
      const close = ranked.filter((r) => r.score >= FUZZY_ACCEPT && best.score - r.score < AMBIGUITY_MARGIN);
      if (close.length > 1) return { status: 'ambiguous', text, candidates: close };
      return withRole({
        status: 'resolved' as const,
        text,
        unit: best.unit,
        matchedBy: 'fuzzy' as const,
        score: best.score,
      });
    }
    const suggestions = [
      ...expiredExact.map((unit) => ({ unit, score: 1 })),
      ...ranked.filter((r) => r.score >= SUGGEST_MIN && !expiredExact.includes(r.unit)),
    ].slice(0, MAX_SUGGESTIONS);
    return { status: 'unknown', text, suggestions };
  };

  const resolve = (name: string, onDate: string): Resolution => {
    const text = typeof name === 'string' ? name : String(name);
    try {
      const item = parseItem(text);
      if (item.name === '') return { status: 'unknown', text, suggestions: [] };
      const r = resolveOne(item.name, item.role, String(onDate));
      return { ...r, text };
    } catch {
      return { status: 'unknown', text, suggestions: [] };
    }
  };

  const resolveList = (text: string, onDate: string): Resolution[] => {
    try {
      const out: Resolution[] = [];
      for (const item of splitUnitList(text)) {
        if (item.name === '') continue;
        try {
          out.push(resolveOne(item.name, item.role, String(onDate)));
        } catch {
          out.push({ status: 'unknown', text: item.name, suggestions: [] });
        }
      }
      return out;
    } catch {
      return [];
    }
  };

  return { resolve, resolveList };
}
