/**
 * Report forms as data (biểu mẫu báo cáo): indicators (numbers with a unit and limits), narrative sections,
 * small tables, and rules across fields. The office edits forms without code; a submission is checked
 * against the version of the form it was made on.
 *
 * Messages are Vietnamese (they are shown to the people filling the form in); `path` names the field.
 */

export const INDICATOR_KINDS = ['integer', 'number', 'percent', 'money'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const COLUMN_KINDS = ['text', 'integer', 'number'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export const RULE_OPERATORS = ['<=', '<', '=', '>=', '>'] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/** A number the unit reports (chỉ tiêu), e.g. "Số buổi tuyên truyền" in "buổi". */
export interface Indicator {
  /** stable key, e.g. 'propaganda_sessions' */
  code: string;
  label: string;
  /** unit of measure, e.g. 'buổi', 'người', 'đồng' */
  unit: string;
  kind: IndicatorKind;
  required: boolean;
  min?: number | null;
  max?: number | null;
  /** heading the indicator is listed under, e.g. 'Công tác tuyên truyền' */
  group?: string | null;
}

/** A passage of text (e.g. "Kết quả thực hiện", "Tồn tại, hạn chế"). */
export interface NarrativeSection {
  code: string;
  title: string;
  hint?: string | null;
  required: boolean;
}

export interface TableColumn {
  code: string;
  label: string;
  kind: ColumnKind;
}

/** A small table of rows the unit adds (e.g. the peak campaigns it ran). */
export interface SmallTable {
  code: string;
  title: string;
  columns: TableColumn[];
  maxRows: number;
}

/** A rule across indicators: sum(left) op sum(right), e.g. deaths of students ≤ deaths. */
export interface CrossFieldRule {
  code: string;
  left: string[];
  operator: RuleOperator;
  right: string[];
  message: string;
}

export interface FormDefinition {
  indicators: Indicator[];
  sections: NarrativeSection[];
  tables: SmallTable[];
  rules: CrossFieldRule[];
}

export type TableCellValue = string | number | null;

/** What a unit fills in. */
export interface SubmissionValues {
  indicators: Record<string, number | null>;
  sections: Record<string, string>;
  tables: Record<string, Record<string, TableCellValue>[]>;
}

export interface Problem {
  path: string;
  message: string;
}

export const emptyValues = (): SubmissionValues => ({ indicators: {}, sections: {}, tables: {} });

const CODE = /^[a-z][a-z0-9_]{0,59}$/;

/** Problems of a form definition itself (codes unique and well formed, rules naming real indicators …). */
export function checkDefinition(def: FormDefinition): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const code = (path: string, value: string) => {
    if (!CODE.test(value))
      problems.push({
        path,
        message: `Mã "${value}" không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ.`,
      });
    else if (seen.has(value)) problems.push({ path, message: `Mã "${value}" bị trùng.` });
    seen.add(value);
  };
  if (def.indicators.length + def.sections.length + def.tables.length === 0)
    problems.push({
      path: 'indicators',
      message: 'Biểu mẫu cần ít nhất một chỉ tiêu, một mục nội dung hoặc một bảng.',
    });
  def.indicators.forEach((ind, i) => {
    code(`indicators.${i}.code`, ind.code);
    if (ind.min != null && ind.max != null && ind.min > ind.max)
      problems.push({
        path: `indicators.${i}.max`,
        message: 'Giá trị lớn nhất phải không nhỏ hơn giá trị nhỏ nhất.',
      });
  });
  def.sections.forEach((s, i) => {
    code(`sections.${i}.code`, s.code);
  });
  def.tables.forEach((t, i) => {
    code(`tables.${i}.code`, t.code);
    if (t.columns.length === 0)
      problems.push({ path: `tables.${i}.columns`, message: 'Bảng cần ít nhất một cột.' });
    const cols = new Set<string>();
    t.columns.forEach((c, k) => {
      if (!CODE.test(c.code) || cols.has(c.code))
        problems.push({
          path: `tables.${i}.columns.${k}.code`,
          message: `Mã cột "${c.code}" không hợp lệ hoặc bị trùng.`,
        });
      cols.add(c.code);
    });
  });
  const indicatorCodes = new Set(def.indicators.map((x) => x.code));
  def.rules.forEach((r, i) => {
    code(`rules.${i}.code`, r.code);
    if (r.left.length === 0 || r.right.length === 0)
      problems.push({ path: `rules.${i}`, message: 'Quy tắc cần chỉ tiêu ở cả hai vế.' });
    for (const side of ['left', 'right'] as const)
      r[side].forEach((c, k) => {
        if (!indicatorCodes.has(c))
          problems.push({
            path: `rules.${i}.${side}.${k}`,
            message: `Quy tắc nhắc tới chỉ tiêu "${c}" không có trong biểu mẫu.`,
          });
      });
  });
  return problems;
}

const fmt = (n: number) => n.toLocaleString('vi-VN');

const holds = (a: number, op: RuleOperator, b: number) =>
  op === '<=' ? a <= b : op === '<' ? a < b : op === '=' ? a === b : op === '>=' ? a >= b : a > b;

/** Indicators, sections and tables the form does not have. */
export function unknownFields(def: FormDefinition, values: SubmissionValues): Problem[] {
  const problems: Problem[] = [];
  const known = (codes: { code: string }[]) => new Set(codes.map((x) => x.code));
  const indicators = known(def.indicators);
  for (const key of Object.keys(values.indicators))
    if (!indicators.has(key))
      problems.push({ path: `indicators.${key}`, message: `Chỉ tiêu "${key}" không có trong biểu mẫu.` });
  const sections = known(def.sections);
  for (const key of Object.keys(values.sections))
    if (!sections.has(key))
      problems.push({ path: `sections.${key}`, message: `Mục "${key}" không có trong biểu mẫu.` });
  const tables = known(def.tables);
  for (const key of Object.keys(values.tables))
    if (!tables.has(key))
      problems.push({ path: `tables.${key}`, message: `Bảng "${key}" không có trong biểu mẫu.` });
  return problems;
}

/**
 * Problems of a submission against its form. `complete` (on submit) also requires the required fields and
 * the rules across fields; a draft may be partial but what it holds must still be valid numbers within limits.
 */
export function checkValues(def: FormDefinition, values: SubmissionValues, complete: boolean): Problem[] {
  const problems: Problem[] = unknownFields(def, values);
  for (const ind of def.indicators) {
    const path = `indicators.${ind.code}`;
    const v = values.indicators[ind.code];
    if (v === undefined || v === null) {
      if (complete && ind.required) problems.push({ path, message: `Chưa nhập "${ind.label}".` });
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      problems.push({ path, message: `"${ind.label}" phải là số.` });
      continue;
    }
    if ((ind.kind === 'integer' || ind.kind === 'money') && !Number.isInteger(v))
      problems.push({ path, message: `"${ind.label}" phải là số nguyên.` });
    const min = ind.min ?? (ind.kind === 'percent' ? 0 : ind.kind === 'number' ? null : 0);
    const max = ind.max ?? (ind.kind === 'percent' ? 100 : null);
    if (min !== null && v < min)
      problems.push({ path, message: `"${ind.label}" không được nhỏ hơn ${fmt(min)}.` });
    if (max !== null && v > max)
      problems.push({ path, message: `"${ind.label}" không được lớn hơn ${fmt(max)}.` });
  }
  if (complete)
    for (const s of def.sections)
      if (s.required && !(values.sections[s.code] ?? '').trim())
        problems.push({ path: `sections.${s.code}`, message: `Chưa viết mục "${s.title}".` });
  for (const t of def.tables) {
    const rows = values.tables[t.code] ?? [];
    if (rows.length > t.maxRows)
      problems.push({ path: `tables.${t.code}`, message: `Bảng "${t.title}" có tối đa ${t.maxRows} dòng.` });
    rows.forEach((row, r) => {
      for (const col of t.columns) {
        const cell = row[col.code];
        if (cell === undefined || cell === null || cell === '') continue;
        if (col.kind !== 'text' && (typeof cell !== 'number' || !Number.isFinite(cell) || cell < 0))
          problems.push({
            path: `tables.${t.code}.${r}.${col.code}`,
            message: `Bảng "${t.title}", dòng ${r + 1}, cột "${col.label}": phải là số không âm.`,
          });
        else if (col.kind === 'integer' && !Number.isInteger(cell))
          problems.push({
            path: `tables.${t.code}.${r}.${col.code}`,
            message: `Bảng "${t.title}", dòng ${r + 1}, cột "${col.label}": phải là số nguyên.`,
          });
      }
    });
  }
  // Rules across fields: checked on a complete report, when every indicator they name has a value (a draft
  // is often half typed: "students ≤ participants" fails until both are in).
  for (const rule of complete ? def.rules : []) {
    const all = [...rule.left, ...rule.right];
    if (!all.every((c) => typeof values.indicators[c] === 'number')) continue;
    const sum = (codes: string[]) => codes.reduce((a, c) => a + (values.indicators[c] as number), 0);
    if (!holds(sum(rule.left), rule.operator, sum(rule.right)))
      problems.push({ path: `indicators.${rule.left[0]}`, message: rule.message });
  }
  return problems;
}
