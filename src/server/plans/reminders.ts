/**
 * Reminders (nhắc việc): in-app notifications for dues coming within a week and dues passed, one
 * per occurrence and kind (running twice creates nothing new), the same for periodic reports not yet sent
 * (reports/service.ts), and an e-mail digest per unit when SMTP is configured.
 */

import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { z } from 'zod';
import { dmy } from '../../domain/plans/timeframe.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { notFound } from '../platform/errors.ts';
import { offsetOf } from '../platform/http.ts';
import { Params } from '../platform/sql.ts';
import { reportReminders } from '../reports/service.ts';
import { myUnitsSql } from './policies.ts';
import type * as s from './schemas.ts';
import { DUE_SOON_DAYS } from './service.ts';

export async function listNotifications(db: Db, user: SessionUser, q: z.infer<typeof s.notificationQuery>) {
  const p = new Params();
  const units = myUnitsSql(user, p);
  const cond = `n.org_unit_id IN (${units})${q.unread === 'true' ? ' AND n.read_at IS NULL' : ''}`;
  const [count] = await db.query<{ n: number; unread: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE n.read_at IS NULL)::int AS unread
       FROM notifications n WHERE ${cond}`,
    [...p.values],
  );
  const items = await db.query<z.infer<typeof s.notification>>(
    `SELECT n.id, u.name AS "orgUnitName", n.kind, n.title, n.body, n.link, to_json(n.created_at) #>> '{}' AS "createdAt",
            to_json(n.read_at) #>> '{}' AS "readAt"
       FROM notifications n JOIN org_units u ON u.id = n.org_unit_id
      WHERE ${cond} ORDER BY n.created_at DESC, n.id DESC
      LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  return { items, total: count?.n ?? 0, unread: count?.unread ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function markNotificationRead(db: Db, user: SessionUser, id: number): Promise<void> {
  const p = new Params();
  const rows = await db.query(
    `UPDATE notifications SET read_at = COALESCE(read_at, now())
      WHERE id = ${p.add(id)} AND org_unit_id IN (${myUnitsSql(user, p)}) RETURNING id`,
    p.values,
  );
  if (rows.length === 0) throw notFound('Không tìm thấy thông báo.');
}

/** Creates the reminders due on `asOf`, then e-mails each unit its unsent ones (if SMTP is set). */
export async function runReminders(
  db: Db,
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
  asOf: string,
  log?: Pick<FastifyBaseLogger, 'warn' | 'info'>,
): Promise<{ created: number; emailed: number }> {
  const created = await db.query(
    `INSERT INTO notifications (org_unit_id, kind, title, body, link, dedupe_key)
     SELECT a.org_unit_id,
            CASE WHEN o.due_on < $1::date THEN 'overdue' ELSE 'due_soon' END,
            CASE WHEN o.due_on < $1::date THEN 'Quá hạn: nhiệm vụ ' ELSE 'Sắp đến hạn: nhiệm vụ ' END
              || t.path || ' (KH ' || pl.number || ')',
            left(t.title, 300) || ' — Hạn ' || to_char(o.due_on, 'DD/MM/YYYY') || ' (' || o.label || ')',
            '/tasks/' || t.id,
            CASE WHEN o.due_on < $1::date THEN 'overdue:' ELSE 'due_soon:' END || o.id
       FROM task_occurrences o
       JOIN task_assignments a ON a.id = o.assignment_id
       JOIN plan_tasks t ON t.id = a.task_id
       JOIN plans pl ON pl.id = t.plan_id
      WHERE o.done_on IS NULL AND a.role = 'lead' AND a.status NOT IN ('done', 'cancelled')
        AND pl.status = 'active' AND o.due_on <= $1::date + ${DUE_SOON_DAYS}
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
    [asOf],
  );
  // Periodic reports not yet sent: before and after their deadline (the reporting regime).
  const reports = await reportReminders(db, asOf);
  const emailed = config.smtpUrl ? await sendDigests(db, config.smtpUrl, config.mailFrom, asOf, log) : 0;
  return { created: created.length + reports, emailed };
}

/** One e-mail per unit listing its notifications not yet e-mailed; returns the number of e-mails sent. */
async function sendDigests(
  db: Db,
  smtpUrl: string,
  from: string,
  asOf: string,
  log?: Pick<FastifyBaseLogger, 'warn' | 'info'>,
): Promise<number> {
  const pending = await db.query<{
    unitId: number;
    unitName: string;
    ids: number[];
    lines: string[];
    emails: string[];
  }>(
    `SELECT u.id AS "unitId", u.name AS "unitName", array_agg(n.id ORDER BY n.id) AS ids,
            array_agg(n.title || ': ' || n.body ORDER BY n.id) AS lines,
            COALESCE((SELECT array_agg(DISTINCT e.email) FROM (
               SELECT pe.email FROM people pe WHERE pe.org_unit_id = u.id AND pe.email IS NOT NULL
               UNION SELECT pe.email FROM users us JOIN people pe ON pe.id = us.person_id
                      WHERE us.org_unit_id = u.id AND NOT us.disabled AND pe.email IS NOT NULL) e), '{}') AS emails
       FROM notifications n JOIN org_units u ON u.id = n.org_unit_id
      WHERE n.emailed_at IS NULL
      GROUP BY u.id, u.name`,
  );
  const transport = nodemailer.createTransport(smtpUrl);
  let sent = 0;
  try {
    for (const unit of pending) {
      if (unit.emails.length === 0) continue;
      const text = [
        `Kính gửi ${unit.unitName},`,
        '',
        `Hệ thống ATGT xin nhắc các việc sau (tính đến ngày ${dmy(asOf)}):`,
        ...unit.lines.map((l) => `- ${l}`),
        '',
        'Đề nghị đơn vị cập nhật tiến độ, gửi báo cáo trên hệ thống.',
      ].join('\n');
      try {
        await transport.sendMail({
          from,
          to: unit.emails,
          subject: `[ATGT] Nhắc việc ngày ${dmy(asOf)}: ${unit.lines.length} việc`,
          text,
        });
        await db.query('UPDATE notifications SET emailed_at = now() WHERE id = ANY($1::int[])', [unit.ids]);
        sent++;
      } catch (error) {
        // A unit whose mail fails keeps its notifications unsent; the next run tries again.
        log?.warn({ err: error, unit: unit.unitName }, 'reminder e-mail failed');
      }
    }
  } finally {
    transport.close();
  }
  return sent;
}
