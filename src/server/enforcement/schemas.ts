import { z } from 'zod';
import { VIOLATION_CODES } from '../../domain/enforcement/catalogue.ts';
import { isoDate, paged, pageQuery } from '../platform/http.ts';

export const violationQuery = z
  .object({
    /** Any way of writing a plate; matched on its key. */
    plate: z.string().trim().max(20).optional(),
    type: z.enum(VIOLATION_CODES as [string, ...string[]]).optional(),
    source: z.enum(['patrol', 'camera']).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    ...pageQuery,
  })
  .strict();

export const violationItem = z.object({
  id: z.number(),
  source: z.string(),
  cameraId: z.string().nullable(),
  typeCode: z.string(),
  typeLabel: z.string(),
  ruleSet: z.string(),
  occurredAt: z.string(),
  place: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  plate: z.string().nullable(),
  plateDisplay: z.string().nullable(),
  vehicleType: z.string().nullable(),
  speedKmh: z.number().nullable(),
  speedLimitKmh: z.number().nullable(),
  fineMin: z.number().nullable(),
  fineMax: z.number().nullable(),
  fineVnd: z.number().nullable(),
  points: z.number().nullable(),
  status: z.string(),
  /** Personal data: in full for the police, masked for everyone else. */
  personName: z.string().nullable(),
  personOrgUnitName: z.string().nullable(),
  masked: z.boolean(),
  evidence: z.array(z.object({ sha256: z.string().optional(), url: z.string().optional() })),
});
export const violationPage = paged(violationItem);

/** One camera event as JSON (the fields of a batch line). */
export const cameraEventBody = z.record(z.string(), z.unknown());

export const ingestResult = z.object({ received: z.number(), created: z.number(), duplicates: z.number() });
