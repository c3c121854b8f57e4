/**
 * The details a police report adds to a demo crash: conditions, collision type, commercial
 * transport, students among the victims, all causes. Drawn from their own seeded stream, so the
 * crashes themselves (time, place, counts) stay exactly as generated.
 */
import { Rng } from './rng.ts';
import type { CrashSeed } from './types.ts';

export interface CrashDetails {
  causes: string[];
  weather: 'clear' | 'rain' | 'fog' | 'storm';
  light: 'day' | 'dawn_dusk' | 'dark_lit' | 'dark_unlit';
  surface: 'dry' | 'wet' | 'muddy' | 'damaged';
  area: 'urban' | 'rural';
  collisionType: 'head_on' | 'rear_end' | 'side' | 'single_vehicle' | 'pedestrian' | 'rollover' | 'other';
  commercial: boolean;
  students: number;
}

const COMMERCIAL = new Set(['bus', 'truck', 'container']);

export function crashDetails(crashes: CrashSeed[], seed = 7): CrashDetails[] {
  const rng = new Rng(seed);
  return crashes.map((c) => {
    const local = new Date(Date.parse(c.occurredAt) + 7 * 3600_000);
    const month = local.getUTCMonth() + 1;
    const hour = local.getUTCHours();
    const rainy = month >= 6 && month <= 9;
    const weather =
      rng.next() < (rainy ? 0.45 : 0.12)
        ? rng.next() < 0.1
          ? 'storm'
          : 'rain'
        : rng.next() < 0.08
          ? 'fog'
          : 'clear';
    const light =
      hour >= 7 && hour < 17
        ? 'day'
        : hour === 6 || hour === 17 || hour === 18
          ? 'dawn_dusk'
          : rng.next() < 0.35
            ? 'dark_lit'
            : 'dark_unlit';
    const surface =
      weather === 'clear' || weather === 'fog'
        ? rng.next() < 0.08
          ? 'damaged'
          : 'dry'
        : rng.next() < 0.3
          ? 'muddy'
          : 'wet';
    const single = c.vehicles.length === 1;
    const collisionType = c.vehicles.includes('pedestrian')
      ? 'pedestrian'
      : single
        ? rng.next() < 0.25
          ? 'rollover'
          : 'single_vehicle'
        : rng.weighted([
            ['head_on', 3],
            ['side', 4],
            ['rear_end', 2],
            ['other', 1],
          ] as const);
    const causes = [c.cause];
    if (c.alcohol && c.cause !== 'alcohol') causes.push('alcohol');
    else if (rng.next() < 0.15)
      causes.push(rng.pick(['speed', 'wrong_lane', 'no_licence', 'road_condition']));
    const victims = c.deaths + c.injured;
    const students =
      victims > 0 &&
      (hour === 6 || hour === 7 || hour === 11 || hour === 16 || hour === 17) &&
      rng.next() < 0.3
        ? 1
        : 0;
    return {
      causes: [...new Set(causes)],
      weather,
      light,
      surface,
      area: c.roadCode === null && rng.next() < 0.5 ? 'urban' : 'rural',
      collisionType,
      commercial: c.vehicles.some((v) => COMMERCIAL.has(v)) && rng.next() < 0.7,
      students,
    };
  });
}
