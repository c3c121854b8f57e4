import { z } from 'zod';
import { ALIAS_KINDS, ORG_UNIT_KINDS } from '../../domain/directory/org-units.ts';
import { ROLES } from '../platform/auth/roles.ts';
import { isoDate, optionalText, paged, pageQuery, searchText, trimmed } from '../platform/http.ts';

export { ALIAS_KINDS, ORG_UNIT_KINDS };

export const adminUnitQuery = z.object({
  level: z.enum(['province', 'district', 'commune']).optional(),
  at: isoDate.optional(),
  q: searchText,
  parentId: z.string().max(50).optional(),
  ...pageQuery,
});

export const adminUnit = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(['province', 'district', 'commune']),
  kind: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  successorIds: z.array(z.string()),
  successorNames: z.array(z.string()),
  predecessorIds: z.array(z.string()),
  predecessorNames: z.array(z.string()),
});
export const adminUnitPage = paged(adminUnit);

export const orgUnitQuery = z.object({
  q: searchText,
  kind: z.enum(ORG_UNIT_KINDS).optional(),
  ...pageQuery,
});

export const alias = z.object({ id: z.number(), alias: z.string(), kind: z.enum(ALIAS_KINDS) });
export const orgUnit = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(ORG_UNIT_KINDS),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  adminUnitId: z.string().nullable(),
  isMember: z.boolean(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  aliases: z.array(alias),
});
export const orgUnitPage = paged(orgUnit);

export const orgUnitCreate = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9._-]+$/, 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.'),
    name: trimmed(200),
    shortName: optionalText(80),
    kind: z.enum(ORG_UNIT_KINDS),
    parentId: z.number().int().positive().nullish(),
    adminUnitId: z.string().max(50).nullish(),
    isMember: z.boolean().default(false),
    validFrom: isoDate.optional(),
    validTo: isoDate.nullish(),
  })
  .strict();
export const orgUnitPatch = orgUnitCreate.partial().strict();

export const aliasCreate = z
  .object({ alias: trimmed(200), kind: z.enum(ALIAS_KINDS).default('alias') })
  .strict();

export const peopleQuery = z.object({
  q: searchText,
  orgUnitId: z.coerce.number().int().positive().optional(),
  ...pageQuery,
});
export const person = z.object({
  id: z.number(),
  fullName: z.string(),
  position: z.string().nullable(),
  orgUnitId: z.number().nullable(),
  orgUnitName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export const personPage = paged(person);
export const personCreate = z
  .object({
    fullName: trimmed(120),
    position: optionalText(120),
    orgUnitId: z.number().int().positive().nullish(),
    phone: z
      .string()
      .trim()
      .max(20)
      .regex(/^(\+?84|0)[\d .-]{8,14}$/, 'Số điện thoại không hợp lệ (ví dụ 0912 345 678).')
      .or(z.literal(''))
      .transform((s) => (s === '' ? null : s))
      .nullish(),
    email: z
      .email('Email không hợp lệ.')
      .max(200)
      .or(z.literal(''))
      .transform((s) => (s === '' ? null : s))
      .nullish(),
  })
  .strict();
export const personPatch = personCreate.partial().strict();

export const usersQuery = z.object({ q: searchText, ...pageQuery });
export const user = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgUnitId: z.number().nullable(),
  orgUnitName: z.string().nullable(),
  adminUnitId: z.string().nullable(),
  adminUnitName: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  failedAttempts: z.number(),
});
export const userPage = paged(user);
const password = z
  .string()
  .min(10, 'Mật khẩu cần ít nhất 10 ký tự.')
  .max(200)
  .refine((s) => /[A-Za-zÀ-ỹ]/.test(s) && /\d/.test(s), 'Mật khẩu cần có cả chữ và số.');
export const userCreate = z
  .object({
    username: z
      .string()
      .trim()
      .min(3)
      .max(60)
      .regex(
        /^[a-z0-9._-]+$/,
        'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.',
      ),
    password,
    displayName: trimmed(120),
    role: z.enum(ROLES),
    orgUnitId: z.number().int().positive().nullish(),
    adminUnitId: z.string().max(50).nullish(),
  })
  .strict()
  .superRefine(requireUnitForRole);
export const userPatch = z
  .object({
    displayName: trimmed(120).optional(),
    role: z.enum(ROLES).optional(),
    orgUnitId: z.number().int().positive().nullish(),
    adminUnitId: z.string().max(50).nullish(),
    disabled: z.boolean().optional(),
    password: password.optional(),
    unlock: z.boolean().optional(),
  })
  .strict();

/** The unit an account of this role must have, as field errors (an agency officer its agency, a commune officer its commune). */
export function missingUnitForRole(u: {
  role: string;
  orgUnitId?: number | null | undefined;
  adminUnitId?: string | null | undefined;
}): { path: string; message: string }[] {
  if (u.role === 'agency' && u.orgUnitId == null)
    return [{ path: 'orgUnitId', message: 'Cán bộ cơ quan thành viên cần có đơn vị.' }];
  if (u.role === 'commune' && u.adminUnitId == null)
    return [{ path: 'adminUnitId', message: 'Cán bộ xã/phường cần có xã/phường.' }];
  return [];
}

function requireUnitForRole(u: Parameters<typeof missingUnitForRole>[0], ctx: z.RefinementCtx): void {
  for (const d of missingUnitForRole(u)) ctx.addIssue({ code: 'custom', path: [d.path], message: d.message });
}
