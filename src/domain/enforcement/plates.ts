/**
 * Vietnamese number plates (biển số xe): read whatever a form, an officer or a camera's OCR wrote
 * ("29a-123.45", "29A12345", "29 - B1 123.45", "30k 56789", "29-MĐ1 234.56") and give one key for
 * matching ('29A12345') and the official display ('29A-123.45', '29-B1 123.45').
 *
 * Shapes accepted (Thông tư 24/2023/TT-BCA, and the older 4-digit series still on the road):
 * - car (ô tô): province 11–99, series of 1–2 letters, 4 or 5 digits — 29A-123.45, 30K-5678, 51LD-123.45
 * - motorbike (mô tô, xe máy): province, series letter + digit, 4 or 5 digits — 29-B1 123.45, 59-X3 1234;
 *   electric motorbikes 'MĐ' + digit — 29-MĐ1 123.45; mopeds under 50 cm³ two letters — 29-AA 123.45
 * - foreign and diplomatic (NG, NN, QT, CV): 80-NG-123-45
 * - military (hai chữ cái, 4 digits): TM-12-34
 * Ambiguous compact text (29A12345: car 29A-123.45 or motorbike 29-A1 2345) is read as written: a
 * separator right after the province digits means a motorbike. Both read to the same key.
 */

export type PlateKind = 'car' | 'motorbike' | 'moped' | 'foreign' | 'military';

export interface Plate {
  /** Upper case, no separators, Đ as D: what records are matched on. */
  key: string;
  /** As printed on the plate. */
  display: string;
  kind: PlateKind;
  /** Two-digit province code (mã tỉnh), null for military plates. */
  province: string | null;
}

export type PlateResult = { ok: true; plate: Plate } | { ok: false; error: string };

/** Letters never used in series (they read as digits). */
const BAD_LETTERS = /[IOQW]/;
const FOREIGN = new Set(['NG', 'NN', 'QT', 'CV']);

const digits5 = (d: string) => (d.length === 5 ? `${d.slice(0, 3)}.${d.slice(3)}` : d);

function provinceOk(p: string): boolean {
  const n = Number(p);
  return n >= 11 && n <= 99;
}

export function parsePlate(raw: string | null | undefined): PlateResult {
  if (raw == null) return { ok: false, error: 'Thiếu biển số.' };
  const text = raw.normalize('NFC').toUpperCase().replace(/Đ/g, 'D').trim();
  if (text === '') return { ok: false, error: 'Thiếu biển số.' };
  if (text.length > 20) return { ok: false, error: 'Biển số quá dài.' };
  if (/[^0-9A-Z .\-_/]/.test(text))
    return { ok: false, error: `Biển số có ký tự không hợp lệ: "${raw.trim()}".` };
  const compact = text.replace(/[ .\-_/]/g, '');
  // A separator straight after the two province digits marks a motorbike plate (29-B1 …, 29 AA …).
  const motorbikeLayout = /^\d{2}\s*[-_/ ]/.test(text);

  let m = /^(\d{2})(NG|NN|QT|CV)(\d{3})(\d{2})$/.exec(compact);
  if (m && FOREIGN.has(m[2]!)) {
    if (!provinceOk(m[1]!)) return { ok: false, error: `Mã tỉnh ${m[1]} không tồn tại.` };
    return ok(compact, `${m[1]}-${m[2]}-${m[3]}-${m[4]}`, 'foreign', m[1]!);
  }
  m = /^([A-Z]{2})(\d{2})(\d{2})$/.exec(compact);
  if (m) return ok(compact, `${m[1]}-${m[2]}-${m[3]}`, 'military', null);

  const shapes: [RegExp, PlateKind][] = motorbikeLayout
    ? [
        [BIKE, 'motorbike'],
        [MOPED, 'moped'],
        [CAR, 'car'],
      ]
    : [
        [CAR, 'car'],
        [BIKE, 'motorbike'],
      ];
  for (const [re, kind] of shapes) {
    const hit = re.exec(compact);
    if (!hit) continue;
    const [, province, series, number] = hit as unknown as [string, string, string, string];
    if (!provinceOk(province)) return { ok: false, error: `Mã tỉnh ${province} không tồn tại.` };
    const letters = series.replace(/\d/g, '');
    if (BAD_LETTERS.test(letters))
      return { ok: false, error: `Sê-ri "${series}" không dùng chữ I, O, Q, W.` };
    if (kind === 'car') return ok(compact, `${province}${series}-${digits5(number)}`, kind, province);
    const printed = series.startsWith('MD') ? `MĐ${series.slice(2)}` : series;
    return ok(compact, `${province}-${printed} ${digits5(number)}`, kind, province);
  }
  return { ok: false, error: `Không nhận ra biển số "${raw.trim()}" (ví dụ: 29A-123.45, 29-B1 123.45).` };
}

const CAR = /^(\d{2})([A-Z]{1,2})(\d{4,5})$/;
const BIKE = /^(\d{2})(MD\d|[A-Z]\d)(\d{4,5})$/;
const MOPED = /^(\d{2})([A-Z]{2})(\d{4,5})$/;

function ok(key: string, display: string, kind: PlateKind, province: string | null): PlateResult {
  return { ok: true, plate: { key, display, kind, province } };
}

/** The matching key, or null when the text is not a plate. */
export function plateKey(raw: string | null | undefined): string | null {
  const r = parsePlate(raw);
  return r.ok ? r.plate.key : null;
}
