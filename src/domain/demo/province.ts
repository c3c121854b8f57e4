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

// Districts of Lai Châu until 30/6/2025, with approximate centroids.
const DISTRICTS = [
  { key: 'TP', name: 'Lai Châu', kind: 'thành phố', lat: 22.396, lon: 103.458 },
  { key: 'TD', name: 'Tam Đường', kind: 'huyện', lat: 22.36, lon: 103.61 },
  { key: 'PT', name: 'Phong Thổ', kind: 'huyện', lat: 22.58, lon: 103.33 },
  { key: 'SH', name: 'Sìn Hồ', kind: 'huyện', lat: 22.33, lon: 103.24 },
  { key: 'MT', name: 'Mường Tè', kind: 'huyện', lat: 22.5, lon: 102.65 },
  { key: 'TU', name: 'Than Uyên', kind: 'huyện', lat: 21.9, lon: 103.87 },
  { key: 'TN', name: 'Tân Uyên', kind: 'huyện', lat: 22.14, lon: 103.72 },
  { key: 'NN', name: 'Nậm Nhùn', kind: 'huyện', lat: 22.15, lon: 103.08 },
] as const;
type DistrictKey = (typeof DISTRICTS)[number]['key'];

/**
 * Communes and wards from 1/7/2025 (approximate centroids), each with the old communes it absorbed
 * ('tt:' marks a town, 'p:' a ward) and the district those belonged to. Modelled loosely on the real reform.
 */
const NEW_COMMUNES: {
  name: string;
  kind: 'xã' | 'phường';
  lat: number;
  lon: number;
  district: DistrictKey;
  old: string[];
}[] = [
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
    lon: 103.47,
    district: 'TP',
    old: ['p:Đoàn Kết', 'p:Quyết Tiến', 'p:Đông Phong', 'Sùng Phài', 'Nậm Loỏng'],
  },
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
    lat: 22.45,
    lon: 103.66,
    district: 'TD',
    old: ['Khun Há', 'Bản Giang', 'Thèn Sin'],
  },
  {
    name: 'Bản Bo',
    kind: 'xã',
    lat: 22.3,
    lon: 103.64,
    district: 'TD',
    old: ['Bản Bo', 'Nà Tăm', 'Nùng Nàng'],
  },
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
    lat: 22.42,
    lon: 103.28,
    district: 'SH',
    old: ['Hồng Thu', 'Phăng Sô Lin', 'Ma Quai'],
  },
  {
    name: 'Pu Sam Cáp',
    kind: 'xã',
    lat: 22.25,
    lon: 103.38,
    district: 'SH',
    old: ['Pu Sam Cáp', 'Nậm Cha', 'Căn Co', 'Nậm Mạ'],
  },
  {
    name: 'Nậm Tăm',
    kind: 'xã',
    lat: 22.2,
    lon: 103.3,
    district: 'SH',
    old: ['Nậm Tăm', 'Noong Hẻo', 'Nậm Hăn'],
  },
  { name: 'Pa Tần', kind: 'xã', lat: 22.5, lon: 103.05, district: 'SH', old: ['Pa Tần', 'Tả Ngảo'] },
  {
    name: 'Tủa Sín Chải',
    kind: 'xã',
    lat: 22.38,
    lon: 103.12,
    district: 'SH',
    old: ['Tủa Sín Chải', 'Làng Mô', 'Sà Dề Phìn', 'Tả Phìn', 'Lùng Thàng', 'Pa Khóa'],
  },
  { name: 'Lê Lợi', kind: 'xã', lat: 22.1, lon: 103.2, district: 'NN', old: ['Lê Lợi', 'Pú Đao'] },
  { name: 'Mường Mô', kind: 'xã', lat: 22.12, lon: 102.98, district: 'NN', old: ['Mường Mô', 'Nậm Chà'] },
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
    lon: 103.05,
    district: 'NN',
    old: ['Hua Bum', 'Nậm Ban', 'Trung Chải', 'Nậm Pì'],
  },
  { name: 'Mường Tè', kind: 'xã', lat: 22.38, lon: 102.83, district: 'MT', old: ['tt:Mường Tè', 'Mường Tè'] },
  { name: 'Bum Tở', kind: 'xã', lat: 22.45, lon: 102.7, district: 'MT', old: ['Bum Tở', 'Nậm Khao'] },
  {
    name: 'Bum Nưa',
    kind: 'xã',
    lat: 22.35,
    lon: 102.75,
    district: 'MT',
    old: ['Bum Nưa', 'Vàng San', 'Kan Hồ'],
  },
  { name: 'Mù Cả', kind: 'xã', lat: 22.65, lon: 102.55, district: 'MT', old: ['Mù Cả', 'Tá Bạ'] },
  { name: 'Thu Lũm', kind: 'xã', lat: 22.72, lon: 102.4, district: 'MT', old: ['Thu Lũm', 'Ka Lăng'] },
  { name: 'Pa Ủ', kind: 'xã', lat: 22.55, lon: 102.5, district: 'MT', old: ['Pa Ủ', 'Pa Vệ Sủ'] },
  { name: 'Tà Tổng', kind: 'xã', lat: 22.3, lon: 102.6, district: 'MT', old: ['Tà Tổng'] },
  {
    name: 'Than Uyên',
    kind: 'xã',
    lat: 21.95,
    lon: 103.89,
    district: 'TU',
    old: ['tt:Than Uyên', 'Mường Cang', 'Hua Nà'],
  },
  {
    name: 'Mường Than',
    kind: 'xã',
    lat: 21.9,
    lon: 103.94,
    district: 'TU',
    old: ['Mường Than', 'Phúc Than', 'Mường Mít'],
  },
  {
    name: 'Mường Kim',
    kind: 'xã',
    lat: 21.85,
    lon: 103.8,
    district: 'TU',
    old: ['Mường Kim', 'Tà Mung', 'Pha Mu', 'Tà Hừa'],
  },
  { name: 'Khoen On', kind: 'xã', lat: 21.8, lon: 103.95, district: 'TU', old: ['Khoen On', 'Ta Gia'] },
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
  { name: 'Nậm Sỏ', kind: 'xã', lat: 22.05, lon: 103.7, district: 'TN', old: ['Nậm Sỏ', 'Nậm Cần'] },
];

/** A stable id from a name: 'Sìn Hồ' → 'SINHO'. */
const slug = (name: string) =>
  normalizeName(name)
    .replace(/[^a-z0-9]/g, '')
    .toUpperCase();

// Roads as waypoints (lat, lon); km markers follow the winding mountain road (≈1.35 × straight distance).
const ROADS: { code: string; name: string; kind: 'national' | 'provincial'; points: [number, number][] }[] = [
  {
    code: 'QL4D',
    name: 'Quốc lộ 4D',
    kind: 'national',
    points: [
      [22.62, 103.3],
      [22.53, 103.35],
      [22.47, 103.4],
      [22.396, 103.458],
      [22.36, 103.6],
      [22.38, 103.7],
      [22.36, 103.78],
    ],
  },
  {
    code: 'QL12',
    name: 'Quốc lộ 12',
    kind: 'national',
    points: [
      [22.75, 103.26],
      [22.62, 103.3],
      [22.53, 103.35],
      [22.42, 103.4],
      [22.3, 103.32],
      [22.2, 103.25],
      [22.1, 103.18],
      [22.05, 103.1],
    ],
  },
  {
    code: 'QL32',
    name: 'Quốc lộ 32',
    kind: 'national',
    points: [
      [22.36, 103.6],
      [22.3, 103.64],
      [22.22, 103.65],
      [22.16, 103.73],
      [22.1, 103.78],
      [21.95, 103.89],
      [21.9, 103.94],
      [21.84, 104.02],
    ],
  },
  {
    code: 'QL279',
    name: 'Quốc lộ 279',
    kind: 'national',
    points: [
      [21.95, 103.89],
      [21.9, 103.85],
      [21.85, 103.8],
      [21.8, 103.72],
      [21.76, 103.64],
    ],
  },
  {
    code: 'QL4H',
    name: 'Quốc lộ 4H',
    kind: 'national',
    points: [
      [22.05, 103.1],
      [22.12, 102.98],
      [22.25, 102.9],
      [22.38, 102.83],
      [22.45, 102.7],
      [22.55, 102.5],
      [22.65, 102.45],
      [22.72, 102.4],
    ],
  },
  {
    code: 'QL100',
    name: 'Quốc lộ 100',
    kind: 'national',
    points: [
      [22.53, 103.35],
      [22.56, 103.42],
      [22.58, 103.5],
      [22.6, 103.57],
    ],
  },
  {
    code: 'ĐT127',
    name: 'Đường tỉnh 127',
    kind: 'provincial',
    points: [
      [22.36, 103.24],
      [22.3, 103.27],
      [22.2, 103.3],
      [22.12, 103.28],
    ],
  },
  {
    code: 'ĐT128',
    name: 'Đường tỉnh 128',
    kind: 'provincial',
    points: [
      [22.38, 103.12],
      [22.36, 103.24],
      [22.4, 103.34],
      [22.4, 103.42],
    ],
  },
  {
    code: 'ĐT129',
    name: 'Đường tỉnh 129',
    kind: 'provincial',
    points: [
      [22.38, 102.83],
      [22.5, 102.65],
      [22.65, 102.55],
    ],
  },
  {
    code: 'ĐT132',
    name: 'Đường tỉnh 132',
    kind: 'provincial',
    points: [
      [22.36, 103.6],
      [22.43, 103.55],
      [22.45, 103.66],
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

const WINDING = 1.35;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function buildRoad(r: (typeof ROADS)[number]): RoadSeed {
  const markers: RoadMarker[] = [];
  let km = 0;
  for (let i = 0; i < r.points.length; i++) {
    const [lat, lon] = r.points[i]!;
    if (i > 0) {
      const [plat, plon] = r.points[i - 1]!;
      const segKm = haversineKm(plat, plon, lat, lon) * WINDING;
      const steps = Math.max(1, Math.round(segKm / 4)); // a marker every ~4 km
      for (let s = 1; s <= steps; s++) {
        const f = s / steps;
        markers.push({
          km: round(km + segKm * f, 1),
          lat: round(plat + (lat - plat) * f, 5),
          lon: round(plon + (lon - plon) * f, 5),
        });
      }
      km += segKm;
    } else {
      markers.push({ km: 0, lat, lon });
    }
  }
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

// Member agencies of the provincial Committee, with abbreviations and former names.
const AGENCIES: { code: string; name: string; short: string; aliases: OrgUnitSeed['aliases'] }[] = [
  {
    code: 'CA',
    name: 'Công an tỉnh',
    short: 'CA tỉnh',
    aliases: [
      { alias: 'CA tỉnh', kind: 'abbreviation' },
      { alias: 'Công an tỉnh Lai Châu', kind: 'alias' },
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
  },
  { code: 'SYT', name: 'Sở Y tế', short: 'SYT', aliases: [{ alias: 'SYT', kind: 'abbreviation' }] },
  {
    code: 'SGDDT',
    name: 'Sở Giáo dục và Đào tạo',
    short: 'Sở GDĐT',
    aliases: [
      { alias: 'Sở GDĐT', kind: 'abbreviation' },
      { alias: 'Sở GD&ĐT', kind: 'abbreviation' },
    ],
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
  },
  {
    code: 'SVHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    short: 'Sở VHTTDL',
    aliases: [{ alias: 'Sở VHTTDL', kind: 'abbreviation' }],
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
  },
  { code: 'STP', name: 'Sở Tư pháp', short: 'STP', aliases: [{ alias: 'STP', kind: 'abbreviation' }] },
  {
    code: 'SNNMT',
    name: 'Sở Nông nghiệp và Môi trường',
    short: 'Sở NNMT',
    aliases: [
      { alias: 'Sở NN&MT', kind: 'abbreviation' },
      { alias: 'Sở Nông nghiệp và Phát triển nông thôn', kind: 'former_name', validTo: '2025-02-28' },
    ],
  },
  {
    code: 'BDBP',
    name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
    short: 'BĐBP tỉnh',
    aliases: [
      { alias: 'BĐBP tỉnh', kind: 'abbreviation' },
      { alias: 'Bộ đội Biên phòng tỉnh', kind: 'alias' },
    ],
  },
  {
    code: 'BCHQS',
    name: 'Bộ Chỉ huy Quân sự tỉnh',
    short: 'BCHQS tỉnh',
    aliases: [{ alias: 'BCHQS tỉnh', kind: 'abbreviation' }],
  },
  {
    code: 'MTTQ',
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
    short: 'UBMTTQ tỉnh',
    aliases: [
      { alias: 'UBMTTQ tỉnh', kind: 'abbreviation' },
      { alias: 'Mặt trận Tổ quốc tỉnh', kind: 'alias' },
    ],
  },
  {
    code: 'TD',
    name: 'Tỉnh Đoàn',
    short: 'Tỉnh Đoàn',
    aliases: [
      { alias: 'Tỉnh đoàn Lai Châu', kind: 'alias' },
      { alias: 'Đoàn TNCS Hồ Chí Minh tỉnh', kind: 'alias' },
    ],
  },
  {
    code: 'HLHPN',
    name: 'Hội Liên hiệp Phụ nữ tỉnh',
    short: 'Hội LHPN tỉnh',
    aliases: [{ alias: 'Hội LHPN tỉnh', kind: 'abbreviation' }],
  },
  {
    code: 'HND',
    name: 'Hội Nông dân tỉnh',
    short: 'Hội ND tỉnh',
    aliases: [{ alias: 'Hội ND tỉnh', kind: 'abbreviation' }],
  },
  {
    code: 'HCCB',
    name: 'Hội Cựu chiến binh tỉnh',
    short: 'Hội CCB tỉnh',
    aliases: [{ alias: 'Hội CCB tỉnh', kind: 'abbreviation' }],
  },
  {
    code: 'BPTTH',
    name: 'Báo và Phát thanh, Truyền hình Lai Châu',
    short: 'Báo và PT-TH',
    aliases: [
      { alias: 'Báo Lai Châu', kind: 'former_name', validTo: '2025-06-30' },
      { alias: 'Đài Phát thanh và Truyền hình tỉnh', kind: 'former_name', validTo: '2025-06-30' },
    ],
  },
  {
    code: 'LDLD',
    name: 'Liên đoàn Lao động tỉnh',
    short: 'LĐLĐ tỉnh',
    aliases: [{ alias: 'LĐLĐ tỉnh', kind: 'abbreviation' }],
  },
  {
    code: 'VKS',
    name: 'Viện Kiểm sát nhân dân tỉnh',
    short: 'VKSND tỉnh',
    aliases: [{ alias: 'VKSND tỉnh', kind: 'abbreviation' }],
  },
];

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đỗ',
  'Lò',
  'Lường',
  'Tòng',
  'Giàng',
  'Vàng',
  'Sùng',
  'Lý',
  'Tẩn',
  'Chảo',
  'Hà',
  'Đèo',
];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'A', 'Seo', 'Xuân'];
const MIDDLE_F = ['Thị', 'Thu', 'Ngọc', 'Hồng', 'Thanh'];
const GIVEN_M = [
  'Hùng',
  'Tuấn',
  'Sơn',
  'Dũng',
  'Thắng',
  'Chinh',
  'Dế',
  'Páo',
  'Lâm',
  'Hải',
  'Khánh',
  'Phong',
  'Trung',
];
const GIVEN_F = ['Lan', 'Hoa', 'Mai', 'Thảo', 'Hương', 'Dung', 'Nga', 'Yến', 'Mỷ', 'Chi', 'Linh'];

function personName(rng: Rng): string {
  const female = rng.next() < 0.45;
  return `${rng.pick(FAMILY)} ${rng.pick(female ? MIDDLE_F : MIDDLE_M)} ${rng.pick(female ? GIVEN_F : GIVEN_M)}`;
}
const phone = (rng: Rng) => `09${rng.int(1, 8)}${rng.int(0, 9)} ${rng.int(100, 999)} ${rng.int(100, 999)}`;

/** Builds the demo province (deterministic). */
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
      // The first old unit sits at the new centre; the others around it within ~6 km.
      const lat = i === 0 ? n.lat : round(n.lat + rng.gauss() * 0.03, 4);
      const lon = i === 0 ? n.lon : round(n.lon + rng.gauss() * 0.03, 4);
      adminUnits.push({
        id: oldId,
        name,
        level: 'commune',
        kind,
        parentId: `LC-${n.district}`,
        validFrom: '2008-01-01',
        validTo: LAST_DAY_OF_DISTRICTS,
        lat,
        lon,
      });
      successions.push({
        oldId,
        newId,
        effectiveDate: REFORM_DATE,
        note: 'Sắp xếp đơn vị hành chính cấp xã năm 2025',
      });
    });
  }

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
      aliases: [{ alias: 'UBND tỉnh', kind: 'abbreviation' }],
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
    const prefix = d.kind === 'thành phố' ? 'thành phố' : 'huyện';
    orgUnits.push({
      code: `UBND-LC-${d.key}`,
      name: `UBND ${prefix} ${d.name}`,
      shortName: null,
      kind: 'locality',
      parentCode: 'UBND-LC',
      adminUnitId: `LC-${d.key}`,
      isMember: false,
      validFrom: '2004-01-01',
      validTo: LAST_DAY_OF_DISTRICTS,
      aliases: [],
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
        aliases: [],
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
        aliases: [],
      },
    );
  }

  const people: PersonSeed[] = [];
  const addPerson = (orgUnitCode: string, position: string) => {
    people.push({ fullName: personName(rng), position, orgUnitCode, phone: phone(rng), email: null });
    return people.length - 1;
  };
  const leaderIdx = addPerson('UBND-LC', 'Phó Chủ tịch UBND tỉnh, Trưởng Ban ATGT tỉnh');
  const officeIdx = addPerson('VP-BATGT', 'Chuyên viên Văn phòng Ban ATGT');
  addPerson('VP-BATGT', 'Chánh Văn phòng Ban ATGT');
  const agencyIdx = new Map<string, number>();
  for (const a of AGENCIES) {
    addPerson(
      a.code,
      a.code === 'CA'
        ? 'Phó Giám đốc Công an tỉnh'
        : a.code.startsWith('S')
          ? 'Phó Giám đốc'
          : 'Phó Chủ tịch',
    );
    agencyIdx.set(a.code, addPerson(a.code, 'Chuyên viên'));
  }
  addPerson('PC08', 'Trưởng phòng');
  addPerson('PC08', 'Cán bộ Đội Tuyên truyền');
  const communeIdx = new Map<string, number>();
  for (const c of communes)
    communeIdx.set(c.id, addPerson(`BATGT-${c.id}`, `Phó Chủ tịch UBND ${c.kind}, Trưởng Ban ATGT`));
  for (const p of people) p.email = null;

  const binhLu = communes.find((c) => c.name === 'Bình Lư')!;
  const tanPhong = communes.find((c) => c.name === 'Tân Phong')!;
  const users: UserSeed[] = [
    {
      username: 'admin',
      password: DEMO_PASSWORD,
      role: 'admin',
      displayName: 'Quản trị hệ thống',
      orgUnitCode: null,
      adminUnitId: null,
      personIndex: null,
    },
    {
      username: 'vanphong',
      password: DEMO_PASSWORD,
      role: 'office',
      displayName: `${people[officeIdx]!.fullName} (Văn phòng Ban ATGT)`,
      orgUnitCode: 'VP-BATGT',
      adminUnitId: null,
      personIndex: officeIdx,
    },
    {
      username: 'lanhdao',
      password: DEMO_PASSWORD,
      role: 'leader',
      displayName: `${people[leaderIdx]!.fullName} (Phó Chủ tịch UBND tỉnh)`,
      orgUnitCode: 'UBND-LC',
      adminUnitId: null,
      personIndex: leaderIdx,
    },
    {
      username: 'congan',
      password: DEMO_PASSWORD,
      role: 'agency',
      displayName: `${people[agencyIdx.get('CA')!]!.fullName} (Công an tỉnh)`,
      orgUnitCode: 'CA',
      adminUnitId: null,
      personIndex: agencyIdx.get('CA')!,
    },
    {
      username: 'xaydung',
      password: DEMO_PASSWORD,
      role: 'agency',
      displayName: `${people[agencyIdx.get('SXD')!]!.fullName} (Sở Xây dựng)`,
      orgUnitCode: 'SXD',
      adminUnitId: null,
      personIndex: agencyIdx.get('SXD')!,
    },
    {
      username: 'xa.binhlu',
      password: DEMO_PASSWORD,
      role: 'commune',
      displayName: `${people[communeIdx.get(binhLu.id)!]!.fullName} (xã Bình Lư)`,
      orgUnitCode: `BATGT-${binhLu.id}`,
      adminUnitId: binhLu.id,
      personIndex: communeIdx.get(binhLu.id)!,
    },
    {
      username: 'phuong.tanphong',
      password: DEMO_PASSWORD,
      role: 'commune',
      displayName: `${people[communeIdx.get(tanPhong.id)!]!.fullName} (phường Tân Phong)`,
      orgUnitCode: `BATGT-${tanPhong.id}`,
      adminUnitId: tanPhong.id,
      personIndex: communeIdx.get(tanPhong.id)!,
    },
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
