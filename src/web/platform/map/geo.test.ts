import { describe, expect, it } from 'vitest';
import { boundsOfPoints, circleRing, distanceM } from './geo.ts';

describe('map geometry', () => {
  it('draws a closed circle whose points lie at the radius', () => {
    const center: [number, number] = [103.47, 22.39];
    const ring = circleRing(center, 250, 32);
    expect(ring).toHaveLength(33);
    expect(ring[0]).toEqual(ring[32]);
    for (const p of ring) expect(distanceM(center, p)).toBeCloseTo(250, 3);
  });

  it('measures distances on the sphere', () => {
    // One degree of latitude is about 111.2 km.
    expect(distanceM([103, 22], [103, 23]) / 1000).toBeCloseTo(111.2, 1);
    expect(distanceM([103, 22], [103, 22])).toBe(0);
  });

  it('gives the box around points, or null', () => {
    expect(boundsOfPoints([])).toBeNull();
    expect(
      boundsOfPoints([
        [103.1, 22.5],
        [102.9, 22.7],
        [103.3, 22.2],
      ]),
    ).toEqual([
      [102.9, 22.2],
      [103.3, 22.7],
    ]);
  });
});
