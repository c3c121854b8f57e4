import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { isEmpty, loadDemoProvince } from '../demo/load.ts';
import { runReminders } from '../plans/reminders.ts';
import { todayInVietnam } from '../plans/routes.ts';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { openDb } from './db.ts';
import type { App } from './http.ts';
import { migrate } from './migrate.ts';

export interface RunningServer {
  app: App;
  url: string;
  close: () => Promise<void>;
}

/** Opens the database, migrates, loads the demo province into an empty one, and listens. */
export async function startServer(
  config: Config,
  logger: FastifyBaseLogger = pino({ level: config.logLevel }),
): Promise<RunningServer> {
  const started = performance.now();
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  if (config.loadDemo && (await isEmpty(db))) {
    const counts = await loadDemoProvince(db);
    logger.info({ counts }, 'demo province loaded');
  }
  const app = await buildApp({ db, config });
  const url = await app.listen({ port: config.port, host: config.host });
  logger.info(
    {
      url,
      database: db.kind,
      dataDir: config.databaseUrl ? undefined : config.dataDir,
      startMs: Math.round(performance.now() - started),
    },
    'ATGT ready',
  );
  const reminders = scheduleReminders(app, config, logger);
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      clearInterval(reminders);
      // app.close() stops accepting and waits for in-flight requests. A keep-alive socket whose request
      // finishes during the close only becomes idle afterwards, so keep closing idle sockets until done.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
      try {
        await app.close();
      } finally {
        clearInterval(sweep);
      }
      await db.close();
    })();
    return closing;
  };
  return { app, url, close };
}

/** Every hour, create the day's reminders (nhắc việc) and send the e-mail digest when SMTP is set. */
const REMINDER_INTERVAL_MS = 60 * 60 * 1000;
function scheduleReminders(app: App, config: Config, logger: FastifyBaseLogger): NodeJS.Timeout {
  const run = () =>
    runReminders(app.db, config, todayInVietnam(), logger).then(
      (result) => {
        if (result.created || result.emailed) logger.info(result, 'reminders');
      },
      (error: unknown) => logger.warn({ err: error }, 'reminders failed'),
    );
  const timer = setInterval(run, REMINDER_INTERVAL_MS);
  timer.unref();
  return timer;
}

/** Closes cleanly on SIGTERM/SIGINT: in-flight requests finish, the database is closed. */
export function closeOnSignals(server: RunningServer, logger: FastifyBaseLogger): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          // Written synchronously: an asynchronous log line could be lost with the exit.
          process.stderr.write(`shutdown failed: ${error instanceof Error ? error.stack : String(error)}\n`);
          process.exit(1);
        },
      );
    });
  }
}
