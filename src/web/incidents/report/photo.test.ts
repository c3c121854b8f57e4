import { describe, expect, it } from 'vitest';
import { REPORT_LIMITS } from '../../../domain/incidents/codes.ts';
import { fitWithin, gpsFromExif } from './photo.ts';

describe('shrinking photos', () => {
  it('scales the longest side down to the limit, keeping the shape', () => {
    expect(fitWithin(4000, 3000, REPORT_LIMITS.maxPhotoSide)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(2000, 1500, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(9000, 10, 1600)).toEqual({ width: 1600, height: 2 });
  });

  it('never enlarges a small photo', () => {
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
  });

  it('gives nothing for an empty picture', () => {
    expect(fitWithin(0, 600, 1600)).toEqual({ width: 0, height: 0 });
    expect(fitWithin(Number.NaN, 600, 1600)).toEqual({ width: 0, height: 0 });
  });
});

describe('the camera position', () => {
  it('keeps a real fix, rounded to 6 decimals', () => {
    expect(gpsFromExif({ latitude: 22.396123456, longitude: 103.458987654 })).toEqual({
      lat: 22.396123,
      lon: 103.458988,
    });
  });

  it('drops missing, broken or null-island positions', () => {
    expect(gpsFromExif(undefined)).toBeNull();
    expect(gpsFromExif({ latitude: 22.4 })).toBeNull();
    expect(gpsFromExif({ latitude: Number.NaN, longitude: 103 })).toBeNull();
    expect(gpsFromExif({ latitude: 0, longitude: 0 })).toBeNull();
    expect(gpsFromExif({ latitude: 91, longitude: 103 })).toBeNull();
  });
});
