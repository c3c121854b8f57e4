import pino from 'pino';
import { isEmpty, loadDemoProvince } from '../server/demo/load.ts';
import { formatParseOutput, parsePlanFile } from '../server/plans/parse-command.ts';
import { todayInVietnam } from '../server/plans/routes.ts';
import { backup, restore } from '../server/platform/backup.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDb } from '../server/platform/db.ts';
import { migrate } from '../server/platform/migrate.ts';
import { closeOnSignals, startServer } from '../server/platform/server.ts';

const USAGE = `atgt — nền tảng quản lý trật tự, an toàn giao thông

  atgt serve                 chạy máy chủ (PORT, DATABASE_URL, DATA_DIR, SESSION_SECRET)
  atgt migrate               áp dụng các bản di chuyển CSDL
  atgt demo                  nạp tỉnh minh họa vào CSDL trống
  atgt backup <tệp>          sao lưu CSDL (PGlite: dừng máy chủ trước)
  atgt restore <tệp> [--force]  khôi phục CSDL từ tệp sao lưu
  atgt plans parse <tệp> [--json] [--date yyyy-mm-dd] [--prose]
                             đọc phụ lục (TSV, CSV, XLSX, DOCX) hoặc kế hoạch văn xuôi, không ghi CSDL`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  switch (command) {
    case 'serve': {
      const server = await startServer(config, logger);
      closeOnSignals(server, logger);
      return -1; // keep running
    }
    case 'migrate': {
      const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrate(db);
        console.log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'CSDL đã ở phiên bản mới nhất.');
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'demo': {
      const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrate(db);
        if (!(await isEmpty(db))) {
          console.error('CSDL đã có dữ liệu; không nạp dữ liệu minh họa.');
          return 1;
        }
        console.log(await loadDemoProvince(db));
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'backup':
    case 'restore': {
      const file = rest.find((a) => !a.startsWith('--'));
      if (!file) {
        console.error(USAGE);
        return 2;
      }
      if (command === 'backup') await backup(config, file);
      else await restore(config, file, { force: rest.includes('--force') });
      console.log(command === 'backup' ? `Đã sao lưu vào ${file}` : `Đã khôi phục từ ${file}`);
      return 0;
    }
    case 'plans': {
      const [sub, ...args] = rest;
      const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--date');
      if (sub !== 'parse' || !file) {
        console.error(USAGE);
        return 2;
      }
      const dateAt = args.indexOf('--date');
      const planDate = dateAt >= 0 ? args[dateAt + 1] : undefined;
      if (planDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(planDate)) {
        console.error('--date phải có dạng yyyy-mm-dd');
        return 2;
      }
      const out = await parsePlanFile(file, {
        today: todayInVietnam(),
        ...(planDate ? { planDate } : {}),
        prose: args.includes('--prose'),
      });
      console.log(args.includes('--json') ? JSON.stringify(out, null, 2) : formatParseOutput(out));
      return out.problems.some((p) => p.severity === 'error') ? 1 : 0;
    }
    default:
      console.log(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
