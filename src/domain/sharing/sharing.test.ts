import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, decodeCursor, encodeCursor, takeToken, toCsv } from './sharing.ts';

describe('feed cursors', () => {
  it('read back the change number they carry', () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(decodeCursor(encodeCursor(n))).toBe(n);
      }),
    );
    expect(encodeCursor(42)).toBe('NDI');
  });

  it('refuse anything that is not a cursor this server gave out', () => {
    for (const bad of ['', '42', 'abc', '!!', 'MDQy' /* "042" */, 'LTE' /* "-1" */, 'NDI=', 'x'.repeat(40)])
      expect(decodeCursor(bad), bad).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const n = decodeCursor(s);
        if (n !== null) expect(encodeCursor(n)).toBe(s);
      }),
    );
  });
});

describe('token bucket', () => {
  it('allows the minute’s allowance at once, then one call per 60/rate seconds', () => {
    let bucket: ReturnType<typeof takeToken>['bucket'] | undefined;
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) {
      const r = takeToken(bucket, 3, t0);
      expect(r.allowed).toBe(true);
      bucket = r.bucket;
    }
    const refused = takeToken(bucket, 3, t0);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 20 });
    expect(takeToken(refused.bucket, 3, t0 + 10_000)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 10,
    });
    expect(takeToken(refused.bucket, 3, t0 + 20_000).allowed).toBe(true);
  });

  it('never holds more than the minute’s allowance', () => {
    const r = takeToken({ tokens: 0, at: 0 }, 2, 10 * 60_000);
    expect(r.bucket.tokens).toBe(1);
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('Bình Lư')).toBe('Bình Lư');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa,b\r\n1,x\r\n');
  });
});
