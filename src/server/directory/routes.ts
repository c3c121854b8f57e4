import { z } from 'zod';
import { ADMIN, OFFICE } from '../platform/auth/roles.ts';
import { type App, actorOf, errorSchema, idParam, userOf } from '../platform/http.ts';
import * as s from './schemas.ts';
import * as service from './service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['directory'];

export function registerDirectoryRoutes(app: App): void {
  app.get(
    '/api/v1/directory/admin-units',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Đơn vị hành chính (tỉnh, huyện cũ, xã/phường) với thời gian hiệu lực',
        querystring: s.adminUnitQuery,
        response: { 200: s.adminUnitPage, ...errors },
      },
    },
    (request) => service.listAdminUnits(app.db, request.query),
  );

  app.get(
    '/api/v1/directory/admin-units/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Một đơn vị hành chính, với đơn vị kế thừa và đơn vị tiền thân',
        params: z.object({ id: z.string().min(1).max(50) }),
        response: { 200: s.adminUnit, ...errors },
      },
    },
    (request) => service.getAdminUnit(app.db, request.params.id),
  );

  app.get(
    '/api/v1/directory/org-units',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Đơn vị của Ban ATGT: cơ quan thành viên, phòng, Ban ATGT cấp xã…',
        querystring: s.orgUnitQuery,
        response: { 200: s.orgUnitPage, ...errors },
      },
    },
    (request) => service.listOrgUnits(app.db, request.query),
  );

  app.post(
    '/api/v1/directory/org-units',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Thêm đơn vị',
        body: s.orgUnitCreate,
        response: { 201: s.orgUnit, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createOrgUnit(app.db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/v1/directory/org-units/:id',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Sửa đơn vị',
        params: idParam,
        body: s.orgUnitPatch,
        response: { 200: s.orgUnit, ...errors },
      },
    },
    (request) => service.updateOrgUnit(app.db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/directory/org-units/:id/aliases',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Thêm tên gọi khác (viết tắt, tên cũ) cho đơn vị',
        params: idParam,
        body: s.aliasCreate,
        response: { 201: s.orgUnit, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.addAlias(app.db, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/directory/people',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Cán bộ trong phạm vi của người dùng',
        querystring: s.peopleQuery,
        response: { 200: s.personPage, ...errors },
      },
    },
    (request) => service.listPeople(app.db, userOf(request), request.query),
  );

  app.post(
    '/api/v1/directory/people',
    {
      config: { access: ['admin', 'office', 'agency'] },
      schema: { tags, summary: 'Thêm cán bộ', body: s.personCreate, response: { 201: s.person, ...errors } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createPerson(app.db, userOf(request), actorOf(request), request.body)),
  );

  app.patch(
    '/api/v1/directory/people/:id',
    {
      config: { access: ['admin', 'office', 'agency'] },
      schema: {
        tags,
        summary: 'Sửa thông tin cán bộ',
        params: idParam,
        body: s.personPatch,
        response: { 200: s.person, ...errors },
      },
    },
    (request) =>
      service.updatePerson(app.db, userOf(request), actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/directory/users',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Tài khoản người dùng',
        querystring: s.usersQuery,
        response: { 200: s.userPage, ...errors },
      },
    },
    (request) => service.listUsers(app.db, request.query),
  );

  app.post(
    '/api/v1/directory/users',
    {
      config: { access: ADMIN },
      schema: { tags, summary: 'Tạo tài khoản', body: s.userCreate, response: { 201: s.user, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createUser(app.db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/v1/directory/users/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Sửa tài khoản: vai trò, đơn vị, khóa/mở khóa, đặt lại mật khẩu',
        params: idParam,
        body: s.userPatch,
        response: { 200: s.user, ...errors },
      },
    },
    (request) => service.updateUser(app.db, actorOf(request), request.params.id, request.body),
  );
}
