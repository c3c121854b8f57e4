import { normalizeName } from '../directory/admin-units.ts';
import { Rng } from './rng.ts';
import type {
  AdminUnitSeed,
  DemoProvince,
  OrgUnitSeed,
  PersonSeed,
  RoadMarker,
  RoadSeed,
  UserSeed,
} from './types.ts';

/** Password of every demo account (shown on the login page of a demo installation). */
export const DEMO_PASSWORD = 'ATGT@demo2025';

export const REFORM_DATE = '2025-07-01'; // chính quyền địa phương hai cấp
const LAST_DAY_OF_DISTRICTS = '2025-06-30';

/** Every demo place, road marker and crash lies inside this box (approximately Lai Châu). */
export const PROVINCE_BBOX = { minLat: 21.8, maxLat: 22.8, minLon: 102.3, maxLon: 103.9 } as const;

// Districts of Lai Châu until 30/6/2025, with approximate centroids.
const DISTRICTS = [
  { key: 'TP', name: 'Lai Châu', kind: 'thành phố', lat: 22.396, lon: 103.458 },
  { key: 'TD', name: 'Tam Đường', kind: 'huyện', lat: 22.37, lon: 103.6 },
  { key: 'PT', name: 'Phong Thổ', kind: 'huyện', lat: 22.58, lon: 103.33 },
  { key: 'SH', name: 'Sìn Hồ', kind: 'huyện', lat: 22.3, lon: 103.25 },
  { key: 'MT', name: 'Mường Tè', kind: 'huyện', lat: 22.5, lon: 102.65 },
  { key: 'TU', name: 'Than Uyên', kind: 'huyện', lat: 21.93, lon: 103.8 },
  { key: 'TN', name: 'Tân Uyên', kind: 'huyện', lat: 22.14, lon: 103.72 },
  { key: 'NN', name: 'Nậm Nhùn', kind: 'huyện', lat: 22.13, lon: 103.07 },
] as const;
type DistrictKey = (typeof DISTRICTS)[number]['key'];

interface NewCommune {
  name: string;
  kind: 'xã' | 'phường';
  lat: number;
  lon: number;
  district: DistrictKey;
  /** The old communes it absorbed ('tt:' marks a town, 'p:' a ward); the first lies at the new centre. */
  old: string[];
}

/**
 * Communes and wards from 1/7/2025 (approximate centroids), each with the old communes it absorbed and the
 * district those belonged to. Modelled loosely on the real reform of Lai Châu (2 wards, 36 communes).
 */
const NEW_COMMUNES: NewCommune[] = [
  // Thành phố Lai Châu
  {
    name: 'Tân Phong',
    kind: 'phường',
    lat: 22.392,
    lon: 103.455,
    district: 'TP',
    old: ['p:Tân Phong', 'p:Quyết Thắng', 'San Thàng'],
  },
  {
    name: 'Đoàn Kết',
    kind: 'phường',
    lat: 22.405,
    lon: 103.475,
    district: 'TP',
    old: ['p:Đoàn Kết', 'p:Quyết Tiến', 'p:Đông Phong', 'Sùng Phài', 'Nậm Loỏng'],
  },
  // Tam Đường
  {
    name: 'Bình Lư',
    kind: 'xã',
    lat: 22.36,
    lon: 103.6,
    district: 'TD',
    old: ['tt:Tam Đường', 'Bình Lư', 'Bản Hon', 'Sơn Bình'],
  },
  {
    name: 'Tả Lèng',
    kind: 'xã',
    lat: 22.43,
    lon: 103.55,
    district: 'TD',
    old: ['Tả Lèng', 'Giang Ma', 'Hồ Thầu'],
  },
  {
    name: 'Khun Há',
    kind: 'xã',
    lat: 22.46,
    lon: 103.66,
    district: 'TD',
    old: ['Khun Há', 'Bản Giang', 'Thèn Sin'],
  },
  {
    name: 'Bản Bo',
    kind: 'xã',
    lat: 22.3,
    lon: 103.58,
    district: 'TD',
    old: ['Bản Bo', 'Nà Tăm', 'Nùng Nàng'],
  },
  // Phong Thổ
  {
    name: 'Phong Thổ',
    kind: 'xã',
    lat: 22.53,
    lon: 103.35,
    district: 'PT',
    old: ['tt:Phong Thổ', 'Mường So', 'Huổi Luông'],
  },
  {
    name: 'Khổng Lào',
    kind: 'xã',
    lat: 22.47,
    lon: 103.4,
    district: 'PT',
    old: ['Khổng Lào', 'Hoang Thèn', 'Bản Lang'],
  },
  {
    name: 'Dào San',
    kind: 'xã',
    lat: 22.67,
    lon: 103.18,
    district: 'PT',
    old: ['Dào San', 'Tông Qua Lìn', 'Mù Sang'],
  },
  {
    name: 'Sì Lở Lầu',
    kind: 'xã',
    lat: 22.73,
    lon: 103.27,
    district: 'PT',
    old: ['Sì Lở Lầu', 'Ma Li Pho', 'Vàng Ma Chải', 'Mồ Sì San', 'Pa Vây Sử'],
  },
  {
    name: 'Sin Suối Hồ',
    kind: 'xã',
    lat: 22.58,
    lon: 103.5,
    district: 'PT',
    old: ['Sin Suối Hồ', 'Lản Nhì Thàng', 'Nậm Xe'],
  },
  // Sìn Hồ
  {
    name: 'Sìn Hồ',
    kind: 'xã',
    lat: 22.36,
    lon: 103.24,
    district: 'SH',
    old: ['tt:Sìn Hồ', 'Phìn Hồ', 'Chăn Nưa'],
  },
  {
    name: 'Hồng Thu',
    kind: 'xã',
    lat: 22.43,
    lon: 103.28,
    district: 'SH',
    old: ['Hồng Thu', 'Phăng Sô Lin', 'Ma Quai'],
  },
  { name: 'Pu Sam Cáp', kind: 'xã', lat: 22.3, lon: 103.37, district: 'SH', old: ['Pu Sam Cáp', 'Nậm Cha'] },
  { name: 'Nậm Tăm', kind: 'xã', lat: 22.22, lon: 103.29, district: 'SH', old: ['Nậm Tăm', 'Noong Hẻo'] },
  { name: 'Nậm Mạ', kind: 'xã', lat: 22.15, lon: 103.36, district: 'SH', old: ['Nậm Mạ', 'Căn Co'] },
  { name: 'Nậm Cuổi', kind: 'xã', lat: 22.24, lon: 103.17, district: 'SH', old: ['Nậm Cuổi', 'Nậm Hăn'] },
  { name: 'Pa Tần', kind: 'xã', lat: 22.5, lon: 103.05, district: 'SH', old: ['Pa Tần', 'Tả Ngảo'] },
  {
    name: 'Tủa Sín Chải',
    kind: 'xã',
    lat: 22.38,
    lon: 103.12,
    district: 'SH',
    old: ['Tủa Sín Chải', 'Làng Mô', 'Sà Dề Phìn', 'Tả Phìn', 'Lùng Thàng'],
  },
  // Nậm Nhùn
  { name: 'Lê Lợi', kind: 'xã', lat: 22.1, lon: 103.21, district: 'NN', old: ['Lê Lợi', 'Pú Đao'] },
  { name: 'Mường Mô', kind: 'xã', lat: 22.13, lon: 102.98, district: 'NN', old: ['Mường Mô', 'Nậm Chà'] },
  {
    name: 'Nậm Hàng',
    kind: 'xã',
    lat: 22.05,
    lon: 103.1,
    district: 'NN',
    old: ['tt:Nậm Nhùn', 'Nậm Hàng', 'Nậm Manh'],
  },
  {
    name: 'Hua Bum',
    kind: 'xã',
    lat: 22.25,
    lon: 103.03,
    district: 'NN',
    old: ['Hua Bum', 'Nậm Ban', 'Trung Chải', 'Nậm Pì'],
  },
  // Mường Tè
  { name: 'Mường Tè', kind: 'xã', lat: 22.38, lon: 102.83, district: 'MT', old: ['tt:Mường Tè', 'Mường Tè'] },
  { name: 'Bum Tở', kind: 'xã', lat: 22.46, lon: 102.7, district: 'MT', old: ['Bum Tở', 'Nậm Khao'] },
  {
    name: 'Bum Nưa',
    kind: 'xã',
    lat: 22.33,
    lon: 102.74,
    district: 'MT',
    old: ['Bum Nưa', 'Vàng San', 'Kan Hồ'],
  },
  { name: 'Mù Cả', kind: 'xã', lat: 22.64, lon: 102.55, district: 'MT', old: ['Mù Cả', 'Tá Bạ'] },
  { name: 'Thu Lũm', kind: 'xã', lat: 22.74, lon: 102.4, district: 'MT', old: ['Thu Lũm', 'Ka Lăng'] },
  { name: 'Pa Ủ', kind: 'xã', lat: 22.56, lon: 102.48, district: 'MT', old: ['Pa Ủ', 'Pa Vệ Sủ'] },
  { name: 'Tà Tổng', kind: 'xã', lat: 22.27, lon: 102.6, district: 'MT', old: ['Tà Tổng'] },
  // Than Uyên
  {
    name: 'Than Uyên',
    kind: 'xã',
    lat: 21.957,
    lon: 103.885,
    district: 'TU',
    old: ['tt:Than Uyên', 'Mường Cang', 'Hua Nà'],
  },
  {
    name: 'Mường Than',
    kind: 'xã',
    lat: 22.01,
    lon: 103.86,
    district: 'TU',
    old: ['Mường Than', 'Phúc Than', 'Mường Mít'],
  },
  {
    name: 'Mường Kim',
    kind: 'xã',
    lat: 21.86,
    lon: 103.8,
    district: 'TU',
    old: ['Mường Kim', 'Tà Mung', 'Pha Mu', 'Tà Hừa'],
  },
  { name: 'Khoen On', kind: 'xã', lat: 21.88, lon: 103.68, district: 'TU', old: ['Khoen On', 'Ta Gia'] },
  // Tân Uyên
  {
    name: 'Tân Uyên',
    kind: 'xã',
    lat: 22.16,
    lon: 103.73,
    district: 'TN',
    old: ['tt:Tân Uyên', 'Thân Thuộc', 'Trung Đồng'],
  },
  {
    name: 'Pắc Ta',
    kind: 'xã',
    lat: 22.22,
    lon: 103.65,
    district: 'TN',
    old: ['Pắc Ta', 'Tà Mít', 'Hố Mít'],
  },
  {
    name: 'Mường Khoa',
    kind: 'xã',
    lat: 22.1,
    lon: 103.78,
    district: 'TN',
    old: ['Mường Khoa', 'Phúc Khoa'],
  },
  { name: 'Nậm Sỏ', kind: 'xã', lat: 22.05, lon: 103.68, district: 'TN', old: ['Nậm Sỏ', 'Nậm Cần'] },
];

/** A stable id from a name: 'Sìn Hồ' → 'SINHO'. */
const slug = (name: string) =>
  normalizeName(name)
    .replace(/[^a-z0-9]/g, '')
    .toUpperCase();

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

/** Keeps a point inside the province box, `margin` degrees from its edge. */
export function clampToProvince(lat: number, lon: number, margin = 0): { lat: number; lon: number } {
  const b = PROVINCE_BBOX;
  return {
    lat: clamp(lat, b.minLat + margin, b.maxLat - margin),
    lon: clamp(lon, b.minLon + margin, b.maxLon - margin),
  };
}

/**
 * Roads as waypoints (lat, lon) and their length inside the province; km markers are spread along the
 * waypoints in proportion to the straight distance, so the winding of the mountain road is evened out.
 */
const ROADS: {
  code: string;
  name: string;
  kind: 'national' | 'provincial';
  lengthKm: number;
  points: [number, number][];
}[] = [
  {
    // Pa So (Phong Thổ) → thành phố Lai Châu → Tam Đường → đèo Ô Quy Hồ (toward Sa Pa)
    code: 'QL4D',
    name: 'Quốc lộ 4D',
    kind: 'national',
    lengthKm: 100,
    points: [
      [22.53, 103.35],
      [22.47, 103.4],
      [22.396, 103.458],
      [22.4, 103.53],
      [22.36, 103.6],
      [22.38, 103.7],
      [22.35, 103.77],
    ],
  },
  {
    // Cửa khẩu Ma Lù Thàng → Phong Thổ → thành phố Lai Châu → Nậm Nhùn (toward Mường Lay)
    code: 'QL12',
    name: 'Quốc lộ 12',
    kind: 'national',
    lengthKm: 110,
    points: [
      [22.72, 103.22],
      [22.62, 103.3],
      [22.53, 103.35],
      [22.47, 103.4],
      [22.396, 103.458],
      [22.3, 103.34],
      [22.2, 103.25],
      [22.1, 103.18],
      [22.05, 103.1],
    ],
  },
  {
    // Tam Đường → Tân Uyên → Than Uyên → toward đèo Khau Phạ (Yên Bái)
    code: 'QL32',
    name: 'Quốc lộ 32',
    kind: 'national',
    lengthKm: 90,
    points: [
      [22.36, 103.6],
      [22.3, 103.64],
      [22.22, 103.66],
      [22.16, 103.73],
      [22.1, 103.78],
      [22.02, 103.84],
      [21.957, 103.885],
      [21.9, 103.9],
    ],
  },
  {
    // From Lào Cai (Văn Bàn) through Than Uyên and Mường Kim toward Sơn La / Điện Biên
    code: 'QL279',
    name: 'Quốc lộ 279',
    kind: 'national',
    lengthKm: 60,
    points: [
      [22.04, 103.9],
      [21.957, 103.885],
      [21.9, 103.84],
      [21.86, 103.8],
      [21.84, 103.72],
      [21.81, 103.64],
    ],
  },
  {
    // Nậm Nhùn → Mường Mô → Mường Tè → Thu Lũm
    code: 'QL4H',
    name: 'Quốc lộ 4H',
    kind: 'national',
    lengthKm: 130,
    points: [
      [22.05, 103.1],
      [22.13, 102.98],
      [22.25, 102.9],
      [22.38, 102.83],
      [22.46, 102.7],
      [22.55, 102.5],
      [22.65, 102.45],
      [22.75, 102.38],
    ],
  },
  {
    // Phong Thổ → Nậm Xe → Bản Hon (Tam Đường)
    code: 'QL100',
    name: 'Quốc lộ 100',
    kind: 'national',
    lengthKm: 40,
    points: [
      [22.53, 103.35],
      [22.56, 103.42],
      [22.58, 103.5],
      [22.52, 103.56],
      [22.45, 103.58],
    ],
  },
  {
    code: 'ĐT127',
    name: 'Đường tỉnh 127',
    kind: 'provincial',
    lengthKm: 38,
    points: [
      [22.36, 103.24],
      [22.3, 103.27],
      [22.22, 103.29],
      [22.12, 103.26],
    ],
  },
  {
    code: 'ĐT128',
    name: 'Đường tỉnh 128',
    kind: 'provincial',
    lengthKm: 48,
    points: [
      [22.38, 103.12],
      [22.36, 103.24],
      [22.4, 103.34],
      [22.396, 103.43],
    ],
  },
  {
    code: 'ĐT129',
    name: 'Đường tỉnh 129',
    kind: 'provincial',
    lengthKm: 55,
    points: [
      [22.38, 102.83],
      [22.46, 102.7],
      [22.56, 102.6],
      [22.64, 102.55],
    ],
  },
  {
    code: 'ĐT132',
    name: 'Đường tỉnh 132',
    kind: 'provincial',
    lengthKm: 26,
    points: [
      [22.36, 103.6],
      [22.43, 103.55],
      [22.46, 103.66],
    ],
  },
];

const EARTH_KM = 6371.0088;
/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(a));
}

const MAX_MARKER_GAP_KM = 4.5; // markers every ~2.3–4.5 km

function buildRoad(r: (typeof ROADS)[number]): RoadSeed {
  const segments = r.points.slice(1).map((p, i) => {
    const q = r.points[i]!;
    return haversineKm(q[0], q[1], p[0], p[1]);
  });
  const winding = r.lengthKm / segments.reduce((s, x) => s + x, 0);
  const [lat0, lon0] = r.points[0]!;
  const markers: RoadMarker[] = [{ km: 0, lat: lat0, lon: lon0 }];
  let km = 0;
  segments.forEach((straight, i) => {
    const [plat, plon] = r.points[i]!;
    const [lat, lon] = r.points[i + 1]!;
    const segKm = straight * winding;
    const steps = Math.max(1, Math.ceil(segKm / MAX_MARKER_GAP_KM));
    for (let s = 1; s <= steps; s++) {
      const f = s / steps;
      markers.push({
        km: round(km + segKm * f, 1),
        lat: round(plat + (lat - plat) * f, 5),
        lon: round(plon + (lon - plon) * f, 5),
      });
    }
    km += segKm;
  });
  return { code: r.code, name: r.name, kind: r.kind, lengthKm: round(km, 1), markers };
}

/** Position at a km along a road, interpolated between its markers. */
export function pointAtKm(road: RoadSeed, km: number): { lat: number; lon: number } {
  const m = road.markers;
  for (let i = 1; i < m.length; i++) {
    const a = m[i - 1]!;
    const b = m[i]!;
    if (km <= b.km) {
      const f = b.km === a.km ? 0 : (km - a.km) / (b.km - a.km);
      return { lat: a.lat + (b.lat - a.lat) * f, lon: a.lon + (b.lon - a.lon) * f };
    }
  }
  const last = m[m.length - 1]!;
  return { lat: last.lat, lon: last.lon };
}

/** Member agencies of the provincial Committee, with abbreviations, former names and the staff posts shown. */
const AGENCIES: {
  code: string;
  name: string;
  short: string;
  aliases: OrgUnitSeed['aliases'];
  /** [the agency's member of the Committee, a head of division, a specialist] */
  posts: [string, string, string];
}[] = [
  {
    code: 'CA',
    name: 'Công an tỉnh',
    short: 'CA tỉnh',
    aliases: [
      { alias: 'CA tỉnh', kind: 'abbreviation' },
      { alias: 'Công an tỉnh Lai Châu', kind: 'alias' },
    ],
    posts: [
      'Phó Giám đốc Công an tỉnh, Phó Trưởng Ban ATGT tỉnh',
      'Trưởng phòng Tham mưu',
      'Cán bộ Phòng Tham mưu',
    ],
  },
  {
    code: 'SXD',
    name: 'Sở Xây dựng',
    short: 'SXD',
    aliases: [
      { alias: 'SXD', kind: 'abbreviation' },
      { alias: 'Sở Giao thông vận tải', kind: 'former_name', validTo: '2025-02-28' },
      { alias: 'Sở GTVT', kind: 'former_name', validTo: '2025-02-28' },
    ],
    posts: [
      'Giám đốc Sở Xây dựng, Phó Trưởng Ban thường trực Ban ATGT tỉnh',
      'Trưởng phòng Quản lý kết cấu hạ tầng giao thông',
      'Chuyên viên',
    ],
  },
  {
    code: 'SYT',
    name: 'Sở Y tế',
    short: 'SYT',
    aliases: [{ alias: 'SYT', kind: 'abbreviation' }],
    posts: ['Phó Giám đốc', 'Trưởng phòng Nghiệp vụ Y', 'Chuyên viên'],
  },
  {
    code: 'SGDDT',
    name: 'Sở Giáo dục và Đào tạo',
    short: 'Sở GDĐT',
    aliases: [
      { alias: 'Sở GDĐT', kind: 'abbreviation' },
      { alias: 'Sở GD&ĐT', kind: 'abbreviation' },
    ],
    posts: ['Phó Giám đốc', 'Trưởng phòng Chính trị, tư tưởng', 'Chuyên viên'],
  },
  {
    code: 'STC',
    name: 'Sở Tài chính',
    short: 'STC',
    aliases: [
      { alias: 'STC', kind: 'abbreviation' },
      { alias: 'Sở Kế hoạch và Đầu tư', kind: 'former_name', validTo: '2025-02-28' },
      { alias: 'Sở KHĐT', kind: 'former_name', validTo: '2025-02-28' },
    ],
    posts: ['Phó Giám đốc', 'Trưởng phòng Quản lý ngân sách', 'Chuyên viên'],
  },
  {
    code: 'SKHCN',
    name: 'Sở Khoa học và Công nghệ',
    short: 'Sở KHCN',
    aliases: [
      { alias: 'Sở KHCN', kind: 'abbreviation' },
      { alias: 'Sở Thông tin và Truyền thông', kind: 'former_name', validTo: '2025-02-28' },
      { alias: 'Sở TTTT', kind: 'former_name', validTo: '2025-02-28' },
    ],
    posts: ['Phó Giám đốc', 'Trưởng phòng Chuyển đổi số', 'Chuyên viên'],
  },
  {
    code: 'SVHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    short: 'Sở VHTTDL',
    aliases: [{ alias: 'Sở VHTTDL', kind: 'abbreviation' }],
    posts: ['Phó Giám đốc', 'Trưởng phòng Quản lý văn hóa', 'Chuyên viên'],
  },
  {
    code: 'SNV',
    name: 'Sở Nội vụ',
    short: 'SNV',
    aliases: [
      { alias: 'SNV', kind: 'abbreviation' },
      { alias: 'Sở Lao động - Thương binh và Xã hội', kind: 'former_name', validTo: '2025-02-28' },
      { alias: 'Sở LĐTBXH', kind: 'former_name', validTo: '2025-02-28' },
    ],
    posts: ['Phó Giám đốc', 'Trưởng phòng Thi đua, khen thưởng', 'Chuyên viên'],
  },
  {
    code: 'STP',
    name: 'Sở Tư pháp',
    short: 'STP',
    aliases: [{ alias: 'STP', kind: 'abbreviation' }],
    posts: ['Phó Giám đốc', 'Trưởng phòng Phổ biến, giáo dục pháp luật', 'Chuyên viên'],
  },
  {
    code: 'SNNMT',
    name: 'Sở Nông nghiệp và Môi trường',
    short: 'Sở NNMT',
    aliases: [
      { alias: 'Sở NN&MT', kind: 'abbreviation' },
      { alias: 'Sở NNMT', kind: 'abbreviation' },
      { alias: 'Sở Nông nghiệp và Phát triển nông thôn', kind: 'former_name', validTo: '2025-02-28' },
      { alias: 'Sở Tài nguyên và Môi trường', kind: 'former_name', validTo: '2025-02-28' },
    ],
    posts: ['Phó Giám đốc', 'Chi cục trưởng Chi cục Thủy lợi', 'Chuyên viên'],
  },
  {
    code: 'BDBP',
    name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
    short: 'BĐBP tỉnh',
    aliases: [
      { alias: 'BĐBP tỉnh', kind: 'abbreviation' },
      { alias: 'Bộ đội Biên phòng tỉnh', kind: 'alias' },
    ],
    posts: ['Phó Chỉ huy trưởng', 'Trưởng phòng Tham mưu', 'Trợ lý'],
  },
  {
    code: 'BCHQS',
    name: 'Bộ Chỉ huy Quân sự tỉnh',
    short: 'BCHQS tỉnh',
    aliases: [{ alias: 'BCHQS tỉnh', kind: 'abbreviation' }],
    posts: ['Phó Chỉ huy trưởng', 'Trưởng phòng Tham mưu', 'Trợ lý'],
  },
  {
    code: 'MTTQ',
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
    short: 'UBMTTQ tỉnh',
    aliases: [
      { alias: 'UBMTTQ tỉnh', kind: 'abbreviation' },
      { alias: 'Ủy ban MTTQ Việt Nam tỉnh', kind: 'abbreviation' },
      { alias: 'Mặt trận Tổ quốc tỉnh', kind: 'alias' },
    ],
    posts: ['Phó Chủ tịch', 'Trưởng ban Phong trào', 'Chuyên viên'],
  },
  {
    code: 'TINHDOAN',
    name: 'Tỉnh Đoàn',
    short: 'Tỉnh Đoàn',
    aliases: [
      { alias: 'Tỉnh đoàn Lai Châu', kind: 'alias' },
      { alias: 'Đoàn TNCS Hồ Chí Minh tỉnh', kind: 'alias' },
    ],
    posts: ['Phó Bí thư Tỉnh Đoàn', 'Trưởng ban Phong trào', 'Chuyên viên'],
  },
  {
    code: 'HLHPN',
    name: 'Hội Liên hiệp Phụ nữ tỉnh',
    short: 'Hội LHPN tỉnh',
    aliases: [{ alias: 'Hội LHPN tỉnh', kind: 'abbreviation' }],
    posts: ['Phó Chủ tịch', 'Trưởng ban Tuyên giáo', 'Chuyên viên'],
  },
  {
    code: 'HND',
    name: 'Hội Nông dân tỉnh',
    short: 'Hội ND tỉnh',
    aliases: [{ alias: 'Hội ND tỉnh', kind: 'abbreviation' }],
    posts: ['Phó Chủ tịch', 'Trưởng ban Tuyên huấn', 'Chuyên viên'],
  },
  {
    code: 'HCCB',
    name: 'Hội Cựu chiến binh tỉnh',
    short: 'Hội CCB tỉnh',
    aliases: [{ alias: 'Hội CCB tỉnh', kind: 'abbreviation' }],
    posts: ['Phó Chủ tịch', 'Trưởng ban Tuyên giáo', 'Chuyên viên'],
  },
  {
    code: 'BPTTH',
    name: 'Báo và Phát thanh, Truyền hình Lai Châu',
    short: 'Báo và PT-TH',
    aliases: [
      { alias: 'Báo và PT-TH Lai Châu', kind: 'abbreviation' },
      { alias: 'Báo Lai Châu', kind: 'former_name', validTo: '2025-06-30' },
      { alias: 'Đài Phát thanh và Truyền hình tỉnh', kind: 'former_name', validTo: '2025-06-30' },
      { alias: 'Đài PT-TH tỉnh', kind: 'former_name', validTo: '2025-06-30' },
    ],
    posts: ['Phó Tổng Biên tập', 'Trưởng ban Thời sự', 'Phóng viên'],
  },
  {
    code: 'LDLD',
    name: 'Liên đoàn Lao động tỉnh',
    short: 'LĐLĐ tỉnh',
    aliases: [{ alias: 'LĐLĐ tỉnh', kind: 'abbreviation' }],
    posts: ['Phó Chủ tịch', 'Trưởng ban Tuyên giáo', 'Chuyên viên'],
  },
  {
    code: 'VKS',
    name: 'Viện Kiểm sát nhân dân tỉnh',
    short: 'VKSND tỉnh',
    aliases: [{ alias: 'VKSND tỉnh', kind: 'abbreviation' }],
    posts: ['Phó Viện trưởng', 'Trưởng phòng Thực hành quyền công tố', 'Kiểm sát viên'],
  },
];

/**
 * Person names by ethnic group, as they appear in Lai Châu (Kinh, Thái, Mông, Dao, Hà Nhì, Giáy):
 * [family names, male middle names, female middle names, male given names, female given names].
 */
const NAME_GROUPS: [string[], string[], string[], string[], string[], number][] = [
  [
    ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô', 'Dương'],
    ['Văn', 'Đức', 'Minh', 'Quang', 'Xuân', 'Mạnh', 'Tiến'],
    ['Thị', 'Thu', 'Ngọc', 'Hồng', 'Thanh', 'Phương'],
    ['Hùng', 'Tuấn', 'Sơn', 'Dũng', 'Thắng', 'Hải', 'Khánh', 'Phong', 'Trung', 'Cường', 'Long', 'Nam'],
    ['Lan', 'Hoa', 'Mai', 'Thảo', 'Hương', 'Dung', 'Nga', 'Yến', 'Linh', 'Hằng', 'Trang'],
    45,
  ],
  [
    ['Lò', 'Lường', 'Tòng', 'Đèo', 'Hoàng', 'Lò', 'Cầm', 'Điêu'],
    ['Văn', 'Văn', 'Văn', 'Minh'],
    ['Thị', 'Thị', 'Thị'],
    ['Hùng', 'Chung', 'Xiêng', 'Tươi', 'Thành', 'Inh', 'Pọm', 'Phanh', 'Khăm'],
    ['Dung', 'Xuân', 'Hương', 'Ngọc', 'Bun', 'Ín', 'Pản', 'Thoa'],
    22,
  ],
  [
    ['Giàng', 'Vàng', 'Sùng', 'Lý', 'Thào', 'Lầu', 'Hạng', 'Mùa'],
    ['A', 'Seo', 'A', 'Páo'],
    ['Thị', 'Thị'],
    ['Páo', 'Dế', 'Chu', 'Sử', 'Tủa', 'Pó', 'Chứ', 'Lử', 'Sềnh'],
    ['Mỷ', 'Dợ', 'Sa', 'Chía', 'Mai', 'Sinh', 'Dua'],
    15,
  ],
  [
    ['Tẩn', 'Chảo', 'Lý', 'Phàn', 'Triệu'],
    ['Láo', 'Văn', 'Lao', 'Văn'],
    ['Thị', 'Mý'],
    ['Lở', 'Chản', 'Phẩu', 'Quẩy', 'San', 'Sinh'],
    ['Mẩy', 'Xuân', 'Lai', 'Sành', 'Chiêm'],
    8,
  ],
  [
    ['Lò', 'Pờ', 'Chu', 'Phu'],
    ['Xé', 'Gạ', 'Văn'],
    ['Mỳ', 'Thị'],
    ['Xá', 'Phì', 'Chừ', 'Gạ'],
    ['Mé', 'Xè', 'Chừ'],
    5,
  ],
  [['Lù', 'Vương', 'Hoàng', 'Lù'], ['Văn', 'Văn'], ['Thị'], ['Thanh', 'Chiến', 'Phúc'], ['Sinh', 'Lành'], 5],
];
const NAME_GROUP_WEIGHTS = NAME_GROUPS.map((g, i) => [i, g[5]] as const);

function personName(rng: Rng): string {
  const [families, middleM, middleF, givenM, givenF] = NAME_GROUPS[rng.weighted(NAME_GROUP_WEIGHTS)]!;
  const female = rng.next() < 0.4;
  return `${rng.pick(families)} ${rng.pick(female ? middleF : middleM)} ${rng.pick(female ? givenF : givenM)}`;
}

/** Official e-mail in the usual form: 'Lò Văn Hùng' at Sở Xây dựng → 'hunglv.sxd@laichau.gov.vn'. */
function officialEmail(fullName: string, unitCode: string): string {
  const words = normalizeName(fullName).split(' ');
  const given = words.at(-1) ?? '';
  const initials = words
    .slice(0, -1)
    .map((w) => w[0])
    .join('');
  const unit = normalizeName(unitCode).replace(/[^a-z0-9]/g, '');
  return `${given}${initials}.${unit}@laichau.gov.vn`;
}

const MOBILE_PREFIXES = ['091', '094', '088', '097', '098', '096', '086', '083', '085', '070', '079', '077'];

/** Builds the demo province (deterministic: the same data on every call). */
export function buildDemoProvince(): DemoProvince {
  const rng = new Rng(2025);
  const adminUnits: AdminUnitSeed[] = [
    {
      id: 'LC',
      name: 'Lai Châu',
      level: 'province',
      kind: 'tỉnh',
      parentId: null,
      validFrom: '2004-01-01',
      validTo: null,
      lat: 22.396,
      lon: 103.458,
    },
  ];
  for (const d of DISTRICTS) {
    adminUnits.push({
      id: `LC-${d.key}`,
      name: d.name,
      level: 'district',
      kind: d.kind,
      parentId: 'LC',
      validFrom: '2004-01-01',
      validTo: LAST_DAY_OF_DISTRICTS,
      lat: d.lat,
      lon: d.lon,
    });
  }
  const successions: DemoProvince['successions'] = [];
  const oldCommunes: AdminUnitSeed[] = [];
  for (const n of NEW_COMMUNES) {
    const newId = `LC-${n.kind === 'phường' ? 'P' : 'X'}-${slug(n.name)}`;
    adminUnits.push({
      id: newId,
      name: n.name,
      level: 'commune',
      kind: n.kind,
      parentId: 'LC',
      validFrom: REFORM_DATE,
      validTo: null,
      lat: n.lat,
      lon: n.lon,
    });
    n.old.forEach((raw, i) => {
      const [prefix, name] = raw.includes(':') ? (raw.split(':') as [string, string]) : ['', raw];
      const kind = prefix === 'tt' ? 'thị trấn' : prefix === 'p' ? 'phường' : 'xã';
      const oldId = `LC-${n.district}-${prefix === 'tt' ? 'TT' : prefix === 'p' ? 'P' : 'X'}-${slug(name)}`;
      // The first old unit sits at the new centre, the others around it within ~6 km (wards closer).
      const spread = n.kind === 'phường' ? 0.012 : 0.03;
      const at =
        i === 0
          ? { lat: n.lat, lon: n.lon }
          : clampToProvince(n.lat + rng.gauss() * spread, n.lon + rng.gauss() * spread, 0.01);
      oldCommunes.push({
        id: oldId,
        name,
        level: 'commune',
        kind,
        parentId: `LC-${n.district}`,
        validFrom: '2008-01-01',
        validTo: LAST_DAY_OF_DISTRICTS,
        lat: round(at.lat, 4),
        lon: round(at.lon, 4),
      });
      successions.push({
        oldId,
        newId,
        effectiveDate: REFORM_DATE,
        note: `Sắp xếp đơn vị hành chính cấp xã năm 2025: ${kind} ${name} nhập vào ${n.kind} ${n.name}`,
      });
    });
  }
  // Old communes listed by district after the new ones, so that each level reads in order.
  const districtOrder = DISTRICTS.map((d) => `LC-${d.key}`);
  oldCommunes.sort((a, b) => districtOrder.indexOf(a.parentId!) - districtOrder.indexOf(b.parentId!));
  adminUnits.push(...oldCommunes);

  const orgUnits: OrgUnitSeed[] = [
    {
      code: 'BATGT',
      name: 'Ban An toàn giao thông tỉnh',
      shortName: 'Ban ATGT tỉnh',
      kind: 'committee',
      parentCode: null,
      adminUnitId: 'LC',
      isMember: false,
      validFrom: '2008-01-01',
      validTo: null,
      aliases: [
        { alias: 'Ban ATGT tỉnh', kind: 'abbreviation' },
        { alias: 'BATGT tỉnh', kind: 'abbreviation' },
        { alias: 'Ban An toàn giao thông tỉnh Lai Châu', kind: 'alias' },
      ],
    },
    {
      code: 'VP-BATGT',
      name: 'Văn phòng Ban An toàn giao thông tỉnh',
      shortName: 'Văn phòng Ban ATGT',
      kind: 'office',
      parentCode: 'BATGT',
      adminUnitId: 'LC',
      isMember: false,
      validFrom: '2008-01-01',
      validTo: null,
      aliases: [{ alias: 'Văn phòng Ban ATGT tỉnh', kind: 'abbreviation' }],
    },
    {
      code: 'UBND-LC',
      name: 'Ủy ban nhân dân tỉnh Lai Châu',
      shortName: 'UBND tỉnh',
      kind: 'locality',
      parentCode: null,
      adminUnitId: 'LC',
      isMember: false,
      validFrom: '2004-01-01',
      validTo: null,
      aliases: [
        { alias: 'UBND tỉnh', kind: 'abbreviation' },
        { alias: 'UBND tỉnh Lai Châu', kind: 'abbreviation' },
      ],
    },
  ];
  for (const a of AGENCIES) {
    orgUnits.push({
      code: a.code,
      name: a.name,
      shortName: a.short,
      kind: 'agency',
      parentCode: 'BATGT',
      adminUnitId: null,
      isMember: true,
      validFrom: '2008-01-01',
      validTo: null,
      aliases: a.aliases,
    });
  }
  orgUnits.push(
    {
      code: 'PC08',
      name: 'Phòng Cảnh sát giao thông',
      shortName: 'Phòng CSGT',
      kind: 'division',
      parentCode: 'CA',
      adminUnitId: null,
      isMember: false,
      validFrom: '2008-01-01',
      validTo: null,
      aliases: [
        { alias: 'Phòng CSGT', kind: 'abbreviation' },
        { alias: 'PC08', kind: 'abbreviation' },
        { alias: 'Phòng Cảnh sát giao thông Công an tỉnh', kind: 'alias' },
      ],
    },
    {
      code: 'PC08-D1',
      name: 'Đội Tuần tra, kiểm soát giao thông số 1',
      shortName: 'Đội TTKS số 1',
      kind: 'division',
      parentCode: 'PC08',
      adminUnitId: null,
      isMember: false,
      validFrom: '2008-01-01',
      validTo: null,
      aliases: [],
    },
    {
      code: 'SYT-TTCC',
      name: 'Trung tâm Cấp cứu 115 tỉnh',
      shortName: 'Cấp cứu 115',
      kind: 'division',
      parentCode: 'SYT',
      adminUnitId: null,
      isMember: false,
      validFrom: '2008-01-01',
      validTo: null,
      aliases: [{ alias: 'Trung tâm 115', kind: 'alias' }],
    },
  );
  for (const d of DISTRICTS) {
    orgUnits.push({
      code: `UBND-LC-${d.key}`,
      name: `UBND ${d.kind} ${d.name}`,
      shortName: null,
      kind: 'locality',
      parentCode: 'UBND-LC',
      adminUnitId: `LC-${d.key}`,
      isMember: false,
      validFrom: '2004-01-01',
      validTo: LAST_DAY_OF_DISTRICTS,
      aliases: [{ alias: `Ủy ban nhân dân ${d.kind} ${d.name}`, kind: 'alias' }],
    });
  }
  // The communes before the reform had their people's committees too (plans of 2021–2025 name them).
  // Two old communes of one name (in different districts) are told apart by their district.
  const oldCommuneUnits = adminUnits.filter((u) => u.level === 'commune' && u.validTo !== null);
  const nameCount = new Map<string, number>();
  for (const c of oldCommuneUnits)
    nameCount.set(`${c.kind} ${c.name}`, (nameCount.get(`${c.kind} ${c.name}`) ?? 0) + 1);
  const unitById = new Map(adminUnits.map((u) => [u.id, u]));
  for (const c of oldCommuneUnits) {
    const district = c.parentId ? unitById.get(c.parentId) : undefined;
    const suffix =
      (nameCount.get(`${c.kind} ${c.name}`) ?? 0) > 1 && district
        ? ` (${district.kind} ${district.name})`
        : '';
    orgUnits.push({
      code: `UBND-${c.id}`,
      name: `UBND ${c.kind} ${c.name}${suffix}`,
      shortName: null,
      kind: 'locality',
      parentCode: c.parentId ? `UBND-${c.parentId}` : 'UBND-LC',
      adminUnitId: c.id,
      isMember: false,
      validFrom: '2004-01-01',
      validTo: c.validTo,
      aliases: [{ alias: `Ủy ban nhân dân ${c.kind} ${c.name}${suffix}`, kind: 'alias' }],
    });
  }
  const communes = adminUnits.filter((u) => u.level === 'commune' && u.validTo === null);
  for (const c of communes) {
    orgUnits.push(
      {
        code: `UBND-${c.id}`,
        name: `UBND ${c.kind} ${c.name}`,
        shortName: null,
        kind: 'locality',
        parentCode: 'UBND-LC',
        adminUnitId: c.id,
        isMember: false,
        validFrom: REFORM_DATE,
        validTo: null,
        aliases: [{ alias: `Ủy ban nhân dân ${c.kind} ${c.name}`, kind: 'alias' }],
      },
      {
        code: `BATGT-${c.id}`,
        name: `Ban ATGT ${c.kind} ${c.name}`,
        shortName: null,
        kind: 'commune_committee',
        parentCode: 'BATGT',
        adminUnitId: c.id,
        isMember: false,
        validFrom: REFORM_DATE,
        validTo: null,
        aliases: [{ alias: `Ban An toàn giao thông ${c.kind} ${c.name}`, kind: 'alias' }],
      },
    );
  }

  const people: PersonSeed[] = [];
  const phones = new Set<string>();
  const emails = new Set<string>();
  const addPerson = (orgUnitCode: string, position: string, withEmail = true) => {
    const fullName = personName(rng);
    let phone: string;
    do {
      const p = `${rng.pick(MOBILE_PREFIXES)}${rng.int(0, 9)}`;
      phone = `${p} ${rng.int(100, 999)} ${String(rng.int(0, 999)).padStart(3, '0')}`;
    } while (phones.has(phone));
    phones.add(phone);
    let email: string | null = null;
    if (withEmail) {
      const base = officialEmail(fullName, orgUnitCode);
      email = base;
      for (let k = 2; emails.has(email); k++) email = base.replace('@', `${k}@`);
      emails.add(email);
    }
    people.push({ fullName, position, orgUnitCode, phone, email });
    return people.length - 1;
  };
  const leaderIdx = addPerson('UBND-LC', 'Phó Chủ tịch UBND tỉnh, Trưởng Ban ATGT tỉnh');
  addPerson('VP-BATGT', 'Chánh Văn phòng Ban ATGT tỉnh');
  addPerson('VP-BATGT', 'Phó Chánh Văn phòng Ban ATGT tỉnh');
  const officeIdx = addPerson('VP-BATGT', 'Chuyên viên Văn phòng Ban ATGT tỉnh');
  const specialistIdx = new Map<string, number>();
  for (const a of AGENCIES) {
    const [member, head, specialist] = a.posts;
    addPerson(a.code, member);
    addPerson(a.code, head);
    specialistIdx.set(a.code, addPerson(a.code, specialist));
  }
  addPerson('PC08', 'Trưởng phòng Cảnh sát giao thông');
  addPerson('PC08', 'Phó Trưởng phòng Cảnh sát giao thông');
  addPerson('PC08', 'Cán bộ Đội Tuyên truyền, điều tra giải quyết TNGT');
  addPerson('PC08-D1', 'Đội trưởng');
  addPerson('SYT-TTCC', 'Giám đốc Trung tâm');
  const communeIdx = new Map<string, number>();
  for (const c of communes) {
    communeIdx.set(
      c.id,
      addPerson(`BATGT-${c.id}`, `Phó Chủ tịch UBND ${c.kind}, Trưởng Ban ATGT ${c.kind}`, false),
    );
    addPerson(`BATGT-${c.id}`, `Trưởng Công an ${c.kind}, Phó Trưởng Ban ATGT ${c.kind}`, false);
  }

  const commune = (name: string, kind: 'xã' | 'phường') => {
    const unit = communes.find((c) => c.name === name && c.kind === kind);
    if (!unit) throw new Error(`Demo province has no ${kind} ${name}`);
    return unit;
  };
  const user = (
    username: string,
    role: UserSeed['role'],
    displayName: string,
    orgUnitCode: string | null,
    adminUnitId: string | null,
    personIndex: number | null,
  ): UserSeed => ({
    username,
    password: DEMO_PASSWORD,
    role,
    displayName,
    orgUnitCode,
    adminUnitId,
    personIndex,
  });
  const named = (i: number, suffix: string) => `${people[i]!.fullName} (${suffix})`;
  const binhLu = commune('Bình Lư', 'xã');
  const tanPhong = commune('Tân Phong', 'phường');
  const caIdx = specialistIdx.get('CA')!;
  const sxdIdx = specialistIdx.get('SXD')!;
  const binhLuIdx = communeIdx.get(binhLu.id)!;
  const tanPhongIdx = communeIdx.get(tanPhong.id)!;
  const users: UserSeed[] = [
    user('admin', 'admin', 'Quản trị hệ thống', null, null, null),
    user('vanphong', 'office', named(officeIdx, 'Văn phòng Ban ATGT tỉnh'), 'VP-BATGT', null, officeIdx),
    user('lanhdao', 'leader', named(leaderIdx, 'Phó Chủ tịch UBND tỉnh'), 'UBND-LC', null, leaderIdx),
    user('congan', 'agency', named(caIdx, 'Công an tỉnh'), 'CA', null, caIdx),
    user('xaydung', 'agency', named(sxdIdx, 'Sở Xây dựng'), 'SXD', null, sxdIdx),
    // Journey 3: the emergency coordinator of the 115 centre (Sở Y tế) on the dispatch board.
    user('capcuu', 'agency', 'Bác sĩ Lê Thị Hoa (Trung tâm Cấp cứu 115)', 'SYT-TTCC', null, null),
    user('xa.binhlu', 'commune', named(binhLuIdx, 'xã Bình Lư'), `BATGT-${binhLu.id}`, binhLu.id, binhLuIdx),
    user(
      'phuong.tanphong',
      'commune',
      named(tanPhongIdx, 'phường Tân Phong'),
      `BATGT-${tanPhong.id}`,
      tanPhong.id,
      tanPhongIdx,
    ),
  ];

  return {
    provinceId: 'LC',
    provinceName: 'Lai Châu',
    adminUnits,
    successions,
    orgUnits,
    people,
    users,
    roads: ROADS.map(buildRoad),
  };
}
