/**
 * Finds the plan an appendix belongs to in the lines above its table:
 * "(Kèm theo Kế hoạch số: 15/KH-UBND ngày 10/02/2025 của UBND tỉnh)" → number 15/KH-UBND,
 * date 2025-02-10, issuing body "UBND tỉnh". Also reads a prose plan's own header lines
 * ("Số: 123/KH-CAT-PC08", "Lai Châu, ngày 10 tháng 9 năm 2021"). Pure; never throws.
 */
export interface PlanReference {
  number?: string;
  /** yyyy-mm-dd */
  date?: string;
  issuingBody?: string;
}

const NUMBER =
  /(?:k[eế]\s*ho[aạ]ch\s*s[oố]|^\s*s[oố])\s*:?\s*(\d+\s*\/\s*[\p{L}\d]+(?:\s*-\s*[\p{L}\d]+)*)/imu;
const DMY = /ng[aà]y\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu;
const LONG_DATE = /ng[aà]y\s+(\d{1,2})\s+th[aá]ng\s+(\d{1,2})\s+n[aă]m\s+(\d{4})/iu;
const BODY = /\d{4}\s+c[uủ]a\s+([^)\n]+?)\s*\)?\s*$/imu;

function isoDate(d: string, m: string, y: string): string | undefined {
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(date) ? date : undefined;
}

export function findPlanReference(lines: string[]): PlanReference {
  const out: PlanReference = {};
  for (const raw of Array.isArray(lines) ? lines : []) {
    if (typeof raw !== 'string') continue;
    const line = raw.normalize('NFC');
    const n = NUMBER.exec(line);
    if (n?.[1] && !out.number) out.number = n[1].replace(/\s+/g, '');
    const d = DMY.exec(line) ?? LONG_DATE.exec(line);
    if (d && !out.date) {
      const date = isoDate(d[1] ?? '', d[2] ?? '', d[3] ?? '');
      if (date) out.date = date;
    }
    const b = BODY.exec(line);
    if (b?.[1] && !out.issuingBody) out.issuingBody = b[1].trim();
  }
  return out;
}
