import type { OrgUnitRecord } from '../directory/org-units.ts';

export interface AdminUnitSeed {
  id: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  kind: 'tỉnh' | 'huyện' | 'thành phố' | 'xã' | 'phường' | 'thị trấn';
  parentId: string | null;
  validFrom: string; // yyyy-mm-dd
  validTo: string | null;
  lat: number;
  lon: number;
}
export interface SuccessionSeed {
  oldId: string;
  newId: string;
  effectiveDate: string;
  note?: string;
}
export type OrgUnitSeed = OrgUnitRecord;
export interface PersonSeed {
  fullName: string;
  position: string;
  orgUnitCode: string;
  phone: string;
  email: string | null;
}
export interface UserSeed {
  username: string;
  password: string;
  role: 'admin' | 'office' | 'agency' | 'commune' | 'leader';
  displayName: string;
  orgUnitCode: string | null;
  adminUnitId: string | null;
  personIndex: number | null; // index into people
}
export interface RoadMarker {
  km: number;
  lat: number;
  lon: number;
}
export interface RoadSeed {
  code: string;
  name: string;
  kind: 'national' | 'provincial';
  lengthKm: number;
  markers: RoadMarker[]; // increasing km
}
export interface CrashSeed {
  occurredAt: string; // ISO instant with +07:00 offset
  adminUnitId: string; // the commune valid on that date
  roadCode: string | null;
  kmM: number | null; // km marker in metres: Km 12+300 = 12300
  lat: number;
  lon: number;
  mode: 'road' | 'rail' | 'waterway';
  deaths: number;
  injured: number;
  cause: string;
  vehicles: string[];
  alcohol: boolean;
  severity: string;
  source: 'police' | 'health' | 'citizen';
  verified: boolean;
  description: string;
}
export interface DemoProvince {
  provinceId: string;
  provinceName: string;
  adminUnits: AdminUnitSeed[];
  successions: SuccessionSeed[];
  orgUnits: OrgUnitSeed[];
  people: PersonSeed[];
  users: UserSeed[];
  roads: RoadSeed[];
}
