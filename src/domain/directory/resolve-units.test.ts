import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDemoProvince } from '../demo/index.ts';
import {
  canonicalKey,
  createUnitResolver,
  type DirectoryUnit,
  damerauLevenshtein,
  type Resolution,
  splitUnitList,
} from './resolve-units.ts';

const demo = buildDemoProvince();
const levelOf = new Map(demo.adminUnits.map((a) => [a.id, a.level]));
const units: DirectoryUnit[] = demo.orgUnits.map((o, i) => ({
  ...o,
  id: i + 1,
  adminLevel: o.adminUnitId ? (levelOf.get(o.adminUnitId) ?? null) : null,
  aliases: o.aliases.map((a) => ({ ...a })),
}));
const resolver = createUnitResolver(units);

const BEFORE = '2024-05-01'; // districts exist, Sở GTVT still had its old name
const AFTER = '2026-03-01'; // two-tier local government, Sở Xây dựng

/** Compact description of a resolution, for hand-written expectations. */
function d(r: Resolution): string {
  switch (r.status) {
    case 'resolved':
      return r.unit.code;
    case 'group':
      return `group:${r.group}`;
    case 'ambiguous':
      return `ambiguous:${r.candidates.map((c) => c.unit.code).join('|')}`;
    case 'unknown':
      return 'unknown';
  }
}

function expectResolved(r: Resolution, code: string, matchedBy?: string) {
  expect(r.status, JSON.stringify({ text: r.text, status: r.status })).toBe('resolved');
  if (r.status !== 'resolved') return;
  expect(r.unit.code).toBe(code);
  if (matchedBy) expect(r.matchedBy).toBe(matchedBy);
  expect(r.score).toBeGreaterThan(0);
  expect(r.score).toBeLessThanOrEqual(1);
}

describe('splitUnitList', () => {
  it('splits on / ; , with stray spaces', () => {
    expect(splitUnitList('Công an tỉnh/ Sở Xây dựng')).toEqual([
      { name: 'Công an tỉnh' },
      { name: 'Sở Xây dựng' },
    ]);
    expect(splitUnitList('Sở Y tế/Công an tỉnh')).toEqual([{ name: 'Sở Y tế' }, { name: 'Công an tỉnh' }]);
    expect(splitUnitList('Công an tỉnh, Sở Xây dựng ;Ban ATGT tỉnh.')).toEqual([
      { name: 'Công an tỉnh' },
      { name: 'Sở Xây dựng' },
      { name: 'Ban ATGT tỉnh' },
    ]);
  });

  it('pulls a trailing parenthesis out as role', () => {
    expect(splitUnitList('Ban ATGT tỉnh (chủ trì đoàn kiểm tra liên ngành)')).toEqual([
      { name: 'Ban ATGT tỉnh', role: 'chủ trì đoàn kiểm tra liên ngành' },
    ]);
    // Delimiters inside the parenthesis do not split.
    expect(splitUnitList('Sở Y tế (chủ trì, phối hợp/báo cáo); Công an tỉnh')).toEqual([
      { name: 'Sở Y tế', role: 'chủ trì, phối hợp/báo cáo' },
      { name: 'Công an tỉnh' },
    ]);
  });

  it('keeps names and group phrases that contain commas whole', () => {
    expect(splitUnitList('Sở Văn hóa, Thể thao và Du lịch')).toEqual([
      { name: 'Sở Văn hóa, Thể thao và Du lịch' },
    ]);
    expect(splitUnitList('Các sở, ban, ngành; UBND các xã, phường')).toEqual([
      { name: 'Các sở, ban, ngành' },
      { name: 'UBND các xã, phường' },
    ]);
    expect(splitUnitList('UBND các huyện, thị xã, thành phố, Công an tỉnh')).toEqual([
      { name: 'UBND các huyện, thị xã, thành phố' },
      { name: 'Công an tỉnh' },
    ]);
    expect(splitUnitList('Các sở, ngành, UBND các xã, phường')).toEqual([
      { name: 'Các sở, ngành' },
      { name: 'UBND các xã, phường' },
    ]);
    expect(splitUnitList('Báo và Phát thanh, Truyền hình tỉnh, UBND các xã')).toEqual([
      { name: 'Báo và Phát thanh, Truyền hình tỉnh' },
      { name: 'UBND các xã' },
    ]);
    expect(splitUnitList('các sở, ban, ngành, đoàn thể tỉnh; UBND các huyện, TX, thành phố')).toEqual([
      { name: 'các sở, ban, ngành, đoàn thể tỉnh' },
      { name: 'UBND các huyện, TX, thành phố' },
    ]);
  });

  it("splits on ' và ' only before the start of another unit name", () => {
    expect(splitUnitList('Sở Giáo dục và Đào tạo')).toEqual([{ name: 'Sở Giáo dục và Đào tạo' }]);
    expect(splitUnitList('Sở Khoa học và Công nghệ')).toEqual([{ name: 'Sở Khoa học và Công nghệ' }]);
    expect(splitUnitList('Mặt trận Tổ quốc và các đoàn thể')).toEqual([
      { name: 'Mặt trận Tổ quốc và các đoàn thể' },
    ]);
    expect(splitUnitList('Sở Tư pháp và Công an tỉnh')).toEqual([
      { name: 'Sở Tư pháp' },
      { name: 'Công an tỉnh' },
    ]);
    expect(splitUnitList('UBND các huyện, thành phố và các cơ quan báo chí')).toEqual([
      { name: 'UBND các huyện, thành phố' },
      { name: 'các cơ quan báo chí' },
    ]);
  });

  it("returns a note-only fragment with name '' and the note as role", () => {
    expect(splitUnitList('(ít nhất 02 buổi/năm học)')).toEqual([
      { name: '', role: 'ít nhất 02 buổi/năm học' },
    ]);
    expect(splitUnitList('')).toEqual([]);
    expect(splitUnitList(' ; , / ')).toEqual([]);
  });

  it('does not split đ/c', () => {
    expect(splitUnitList('đ/c Giám đốc Sở Y tế; Công an tỉnh')).toEqual([
      { name: 'đ/c Giám đốc Sở Y tế' },
      { name: 'Công an tỉnh' },
    ]);
  });
});

describe('canonicalKey and distance', () => {
  it('folds abbreviations and spellings together', () => {
    expect(canonicalKey('Sở GD&ĐT')).toBe(canonicalKey('Sở Giáo dục và Đào tạo'));
    expect(canonicalKey('Sở GDĐT')).toBe(canonicalKey('Sở GD & ĐT'));
    expect(canonicalKey('UBND tỉnh')).toBe(canonicalKey('Ủy ban nhân dân tỉnh'));
    expect(canonicalKey('Uỷ ban nhân dân tỉnh')).toBe(canonicalKey('UBND TỈNH.'));
    expect(canonicalKey('CA tỉnh')).toBe(canonicalKey('Công an tỉnh'));
    expect(canonicalKey('Ban An toàn giao thông tỉnh')).toBe(canonicalKey('Ban ATGT tỉnh'));
    expect(canonicalKey('đ/c Trưởng Công an tỉnh')).toBe('truong cong an tinh');
  });

  it('is a real Damerau–Levenshtein (optimal string alignment) distance', () => {
    expect(damerauLevenshtein('tinh', 'tihn')).toBe(1);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
    expect(damerauLevenshtein('so noi vu', 'so ngoai vu')).toBe(2);
  });
});

describe('resolve: names, abbreviations, codes', () => {
  it.each([
    ['Công an tỉnh', 'CA', 'name'],
    ['CA tỉnh', 'CA', 'short_name'],
    ['Công an tỉnh Lai Châu', 'CA', 'alias'],
    ['Sở GD&ĐT', 'SGDDT', 'alias'],
    ['Sở GDĐT', 'SGDDT', 'short_name'],
    ['Sở Giáo dục và Đào tạo', 'SGDDT', 'name'],
    ['UBND tỉnh', 'UBND-LC', 'short_name'],
    ['Ủy ban nhân dân tỉnh', 'UBND-LC', 'short_name'],
    ['Ủy ban nhân dân tỉnh Lai Châu', 'UBND-LC', 'name'],
    ['Phòng CSGT', 'PC08', 'short_name'],
    ['Phòng Cảnh sát giao thông', 'PC08', 'name'],
    ['PC08', 'PC08', 'code'],
    ['Ban ATGT tỉnh', 'BATGT', 'short_name'],
    ['Ban An toàn giao thông tỉnh', 'BATGT', 'name'],
    ['Văn phòng Ban ATGT tỉnh', 'VP-BATGT', 'alias'],
    ['Tỉnh đoàn', 'TINHDOAN', 'name'],
    ['Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL', 'name'],
    ['Sở Khoa học và Công nghệ', 'SKHCN', 'name'],
  ])('%s → %s by %s', (text, code, by) => {
    expectResolved(resolver.resolve(text, AFTER), code, by);
  });

  it('strips noise: đ/c, a title, trailing dot, "các", "tỉnh"/the province name', () => {
    expectResolved(resolver.resolve('đ/c Giám đốc Sở Y tế', AFTER), 'SYT');
    expectResolved(resolver.resolve('Sở Y tế.', AFTER), 'SYT', 'name');
    expectResolved(resolver.resolve('Sở Y tế tỉnh', AFTER), 'SYT');
    expectResolved(resolver.resolve('Báo và Phát thanh, Truyền hình tỉnh', AFTER), 'BPTTH');
    expectResolved(resolver.resolve('Phòng Cảnh sát giao thông chủ trì', AFTER), 'PC08');
  });

  it('keeps the role from a trailing parenthesis', () => {
    const r = resolver.resolve('Ban ATGT tỉnh (tham mưu thành lập đoàn kiểm tra liên ngành)', AFTER);
    expectResolved(r, 'BATGT');
    expect(r.status === 'resolved' && r.role).toBe('tham mưu thành lập đoàn kiểm tra liên ngành');
    expect(r.text).toBe('Ban ATGT tỉnh (tham mưu thành lập đoàn kiểm tra liên ngành)');
  });
});

describe('resolve: former names', () => {
  it.each([BEFORE, '2025-02-28', '2025-03-01', AFTER])('Sở GTVT on %s → Sở Xây dựng', (date) => {
    expectResolved(resolver.resolve('Sở GTVT', date), 'SXD', 'former_name');
    expectResolved(resolver.resolve('Sở Giao thông vận tải', date), 'SXD', 'former_name');
  });

  it('other renamed departments', () => {
    expectResolved(resolver.resolve('Sở TTTT', AFTER), 'SKHCN', 'former_name');
    expectResolved(resolver.resolve('Sở Kế hoạch và Đầu tư', AFTER), 'STC', 'former_name');
    expectResolved(resolver.resolve('Sở LĐTBXH', AFTER), 'SNV', 'former_name');
    expectResolved(resolver.resolve('Đài PT-TH tỉnh', AFTER), 'BPTTH', 'former_name');
  });

  it('prefers a unit valid under that name over a successor reached by its former name', () => {
    const base = units.find((u) => u.code === 'SXD');
    if (!base) throw new Error('no SXD');
    const oldGtvt: DirectoryUnit = {
      ...base,
      id: 'old',
      code: 'SGTVT',
      name: 'Sở Giao thông vận tải',
      shortName: 'Sở GTVT',
      validTo: '2025-02-28',
      aliases: [],
    };
    const r = createUnitResolver([...units, oldGtvt]);
    expectResolved(r.resolve('Sở GTVT', BEFORE), 'SGTVT', 'short_name');
    expectResolved(r.resolve('Sở GTVT', AFTER), 'SXD', 'former_name');
  });
});

describe('resolve: validity on the date', () => {
  it('a district committee resolves before the reform and is unknown (with itself suggested) after', () => {
    expectResolved(resolver.resolve('UBND huyện Tam Đường', BEFORE), 'UBND-LC-TD', 'name');
    const after = resolver.resolve('UBND huyện Tam Đường', AFTER);
    expect(after.status).toBe('unknown');
    if (after.status === 'unknown') expect(after.suggestions[0]?.unit.code).toBe('UBND-LC-TD');
  });

  it('a new commune is not a candidate before it exists', () => {
    expectResolved(resolver.resolve('UBND xã Bình Lư', AFTER), 'UBND-LC-X-BINHLU', 'name');
    expectResolved(resolver.resolve('xã Bình Lư', AFTER), 'UBND-LC-X-BINHLU');
    // Before the reform the name is the old commune's (a different unit, in huyện Tam Đường).
    expectResolved(resolver.resolve('UBND xã Bình Lư', BEFORE), 'UBND-LC-TD-X-BINHLU', 'name');
  });
});

describe('resolve: typos', () => {
  it.each([
    ['Sở Xây dưng', 'SXD'],
    ['Sở Xây dựg', 'SXD'],
    ['Cong an tinh', 'CA'],
    ['Cong an tihn', 'CA'],
    ['So Y te', 'SYT'],
    ['So Y tee', 'SYT'],
    ['Sở Tài chín', 'STC'],
    ['Ban ATGT tinhh', 'BATGT'],
  ])('%s → %s', (text, code) => {
    expectResolved(resolver.resolve(text, AFTER), code);
  });

  it('reports fuzzy matches as such, with a score below 1', () => {
    const r = resolver.resolve('Sở Xây dựg', AFTER);
    expect(r.status === 'resolved' && r.matchedBy).toBe('fuzzy');
    expect(r.status === 'resolved' && r.score).toBeLessThan(1);
  });
});

describe('resolve: unknown and ambiguous', () => {
  it('Sở Ngoại vụ is not in the directory: unknown, with Sở Nội vụ suggested, never a guess', () => {
    const r = resolver.resolve('Sở Ngoại vụ', AFTER);
    expect(r.status).toBe('unknown');
    if (r.status !== 'unknown') return;
    expect(r.suggestions[0]?.unit.code).toBe('SNV');
    expect(r.suggestions[0]?.score).toBeGreaterThan(0.5);
    expect(r.suggestions[0]?.score).toBeLessThan(1);
  });

  it('unrelated text: unknown, empty text: unknown without suggestions', () => {
    expect(resolver.resolve('Cục Hàng hải Việt Nam', AFTER).status).toBe('unknown');
    expect(resolver.resolve('', AFTER)).toEqual({ status: 'unknown', text: '', suggestions: [] });
  });

  it('two districts equally close to a typo are ambiguous', () => {
    const r = resolver.resolve('UBND huyện Thn Uyên', BEFORE);
    expect(d(r)).toMatch(/^ambiguous:/);
    if (r.status !== 'ambiguous') return;
    expect(r.candidates.map((c) => c.unit.code).sort()).toEqual(['UBND-LC-TN', 'UBND-LC-TU']);
  });

  it('one name mapped to two units (learned aliases) is ambiguous', () => {
    const r = createUnitResolver(units, {
      learnedAliases: [
        { alias: 'Đội CSGT', unitCode: 'PC08' },
        { alias: 'Đội CSGT', unitCode: 'PC08-D1' },
      ],
    }).resolve('Đội CSGT', AFTER);
    expect(d(r)).toBe('ambiguous:PC08|PC08-D1');
  });

  it('names that differ only in diacritics are told apart when written exactly', () => {
    const a = {
      ...units[0],
      id: 'a',
      code: 'A',
      name: 'UBND xã Nậm Cha',
      shortName: null,
      aliases: [],
    } as DirectoryUnit;
    const b = { ...a, id: 'b', code: 'B', name: 'UBND xã Nậm Chà' };
    const r = createUnitResolver([a, b]);
    expectResolved(r.resolve('UBND xã Nậm Chà', AFTER), 'B');
    expectResolved(r.resolve('UBND xã Nậm Cha', AFTER), 'A');
    expect(d(r.resolve('UBND xa Nam Cha', AFTER))).toBe('ambiguous:A|B');
  });
});

describe('resolve: learned aliases', () => {
  it('a name the office mapped once resolves by alias; unknown unit codes are ignored', () => {
    const r = createUnitResolver(units, {
      learnedAliases: [
        { alias: 'Đội CSGT số 1', unitCode: 'PC08-D1' },
        { alias: 'Trung tâm điều hành 115', unitCode: 'SYT-TTCC' },
        { alias: 'Sở Ngoại vụ', unitCode: 'NO-SUCH-UNIT' },
      ],
    });
    expectResolved(r.resolve('Đội CSGT số 1', AFTER), 'PC08-D1', 'alias');
    expectResolved(r.resolve('Trung tâm điều hành 115', AFTER), 'SYT-TTCC', 'alias');
    expect(r.resolve('Sở Ngoại vụ', AFTER).status).toBe('unknown');
    expect(resolver.resolve('Trung tâm điều hành 115', AFTER).status).not.toBe('resolved');
  });
});

describe('resolve: group phrases', () => {
  const codes = (r: Resolution) => (r.status === 'group' ? r.units.map((u) => u.code) : []);

  it('UBND các huyện, thị xã, thành phố: the 8 districts before the reform, none after', () => {
    const before = resolver.resolve('UBND các huyện, thị xã, thành phố', BEFORE);
    expect(d(before)).toBe('group:district_localities');
    expect(codes(before)).toHaveLength(8);
    expect(codes(before)).toContain('UBND-LC-TD');
    const after = resolver.resolve('Ủy ban nhân dân các huyện, thành phố', AFTER);
    expect(d(after)).toBe('group:district_localities');
    expect(codes(after)).toEqual([]);
  });

  it('UBND các xã, phường: the communes valid on the date', () => {
    const after = resolver.resolve('UBND các xã, phường', AFTER);
    expect(d(after)).toBe('group:commune_localities');
    expect(codes(after)).toHaveLength(38);
    expect(codes(after)).toContain('UBND-LC-P-TANPHONG');
    expect(codes(after).every((c) => c.startsWith('UBND-LC-'))).toBe(true);
    // Before the reform: the 106 old communes, wards and townships.
    const before = codes(resolver.resolve('UBND các xã, phường, thị trấn', BEFORE));
    expect(before).toHaveLength(106);
    expect(before).toContain('UBND-LC-TD-X-BINHLU');
    expect(before.some((c) => after.status === 'group' && after.units.some((u) => u.code === c))).toBe(false);
  });

  it('các địa phương: the local tier of the date', () => {
    expect(d(resolver.resolve('các địa phương', BEFORE))).toBe('group:district_localities');
    expect(d(resolver.resolve('các địa phương', AFTER))).toBe('group:commune_localities');
  });

  it('member departments, committees, press, mass organisations', () => {
    const depts = resolver.resolve('Các sở, ban, ngành', AFTER);
    expect(d(depts)).toBe('group:all_departments');
    expect(codes(depts)).toEqual(expect.arrayContaining(['CA', 'SXD', 'SYT', 'SGDDT']));
    expect(codes(depts)).not.toContain('UBND-LC-X-BINHLU');
    expect(d(resolver.resolve('Thành viên Ban ATGT tỉnh', AFTER))).toBe('group:all_departments');

    const all = resolver.resolve('Ban ATGT các cấp', AFTER);
    expect(d(all)).toBe('group:all_committees');
    expect(codes(all)).toContain('BATGT');
    expect(codes(all)).toContain('BATGT-LC-X-BINHLU');
    expect(codes(resolver.resolve('Ban ATGT các cấp', BEFORE))).toEqual(['BATGT']);

    const communeCommittees = resolver.resolve('Ban ATGT cấp xã', AFTER);
    expect(d(communeCommittees)).toBe('group:commune_committees');
    expect(codes(communeCommittees)).toHaveLength(38);

    expect(codes(resolver.resolve('Các cơ quan báo chí', AFTER))).toEqual(['BPTTH']);
    expect(codes(resolver.resolve('Mặt trận Tổ quốc và các đoàn thể', AFTER)).sort()).toEqual(
      ['HCCB', 'HLHPN', 'HND', 'LDLD', 'MTTQ', 'TINHDOAN'].sort(),
    );
  });

  it('keeps a narrowing qualifier and a role', () => {
    const r = resolver.resolve('UBND các xã có lòng hồ (phối hợp)', AFTER);
    expect(d(r)).toBe('group:commune_localities');
    expect(r.status === 'group' && r.qualifier).toBe('có lòng hồ');
    expect(r.status === 'group' && r.role).toBe('phối hợp');
  });
});

describe('resolveList', () => {
  it('skips note-only fragments and resolves the rest', () => {
    expect(resolver.resolveList('(ít nhất 02 buổi/năm học)', AFTER)).toEqual([]);
    expect(resolver.resolveList('Công an tỉnh/ Sở GTVT', BEFORE).map(d)).toEqual(['CA', 'SXD']);
  });
});

// ---------------------------------------------------------------------------------------------
// The sample appendix: every lead/coordinating cell, with expectations written by hand.

const samplePath = fileURLToPath(new URL('../../../fixtures/plans/appendix-sample.tsv', import.meta.url));
const SAMPLE_DATE = '2025-09-01'; // after the reform: the tasks speak of communes ("sau sắp xếp")

const COMMUNES = 'group:commune_localities';
const EXPECTED: Record<string, string[]> = {
  'Các sở, ban, ngành; UBND các xã, phường': ['group:all_departments', COMMUNES],
  'UBND các xã, phường': [COMMUNES],
  'Ban ATGT tỉnh': ['BATGT'],
  'Ban ATGT tỉnh (chủ trì đoàn kiểm tra liên ngành)': ['BATGT'],
  'Công an tỉnh, Sở Xây dựng, UBND các xã, phường': ['CA', 'SXD', COMMUNES],
  'Công an tỉnh/ Sở Xây dựng': ['CA', 'SXD'],
  'Ban ATGT tỉnh, UBND các xã có lòng hồ': ['BATGT', COMMUNES],
  'Sở Giáo dục và Đào tạo': ['SGDDT'],
  'Công an tỉnh': ['CA'],
  'Sở Văn hóa, Thể thao và Du lịch': ['SVHTTDL'],
  'Báo và Phát thanh, Truyền hình tỉnh, UBND các xã': ['BPTTH', COMMUNES],
  'Ban ATGT các cấp': ['group:all_committees'],
  'Các cơ quan báo chí': ['group:press'],
  'Sở Khoa học và Công nghệ, Sở Tài chính': ['SKHCN', 'STC'],
  'Các sở, ngành, UBND các xã, phường': ['group:all_departments', COMMUNES],
  'Sở Xây dựng': ['SXD'],
  'Công an tỉnh, Ban ATGT tỉnh, UBND các xã': ['CA', 'BATGT', COMMUNES],
  'Sở Xây dựng/UBND các xã': ['SXD', COMMUNES],
  'Sở Y tế': ['SYT'],
  'Công an tỉnh, Tỉnh đoàn': ['CA', 'TINHDOAN'],
  'Sở Y tế/Công an tỉnh': ['SYT', 'CA'],
  'Sở Khoa học và Công nghệ': ['SKHCN'],
  'Thành viên Ban ATGT; các địa phương': ['group:all_departments', COMMUNES],
  'Ban ATGT tỉnh/UBND địa phương có TNGT tăng cao': ['BATGT', COMMUNES],
  'Công an tỉnh, Sở Xây dựng': ['CA', 'SXD'],
};

describe('appendix sample: lead and coordinating cells', () => {
  const rows = readFileSync(samplePath, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.split('\t'))
    .filter((cols) => cols.length >= 5 && cols[0] !== 'STT');
  const cells = [
    ...new Set(rows.flatMap((cols) => [cols[3] ?? '', cols[4] ?? '']).map((c) => c.trim())),
  ].filter((c) => c !== '');

  it('has the cells the expectations were written for', () => {
    expect(cells.length).toBeGreaterThanOrEqual(20);
    expect(cells.filter((c) => !(c in EXPECTED))).toEqual([]);
  });

  it.each(cells)('%s', (cell) => {
    const got = resolver.resolveList(cell, SAMPLE_DATE);
    expect(got.map(d)).toEqual(EXPECTED[cell]);
    for (const r of got)
      if (r.status === 'group' && r.group !== 'district_localities')
        expect(r.units.length).toBeGreaterThan(0);
  });

  it('keeps roles and qualifiers from the cells', () => {
    const [lead] = resolver.resolveList('Ban ATGT tỉnh (chủ trì đoàn kiểm tra liên ngành)', SAMPLE_DATE);
    expect(lead?.status === 'resolved' && lead.role).toBe('chủ trì đoàn kiểm tra liên ngành');
    const [, hồ] = resolver.resolveList('Ban ATGT tỉnh, UBND các xã có lòng hồ', SAMPLE_DATE);
    expect(hồ?.status === 'group' && hồ.qualifier).toBe('có lòng hồ');
  });

  it('on the plan date (before the reform) "các địa phương" means the districts', () => {
    const got = resolver.resolveList('Thành viên Ban ATGT; các địa phương', '2025-02-10');
    expect(got.map(d)).toEqual(['group:all_departments', 'group:district_localities']);
  });
});

describe('never throws', () => {
  const dates = fc.oneof(
    fc.constantFrom(BEFORE, AFTER, '2025-07-01', '', 'not a date'),
    fc.string({ maxLength: 12 }),
  );
  const vietnamese = fc.string({
    unit: fc.constantFrom(...'aăâeêiouươyđĐáàảãạếềộớừ SởUBNDCAtỉnhxã,;/()&.-và'.split('')),
    maxLength: 80,
  });

  it('resolve and resolveList on random strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 60 }), vietnamese),
        dates,
        (s, date) => {
          const r = resolver.resolve(s, date);
          expect(['resolved', 'group', 'ambiguous', 'unknown']).toContain(r.status);
          expect(Array.isArray(resolver.resolveList(s, date))).toBe(true);
          expect(Array.isArray(splitUnitList(s))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on non-string input from untyped callers, and with an empty or odd directory', () => {
    const bad = null as unknown as string;
    expect(resolver.resolve(bad, AFTER).status).toBe('unknown');
    expect(resolver.resolveList(bad, AFTER)).toEqual([]);
    expect(splitUnitList(bad)).toEqual([]);
    const empty = createUnitResolver([]);
    expect(empty.resolve('Sở Y tế', AFTER)).toEqual({ status: 'unknown', text: 'Sở Y tế', suggestions: [] });
    const odd = createUnitResolver([null, { code: 'X' }] as unknown as DirectoryUnit[]);
    expect(odd.resolve('X', AFTER).status).toBe('unknown');
  });
});
