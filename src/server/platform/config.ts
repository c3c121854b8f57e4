import path from 'node:path';

export type Environment = 'development' | 'test' | 'production';

export interface Config {
  env: Environment;
  port: number;
  host: string;
  /** postgres://… when a real PostgreSQL server is used; undefined for embedded PGlite */
  databaseUrl: string | undefined;
  /** Folder of the embedded database and uploaded files */
  dataDir: string;
  sessionSecret: string;
  /** Session lifetime in hours */
  sessionHours: number;
  /** Load the demo province when the database is empty */
  loadDemo: boolean;
  logLevel: string;
  /** smtp://user:pass@host:port — the e-mail digest of reminders is sent only when set */
  smtpUrl: string | undefined;
  /** Sender of the digest */
  mailFrom: string;
  /** Raster tile URL template (https://…/{z}/{x}/{y}.png) for maps; unset = the offline basemap */
  mapTileUrl: string | undefined;
  /** Public crash reports accepted per minute from one address before 429 (the phone queues and retries) */
  publicReportsPerMinute: number;
}

export const DEV_SESSION_SECRET = 'atgt-dev-secret-change-me-in-production-0123456789';

/** Reads configuration from the environment; refuses to run in production without a real secret. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = (env.NODE_ENV ?? 'development') as Environment;
  const secret = env.SESSION_SECRET;
  if (nodeEnv === 'production' && (!secret || secret === DEV_SESSION_SECRET || secret.length < 32)) {
    throw new Error(
      'SESSION_SECRET phải được đặt (ít nhất 32 ký tự) khi NODE_ENV=production / SESSION_SECRET must be set (≥ 32 chars) in production',
    );
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT không hợp lệ: ${env.PORT}`);
  return {
    env: nodeEnv,
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    sessionSecret: secret ?? DEV_SESSION_SECRET,
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    loadDemo: env.ATGT_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'ATGT <no-reply@atgt.local>',
    mapTileUrl: env.MAP_TILE_URL || undefined,
    publicReportsPerMinute: Number(env.PUBLIC_REPORTS_PER_MINUTE ?? 60),
  };
}
