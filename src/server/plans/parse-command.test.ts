import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readAppendix, splitPastedTable } from '../../domain/plans/appendix.ts';
import { appendixToDocx, appendixToXlsx, type ExportItem } from './files/export-appendix.ts';
import { type ParseOutput, parsePlanFile } from './parse-command.ts';

const SAMPLE = path.resolve('fixtures', 'plans', 'appendix-sample.tsv');
const TODAY = '2026-11-23';

/** Every item of the sample appendix, written out by hand from the file: path, text, schedule kind,
 * dues, leads and coordinators as resolved against the demo directory (group phrases as written), note. */
const EXPECTED: [string, string, string, string[], string[], string[], string][] = [
  ['I', 'Công tác lãnh đạo, chỉ đạo', 'unknown', [], [], [], ''],
  [
    'I.1',
    'Ban hành kế hoạch triển khai Năm An toàn giao thông 2025 tại cơ quan, đơn vị, địa phương',
    'deadline',
    ['2025-03-31'],
    ['Các sở, ban, ngành', 'UBND các xã, phường'],
    [],
    '',
  ],
  [
    'I.2',
    'Kiện toàn Ban An toàn giao thông cấp xã sau sắp xếp đơn vị hành chính',
    'deadline',
    ['2025-03-31'],
    ['UBND các xã, phường'],
    ['Ban An toàn giao thông tỉnh'],
    '',
  ],
  ['I.3', 'Theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch', 'unknown', [], [], [], ''],
  [
    'I.3.1',
    'Lập kế hoạch kiểm tra liên ngành tại các địa bàn có TNGT tăng',
    'deadline',
    ['2025-06-30', '2025-09-30'],
    ['Ban An toàn giao thông tỉnh'],
    ['Công an tỉnh', 'Sở Xây dựng', 'UBND các xã, phường'],
    '',
  ],
  [
    'I.3.2',
    'Kiểm tra bảo đảm ATGT đường thủy nội địa trên lòng hồ thủy điện',
    'deadline',
    ['2025-12-31'],
    ['Công an tỉnh', 'Sở Xây dựng'],
    ['Ban An toàn giao thông tỉnh', 'UBND các xã có lòng hồ'],
    '',
  ],
  ['II', 'Tuyên truyền, phổ biến, giáo dục pháp luật', 'unknown', [], [], [], ''],
  [
    'II.1',
    'Tuyên truyền Luật Trật tự, an toàn giao thông đường bộ cho học sinh các cấp',
    'deadline_then_continuous',
    ['2025-09-30'],
    ['Sở Giáo dục và Đào tạo'],
    ['Công an tỉnh'],
    '(ít nhất 02 buổi/năm học)',
  ],
  [
    'II.2',
    'Tuyên truyền trên nền tảng số, mạng xã hội bằng tiếng dân tộc thiểu số',
    'continuous',
    [],
    ['Sở Văn hóa, Thể thao và Du lịch'],
    ['Báo và Phát thanh, Truyền hình Lai Châu', 'UBND các xã'],
    '',
  ],
  [
    'II.3',
    'Tuyên truyền dịp nghỉ Lễ, Tết và các đợt cao điểm',
    'event',
    [],
    ['Ban ATGT các cấp'],
    ['Các cơ quan báo chí'],
    '',
  ],
  ['III', 'Tuần tra, kiểm soát, xử lý vi phạm', 'unknown', [], [], [], ''],
  [
    'III.1',
    'Tổng kiểm soát phương tiện giao thông cơ giới đường bộ; xử lý vi phạm nồng độ cồn, tốc độ, chở quá tải trọng',
    'event',
    [],
    ['Công an tỉnh'],
    ['UBND các xã, phường'],
    '',
  ],
  [
    'III.2',
    'Rà soát, lắp đặt bổ sung camera giám sát, xử lý vi phạm qua hình ảnh trên các quốc lộ qua địa bàn',
    'deadline',
    ['2025-03-31', '2025-12-31'],
    ['Công an tỉnh'],
    ['Sở Khoa học và Công nghệ', 'Sở Tài chính'],
    '',
  ],
  [
    'III.3',
    'Thông báo danh sách người vi phạm TTATGT về cơ quan, trường học, địa phương nơi cư trú để xem xét thi đua',
    'recurring',
    [
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
    ],
    ['Công an tỉnh'],
    ['Các sở, ngành', 'UBND các xã, phường'],
    '',
  ],
  ['IV', 'Kết cấu hạ tầng giao thông', 'unknown', [], [], [], ''],
  [
    'IV.1',
    'Rà soát, xử lý điểm đen, điểm tiềm ẩn tai nạn giao thông trên các tuyến quốc lộ, tỉnh lộ',
    'deadline_then_continuous',
    ['2025-06-30'],
    ['Sở Xây dựng'],
    ['Công an tỉnh', 'Ban An toàn giao thông tỉnh', 'UBND các xã'],
    '',
  ],
  [
    'IV.2',
    'Chuẩn bị phương án ứng phó sạt lở, bảo đảm giao thông mùa mưa bão; bố trí phương tiện, vật tư dự phòng tại các vị trí trọng yếu',
    'deadline',
    ['2025-05-31'],
    ['Sở Xây dựng', 'UBND các xã'],
    [],
    '',
  ],
  ['V', 'Cứu hộ, cứu nạn và sơ cứu nạn nhân', 'unknown', [], [], [], ''],
  [
    'V.1',
    'Tập huấn sơ cứu TNGT cho nhân viên y tế thôn, bản và lực lượng xung kích',
    'continuous',
    [],
    ['Sở Y tế'],
    ['Công an tỉnh', 'Tỉnh Đoàn'],
    '',
  ],
  [
    'V.2',
    'Vận hành ứng dụng báo tin TNGT, bảo đảm tiếp cận nạn nhân không quá 30 phút kể từ khi nhận tin',
    'deadline_then_continuous',
    ['2025-06-30'],
    ['Sở Y tế', 'Công an tỉnh'],
    ['Sở Khoa học và Công nghệ'],
    '',
  ],
  [
    'VI',
    'Sơ kết, tổng kết',
    'deadline',
    ['2025-04-30', '2025-07-31', '2025-10-31', '2025-12-31'],
    ['Ban An toàn giao thông tỉnh'],
    ['Thành viên Ban ATGT', 'các địa phương'],
    '',
  ],
  [
    'VI.1',
    'Đánh giá đột xuất tại địa bàn có TNGT tăng cao',
    'event',
    [],
    ['Ban An toàn giao thông tỉnh', 'UBND địa phương có TNGT tăng cao'],
    ['Công an tỉnh', 'Sở Xây dựng'],
    '',
  ],
];

const table = (out: ParseOutput) =>
  out.tasks.map((t) => [
    t.number,
    t.text,
    t.timeframe.kind,
    t.timeframe.due,
    t.leads,
    t.coordinators,
    t.note,
  ]);

describe('atgt plans parse', () => {
  it('reads the sample appendix into exactly the hierarchy it holds', async () => {
    const out = await parsePlanFile(SAMPLE, { today: TODAY });
    expect(out.plan).toMatchObject({
      number: '15/KH-UBND',
      date: '2025-02-10',
      planDate: '2025-02-10',
      format: 'tsv',
    });
    expect(table(out)).toEqual(EXPECTED);
    expect(out.problems).toEqual([]);
    // What it was unsure of is said per item, never guessed silently.
    const iv2 = out.tasks.find((t) => t.number === 'IV.2');
    expect(iv2?.uncertain).toEqual(['Không hiểu «trong suốt mùa mưa bão».']);
    expect(out.tasks.find((t) => t.number === 'VI.1')?.uncertain.join(' ')).toMatch(/có TNGT tăng cao/);
  });

  it('gives the same result for the same table as XLSX and inside a DOCX', async () => {
    const tsv = await parsePlanFile(SAMPLE, { today: TODAY });
    const dir = mkdtempSync(path.join(tmpdir(), 'atgt-parse-'));
    const reading = readAppendix(splitPastedTable(readFileSync(SAMPLE, 'utf8')), { planYear: 2025 });
    const items: ExportItem[] = reading.items;
    const header = {
      number: '15/KH-UBND',
      issuedOn: '2025-02-10',
      issuingBody: 'UBND tỉnh Lai Châu',
      place: 'Lai Châu',
      title: 'Phân công nhiệm vụ bảo đảm TTATGT năm 2025',
    };
    writeFileSync(path.join(dir, 'phu-luc.xlsx'), await appendixToXlsx(header, items));
    writeFileSync(path.join(dir, 'phu-luc.docx'), await appendixToDocx(header, items));
    for (const file of ['phu-luc.xlsx', 'phu-luc.docx']) {
      const out = await parsePlanFile(path.join(dir, file), { today: TODAY });
      expect(out.plan?.format, file).toBe(file.slice(-4));
      expect(table(out), file).toEqual(table(tsv));
    }
  });

  it('reports a file it cannot read, and a missing one, as problems', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atgt-parse-'));
    writeFileSync(
      path.join(dir, 'anh.png'),
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
    );
    const png = await parsePlanFile(path.join(dir, 'anh.png'), { today: TODAY });
    expect(png.tasks).toEqual([]);
    expect(png.problems[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/định dạng/) });
    const missing = await parsePlanFile(path.join(dir, 'khong-co.tsv'), { today: TODAY });
    expect(missing.problems[0]?.message).toMatch(/Không mở được tệp/);
  });

  it('runs from the command line and prints pure JSON', async () => {
    const run = promisify(execFile);
    const { stdout } = await run('npm', ['run', 'atgt', '--', 'plans', 'parse', SAMPLE, '--json'], {
      timeout: 60_000,
    });
    const out = JSON.parse(stdout) as ParseOutput;
    expect(out.tasks.map((t) => t.number)).toEqual(EXPECTED.map((e) => e[0]));
    expect(out.tasks.find((t) => t.number === 'IV.2')).toMatchObject({
      timeframe: { text: 'Tháng 5/2025 và trong suốt mùa mưa bão', kind: 'deadline', due: ['2025-05-31'] },
    });
  }, 90_000);
});
