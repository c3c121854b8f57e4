import { describe, expect, it } from 'vitest';
import { REPORT_LIMITS } from '../../../domain/incidents/codes.ts';
import {
  buildFormData,
  buildPayload,
  type Draft,
  fromLocalInputValue,
  isoWithOffset,
  isReceipt,
  jpegName,
  normalizePhone,
  parseApiError,
  toLocalInputValue,
  validateDraft,
} from './form.ts';
import { S } from './strings.ts';

const draft = (over: Partial<Draft> = {}): Draft => ({
  location: null,
  placeText: 'Km 45 QL4D, dốc Cổng Trời',
  occurredLocal: '2026-11-23T10:05',
  victims: 2,
  trapped: 1,
  vehicles: ['truck', 'motorbike'],
  phone: '',
  phoneConsent: false,
  description: '',
  photos: [],
  ...over,
});

const photo = (exifLat: number | null = null, exifLon: number | null = null) => ({
  blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }),
  name: 'IMG 0001.HEIC',
  width: 1600,
  height: 1200,
  exifLat,
  exifLon,
});

/** The checks as on 24/11/2026 at noon, phone time (the drafts' crash is the morning before). */
const NOW = new Date(2026, 10, 24, 12, 0);
const check = (d: Draft) => validateDraft(d, NOW);
const messages = (d: Draft) => check(d).map((e) => `${e.field}: ${e.message}`);

describe('validation (the server rules, in the server words)', () => {
  it('accepts a typed place, a GPS point or a map point', () => {
    expect(check(draft())).toEqual([]);
    expect(
      check(draft({ placeText: '', location: { lat: 22.39, lon: 103.46, accuracyM: 8, source: 'gps' } })),
    ).toEqual([]);
    expect(
      check(draft({ placeText: ' ', location: { lat: 22.39, lon: 103.46, accuracyM: null, source: 'map' } })),
    ).toEqual([]);
  });

  it('needs some place', () => {
    expect(messages(draft({ placeText: '   ' }))).toEqual([`location: ${S.needLocation}`]);
  });

  it('trapped people are victims too', () => {
    expect(messages(draft({ victims: 1, trapped: 2 }))).toEqual([`trapped: ${S.trappedTooMany}`]);
    expect(check(draft({ victims: 0, trapped: 0 }))).toEqual([]);
  });

  it('counts are whole numbers within the limit', () => {
    expect(messages(draft({ victims: Number.NaN, trapped: 0 }))).toEqual([
      `victims: ${S.countInvalid(S.victims)}`,
    ]);
    expect(messages(draft({ victims: 2.5, trapped: 0 }))).toEqual([`victims: ${S.countInvalid(S.victims)}`]);
    expect(messages(draft({ victims: REPORT_LIMITS.maxVictims + 1, trapped: 0 }))).toEqual([
      `victims: ${S.countInvalid(S.victims)}`,
    ]);
    expect(messages(draft({ trapped: -1 }))).toEqual([`trapped: ${S.countInvalid(S.trapped)}`]);
  });

  it('a phone must look Vietnamese and come with consent', () => {
    expect(messages(draft({ phone: '12345' }))).toEqual([`phone: ${S.phoneInvalid}`]);
    expect(messages(draft({ phone: '0912 345 678' }))).toEqual([`phoneConsent: ${S.phoneNeedsConsent}`]);
    expect(check(draft({ phone: '0912.345.678', phoneConsent: true }))).toEqual([]);
    expect(check(draft({ phone: '+84912345678', phoneConsent: true }))).toEqual([]);
    expect(normalizePhone(' 0912-345 678 ')).toBe('0912345678');
  });

  it('the time must be a real date, and texts within their limits', () => {
    expect(messages(draft({ occurredLocal: '2026-02-31T10:00' }))).toEqual([`occurredAt: ${S.whenInvalid}`]);
    expect(messages(draft({ occurredLocal: '' }))).toEqual([`occurredAt: ${S.whenInvalid}`]);
    // The server refuses a crash more than 5 minutes ahead; a slightly fast clock is fine.
    const now = fromLocalInputValue('2026-11-23T10:00')!;
    expect(validateDraft(draft({ occurredLocal: '2026-11-23T10:04' }), now)).toEqual([]);
    expect(validateDraft(draft({ occurredLocal: '2026-11-24T10:00' }), now).map((e) => e.message)).toEqual([
      S.whenFuture,
    ]);
    expect(messages(draft({ placeText: 'x'.repeat(REPORT_LIMITS.maxPlaceText + 1) }))).toEqual([
      `placeText: ${S.placeTooLong}`,
    ]);
    expect(messages(draft({ description: 'x'.repeat(REPORT_LIMITS.maxDescription + 1) }))).toEqual([
      `description: ${S.descriptionTooLong}`,
    ]);
    expect(messages(draft({ photos: [photo(), photo(), photo(), photo()] }))).toEqual([
      `photos: ${S.photoTooMany}`,
    ]);
  });
});

describe('times', () => {
  it('writes instants with their offset, as the API wants', () => {
    const at = new Date('2026-11-23T03:05:09Z');
    expect(isoWithOffset(at, 420)).toBe('2026-11-23T10:05:09+07:00');
    expect(isoWithOffset(at, 0)).toBe('2026-11-23T03:05:09+00:00');
    expect(isoWithOffset(at, -330)).toBe('2026-11-22T21:35:09-05:30');
  });

  it('round-trips the datetime-local value in the phone time', () => {
    const d = fromLocalInputValue('2026-11-23T10:05');
    expect(d).not.toBeNull();
    expect(toLocalInputValue(d!)).toBe('2026-11-23T10:05');
    expect(fromLocalInputValue('23/11/2026 10:05')).toBeNull();
  });
});

describe('the report JSON and the multipart body', () => {
  const created = new Date('2026-11-23T03:06:00Z');

  it('builds the API input from the draft', () => {
    const p = buildPayload(
      draft({
        location: { lat: 22.39, lon: 103.46, accuracyM: 8.5, source: 'gps' },
        placeText: '  ',
        vehicles: ['truck', 'spaceship'],
        phone: '0912 345 678',
        phoneConsent: true,
        description: ' xe tải lật ',
        photos: [photo(22.4, 103.5), photo()],
      }),
      '11111111-1111-4111-8111-111111111111',
      created,
    );
    expect(p).toEqual({
      clientId: '11111111-1111-4111-8111-111111111111',
      occurredAt: isoWithOffset(fromLocalInputValue('2026-11-23T10:05')!),
      createdAt: isoWithOffset(created),
      location: { lat: 22.39, lon: 103.46, accuracyM: 8.5, source: 'gps' },
      placeText: null,
      victims: 2,
      trapped: 1,
      vehicles: ['truck'],
      phone: '0912345678',
      phoneConsent: true,
      description: 'xe tải lật',
      photoMeta: [
        { exifLat: 22.4, exifLon: 103.5 },
        { exifLat: null, exifLon: null },
      ],
    });
  });

  it('never sends consent without a phone', () => {
    const p = buildPayload(
      draft({ phone: '', phoneConsent: true }),
      '11111111-1111-4111-8111-111111111111',
      created,
    );
    expect(p.phone).toBeNull();
    expect(p.phoneConsent).toBe(false);
  });

  it('puts `report` first, then one `photos` JPEG per photo, and photoMeta matches the files', async () => {
    const p = buildPayload(draft({ photos: [photo(22.4, 103.5), photo()] }), 'x', created);
    const body = buildFormData(p, [photo(), photo()]);
    const entries = [...body.entries()];
    expect(entries.map(([k]) => k)).toEqual(['report', 'photos', 'photos']);
    const report = JSON.parse(entries[0]?.[1] as string);
    expect(report.photoMeta).toEqual([
      { exifLat: 22.4, exifLon: 103.5 },
      { exifLat: null, exifLon: null },
    ]);
    const file = entries[1]?.[1] as File;
    expect(file.name).toBe('IMG-0001.jpg');
    expect(file.type).toBe('image/jpeg');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));

    // Fewer files than metadata (a photo removed): photoMeta follows the files.
    const one = JSON.parse(buildFormData(p, [photo()]).get('report') as string);
    expect(one.photoMeta).toEqual([{ exifLat: 22.4, exifLon: 103.5 }]);
  });

  it('gives every photo a safe .jpg name', () => {
    expect(jpegName('Ảnh tai nạn (1).png', 0)).toBe('Ảnh-tai-nạn-1.jpg');
    expect(jpegName('', 2)).toBe('anh-3.jpg');
    expect(jpegName('../../etc/passwd', 0)).toBe('etc-passwd.jpg');
  });
});

describe('answers', () => {
  it('reads the error shape', () => {
    expect(
      parseApiError({
        error: { code: 'VALIDATION', message: 'Sai', details: [{ path: 'trapped', message: 'm' }] },
      }),
    ).toEqual({ code: 'VALIDATION', message: 'Sai', details: [{ path: 'trapped', message: 'm' }] });
    expect(parseApiError({ message: 'no' })).toBeNull();
    expect(parseApiError(null)).toBeNull();
  });

  it('recognises a receipt', () => {
    expect(isReceipt({ trackingCode: 'TN-1', status: 'received', timeline: [] })).toBe(true);
    expect(isReceipt({ trackingCode: 'TN-1' })).toBe(false);
  });
});
