/** Builds the unit-name resolver from the directory: the database's, or the demo province's. */
import { buildDemoProvince } from '../../domain/demo/index.ts';
import type { AliasKind, OrgUnitKind } from '../../domain/directory/org-units.ts';
import {
  createUnitResolver,
  type DirectoryUnit,
  type UnitResolver,
} from '../../domain/directory/resolve-units.ts';
import type { Queryable } from '../platform/db.ts';

interface UnitRow {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgUnitKind;
  parentCode: string | null;
  adminUnitId: string | null;
  adminLevel: 'province' | 'district' | 'commune' | null;
  isMember: boolean;
  validFrom: string;
  validTo: string | null;
  aliases: { alias: string; kind: AliasKind; validTo: string | null }[];
}

/** Every committee unit with its aliases (including names the office mapped during imports). */
export async function loadDirectoryUnits(db: Queryable): Promise<DirectoryUnit[]> {
  return db.query<UnitRow>(
    `SELECT o.id, o.code, o.name, o.short_name AS "shortName", o.kind, p.code AS "parentCode",
            o.admin_unit_id AS "adminUnitId", au.level AS "adminLevel", o.is_member AS "isMember",
            o.valid_from::text AS "validFrom", o.valid_to::text AS "validTo",
            COALESCE((SELECT json_agg(json_build_object('alias', a.alias, 'kind', a.kind, 'validTo', a.valid_to::text))
                        FROM org_unit_aliases a WHERE a.org_unit_id = o.id), '[]'::json) AS aliases
       FROM org_units o
       LEFT JOIN org_units p ON p.id = o.parent_id
       LEFT JOIN admin_units au ON au.id = o.admin_unit_id`,
  );
}

export async function loadResolver(db: Queryable): Promise<UnitResolver> {
  return createUnitResolver(await loadDirectoryUnits(db));
}

let demoUnits: DirectoryUnit[] | null = null;

/** The demo province's directory, ids being unit codes (for the command line, which has no database). */
export function demoResolver(): UnitResolver {
  if (!demoUnits) {
    const demo = buildDemoProvince();
    const levelOf = new Map(demo.adminUnits.map((a) => [a.id, a.level]));
    demoUnits = demo.orgUnits.map((o) => ({
      ...o,
      id: o.code,
      adminLevel: o.adminUnitId ? (levelOf.get(o.adminUnitId) ?? null) : null,
    }));
  }
  return createUnitResolver(demoUnits);
}
