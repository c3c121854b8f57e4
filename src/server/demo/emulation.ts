/**
 * Loads the demo's emulation campaigns (src/domain/demo/emulation.ts) through the emulation service, so that
 * the demo holds exactly what users would have produced: last year's campaign closed with its award proposals,
 * this year's open for self-assessment, the demo users' own units left for them to assess.
 */
import { type DemoAssessment, demoAssessments } from '../../domain/demo/emulation.ts';
import { leavesOf } from '../../domain/emulation/criteria.ts';
import * as emulation from '../emulation/service.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db } from '../platform/db.ts';

/** A one-page PDF standing for the scanned evidence a unit would attach. */
const EVIDENCE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
).toString('base64');

async function runCampaign(
  db: Db,
  user: SessionUser,
  year: number,
  asOf: string,
  options: { closed: boolean; keepOpen: string[]; documentNumber: string },
) {
  const actor = { userId: user.id, username: user.username, ip: null };
  const template = await emulation.template(db, year);
  const { metrics: _metrics, ...input } = template;
  const campaign = await emulation.createCampaign(
    db,
    actor,
    user,
    { ...input, documentNumber: options.documentNumber },
    asOf,
  );
  await emulation.changeStatus(db, actor, user, campaign.id, { status: 'self_assessment' }, asOf);
  const codes = new Map(
    (
      await db.query<{ id: number; code: string }>(
        'SELECT id, code FROM org_units WHERE id = ANY($1::int[])',
        [input.participantIds],
      )
    ).map((u) => [u.code, u.id]),
  );
  const manual = leavesOf(input.criteria).filter((c) => c.kind === 'manual');
  const plan: DemoAssessment[] = demoAssessments([...codes.keys()].sort(), {
    seed: year,
    closed: options.closed,
    keepOpen: options.keepOpen,
  });
  for (const a of plan) {
    if (a.stage === 'not_started') continue;
    const unitId = codes.get(a.orgUnitCode)!;
    await emulation.saveSelf(db, actor, user, campaign.id, unitId, {
      scores: manual.map((c) => ({ code: c.code, points: a.points[c.code] ?? 0, comment: null })),
      comment: null,
    });
    if (a.stage === 'draft') continue;
    for (const c of manual)
      await emulation.addEvidence(db, actor, user, campaign.id, unitId, {
        criterionCode: c.code,
        fileName: `Minh chung tieu chi ${c.code}.pdf`,
        contentBase64: EVIDENCE_PDF,
      });
    await emulation.submit(db, actor, user, campaign.id, unitId);
    if (a.stage === 'submitted') continue;
    await emulation.saveReview(db, actor, user, campaign.id, unitId, {
      scores: a.reviewCut ? [a.reviewCut] : [],
      done: true,
    });
  }
  if (options.closed) {
    await emulation.changeStatus(db, actor, user, campaign.id, { status: 'review' }, asOf);
    const ranking = await emulation.ranking(db, campaign.id);
    await emulation.saveAwards(db, actor, campaign.id, {
      items: ranking.rows
        .filter((r) => r.suggestedLevel)
        .map((r) => ({ orgUnitId: r.orgUnitId, levelCode: r.suggestedLevel!, achievement: null })),
    });
    await emulation.changeStatus(db, actor, user, campaign.id, { status: 'closed' }, asOf);
  }
  return plan.length;
}

export async function loadDemoEmulation(
  db: Db,
  asOf: string,
): Promise<{ campaigns: number; assessments: number }> {
  const [admin] = await db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'admin'`);
  const user: SessionUser = {
    id: admin?.id ?? 0,
    username: 'admin',
    displayName: 'Quản trị hệ thống',
    role: 'admin',
    orgUnitId: null,
    orgUnitName: null,
    adminUnitId: null,
    adminUnitName: null,
  };
  // The demo users' own units stay untouched this year: theirs to self-assess.
  const keepOpen = (
    await db.query<{ code: string }>(
      `SELECT o.code FROM users u JOIN org_units o
          ON o.id = u.org_unit_id OR (o.kind = 'commune_committee' AND o.admin_unit_id = u.admin_unit_id)
        WHERE u.role IN ('agency', 'commune')`,
    )
  ).map((r) => r.code);
  const year = Number(asOf.slice(0, 4));
  const last = await runCampaign(db, user, year - 1, asOf, {
    closed: true,
    keepOpen: [],
    documentNumber: `27/KH-BATGT`,
  });
  const current = await runCampaign(db, user, year, asOf, {
    closed: false,
    keepOpen,
    documentNumber: '18/KH-BATGT',
  });
  return { campaigns: 2, assessments: last + current };
}
