/**
 * The demo's black spots, made the way the office would: detection over the last 12 months of crashes, then
 * the first spots taken along their lifecycle — two remedied, one remedy overdue, one planned, two confirmed,
 * one dismissed — so that the list, the map, the dashboard and the public page have something true to show.
 */

import { addDays, shiftYears } from '../../domain/crashes/periods.ts';
import * as blackspots from '../blackspots/service.ts';
import type { Db } from '../platform/db.ts';

export async function loadDemoBlackSpots(db: Db, asOf: string): Promise<number> {
  const [admin] = await db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'admin'`);
  const [lead] = await db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 'SXD'`);
  if (!admin || !lead) return 0;
  const actor = { userId: admin.id, username: 'admin', ip: null };
  const from = addDays(shiftYears(asOf, -1), 1);
  await blackspots.detect(db, actor, { from, to: asOf, mode: 'both', save: true });
  const spots = await db.query<{ id: number }>(
    `SELECT id FROM black_spots WHERE status = 'candidate' AND kind = 'black_spot' ORDER BY deaths DESC, crashes DESC, id`,
  );
  const step = (id: number, body: Parameters<typeof blackspots.transition>[3]) =>
    blackspots.transition(db, actor, id, body, asOf);
  const survey = async (id: number, on: string) => {
    await step(id, { to: 'confirmed' });
    await step(id, {
      to: 'surveyed',
      surveyOn: on,
      findings:
        'Đường cong bán kính nhỏ, tầm nhìn bị che khuất; thiếu biển báo và gờ giảm tốc; mặt đường trơn khi mưa.',
    });
  };
  const plan = (id: number, dueOn: string) =>
    step(id, {
      to: 'remedy_planned',
      measures: 'Lắp hộ lan tôn sóng, biển cảnh báo đường cong, sơn gờ giảm tốc, phát quang tầm nhìn.',
      costVnd: 850_000_000,
      leadUnitId: lead.id,
      dueOn,
    });
  const year = asOf.slice(0, 4);
  const [a, b, c, d, e, f, g] = spots.map((s) => s.id);
  for (const id of [a, b].filter((x): x is number => x !== undefined)) {
    await survey(id, `${year}-03-10`);
    await plan(id, `${year}-08-31`);
    await step(id, { to: 'remedied', remediedOn: `${year}-08-20` });
  }
  if (c !== undefined) {
    await survey(c, `${year}-04-02`);
    await plan(c, `${year}-09-30`); // overdue on the demo's day
  }
  if (d !== undefined) {
    await survey(d, `${year}-06-15`);
    await plan(d, `${year}-12-31`);
  }
  for (const id of [e, f].filter((x): x is number => x !== undefined)) await step(id, { to: 'confirmed' });
  if (g !== undefined)
    await step(g, { to: 'dismissed', reason: 'Các vụ xảy ra rải rác, không cùng nguyên nhân do đường.' });
  return spots.length;
}
