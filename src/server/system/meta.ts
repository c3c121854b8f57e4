import type { Queryable } from '../platform/db.ts';

export interface AppMeta {
  demo: boolean;
  provinceName: string;
  version: string;
}

export async function getMeta(db: Queryable): Promise<AppMeta> {
  const rows = await db.query<{ key: string; value: unknown }>(
    "SELECT key, value FROM app_meta WHERE key IN ('demo', 'province_name')",
  );
  const map = new Map(rows.map((r) => [r.key, r.value]));
  return {
    demo: map.get('demo') === true,
    provinceName: typeof map.get('province_name') === 'string' ? (map.get('province_name') as string) : '',
    version: '0.1.0',
  };
}

export async function setMeta(db: Queryable, key: string, value: unknown): Promise<void> {
  await db.query(
    'INSERT INTO app_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
    [key, JSON.stringify(value)],
  );
}
