export * from './crashes.ts';
export * from './province.ts';
export * from './rng.ts';
export * from './types.ts';
