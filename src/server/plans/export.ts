/** The plan's appendix as DOCX (Decree 30 header, landscape table) or XLSX, from what is stored. */
import type { Db } from '../platform/db.ts';
import { notFound } from '../platform/errors.ts';
import { DOCX_TYPE, XLSX_TYPE } from '../platform/media-types.ts';
import { appendixToDocx, appendixToXlsx, type ExportItem } from './files/export-appendix.ts';

const MEDIA_TYPES = {
  docx: DOCX_TYPE,
  xlsx: XLSX_TYPE,
} as const;

export async function exportPlan(db: Db, planId: number, format: 'docx' | 'xlsx', _today: string) {
  const [plan] = await db.query<{
    number: string;
    issuedOn: string;
    issuingBody: string;
    title: string;
    province: string | null;
  }>(
    `SELECT p.number, p.issued_on::text AS "issuedOn", p.issuing_body AS "issuingBody", p.title,
            (SELECT name FROM admin_units WHERE level = 'province' ORDER BY valid_to DESC NULLS FIRST LIMIT 1) AS province
       FROM plans p WHERE p.id = $1`,
    [planId],
  );
  if (!plan) throw notFound('Không tìm thấy kế hoạch.');
  const items = await db.query<ExportItem>(
    `SELECT kind, number, path, title, timeframe_text AS "timeframeText", lead_text AS "leadText",
            coordinating_text AS "coordinatingText", note
       FROM plan_tasks WHERE plan_id = $1 ORDER BY position`,
    [planId],
  );
  const place = /t[iỉ]nh\s+(.+)$/iu.exec(plan.issuingBody)?.[1] ?? plan.province ?? '';
  const header = {
    number: plan.number,
    issuedOn: plan.issuedOn,
    issuingBody: plan.issuingBody,
    place,
    title: `Phân công nhiệm vụ thực hiện ${plan.title.replace(/^Kế hoạch\s+/iu, 'Kế hoạch ')}`,
  };
  const bytes = format === 'docx' ? await appendixToDocx(header, items) : await appendixToXlsx(header, items);
  const safeNumber = plan.number.replace(/[^\p{L}\p{N}-]+/gu, '-');
  return { bytes, mediaType: MEDIA_TYPES[format], fileName: `Phu-luc-KH-${safeNumber}.${format}` };
}
