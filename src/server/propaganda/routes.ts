/**
 * Routes of propaganda and education: sessions (with photos), statistics (JSON and Excel), the units a caller
 * may record for, and schools' three-party commitments. Route-level access is the first gate; the service
 * then lets an agency or commune officer write only for its own units.
 */
import { z } from 'zod';
import { PHOTO_LIMITS } from '../../domain/propaganda/codes.ts';
import { todayInVietnam } from '../plans/routes.ts';
import { badRequest } from '../platform/errors.ts';
import { type App, actorOf, errorSchema, idParam, userOf } from '../platform/http.ts';
import { XLSX_TYPE } from '../platform/media-types.ts';
import { statsWorkbook } from './export.ts';
import * as s from './schemas.ts';
import * as service from './service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['propaganda'];
/** The office for any unit; agencies and communes for their own (checked by the service). */
const WRITERS = ['admin', 'office', 'agency', 'commune'] as const;
/** Five photos of 10 MB in base64, and the JSON around them. */
const SESSION_BODY_LIMIT =
  Math.ceil((PHOTO_LIMITS.maxPhotos * PHOTO_LIMITS.maxPhotoBytes * 4) / 3) + 512 * 1024;

export function registerPropagandaRoutes(app: App): void {
  const today = () => todayInVietnam();

  // ── sessions ──
  app.get(
    '/api/v1/propaganda-sessions',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Buổi, hoạt động tuyên truyền (mới nhất trước); lọc theo thời gian, đơn vị, hình thức, đối tượng',
        querystring: s.sessionListQuery,
        response: { 200: s.sessionPage, ...errors },
      },
    },
    (request) => service.listSessions(app.db, userOf(request), request.query),
  );
  app.post(
    '/api/v1/propaganda-sessions',
    {
      config: { access: WRITERS },
      bodyLimit: SESSION_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Ghi một buổi tuyên truyền, kèm tối đa 5 ảnh (JPEG, PNG; base64)',
        body: s.sessionInput,
        response: { 201: s.sessionDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createSession(app.db, actorOf(request), userOf(request), request.body, today())),
  );
  app.get(
    '/api/v1/propaganda-sessions/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Một buổi tuyên truyền với danh sách ảnh',
        params: idParam,
        response: { 200: s.sessionDetail, ...errors },
      },
    },
    (request) => service.getSession(app.db, userOf(request), request.params.id),
  );
  app.put(
    '/api/v1/propaganda-sessions/:id',
    {
      config: { access: WRITERS },
      bodyLimit: SESSION_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Sửa buổi tuyên truyền; thêm ảnh (photos), bỏ ảnh (removePhotoIds)',
        params: idParam,
        body: s.sessionUpdate,
        response: { 200: s.sessionDetail, ...errors },
      },
    },
    (request) =>
      service.updateSession(
        app.db,
        actorOf(request),
        userOf(request),
        request.params.id,
        request.body,
        today(),
      ),
  );
  app.delete(
    '/api/v1/propaganda-sessions/:id',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Xóa buổi tuyên truyền và ảnh của nó (ghi nhật ký)',
        params: idParam,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      if (request.body !== undefined) throw badRequest('Yêu cầu xóa không được kèm nội dung.');
      await service.deleteSession(app.db, actorOf(request), userOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/propaganda-photos/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Ảnh buổi tuyên truyền', params: idParam },
    },
    async (request, reply) => {
      const photo = await service.getPhoto(app.db, request.params.id);
      return reply
        .header('content-type', photo.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=86400')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(photo.fileName)}`)
        .send(photo.content);
    },
  );
  app.get(
    '/api/v1/propaganda-units',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Các đơn vị người dùng được ghi công tác tuyên truyền (Văn phòng: mọi đơn vị)',
        querystring: s.writableUnitsQuery,
        response: { 200: s.writableUnits, ...errors },
      },
    },
    (request) => service.writableUnits(app.db, userOf(request), today()),
  );

  // ── statistics ──
  app.get(
    '/api/v1/propaganda-stats',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Thống kê tuyên truyền: tổng số, theo đơn vị, hình thức, đối tượng, tháng',
        querystring: s.statsQuery,
        response: { 200: s.statsResult, ...errors },
      },
    },
    async (request) => (await service.loadStats(app.db, request.query)).result,
  );
  app.get(
    '/api/v1/propaganda-stats.xlsx',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Thống kê tuyên truyền (Excel)', querystring: s.statsQuery },
    },
    async (request, reply) => {
      const { result, sessions } = await service.loadStats(app.db, request.query);
      const bytes = await statsWorkbook(result, sessions);
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="Tuyen-truyen-${result.period.from}-${result.period.to}.xlsx"`,
        )
        .send(Buffer.from(bytes));
    },
  );

  // ── school three-party commitments ──
  app.get(
    '/api/v1/school-commitments',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Cam kết ba bên nhà trường – gia đình – học sinh về ATGT',
        querystring: s.commitmentListQuery,
        response: { 200: s.commitmentPage, ...errors },
      },
    },
    (request) => service.listCommitments(app.db, userOf(request), request.query),
  );
  app.post(
    '/api/v1/school-commitments',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Ghi cam kết ba bên của một trường trong một năm học',
        body: s.commitmentInput,
        response: { 201: s.commitmentItem, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.createCommitment(app.db, actorOf(request), userOf(request), request.body, today()),
        ),
  );
  app.put(
    '/api/v1/school-commitments/:id',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Sửa cam kết ba bên',
        params: idParam,
        body: s.commitmentInput,
        response: { 200: s.commitmentItem, ...errors },
      },
    },
    (request) =>
      service.updateCommitment(
        app.db,
        actorOf(request),
        userOf(request),
        request.params.id,
        request.body,
        today(),
      ),
  );
}
