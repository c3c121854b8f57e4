import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../platform/testing/index.ts';
import { runReminders } from './reminders.ts';

interface Mail {
  from: string;
  to: string[];
  data: string;
}

/** A local SMTP sink: accepts every message and keeps it. */
async function startSink(): Promise<{ url: string; mails: Mail[]; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        data += chunk;
      });
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const unsent = async () =>
  (
    await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE emailed_at IS NULL')
  )[0]?.n ?? 0;

describe('reminders and the e-mail digest (demo plan 12/KH-UBND, as of 20/11/2026)', () => {
  const config = { mailFrom: 'ATGT Lai Châu <atgt@laichau.gov.vn>' };

  it('keeps the digest when the mail server is down, and sends it once it is up', async () => {
    const down = await runReminders(t.db, { ...config, smtpUrl: 'smtp://127.0.0.1:9' }, '2026-11-20');
    expect(down.created).toBeGreaterThan(0);
    expect(down.emailed).toBe(0);
    const waiting = await unsent();
    expect(waiting).toBeGreaterThanOrEqual(down.created);

    const sink = await startSink();
    try {
      const up = await runReminders(t.db, { ...config, smtpUrl: sink.url }, '2026-11-20');
      expect(up.created).toBe(0); // the same reminders are not created twice
      expect(up.emailed).toBe(sink.mails.length);
      expect(sink.mails.length).toBeGreaterThan(0);
      // Units with nobody to write to keep theirs unsent; every unit that has an address got one mail.
      const withEmail = await t.db.query<{ name: string }>(
        `SELECT DISTINCT u.name FROM notifications n JOIN org_units u ON u.id = n.org_unit_id
          WHERE n.emailed_at IS NOT NULL`,
      );
      expect(withEmail.length).toBe(sink.mails.length);
      const police = sink.mails.find(
        (m) => m.data.includes('C=C3=B4ng an t=E1=BB=89nh') || m.data.includes('Công an tỉnh'),
      );
      expect(police, 'a digest for Công an tỉnh').toBeDefined();
      expect(police?.from).toBe('atgt@laichau.gov.vn');
      expect(police?.to.every((a) => /@/.test(a))).toBe(true);
      expect(police?.data).toMatch(/Subject: =\?UTF-8\?|Subject: \[ATGT\]/);

      const again = await runReminders(t.db, { ...config, smtpUrl: sink.url }, '2026-11-20');
      expect(again).toEqual({ created: 0, emailed: 0 });
    } finally {
      await sink.close();
    }
  });

  it('creates no e-mail at all when SMTP is not configured', async () => {
    const res = await runReminders(t.db, { ...config, smtpUrl: undefined }, '2026-12-31');
    expect(res.emailed).toBe(0);
  });
});
