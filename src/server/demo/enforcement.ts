/**
 * Loads the demo enforcement data (src/domain/demo/enforcement.ts): the Tết campaign with its daily tallies and
 * the year's violations, in one transaction and in bulk.
 */
import { demoEnforcement } from '../../domain/demo/enforcement.ts';
import type { DemoProvince } from '../../domain/demo/types.ts';
import type { Db } from '../platform/db.ts';
import { insertJson } from './insert-json.ts';

export async function loadDemoEnforcement(
  db: Db,
  province: DemoProvince,
  asOf: string,
): Promise<{ violations: number; tallies: number }> {
  const { campaign, violations } = demoEnforcement(province, asOf);
  await db.transaction(async (tx) => {
    const units = new Map(
      (await tx.query<{ id: number; code: string }>('SELECT id, code FROM org_units')).map((u) => [
        u.code,
        u.id,
      ]),
    );
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO patrol_campaigns (name, from_date, to_date, focus, forces, lead_org_unit_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        campaign.name,
        campaign.from,
        campaign.to,
        campaign.focus,
        campaign.forces,
        units.get(campaign.leadOrgUnitCode) ?? null,
      ],
    );
    const campaignId = row!.id;
    await insertJson(
      tx,
      'patrol_campaign_tallies',
      { campaignId: 'int', day: 'date', typeCode: 'text', count: 'int', finesVnd: 'bigint' },
      campaign.tallies.map((t) => ({ ...t, campaignId })),
    );
    await insertJson(
      tx,
      'violations',
      {
        source: 'text',
        cameraId: 'text',
        cameraEventId: 'text',
        typeCode: 'text',
        ruleSet: 'text',
        occurredAt: 'timestamptz',
        place: 'text',
        lat: 'float8',
        lon: 'float8',
        adminUnitId: 'text',
        plate: 'text',
        plateDisplay: 'text',
        vehicleType: 'text',
        speedKmh: 'int',
        speedLimitKmh: 'int',
        personName: 'text',
        personIdNumber: 'text',
        personOrgUnitId: 'int',
        personSchool: 'text',
        personAdminUnitId: 'text',
        fineMin: 'bigint',
        fineMax: 'bigint',
        fineVnd: 'bigint',
        points: 'int',
        status: 'text',
        evidence: 'jsonb',
        campaignId: 'int',
      },
      violations.map(({ personOrgUnitCode, inCampaign, ...v }) => ({
        ...v,
        personOrgUnitId: personOrgUnitCode ? (units.get(personOrgUnitCode) ?? null) : null,
        campaignId: inCampaign ? campaignId : null,
      })),
    );
  });
  return { violations: violations.length, tallies: campaign.tallies.length };
}
