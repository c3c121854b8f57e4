/** Kinds of unit of the Committee (đơn vị Ban ATGT) and of their other names, shared by every layer. */
export const ORG_UNIT_KINDS = [
  'committee',
  'office',
  'agency',
  'division',
  'commune_committee',
  'locality',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const ALIAS_KINDS = ['abbreviation', 'former_name', 'alias'] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];

/** A unit as the directory describes it, keyed by code (parent by code too). */
export interface OrgUnitRecord {
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgUnitKind;
  parentCode: string | null;
  adminUnitId: string | null;
  isMember: boolean;
  validFrom: string;
  validTo: string | null;
  aliases: { alias: string; kind: AliasKind; validTo?: string | null }[];
}
