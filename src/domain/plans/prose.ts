/**
 * The prose-plan reader: turns a plan written as running text (kế hoạch viết dạng văn xuôi, e.g. the
 * Hà Giang police plan of seed 004) into the same sections and tasks as the appendix reader
 * (`AppendixItem`), so that preview, save and export treat both alike.
 *
 * Pure: no I/O, no clock. Never throws. What it had to guess or could not read is reported as an issue
 * (1-based line number, column 'Nội dung' or 'Thời gian thực hiện', Vietnamese message).
 *
 * ── What is read ────────────────────────────────────────────────────────────────────────────────────
 * Header (the lines up to the title): the number and symbol ("Số: 123/KH-CAT-PC08"), the date line
 * ("Hà Giang, ngày 10 tháng 9 năm 2021" → 2021-09-10), the title ("KẾ HOẠCH" + the line(s) right after
 * it, joined by '\n') and the issuing body (the upper-case lines of the header block; failing those, the
 * unit named in the opening sentence "… Công an tỉnh Hà Giang xây dựng / ban hành Kế hoạch …").
 * Markdown marks (#, *, **) left by a conversion are dropped. Reading stops at "Nơi nhận", at a
 * signature line (KT., TM., TL., Q.), at a "PHỤ LỤC" heading (an appendix is read by readAppendix) or at
 * the closing paragraph "Trên đây là …".
 *
 * Parts: the text before the first Roman part (legal bases, "Thực hiện …, … xây dựng Kế hoạch …") and
 * parts whose heading is a purpose part — QUAN ĐIỂM, MỤC ĐÍCH, MỤC TIÊU, YÊU CẦU, CĂN CỨ, TÌNH HÌNH,
 * KẾT QUẢ … (unless the heading also names NHIỆM VỤ, GIẢI PHÁP, PHÂN CÔNG, NỘI DUNG or TỔ CHỨC THỰC
 * HIỆN) — are *context parts*: a block there becomes a task only when it carries a responsibility
 * parenthesis. All other parts (NHIỆM VỤ, GIẢI PHÁP…, NỘI DUNG, KINH PHÍ, TỔ CHỨC THỰC HIỆN …) are
 * *task parts*. A text without Roman parts: its numbered items are task parts unless their own heading
 * is a purpose heading; the text before the first numbered item is context.
 *
 * ── Structure ───────────────────────────────────────────────────────────────────────────────────────
 * - Roman numerals (I., II. …) open a part → an item of kind 'section' (number 'III', path 'III').
 * - Numbers (1., 1.1., 1.1.1) open numbered items under the current part, nested by their number
 *   (number '1.2', path 'III.1.2'); letters (a), b) or a., b.) nest under the current numbered item
 *   (number '1.2.a'). A numbered item's own line is its heading; the paragraphs up to the next
 *   numbered item are its body. Bullets (-, +, •) and plain paragraphs are body, never structure.
 * - A body is cut into *blocks* at each responsibility parenthesis: a block is the text from the
 *   previous cut (or the heading) up to and including the parenthesis.
 * - A numbered item with exactly one block is itself the task: title = heading + body.
 *   A numbered item with two or more blocks is a *parent task* (title = heading, no units) and each
 *   block becomes a child task numbered in order after it (1.2.1, 1.2.2 — numbers not in the source;
 *   a number already used by a real sub-item is skipped). When the heading itself carries the
 *   parenthesis, the item takes those units and the later blocks become its children.
 * - A Roman part stays a section; blocks written directly under it become its children (III.1 …).
 * - An item (section or task) is emitted only when it is a task or has a task below it; so parts and
 *   headings without any assigned work (QUAN ĐIỂM, MỤC TIÊU …) do not appear.
 * - Title: paragraphs joined by '\n'; bullet marks ('- ', '+ ') are kept when the title has more than
 *   one paragraph and dropped when it has one. The responsibility parenthesis is never in the title.
 *
 * ── Responsibility ──────────────────────────────────────────────────────────────────────────────────
 * Parenthesis variants (all present in seed 004 or in the brief):
 *   (A, B thực hiện)                                   leads A, B
 *   (A chủ trì thực hiện) · (A chủ trì)                lead A
 *   (A chủ trì[,] phối hợp với B, C [triển khai|tổ chức] thực hiện [thường xuyên])
 *                                                      lead A, coordinators B, C; the words after
 *                                                      "thực hiện" are the timeframe
 *   (A chủ trì, phối hợp với B hướng dẫn C thực hiện)  lead A, coordinators B and C; note "Hướng dẫn C
 *                                                      thực hiện"
 *   (A chủ trì, B phối hợp thực hiện) · (A phối hợp với B thực hiện)
 *   (Giao A chủ trì …) · (Giao A thực hiện)
 *   (Đơn vị chủ trì: A; đơn vị phối hợp: B)
 * Without "chủ trì", the text before "thực hiện" must start like a unit name (Phòng, Công an, Sở,
 * UBND, Ban, các đơn vị …), so that "(trong đó … thực hiện)" is not taken for an assignment.
 * In task parts only, a block without a parenthesis is read from its first sentence when that sentence
 * names the units as its subject — "Giao A có trách nhiệm phối hợp chặt chẽ với B để …",
 * "A, B căn cứ Kế hoạch này …", "[Căn cứ …,] A phối hợp với B, C báo cáo …", or a heading that is
 * only a unit name ("1. Ban An toàn giao thông tỉnh" followed by its duties, or over its sub-items
 * a), b), c)). Only the heading and the first two body paragraphs are tried; every such reading is
 * reported as a warning to be checked. Below an item that names its lead, a block without units is a
 * task without units of its own (the lead is the ancestor's, as in an appendix). Any other block in a
 * task part with no units is reported and does not become a task.
 * Unit lists are split with `splitUnitList`; the first letter of each name is capitalised.
 *
 * ── Timeframe ───────────────────────────────────────────────────────────────────────────────────────
 * Collected in text order, joined by '; ', parsed with parseTimeframe: a parenthesis inside the block
 * that is a timing phrase ("(Triển khai thực hiện từ năm 2021)", "(Thực hiện thường xuyên)"); a
 * heading that is only a timing phrase ("Giai đoạn 2021 - 2030"); inline phrases — "trước ngày
 * 17/9/2021", "chậm nhất ngày …", "đến hết 31/12/2023", "tháng 02/2024", "Quý I/2022", "hằng năm",
 * "hàng tháng, quý, năm", "định kỳ, đột xuất"; the words after "thực hiện" in the parenthesis; a
 * timing-only paragraph or parenthesis right after the block ("(Thực hiện thường xuyên)",
 * "Thời gian thực hiện: Quý I/2022").
 * Dates of cited documents ("Nghị quyết … ngày 07/3/2019") are not timeframes. None found →
 * timeframeText '' and schedule null (never inherited). parseTimeframe gets the plan's date from the
 * context, or else from the header.
 */

import { splitUnitList } from '../directory/resolve-units.ts';
import type { AppendixIssue, AppendixItem } from './appendix.ts';
import { romanValue, toRoman } from './roman.ts';
import { parseTimeframe, type Schedule } from './timeframe.ts';

// ───────────────────────────── public types ─────────────────────────────

export interface ProseContext {
  planYear: number;
  /** yyyy-mm-dd; when absent, the date read from the header is used for the timeframes */
  planDate?: string;
}

export interface ProseHeader {
  /** number and symbol, e.g. '123/KH-CAT-PC08' */
  number?: string;
  /** yyyy-mm-dd */
  date?: string;
  /** 'KẾ HOẠCH\nTriển khai thực hiện …' */
  title?: string;
  /** e.g. 'CÔNG AN TỈNH HÀ GIANG', or the unit named in the opening sentence */
  issuingBody?: string;
}

export interface ProseReading {
  items: AppendixItem[];
  issues: AppendixIssue[];
  header?: ProseHeader;
}

const CONTENT = 'Nội dung';
const TIMEFRAME = 'Thời gian thực hiện';

/**
 * Reads a plan written as prose into sections and tasks (see the rules at the top of this file).
 * Never throws.
 */
export function readProsePlan(text: string, context: ProseContext): ProseReading {
  try {
    return new ProseReader(typeof text === 'string' ? text : '', context).read();
  } catch {
    return {
      items: [],
      issues: [
        {
          row: 1,
          column: CONTENT,
          message: 'Lỗi khi đọc kế hoạch; cần kiểm tra lại văn bản',
          severity: 'error',
        },
      ],
    };
  }
}

// ───────────────────────────── text helpers ─────────────────────────────

const COMBINING = /[\u0300-\u036f]/g;
const foldCache = new Map<string, string>();

/** Lower case, no diacritics, đ → d; one UTF-16 unit in, one out, so indices match the input. */
function foldChar(ch: string): string {
  const hit = foldCache.get(ch);
  if (hit !== undefined) return hit;
  let out: string;
  if (ch === 'đ' || ch === 'Đ') out = 'd';
  else {
    const base = ch.normalize('NFD').replace(COMBINING, '').toLowerCase();
    out = base.length === 1 ? base : base.charAt(0) || ' ';
  }
  if (foldCache.size < 4096) foldCache.set(ch, out);
  return out;
}

function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += foldChar(s.charAt(i));
  return out;
}

function isLowerAt(s: string, i: number): boolean {
  const c = s.charAt(i);
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

function capitalize(s: string): string {
  const c = s.charAt(0);
  return c.toUpperCase() + s.slice(1);
}

function snippet(s: string, max = 70): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max).trimEnd()}…`;
}

/** Trims spaces and list punctuation from both ends. */
function trimList(s: string): string {
  return s.replace(/^[\s,;:.\-–—]+/, '').replace(/[\s,;:\-–—]+$/, '');
}

/** Start of each top-level parenthesis and the index after its ')'. Unclosed ones are ignored. */
function findParens(s: string): Array<{ start: number; end: number; inner: string }> {
  const out: Array<{ start: number; end: number; inner: string }> = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === '(') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === ')' && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start, end: i + 1, inner: s.slice(start + 1, i) });
    }
  }
  return out;
}

function unbalanced(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
  }
  return depth > 0;
}

/** Index of the word (folded, with word boundaries) at or after `from`, or -1. */
function findWord(f: string, word: string, from = 0): number {
  let i = f.indexOf(word, from);
  while (i >= 0) {
    const before = i === 0 ? ' ' : f.charAt(i - 1);
    const after = f.charAt(i + word.length);
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return i;
    i = f.indexOf(word, i + 1);
  }
  return -1;
}

// ───────────────────────────── units ─────────────────────────────

const ACRONYM_UNIT = /^(?:UBND|UBMTTQ|MTTQ|CSGT|CAT|CA|BCH|HĐND|BĐBP|VKSND|TAND|PC\d{2})(?![\p{L}\p{N}])/u;
const UNIT_HEAD =
  /^(?:cong an|canh sat|luc luong|ubnd|ubmttq|uy ban|van phong|trung tam|tinh doan|tinh uy|huyen uy|thanh uy|dang uy|mat tran|mttq|benh vien|lien doan|thanh tra|kho bac|bo chi huy|bo doi|don vi|co quan|thuong truc|ben xe|chi nhanh|bao hiem xa hoi|ngan hang|toa an|vien kiem sat|hai quan|chi cuc|hdnd|hoi dong nhan dan|doan thanh nien|doan tncs|csgt|cac (?:so|don vi|co quan|phong|luc luong|dia phuong|huyen|xa|phuong|ban|to chuc|doan the|nganh|hoi|truong|doi|tram|thanh vien|lien doan|benh vien|trung tam|cuc|chi cuc|dong chi|doanh nghiep|cap|lanh dao))(?![a-z0-9])/;
/** Heads that are also common words: a capitalised word (or an acronym) must follow. */
const UNIT_HEAD_WEAK =
  /^(?:phong|doi|tram|so|ban|bo|hoi|bao|dai|vien|truong|cuc|hat|cang|khu|lanh dao|chu tich|giam doc|thu truong)(?![a-z0-9])/;

function startsWithUnit(s: string): boolean {
  const t = s.replace(/^[\s\-+•*–—:,;]+/, '');
  if (ACRONYM_UNIT.test(t)) return true;
  const f = fold(t);
  if (UNIT_HEAD.test(f)) return true;
  const m = UNIT_HEAD_WEAK.exec(f);
  if (!m) return false;
  return /^(?:\p{Lu}|\d)/u.test(t.slice(m[0].length).trimStart());
}

interface Responsibility {
  /** where it was read from */
  source: 'paren' | 'text';
  /** the parenthesis or sentence, for messages */
  raw: string;
  leadText: string;
  coordText: string;
  /** units the lead guides ("hướng dẫn C thực hiện") */
  guidedText: string;
  /** the words after "thực hiện" */
  tail: string;
  /** 1-based line */
  row: number;
}

const CLOSING = /(?<![a-z0-9])(?:(?:trien khai|to chuc)\s+)?thuc hien(?![a-z0-9])/g;
const WITH = /^phoi hop(?:\s+chat che)?\s+voi(?![a-z0-9])\s*/;

function findClosing(f: string, from: number): { start: number; end: number } | null {
  CLOSING.lastIndex = from;
  const m = CLOSING.exec(f);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** Reads a responsibility parenthesis (its inside); null when it is not one. */
function parseParen(inner: string, row: number): Responsibility | null {
  const s = inner.replace(/[\s.;,]+$/, '').trim();
  if (s === '' || s.length > 600) return null;
  const f = fold(s);
  const base = { source: 'paren' as const, raw: `(${s})`, row, guidedText: '', tail: '' };

  // (Đơn vị chủ trì: A; đơn vị phối hợp: B)
  const labelled = /^(?:don vi |co quan )?chu tri\s*:\s*/.exec(f);
  if (labelled) {
    const rest = f.slice(labelled[0].length);
    const co = /[;,.]?\s*(?:don vi |co quan )?phoi hop\s*:\s*/.exec(rest);
    const at = labelled[0].length;
    if (co) {
      return {
        ...base,
        leadText: trimList(s.slice(at, at + co.index)),
        coordText: trimList(s.slice(at + co.index + co[0].length)),
      };
    }
    return { ...base, leadText: trimList(s.slice(at)), coordText: '' };
  }

  let start = 0;
  let giao = false;
  const g = /^giao\s+/.exec(f);
  if (g && startsWithUnit(s.slice(g[0].length))) {
    start = g[0].length;
    giao = true;
  }

  const chuTri = findWord(f, 'chu tri', start);
  if (chuTri >= 0) {
    const leadText = trimList(s.slice(start, chuTri));
    let r = chuTri + 'chu tri'.length;
    const skip = /^[\s,;]*(?:va\s+)?/.exec(f.slice(r));
    r += skip ? skip[0].length : 0;
    let coordText = '';
    let zoneStart = r;
    const w = WITH.exec(f.slice(r));
    if (w) zoneStart = r + w[0].length;
    else {
      const closeHere = findClosing(f, r);
      const p = findWord(f, 'phoi hop', r);
      if (p >= 0 && (!closeHere || p < closeHere.start)) {
        const w2 = WITH.exec(f.slice(p));
        if (w2) {
          // "A chủ trì, tham mưu …, phối hợp với B thực hiện": what lies between is not a unit
          zoneStart = p + w2[0].length;
        } else {
          // "A chủ trì, B phối hợp thực hiện"
          coordText = trimList(s.slice(r, p));
          zoneStart = p + 'phoi hop'.length;
        }
      }
    }
    const close = findClosing(f, zoneStart);
    let zone = s.slice(zoneStart, close ? close.start : s.length);
    const tail = close ? trimList(s.slice(close.end)) : '';
    let guidedText = '';
    const hd = findWord(fold(zone), 'huong dan');
    if (hd >= 0) {
      guidedText = trimList(zone.slice(hd + 'huong dan'.length));
      zone = zone.slice(0, hd);
    }
    if (coordText === '') coordText = trimList(zone);
    else if (trimList(zone) !== '') guidedText = trimList(`${trimList(zone)}, ${guidedText}`);
    return { ...base, leadText, coordText, guidedText, tail };
  }

  const close = findClosing(f, start);
  if (!close) {
    if (!giao) return null;
    return { ...base, leadText: trimList(s.slice(start)), coordText: '' };
  }
  let lead = s.slice(start, close.start);
  const tail = trimList(s.slice(close.end));
  let coordText = '';
  let guidedText = '';
  const fl = fold(lead);
  const p = findWord(fl, 'phoi hop');
  if (p >= 0) {
    const w = WITH.exec(fl.slice(p));
    coordText = trimList(lead.slice(p + (w ? w[0].length : 'phoi hop'.length)));
    lead = lead.slice(0, p);
  } else {
    const hd = findWord(fl, 'huong dan');
    if (hd >= 0) {
      guidedText = trimList(lead.slice(hd + 'huong dan'.length));
      lead = lead.slice(0, hd);
    }
  }
  const leadText = trimList(lead);
  if (!giao && !startsWithUnit(leadText)) return null;
  return { ...base, leadText, coordText, guidedText, tail };
}

/** Verbs that end the subject of an in-text assignment (folded; must be written in lower case). */
const VERB =
  /(?<![a-z0-9])(?:chu tri|phoi hop|can cu|co trach nhiem|chiu trach nhiem|thuc hien|trien khai|to chuc|xay dung|tham muu|huong dan|bao cao|theo doi|chu dong|nghien cuu|ra soat|de xuat|kiem tra|tang cuong|day manh|huy dong|bo tri|giup|dam bao|bao dam|tiep tuc|khan truong|quan triet|pho bien|tuyen truyen|chi dao|ban hanh|cung cap|duy tri|phan cong|tong hop|gui|phan bo|su dung|de nghi|kien nghi)(?![a-z0-9])/g;

/** The first lower-case verb at or after `from` (not "các tổ chức"); with stopAtPunct, before any . : ( */
function findVerb(
  s: string,
  f: string,
  from: number,
  stopAtPunct: boolean,
): { start: number; end: number } | null {
  VERB.lastIndex = from;
  for (let m = VERB.exec(f); m; m = VERB.exec(f)) {
    const at = m.index;
    if (stopAtPunct && /[.:(]/.test(s.slice(from, at))) return null;
    if (!isLowerAt(s, at)) continue;
    const before = f.slice(Math.max(0, at - 10), at);
    if (/(?:cac|nhung|moi)\s+$/.test(before)) continue;
    // "cơ quan, tổ chức", "đơn vị và tổ chức": a noun, not the verb
    if (m[0] === 'to chuc' && /(?:co quan|don vi|,|va)\s*$/.test(before)) continue;
    return { start: at, end: at + m[0].length };
  }
  return null;
}

function allUnits(text: string): boolean {
  const names = splitUnitList(text).filter((u) => u.name !== '');
  return names.length > 0 && names.every((u) => startsWithUnit(u.name) && u.name.split(/\s+/).length <= 16);
}

/** Coordinators written after "phối hợp với" in a sentence: the unit names up to the next verb. */
function readCoordinators(s: string, f: string, from: number): string {
  let end = s.length;
  const punct = /[.;:(]/.exec(s.slice(from));
  if (punct) end = from + punct.index;
  const de = findWord(f, 'de', from);
  if (de >= 0 && de < end) end = de;
  const v = findVerb(s, f, from + 2, false);
  if (v && v.start < end) end = v.start;
  const text = trimList(s.slice(from, end).replace(/\s+va\s*$/i, ''));
  const kept: string[] = [];
  for (const u of splitUnitList(text)) {
    if (u.name === '') continue;
    if (!startsWithUnit(u.name)) break;
    kept.push(u.name);
  }
  if (kept.length === 0) return '';
  return kept.length === splitUnitList(text).filter((u) => u.name !== '').length ? text : kept.join(', ');
}

/** Reads an assignment written as the subject of a sentence; null when the sentence has none. */
function readSentence(text: string, row: number): Responsibility | null {
  const s = text.trim();
  const f = fold(s);
  let pos = 0;
  const lead = /^(?:can cu|tren co so|trong do|theo do|ngoai ra|dong thoi)(?![a-z0-9])/.exec(f);
  if (lead) {
    const stop = s.search(/[.;:]/);
    const limit = stop < 0 ? s.length : stop;
    pos = -1;
    for (let c = s.indexOf(','); c >= 0 && c < limit; c = s.indexOf(',', c + 1)) {
      const rest = s.slice(c + 1);
      if (startsWithUnit(rest)) {
        pos = c + 1 + (rest.length - rest.trimStart().length);
        break;
      }
    }
    if (pos < 0) return null;
  }
  const g = /^giao\s+/.exec(f.slice(pos));
  if (g && startsWithUnit(s.slice(pos + g[0].length))) pos += g[0].length;
  if (!startsWithUnit(s.slice(pos))) return null;
  const verb = findVerb(s, f, pos + 2, true);
  if (!verb) return null;
  const subject = trimList(s.slice(pos, verb.start));
  if (!allUnits(subject)) return null;

  let coordText = '';
  let r = verb.end;
  const word = f.slice(verb.start, verb.end);
  if (word === 'co trach nhiem' || word === 'chiu trach nhiem' || word === 'chu tri') {
    const sk = /^[\s,]*(?:chu tri[\s,]*)?(?:va\s+)?/.exec(f.slice(r));
    r += sk ? sk[0].length : 0;
    const w = WITH.exec(f.slice(r));
    if (w) coordText = readCoordinators(s, f, r + w[0].length);
  } else if (word === 'phoi hop') {
    const w = WITH.exec(f.slice(verb.start));
    if (w) coordText = readCoordinators(s, f, verb.start + w[0].length);
  }
  return {
    source: 'text',
    raw: s,
    leadText: subject,
    coordText,
    guidedText: '',
    tail: '',
    row,
  };
}

/** A heading that is only a unit name ("1. Ban An toàn giao thông tỉnh"). */
function readUnitHeading(text: string, row: number): Responsibility | null {
  const s = text.replace(/[\s.:;]+$/, '').trim();
  if (s === '' || s.length > 200 || /[.;:]/.test(s.replace(/\d\.\d/g, ''))) return null;
  if (findVerb(s, fold(s), 0, false)) return null;
  if (!allUnits(s)) return null;
  return { source: 'text', raw: s, leadText: s, coordText: '', guidedText: '', tail: '', row };
}

interface Units {
  names: string[];
  roles: Record<string, string>;
  notes: string[];
}

function unitsOf(text: string): Units {
  const out: Units = { names: [], roles: {}, notes: [] };
  const seen = new Set<string>();
  for (const u of splitUnitList(text)) {
    const name = capitalize(u.name.trim());
    if (name === '') {
      if (u.role) out.notes.push(`(${u.role})`);
      continue;
    }
    const key = fold(name).replace(/\s+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.names.push(name);
    if (u.role) out.roles[name] = u.role;
  }
  return out;
}

// ───────────────────────────── timeframes ─────────────────────────────

const TIMING_LABEL = /^thoi (?:gian|han)(?: thuc hien)?\s*:?\s*/;
const TIMING_LEAD_IN = /^(?:(?:(?:trien khai|to chuc)\s+)?thuc hien|hoan thanh|xong)\s+/;
const TIMING_CORE =
  /^(?:thuong xuyen|tu (?:nam|ngay|thang|quy)|trong (?:nam|thang|quy|giai doan|tuan|ngay|thoi gian)|truoc (?:ngay|thang|quy|\d)|cham nhat|hang (?:nam|quy|thang|tuan|ngay)|dinh ky|quy [ivx]|thang \d|nam \d|dot xuat|khi co|theo chi dao|theo ke hoach|dau nam|cuoi nam|ngay \d|giai doan \d|lien tuc|duy tri|\d+ thang|sau khi|du kien|cac dot)/;

const INLINE_TIMING: RegExp[] = [
  /(?<![a-z0-9])(?:truoc|cham nhat|han chot|khong muon hon|den het)(?:\s+(?:la|vao))?(?:\s+ngay)?\s+\d{1,2}\s*(?:\/\s*\d{1,2}(?:\s*\/\s*\d{4})?|thang\s+\d{1,2}(?:\s+nam\s+\d{4})?)/g,
  /(?<![a-z0-9])(?:(?:trong|truoc|tu|den|vao|hoan thanh trong|xong trong)\s+)?(?:thang\s+\d{1,2}\s*\/\s*\d{4}|quy\s+[ivx]{1,3}(?:\s*(?:,|va|-)\s*[ivx]{1,3})*\s*\/\s*\d{4})/g,
  /(?<![a-z0-9])(?:dinh ky\s+)?hang\s+(?:nam|quy|thang|tuan)(?:\s*(?:,|va|\/)\s*(?:hang\s+)?(?:nam|quy|thang|tuan|6 thang))*(?![a-z0-9])/g,
  /(?<![a-z0-9])dinh ky\s*(?:,|\/|va|hoac)\s*dot xuat(?![a-z0-9])/g,
];

// ───────────────────────────── lines and paragraphs ─────────────────────────────

type ParaKind = 'roman' | 'num' | 'letter' | 'text';

interface Para {
  kind: ParaKind;
  /** 'III', '1.2', 'a' */
  marker: string;
  /** '-' or '+' for a bullet, else '' */
  bullet: string;
  text: string;
  /** 1-based source lines */
  lines: number[];
  /** offset in `text` where each source line begins */
  starts: number[];
  /** a markdown heading (#) */
  hash: boolean;
  /** length of its last source line */
  lastLen: number;
}

function cleanLine(raw: string): { text: string; hash: boolean } {
  let s = raw
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
  const hash = /^ {0,3}#{1,6}\s/.test(s);
  s = s.replace(/^ {0,3}#{1,6}\s+/, '');
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1');
  if (/^\s*\*\s+\S/.test(s)) s = s.replace(/^\s*\*\s+/, '- ');
  s = s.replace(/\*+/g, '');
  return {
    text: s.replace(/ {2,}/g, ' ').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')').trim(),
    hash,
  };
}

function classify(line: string): { kind: ParaKind; marker: string; bullet: string; text: string } {
  const roman = /^([IVXLC]{1,6})\s*[.)]\s+(\S.*)$/u.exec(line);
  if (roman?.[1] && roman[2] !== undefined) {
    const value = romanValue(roman[1]);
    if (value >= 1 && value <= 40 && toRoman(value) === roman[1]) {
      return { kind: 'roman', marker: roman[1], bullet: '', text: roman[2] };
    }
  }
  const num = /^(\d{1,2}(?:\.\d{1,2}){0,4})(\.|\))?\s+(\S.*)$/u.exec(line);
  if (num?.[1] && num[3] !== undefined) {
    const multi = num[1].includes('.');
    if ((multi || num[2] === '.') && /^[\p{Lu}("“'[]/u.test(num[3])) {
      return { kind: 'num', marker: num[1], bullet: '', text: num[3] };
    }
  }
  const letter = /^([a-zđ])\s*\)\s+(\S.*)$/u.exec(line) ?? /^([a-zđ])\.\s+(\p{Lu}.*)$/u.exec(line);
  if (letter?.[1] && letter[2] !== undefined) {
    return { kind: 'letter', marker: letter[1], bullet: '', text: letter[2] };
  }
  const bullet = /^([-+•–—·])\s*(\S.*)$/u.exec(line);
  if (bullet?.[1] && bullet[2] !== undefined && !/^\d/.test(bullet[2])) {
    return { kind: 'text', marker: '', bullet: bullet[1] === '+' ? '+' : '-', text: bullet[2] };
  }
  return { kind: 'text', marker: '', bullet: '', text: line };
}

// ───────────────────────────── the structure ─────────────────────────────

interface Node {
  kind: 'root' | 'roman' | 'num' | 'letter';
  number: string;
  path: string;
  heading: Para | null;
  content: Para[];
  children: Node[];
  /** a purpose/legal-basis part: only parentheses make tasks */
  context: boolean;
}

const CONTEXT_HEADING =
  /^(?:quan diem|muc dich|muc tieu|yeu cau|can cu|co so|tinh hinh|ket qua|dac diem|danh gia|thuc trang|chi tieu|pham vi|doi tuong|boi canh)(?![a-z0-9])/;
const TASK_HEADING = /nhiem vu|giai phap|phan cong|noi dung|to chuc thuc hien/;

function isContextHeading(text: string): boolean {
  const f = fold(text).trim();
  return CONTEXT_HEADING.test(f) && !TASK_HEADING.test(f);
}

interface Piece {
  text: string;
  bullet: string;
  lines: number[];
  isHeading: boolean;
}

interface Segment {
  pieces: Piece[];
  resp: Responsibility | null;
  /** timing phrases found right after the block */
  after: string[];
  lines: number[];
  closed: boolean;
}

function hasText(pieces: Piece[]): boolean {
  return pieces.some((p) => /[\p{L}\p{N}]/u.test(p.text));
}

function tidy(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/\.\s*\/\s*\.\s*$/, '.')
    .replace(/^[\s,.;:]+/, '')
    .trim();
}

// ───────────────────────────── the reader ─────────────────────────────

class ProseReader {
  private readonly lines: string[];
  private readonly issues: Array<AppendixIssue & { order: number }> = [];
  private readonly used = new Set<string>();
  private readonly tfContext: { planYear: number; planDate?: string };
  private header: ProseHeader = {};
  /** the width lines were broken at (PDF text), or Infinity when paragraphs are single lines */
  private wrapWidth = Number.POSITIVE_INFINITY;

  constructor(
    text: string,
    private readonly context: ProseContext,
  ) {
    this.lines = text.normalize('NFC').split(/\r\n|\r|\n/);
    const planYear = typeof context?.planYear === 'number' ? context.planYear : Number.NaN;
    this.tfContext = { planYear };
  }

  private warn(row: number, message: string, column = CONTENT, severity: 'error' | 'warning' = 'warning') {
    this.issues.push({ row: Math.max(1, row), column, message, severity, order: this.issues.length });
  }

  read(): ProseReading {
    const cleaned = this.lines.map(cleanLine);
    const headerEnd = this.readHeader(cleaned.map((c) => c.text));
    const planDate = this.context?.planDate ?? this.header.date;
    if (typeof planDate === 'string') this.tfContext.planDate = planDate;

    // Where the body ends.
    let stop = cleaned.length;
    for (let i = headerEnd + 1; i < cleaned.length; i++) {
      const t = cleaned[i]?.text ?? '';
      if (
        /^noi nhan(?![a-z])/.test(fold(t)) ||
        /^(?:KT|TM|TL|TUQ|Q)\.\s*\p{Lu}/u.test(t) ||
        /^PHỤ LỤC(?![\p{L}])/u.test(t)
      ) {
        stop = i;
        break;
      }
    }

    const all = this.paragraphs(cleaned, headerEnd + 1, stop);
    // "Trên đây là Kế hoạch …": the closing words, not a task.
    const end = all.findIndex((p) => p.kind === 'text' && /^tren day la(?![a-z0-9])/.test(fold(p.text)));
    const paras = end >= 0 ? all.slice(0, end) : all;
    this.readIssuingBodyFromText(paras);
    const root = this.tree(paras);
    const items = this.emit(root, null, false);

    if (!items.some((it) => it.kind === 'task' && it.leadNames.length > 0)) {
      this.warn(
        1,
        'Không tìm thấy nhiệm vụ nào có ghi đơn vị thực hiện (ví dụ "(… chủ trì, phối hợp với … thực hiện)")',
      );
    }
    const issues = this.issues
      .sort((a, b) => a.row - b.row || a.order - b.order)
      .map(({ order: _order, ...issue }) => issue);
    const header = Object.fromEntries(
      Object.entries(this.header).filter(([, v]) => typeof v === 'string' && v !== ''),
    ) as ProseHeader;
    return Object.keys(header).length > 0 ? { items, issues, header } : { items, issues };
  }

  // ── header ──

  /** Fills this.header; returns the index of the last header line (-1 when none). */
  private readHeader(texts: string[]): number {
    const limit = Math.min(texts.length, 40);
    let titleAt = -1;
    for (let i = 0; i < limit; i++) {
      const t = texts[i] ?? '';
      if (classify(t).kind === 'roman') break;
      if (/^(?:KẾ HOẠCH|CHƯƠNG TRÌNH|PHƯƠNG ÁN|ĐỀ ÁN)(?![\p{L}])/u.test(t)) {
        titleAt = i;
        break;
      }
    }
    let headerEnd = -1;
    if (titleAt >= 0) {
      const title = [texts[titleAt] ?? ''];
      headerEnd = titleAt;
      const sub: string[] = [];
      for (let i = titleAt + 1; i < texts.length && sub.length < 4; i++) {
        const t = texts[i] ?? '';
        if (t === '') {
          if (sub.length > 0) {
            // a blank line: go on only when the next text line continues in lower case
            let j = i + 1;
            while (j < texts.length && (texts[j] ?? '') === '') j++;
            const next = texts[j] ?? '';
            if (!isLowerAt(next, 0)) break;
          }
          continue;
        }
        if (/^[-_=.\s]{3,}$/.test(t)) {
          if (sub.length > 0) {
            headerEnd = i;
            break;
          }
          continue;
        }
        const f = fold(t);
        if (sub.length === 0) {
          if (
            classify(t).kind !== 'text' ||
            /^(?:can cu|so\s*:)/.test(f) ||
            /[;:,]$/.test(t) ||
            t.length > 300
          ) {
            break;
          }
        } else if (!isLowerAt(t, 0)) break;
        sub.push(t);
        headerEnd = i;
      }
      if (sub.length > 0) title.push(sub.join(' '));
      this.header.title = title.join('\n');
    }

    // Date, number, issuing body: in the lines above the title (or the first lines).
    const top = titleAt >= 0 ? titleAt : Math.min(texts.length, 15);
    const bodies: string[] = [];
    let lastHeaderLine = -1;
    for (let i = 0; i < top; i++) {
      const t = texts[i] ?? '';
      if (t === '') continue;
      const c = classify(t);
      if (c.kind !== 'text' || c.bullet !== '' || t.length > 200) break;
      const f = fold(t);
      let isHeaderLine = false;
      const d =
        /(?:^|[\s,|])ngay\s+(\d{1,2})\s*(?:thang\s+|\/|-|\.)\s*(\d{1,2})\s*(?:nam\s+|\/|-|\.)\s*(\d{4})/.exec(
          f,
        );
      if (d && !this.header.date && t.length < 160) {
        const date = isoDate(Number(d[3]), Number(d[2]), Number(d[1]));
        if (date) {
          this.header.date = date;
          isHeaderLine = true;
        }
      }
      const n = /(?:^|[\s|])(?:Số|SỐ)\s*:\s*([\p{L}\p{N}.\-_/]*(?:\s*\/\s*[\p{L}\p{N}.\-_/]+)*)/u.exec(t);
      if (n?.[1] && !this.header.number) {
        const value = n[1].replace(/\s+/g, '').replace(/[.\-_/]+$/, '');
        if (/[\p{L}\p{N}]/u.test(value)) this.header.number = value;
        isHeaderLine = true;
      }
      if (/cong hoa xa hoi|doc lap\s*-?\s*tu do/.test(f)) isHeaderLine = true;
      for (const seg of t.split(/\s*\|\s*|\s{2,}/)) {
        const sf = fold(seg);
        if (
          seg.length < 3 ||
          seg.length > 120 ||
          /cong hoa xa hoi|doc lap|tu do|hanh phuc|(?:^|\s)so\s*:|ngay\s+\d/.test(sf) ||
          !/\p{L}{2,}/u.test(seg) ||
          seg !== seg.toUpperCase() ||
          /^(?:KẾ HOẠCH|CHƯƠNG TRÌNH)/u.test(seg)
        ) {
          continue;
        }
        bodies.push(seg.trim());
        isHeaderLine = true;
      }
      if (isHeaderLine) lastHeaderLine = i;
    }
    if (bodies.length > 0) this.header.issuingBody = [...new Set(bodies)].join('\n');
    return Math.max(headerEnd, lastHeaderLine);
  }

  /** The issuing body named in the opening text: "… Công an tỉnh Hà Giang xây dựng Kế hoạch …". */
  private readIssuingBodyFromText(paras: Para[]): void {
    if (this.header.issuingBody) return;
    for (const p of paras) {
      if (p.kind === 'roman' || p.kind === 'num') return;
      const f = fold(p.text);
      const m = /(?<![a-z0-9])(?:xay dung|ban hanh)\s+ke hoach(?![a-z0-9])/.exec(f);
      if (!m) continue;
      const before = p.text.slice(0, m.index);
      let cut = 0;
      let depth = 0;
      for (let i = 0; i < before.length; i++) {
        const c = before.charAt(i);
        if (c === '(') depth++;
        else if (c === ')' && depth > 0) depth--;
        else if (depth === 0 && /[,.;:]/.test(c)) cut = i + 1;
      }
      const name = before
        .slice(cut)
        .replace(/\s*\([\p{Lu}\d&\s-]{2,}\)/gu, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (name !== '' && name.length <= 120 && startsWithUnit(name)) this.header.issuingBody = name;
      return;
    }
  }

  // ── paragraphs ──

  private paragraphs(cleaned: Array<{ text: string; hash: boolean }>, from: number, to: number): Para[] {
    // Text extracted from a PDF is broken at a fixed width: then a full-width line that does not end a
    // sentence runs on into the next line even when that one begins with a capital.
    const lens: number[] = [];
    for (let i = Math.max(0, from); i < to; i++) {
      const n = cleaned[i]?.text.length ?? 0;
      if (n > 0) lens.push(n);
    }
    const long = lens.filter((n) => n > 160).length;
    const mid = lens.filter((n) => n >= 40).sort((a, b) => a - b);
    if (lens.length >= 5 && long / lens.length < 0.05 && mid.length >= 3) {
      this.wrapWidth = mid[Math.floor(mid.length * 0.75)] ?? Number.POSITIVE_INFINITY;
    }

    const paras: Para[] = [];
    let cur: Para | null = null;
    for (let i = Math.max(0, from); i < to; i++) {
      const line = cleaned[i];
      if (!line || line.text === '') continue;
      const c = classify(line.text);
      const row = i + 1;
      if (cur && c.kind === 'text' && c.bullet === '' && !line.hash && this.joins(cur, line.text)) {
        cur.starts.push(cur.text.length + 1);
        cur.text = `${cur.text} ${line.text}`;
        cur.lines.push(row);
        cur.lastLen = line.text.length;
        continue;
      }
      cur = {
        kind: c.kind,
        marker: c.marker,
        bullet: c.bullet,
        text: c.text,
        lines: [row],
        starts: [0],
        hash: line.hash,
        lastLen: line.text.length,
      };
      paras.push(cur);
    }
    return paras;
  }

  /** Whether a text line continues the current paragraph (a line broken by PDF or Word). */
  private joins(cur: Para, line: string): boolean {
    if (unbalanced(cur.text)) return true;
    if (isLowerAt(line, 0)) return true;
    if (cur.hash) return false;
    if (/(?:[.;:!?…]|\.\)|\)\.)\s*$/.test(cur.text)) return false;
    if (cur.kind !== 'text') return cur.lastLen >= 0.8 * this.wrapWidth;
    if (line.startsWith('(')) return false;
    return true;
  }

  // ── tree ──

  private tree(paras: Para[]): Node {
    const hasRoman = paras.some((p) => p.kind === 'roman');
    const root: Node = {
      kind: 'root',
      number: '',
      path: '',
      heading: null,
      content: [],
      children: [],
      context: true,
    };
    let part: Node = root;
    let open: Node[] = [];
    const asText = (p: Para) => {
      const prefix = p.kind === 'letter' ? `${p.marker}) ` : p.marker ? `${p.marker}. ` : '';
      const target = open[open.length - 1] ?? part;
      target.content.push({ ...p, kind: 'text', marker: '', text: `${prefix}${p.text}` });
    };

    for (const p of paras) {
      if (p.kind === 'roman') {
        if (this.used.has(p.marker)) {
          this.warn(
            p.lines[0] ?? 1,
            `Phần "${p.marker}" lặp lại; đoạn này được đọc như nội dung của mục trước`,
          );
          asText(p);
          continue;
        }
        const node: Node = {
          kind: 'roman',
          number: p.marker,
          path: p.marker,
          heading: p,
          content: [],
          children: [],
          context: isContextHeading(p.text),
        };
        this.used.add(node.path);
        root.children.push(node);
        part = node;
        open = [];
        continue;
      }
      if (p.kind === 'num') {
        const comps = p.marker.split('.');
        const parentNumber = comps.slice(0, -1).join('.');
        let parent: Node = part;
        let at = -1;
        if (parentNumber !== '') {
          for (let i = open.length - 1; i >= 0; i--) {
            const o = open[i];
            if (o?.kind === 'num' && o.number === parentNumber) {
              parent = o;
              at = i;
              break;
            }
          }
          if (at < 0) {
            this.warn(
              p.lines[0] ?? 1,
              `Không tìm thấy mục "${parentNumber}" chứa mục con "${p.marker}"${part.path ? ` trong phần ${part.path}` : ''}`,
            );
            for (let i = open.length - 1; i >= 0; i--) {
              const o = open[i];
              if (o?.kind === 'num' && o.number.split('.').length < comps.length) {
                parent = o;
                at = i;
                break;
              }
            }
          }
        }
        const path = part.path ? `${part.path}.${p.marker}` : p.marker;
        if (this.used.has(path)) {
          this.warn(
            p.lines[0] ?? 1,
            `Số thứ tự "${p.marker}" lặp lại${part.path ? ` trong phần ${part.path}` : ''}; đoạn này được đọc như nội dung của mục trước`,
          );
          asText(p);
          continue;
        }
        const context =
          parent.kind === 'root' ? (hasRoman ? true : isContextHeading(p.text)) : parent.context;
        const node: Node = {
          kind: 'num',
          number: p.marker,
          path,
          heading: p,
          content: [],
          children: [],
          context,
        };
        this.used.add(path);
        parent.children.push(node);
        open = at >= 0 ? open.slice(0, at + 1) : [];
        open.push(node);
        continue;
      }
      if (p.kind === 'letter') {
        let parent: Node = part;
        let at = -1;
        for (let i = open.length - 1; i >= 0; i--) {
          const o = open[i];
          if (o?.kind === 'num') {
            parent = o;
            at = i;
            break;
          }
        }
        const number = parent.kind === 'num' ? `${parent.number}.${p.marker}` : p.marker;
        const path = parent.path ? `${parent.path}.${p.marker}` : p.marker;
        if (this.used.has(path)) {
          asText(p);
          continue;
        }
        const node: Node = {
          kind: 'letter',
          number,
          path,
          heading: p,
          content: [],
          children: [],
          context: parent.kind === 'root' ? hasRoman || isContextHeading(p.text) : parent.context,
        };
        this.used.add(path);
        parent.children.push(node);
        open = at >= 0 ? open.slice(0, at + 1) : [];
        open.push(node);
        continue;
      }
      const target = open[open.length - 1] ?? part;
      target.content.push(p);
    }
    return root;
  }

  // ── blocks ──

  private lineAt(p: Para, offset: number): number {
    let row = p.lines[0] ?? 1;
    for (let i = 0; i < p.starts.length; i++) {
      if ((p.starts[i] ?? 0) <= offset) row = p.lines[i] ?? row;
    }
    return row;
  }

  /** Cuts a node's heading + body into blocks at the responsibility parentheses. */
  private segments(node: Node): Segment[] {
    const stream: Array<{ para: Para; isHeading: boolean }> = [];
    if (node.heading && node.kind !== 'root') stream.push({ para: node.heading, isHeading: true });
    for (const p of node.content) stream.push({ para: p, isHeading: false });

    const segs: Segment[] = [];
    let cur: Segment = { pieces: [], resp: null, after: [], lines: [], closed: false };
    let lastClosed: Segment | null = null;
    for (const { para, isHeading } of stream) {
      const text = para.text;
      if (lastClosed && cur.pieces.length === 0 && !isHeading) {
        const timing = this.timingParagraph(text);
        if (timing !== null) {
          lastClosed.after.push(timing);
          lastClosed.lines.push(...para.lines);
          continue;
        }
      }
      let from = 0;
      for (const paren of findParens(text)) {
        const resp = parseParen(paren.inner, this.lineAt(para, paren.start));
        if (!resp) continue;
        const before = text.slice(from, paren.start);
        if (/[\p{L}\p{N}]/u.test(before)) {
          cur.pieces.push({
            text: tidy(before),
            bullet: from === 0 ? para.bullet : '',
            lines: para.lines.filter((_, i) => (para.starts[i] ?? 0) < paren.start),
            isHeading: isHeading && from === 0,
          });
        }
        cur.resp = resp;
        cur.closed = true;
        cur.lines.push(resp.row);
        segs.push(cur);
        lastClosed = cur;
        cur = { pieces: [], resp: null, after: [], lines: [], closed: false };
        from = paren.end;
      }
      if (from === 0) {
        cur.pieces.push({ text: tidy(text), bullet: para.bullet, lines: [...para.lines], isHeading });
        continue;
      }
      const rest = text.slice(from).replace(/^[\s.,;:]+/, '');
      if (!/[\p{L}\p{N}]/u.test(rest)) continue;
      const timing = lastClosed ? this.timingParagraph(rest) : null;
      if (timing !== null && lastClosed) lastClosed.after.push(timing);
      else {
        cur.pieces.push({
          text: tidy(rest),
          bullet: '',
          lines: para.lines.filter((_, i) => (para.starts[i + 1] ?? Number.POSITIVE_INFINITY) > from),
          isHeading: false,
        });
      }
    }
    if (cur.pieces.length > 0) segs.push(cur);
    return segs;
  }

  /** An assignment written in the sentence of an open block (task parts only). */
  private inText(seg: Segment): Responsibility | null {
    const heading = seg.pieces.find((p) => p.isHeading);
    const body = seg.pieces.filter((p) => !p.isHeading);
    if (heading && body.length > 0) {
      const r = readUnitHeading(heading.text, heading.lines[0] ?? 1);
      if (r) return r;
    }
    const tries = [...(heading ? [heading] : []), ...body.slice(0, 2)];
    for (const p of tries) {
      const r = readSentence(p.text, p.lines[0] ?? 1);
      if (r) return r;
    }
    return null;
  }

  // ── timing ──

  /** The timing phrase when the whole text is one ("(Thực hiện thường xuyên)"), else null. */
  private timingParagraph(text: string): string | null {
    let t = text
      .trim()
      .replace(/[.;,]+$/, '')
      .trim();
    if (t.startsWith('(') && t.endsWith(')')) {
      const parens = findParens(t);
      if (parens.length === 1 && parens[0]?.start === 0 && parens[0].end === t.length) t = t.slice(1, -1);
    }
    return this.timingPhrase(t);
  }

  private timingPhrase(text: string): string | null {
    let t = text.trim().replace(/[.;,\s]+$/, '');
    if (t === '' || t.length > 160) return null;
    let f = fold(t);
    const label = TIMING_LABEL.exec(f);
    if (label) {
      t = t.slice(label[0].length);
      f = f.slice(label[0].length);
    }
    const lead = TIMING_LEAD_IN.exec(f);
    const core = lead ? f.slice(lead[0].length) : f;
    if (!TIMING_CORE.test(core) || /chu tri|phoi hop voi/.test(f)) return null;
    if (parseTimeframe(t, this.tfContext).confidence === 'unreadable') return null;
    return t;
  }

  /** Timing phrases of a block, in text order. */
  private timings(pieces: Piece[], resp: Responsibility | null, after: string[]): string[] {
    const out: string[] = [];
    for (const p of pieces) {
      const found: Array<{ at: number; text: string }> = [];
      if (p.isHeading) {
        const whole = this.timingPhrase(p.text);
        if (whole !== null) {
          out.push(whole);
          continue;
        }
      }
      let masked = p.text;
      for (const paren of findParens(p.text)) {
        const t = this.timingPhrase(paren.inner);
        if (t !== null) found.push({ at: paren.start, text: t });
        masked = masked.slice(0, paren.start) + ' '.repeat(paren.end - paren.start) + masked.slice(paren.end);
      }
      const f = fold(masked);
      const inline: Array<{ at: number; end: number; text: string }> = [];
      for (const re of INLINE_TIMING) {
        re.lastIndex = 0;
        for (const m of f.matchAll(re)) {
          const at = m.index ?? 0;
          inline.push({ at, end: at + m[0].length, text: p.text.slice(at, at + m[0].length).trim() });
        }
      }
      inline.sort((a, b) => a.at - b.at || b.end - a.end);
      let end = -1;
      for (const m of inline) {
        if (m.at < end) continue;
        found.push({ at: m.at, text: m.text });
        end = m.end;
      }
      found.sort((a, b) => a.at - b.at);
      for (const x of found) out.push(x.text);
    }
    if (resp && resp.tail !== '') {
      const t = this.timingPhrase(resp.tail);
      if (t !== null) out.push(t);
    }
    out.push(...after);
    const seen = new Set<string>();
    return out.filter((t) => {
      const k = fold(t).replace(/\s+/g, ' ');
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }

  // ── items ──

  private nextPath(node: Node, counter: { k: number }): { number: string; path: string } {
    for (;;) {
      const k = counter.k++;
      const number = node.kind === 'num' || node.kind === 'letter' ? `${node.number}.${k}` : `${k}`;
      const path = node.path ? `${node.path}.${k}` : `${k}`;
      if (!this.used.has(path)) {
        this.used.add(path);
        return { number, path };
      }
    }
  }

  private makeItem(
    kind: 'section' | 'task',
    number: string,
    path: string,
    parentPath: string | null,
    pieces: Piece[],
    seg: Segment | null,
  ): AppendixItem {
    const resp = seg?.resp ?? null;
    const title =
      pieces.length === 1
        ? (pieces[0]?.text ?? '')
        : pieces.map((p) => (p.bullet ? `${p.bullet} ${p.text}` : p.text)).join('\n');
    const timeframeText = this.timings(pieces, resp, seg?.after ?? []).join('; ');
    const schedule: Schedule | null =
      timeframeText === '' ? null : parseTimeframe(timeframeText, this.tfContext);
    const lead = unitsOf(resp?.leadText ?? '');
    const coord = unitsOf(resp?.coordText ?? '');
    const guided = unitsOf(resp?.guidedText ?? '');
    const coordinatingNames = [...coord.names];
    const leadKeys = new Set(lead.names.map((n) => fold(n)));
    for (const n of guided.names) {
      if (!coordinatingNames.some((c) => fold(c) === fold(n)) && !leadKeys.has(fold(n)))
        coordinatingNames.push(n);
    }
    const notes: string[] = [...lead.notes, ...coord.notes];
    if (resp && resp.guidedText !== '') notes.push(`Hướng dẫn ${resp.guidedText} thực hiện`);
    if (resp && resp.tail !== '' && this.timingPhrase(resp.tail) === null) notes.push(resp.tail);
    const rows = new Set<number>();
    for (const p of pieces) for (const r of p.lines) rows.add(r);
    for (const r of seg?.lines ?? []) rows.add(r);
    const sourceRows = [...rows].sort((a, b) => a - b);
    const coordinatingText = resp
      ? [resp.coordText, resp.guidedText ? `hướng dẫn ${resp.guidedText}` : '']
          .filter((s) => s !== '')
          .join(' ')
      : '';
    const item: AppendixItem = {
      kind,
      number,
      path,
      parentPath,
      title,
      timeframeText,
      schedule,
      leadText: resp?.leadText ?? '',
      leadNames: lead.names,
      leadRoles: lead.roles,
      jointLead: lead.names.length > 1 && /\//.test((resp?.leadText ?? '').replace(/\([^()]*\)/g, '')),
      coordinatingText,
      coordinatingNames,
      note: notes.join('; '),
      sourceRows,
    };
    const firstRow = sourceRows[0] ?? 1;
    if (schedule?.confidence === 'unreadable') {
      this.warn(
        firstRow,
        `Không đọc được thời gian thực hiện "${timeframeText}" của mục ${path}; cần nhập lại`,
        TIMEFRAME,
      );
    }
    if (resp) {
      if (lead.names.length === 0) {
        this.warn(
          resp.row,
          `Ngoặc phân công "${snippet(resp.raw)}" không ghi đơn vị chủ trì; nhiệm vụ ${path} cần được phân công`,
        );
      }
      if (resp.source === 'text') {
        this.warn(
          resp.row,
          `Nhiệm vụ ${path}: đơn vị thực hiện được đọc từ câu "${snippet(resp.raw)}" (không có ngoặc phân công); cần kiểm tra lại`,
        );
      }
    }
    return item;
  }

  /** `inherited`: an ancestor names the lead, so an unassigned block below it is that unit's duty. */
  private emit(node: Node, parentPath: string | null, inherited: boolean): AppendixItem[] {
    const segs = this.segments(node);
    const task = !node.context;
    const taskSegs: Segment[] = [];
    for (const seg of segs) {
      if (seg.closed) {
        if (!hasText(seg.pieces)) {
          this.warn(
            seg.resp?.row ?? seg.lines[0] ?? 1,
            `Ngoặc phân công "${snippet(seg.resp?.raw ?? '')}" không đi kèm nội dung công việc nào; chưa tạo nhiệm vụ`,
          );
          continue;
        }
        taskSegs.push(seg);
        continue;
      }
      if (!task) continue;
      const headingOnly = seg.pieces.every((p) => p.isHeading);
      if (headingOnly && node.children.length > 0) {
        // "1. Ban An toàn giao thông tỉnh" over its duties a), b), c)
        const h = seg.pieces[0];
        const resp = h ? readUnitHeading(h.text, h.lines[0] ?? 1) : null;
        if (resp) {
          seg.resp = resp;
          taskSegs.push(seg);
        }
        continue;
      }
      const resp = this.inText(seg);
      if (resp) {
        seg.resp = resp;
        taskSegs.push(seg);
        continue;
      }
      if (!hasText(seg.pieces) || node.kind === 'root') continue;
      if (inherited) {
        taskSegs.push(seg);
        continue;
      }
      const first = seg.pieces.find((p) => !p.isHeading) ?? seg.pieces[0];
      this.warn(
        first?.lines[0] ?? 1,
        `Đoạn "${snippet(first?.text ?? '')}" không ghi đơn vị thực hiện; chưa tạo nhiệm vụ, cần phân công thủ công`,
      );
    }

    const first = taskSegs[0];
    const headingOnlyFirst =
      !!first && first === segs[0] && first.pieces.length > 0 && first.pieces.every((p) => p.isHeading);
    let own: Segment | null = null;
    let childSegs: Segment[] = taskSegs;
    if (headingOnlyFirst) {
      own = first;
      childSegs = taskSegs.slice(1);
    } else if ((node.kind === 'num' || node.kind === 'letter') && taskSegs.length === 1) {
      own = first ?? null;
      childSegs = [];
    }
    // The heading belongs to the item itself, not to its first child block.
    childSegs = childSegs.map((s) => ({ ...s, pieces: s.pieces.filter((p) => !p.isHeading) }));

    const isRoot = node.kind === 'root';
    const myPath = isRoot ? null : node.path;
    const counter = { k: 1 };
    const childItems: AppendixItem[] = [];
    for (const seg of childSegs) {
      const { number, path } = this.nextPath(node, counter);
      childItems.push(this.makeItem('task', number, path, myPath, seg.pieces, seg));
    }
    const below = inherited || (own?.resp?.leadText ?? '') !== '';
    for (const child of node.children) childItems.push(...this.emit(child, myPath, below));
    if (isRoot) return childItems;
    if (!own && childItems.length === 0) return [];

    const headingPiece: Piece[] = node.heading
      ? [{ text: tidy(node.heading.text), bullet: '', lines: [...node.heading.lines], isHeading: true }]
      : [];
    const kind = node.kind === 'roman' ? 'section' : 'task';
    const pieces = own ? own.pieces : headingPiece;
    const self = this.makeItem(kind, node.number, node.path, parentPath, pieces, own);
    return [self, ...childItems];
  }
}

function isoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
