/**
 * Demo propaganda work for the demo province: about 150 sessions from 01/01/2025 to `asOf` by the police
 * (Công an tỉnh and its traffic police division PC08), the Department of Education (SGDDT), the Youth Union
 * (TINHDOAN) and five commune committees (Bình Lư and Tân Phong among them; commune committees exist from
 * the 2025 reform on), and about 20 schools' three-party commitments over three school years. Places are
 * the communes in force on each day. No photos. Seeded: the same data every time.
 */
import type { AudienceCode, ChannelCode } from '../propaganda/codes.ts';
import { REFORM_DATE } from './province.ts';
import { Rng } from './rng.ts';
import type { AdminUnitSeed, DemoProvince } from './types.ts';

export interface DemoSession {
  heldOn: string;
  orgUnitCode: string;
  adminUnitId: string | null;
  place: string;
  topic: string;
  audiences: AudienceCode[];
  channel: ChannelCode;
  participants: number;
  materials: string | null;
  materialsCount: number | null;
  note: string | null;
}

export interface DemoCommitment {
  orgUnitCode: string;
  school: string;
  schoolYear: string;
  students: number;
  signed: number;
  signedOn: string;
  note: string | null;
}

interface Profile {
  code: string;
  sessions: number;
  /** First day the unit may hold a session (commune committees: the reform). */
  from: string;
  channels: [ChannelCode, number][];
  audiences: AudienceCode[];
  /** Months (1–12) weighted up: the start of the school year, Tết, the Safety Year campaign. */
  busyMonths?: number[];
  commune?: AdminUnitSeed;
}

const TOPICS: Record<ChannelCode, string[]> = {
  meeting: [
    'Quán triệt Luật Trật tự, an toàn giao thông đường bộ năm 2024',
    'Phổ biến Nghị định 168/2024/NĐ-CP về xử phạt vi phạm hành chính, trừ điểm giấy phép lái xe',
    'Hội nghị triển khai Năm An toàn giao thông',
    'Tọa đàm "Đã uống rượu, bia – không lái xe"',
  ],
  school: [
    'Ngoại khóa "Cổng trường an toàn giao thông"',
    'Hướng dẫn kỹ năng đi xe đạp, xe máy điện an toàn',
    'Tuyên truyền đội mũ bảo hiểm cho trẻ em khi ngồi trên xe mô tô, xe gắn máy',
    'Không giao xe cho học sinh chưa đủ tuổi điều khiển',
  ],
  radio: [
    'Chuyên mục "An toàn giao thông" trên sóng phát thanh tỉnh',
    'Phóng sự về điểm đen tai nạn giao thông trên Quốc lộ 4D',
  ],
  loudspeaker: [
    'Phát thanh quy định đội mũ bảo hiểm, không uống rượu bia khi lái xe',
    'Thông báo các đoạn đường sạt lở mùa mưa, đi lại an toàn',
    'Nhắc nhở an toàn giao thông dịp Tết và lễ hội',
  ],
  social_media: [
    'Chuỗi bài "Hành trình an toàn" trên trang Facebook, Zalo',
    'Video ngắn về tác hại của lái xe sau khi uống rượu bia',
  ],
  leaflets: [
    'Phát tờ rơi Luật Trật tự, an toàn giao thông đường bộ',
    'Treo pa nô, khẩu hiệu an toàn giao thông tại các trục đường chính',
  ],
  mobile_team: [
    'Đội tuyên truyền lưu động tại chợ phiên: đội mũ bảo hiểm đạt chuẩn',
    'Tuyên truyền cho đồng bào vùng cao về an toàn khi đi đường đèo dốc',
    'Tuyên truyền cho lái xe kinh doanh vận tải tại bến xe khách',
  ],
  other: [
    'Hội thi tìm hiểu pháp luật về trật tự, an toàn giao thông',
    'Ra quân hưởng ứng Tháng an toàn giao thông',
  ],
};

const PARTICIPANTS: Record<ChannelCode, [number, number]> = {
  meeting: [40, 250],
  school: [150, 900],
  radio: [2000, 8000],
  loudspeaker: [200, 1500],
  social_media: [1000, 12000],
  leaflets: [100, 600],
  mobile_team: [40, 300],
  other: [80, 400],
};

const MATERIALS: Partial<Record<ChannelCode, string>> = {
  school: 'Tài liệu hướng dẫn, tờ rơi',
  leaflets: 'Tờ rơi, pa nô, áp phích',
  mobile_team: 'Tờ rơi, mũ bảo hiểm tặng người dân',
  meeting: 'Tài liệu hội nghị',
};

const PLACES: Record<string, string[]> = {
  CA: ['Hội trường Công an tỉnh', 'Bến xe khách tỉnh', 'Trụ sở Công an xã'],
  PC08: ['Trạm kiểm soát giao thông Km 45 QL4D', 'Chợ phiên', 'Bến xe khách tỉnh', 'Trường THPT'],
  SGDDT: ['Trường THPT Chuyên Lê Quý Đôn', 'Trường THPT số 1 Tam Đường', 'Trường PTDTNT tỉnh', 'Trường THCS'],
  TINHDOAN: ['Nhà văn hóa thanh niên tỉnh', 'Quảng trường trung tâm', 'Trường Cao đẳng Cộng đồng'],
};

const SCHOOLS = [
  'Trường THPT Chuyên Lê Quý Đôn',
  'Trường THPT số 1 Tam Đường',
  'Trường THPT Bình Lư',
  'Trường THPT Phong Thổ',
  'Trường THPT Sìn Hồ',
  'Trường PTDTNT tỉnh',
  'Trường THCS Tân Phong',
  'Trường THCS Đoàn Kết',
];
const COMMUNE_SCHOOLS = ['Trường PTDTBT THCS', 'Trường Tiểu học'];

const pad = (n: number) => String(n).padStart(2, '0');

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** A day between `from` and `to`, more often in the busy months. */
function pickDay(rng: Rng, from: string, to: string, busy: number[] = []): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const day = addDays(from, rng.int(0, daysBetween(from, to)));
    const month = Number(day.slice(5, 7));
    if (busy.includes(month) || rng.next() < 0.45) return day;
  }
  return addDays(from, rng.int(0, daysBetween(from, to)));
}

const validOn = (u: AdminUnitSeed, day: string) =>
  u.level === 'commune' && u.validFrom <= day && (u.validTo === null || u.validTo >= day);

export function demoPropaganda(
  province: DemoProvince,
  asOf: string,
): { sessions: DemoSession[]; commitments: DemoCommitment[] } {
  const rng = new Rng(20270);
  const communeOf = (username: string) => {
    const id = province.users.find((u) => u.username === username)?.adminUnitId;
    return province.adminUnits.find((u) => u.id === id)!;
  };
  const current = province.adminUnits.filter((u) => u.level === 'commune' && u.validTo === null);
  const binhLu = communeOf('xa.binhlu');
  const tanPhong = communeOf('phuong.tanphong');
  const others = current.filter((c) => c.id !== binhLu.id && c.id !== tanPhong.id);
  const communes = [binhLu, tanPhong, others[3]!, others[11]!, others[20]!].filter(Boolean);

  const profiles: Profile[] = [
    {
      code: 'CA',
      sessions: 20,
      from: '2025-01-01',
      channels: [
        ['meeting', 4],
        ['radio', 2],
        ['social_media', 3],
        ['other', 1],
      ],
      audiences: ['officials', 'drivers', 'commercial_drivers', 'residents'],
      busyMonths: [1, 2, 12],
    },
    {
      code: 'PC08',
      sessions: 35,
      from: '2025-01-01',
      channels: [
        ['mobile_team', 5],
        ['school', 3],
        ['leaflets', 2],
        ['social_media', 1],
      ],
      audiences: ['drivers', 'commercial_drivers', 'students', 'ethnic_minorities', 'residents'],
      busyMonths: [1, 2, 9],
    },
    {
      code: 'SGDDT',
      sessions: 30,
      from: '2025-01-01',
      channels: [
        ['school', 8],
        ['meeting', 1],
        ['other', 1],
      ],
      audiences: ['students', 'parents', 'officials'],
      busyMonths: [9, 10, 4, 5],
    },
    {
      code: 'TINHDOAN',
      sessions: 20,
      from: '2025-01-01',
      channels: [
        ['social_media', 4],
        ['mobile_team', 2],
        ['other', 2],
      ],
      audiences: ['students', 'workers', 'residents'],
      busyMonths: [3, 7, 12],
    },
    ...communes.map(
      (c): Profile => ({
        code: `BATGT-${c.id}`,
        sessions: 9,
        from: REFORM_DATE,
        channels: [
          ['loudspeaker', 5],
          ['meeting', 2],
          ['mobile_team', 2],
          ['leaflets', 1],
        ],
        audiences: ['residents', 'ethnic_minorities', 'parents', 'drivers'],
        busyMonths: [1, 2, 9],
        commune: c,
      }),
    ),
  ];

  const sessions: DemoSession[] = [];
  for (const p of profiles) {
    for (let i = 0; i < p.sessions; i++) {
      const heldOn = pickDay(rng, p.from, asOf, p.busyMonths);
      const channel = rng.weighted(p.channels);
      const first =
        channel === 'school' ? (rng.next() < 0.8 ? 'students' : 'parents') : rng.pick(p.audiences);
      const audiences = [first];
      if (rng.next() < 0.4) {
        const second = rng.pick(p.audiences);
        if (second !== first) audiences.push(second);
      }
      const [lo, hi] = PARTICIPANTS[channel];
      const participants = Math.round(rng.int(lo, hi) / 5) * 5;
      const material = MATERIALS[channel];
      const commune =
        p.commune ??
        (channel === 'radio' || channel === 'social_media'
          ? null
          : rng.pick(province.adminUnits.filter((u) => validOn(u, heldOn))));
      const where = commune ? `${commune.kind} ${commune.name}` : null;
      const place = p.commune
        ? channel === 'loudspeaker'
          ? `Hệ thống loa truyền thanh ${where}`
          : rng.pick([`Nhà văn hóa thôn, ${where}`, `Trụ sở UBND ${where}`, `Chợ ${commune!.name}`])
        : channel === 'radio'
          ? 'Đài Phát thanh và Truyền hình tỉnh'
          : channel === 'social_media'
            ? 'Trang mạng xã hội của đơn vị'
            : `${rng.pick(PLACES[p.code] ?? ['Trụ sở đơn vị'])}, ${where}`;
      sessions.push({
        heldOn,
        orgUnitCode: p.code,
        adminUnitId: commune?.id ?? null,
        place,
        topic: rng.pick(TOPICS[channel]),
        audiences,
        channel,
        participants,
        materials: material ?? null,
        materialsCount: material ? Math.round(rng.int(50, 800) / 10) * 10 : null,
        note: null,
      });
    }
  }
  sessions.sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.orgUnitCode.localeCompare(b.orgUnitCode));

  // Commitments are signed at the start of each school year (15/09 – 15/10).
  const commitments: DemoCommitment[] = [];
  const lastYear = Number(asOf.slice(0, 4)) - (asOf.slice(5) < '10-15' ? 1 : 0);
  for (const first of [lastYear - 2, lastYear - 1, lastYear]) {
    const schoolYear = `${first}-${first + 1}`;
    const schools = first === lastYear ? SCHOOLS.slice(0, 4) : SCHOOLS.slice(0, 6);
    const entries: { orgUnitCode: string; school: string }[] = schools.map((school) => ({
      orgUnitCode: 'SGDDT',
      school,
    }));
    if (first >= 2025)
      for (const c of communes.slice(0, 2))
        entries.push({ orgUnitCode: `BATGT-${c.id}`, school: `${rng.pick(COMMUNE_SCHOOLS)} ${c.name}` });
    for (const e of entries) {
      const students = rng.int(20, 120) * 10;
      const signedOn = `${first}-${rng.next() < 0.5 ? '09' : '10'}-${pad(rng.int(1, 15) + (rng.next() < 0.5 ? 14 : 0))}`;
      const signed = students - Math.min(students, rng.poisson(first === lastYear ? 12 : 3));
      commitments.push({
        ...e,
        schoolYear,
        students,
        signed,
        signedOn: signedOn > asOf ? asOf : signedOn,
        note: signed < students ? 'Một số học sinh chuyển trường, bổ sung trong học kỳ I' : null,
      });
    }
  }
  return {
    sessions: sessions.filter((s) => s.heldOn <= asOf),
    commitments: [...new Map(commitments.map((c) => [`${c.school}|${c.schoolYear}`, c])).values()],
  };
}
