import { existsSync } from 'node:fs';
import path from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { REPORT_LIMITS } from '../../domain/incidents/codes.ts';
import { WEB_DIST } from '../platform/app.ts';
import { OFFICE } from '../platform/auth/roles.ts';
import { AppError, badRequest } from '../platform/errors.ts';
import { type App, actorOf, errorSchema, idParam, userOf } from '../platform/http.ts';
import { XLSX_TYPE } from '../platform/media-types.ts';
import { IncidentFeed } from './live.ts';
import { preparePhoto, type StoredPhoto } from './photos.ts';
import * as s from './schemas.ts';
import * as service from './service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['incidents'];
/** Route-level gate; the service then checks that an agency officer belongs to a police or health unit. */
const BOARD_READERS = ['admin', 'office', 'leader', 'agency'] as const;
const DISPATCHERS = ['admin', 'office', 'agency'] as const;
const noQuery = z.object({}).strict();
const photoParams = z.object({
  id: z.coerce.number().int().positive(),
  photoId: z.coerce.number().int().positive(),
});
/** A report's body: the JSON field and three photos of at most 5 MB, with room for the multipart framing. */
const REPORT_BODY_LIMIT = REPORT_LIMITS.maxPhotos * REPORT_LIMITS.maxPhotoBytes + 256 * 1024;
const HEARTBEAT_MS = 15_000;

/** Reads the multipart body of a public report; every problem becomes a clear Vietnamese error. */
async function readReportBody(request: FastifyRequest) {
  if (!request.isMultipart())
    throw new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Tin báo phải được gửi dạng multipart/form-data (trường "report" và các tệp ảnh "photos").',
    );
  let json: string | undefined;
  const files: Buffer[] = [];
  try {
    for await (const part of request.parts({
      limits: {
        fileSize: REPORT_LIMITS.maxPhotoBytes,
        files: REPORT_LIMITS.maxPhotos,
        fields: 4,
        fieldSize: 64 * 1024,
        parts: REPORT_LIMITS.maxPhotos + 4,
      },
    })) {
      if (part.type === 'file') {
        const file = part as MultipartFile;
        if (file.fieldname !== 'photos') {
          await file.toBuffer();
          throw badRequest(`Trường tệp "${file.fieldname}" không được nhận; ảnh gửi trong trường "photos".`);
        }
        files.push(await file.toBuffer());
      } else if (part.fieldname === 'report') json = String(part.value);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    const index = files.length;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, 'PHOTO_TOO_LARGE', `Ảnh thứ ${index + 1} quá lớn (tối đa 5 MB).`, [
        { path: `photos.${index}`, message: 'Ảnh quá lớn (tối đa 5 MB).' },
      ]);
    if (code === 'FST_FILES_LIMIT')
      throw new AppError(413, 'TOO_MANY_PHOTOS', `Chỉ gửi được tối đa ${REPORT_LIMITS.maxPhotos} ảnh.`, [
        { path: 'photos', message: `Tối đa ${REPORT_LIMITS.maxPhotos} ảnh.` },
      ]);
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_FIELD_TOO_LARGE')
      throw new AppError(413, 'PAYLOAD_TOO_LARGE', 'Nội dung tin báo quá lớn.');
    throw badRequest('Nội dung gửi lên bị lỗi hoặc không đầy đủ. Vui lòng gửi lại.');
  }
  if (json === undefined)
    throw badRequest('Thiếu nội dung tin báo (trường "report").', [
      { path: 'report', message: 'Thiếu nội dung.' },
    ]);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw badRequest('Nội dung tin báo không phải JSON hợp lệ.', [
      { path: 'report', message: 'JSON không hợp lệ.' },
    ]);
  }
  const parsed = s.publicReportInput.safeParse(raw);
  if (!parsed.success)
    throw badRequest(
      'Tin báo chưa đủ hoặc có thông tin không hợp lệ.',
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'report', message: i.message })),
    );
  const photos: StoredPhoto[] = [];
  for (const [i, bytes] of files.entries())
    photos.push(await preparePhoto(bytes, i, parsed.data.photoMeta[i]));
  return { input: parsed.data, photos };
}

export function registerIncidentRoutes(app: App): void {
  const feed = new IncidentFeed();
  const streams = new Set<() => void>();
  // Open boards would keep the server from closing: end them first.
  app.addHook('preClose', async () => {
    for (const end of streams) end();
  });

  // ── the public page and its API (no login)
  app.get('/bao-tin', { schema: { hide: true } }, (_request, reply) => {
    if (!existsSync(path.join(WEB_DIST, 'bao-tin.html')))
      return reply.status(404).type('text/plain; charset=utf-8').send('Chưa dựng giao diện (npm run build).');
    return reply.header('cache-control', 'no-cache').sendFile('bao-tin.html');
  });

  app.post(
    '/api/v1/public/incident-reports',
    {
      bodyLimit: REPORT_BODY_LIMIT,
      config: {
        access: 'public',
        rateLimit: { max: app.appConfig.publicReportsPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary:
          'Báo tin tai nạn giao thông (công khai, multipart: trường "report" là JSON, tối đa 3 ảnh "photos"); gửi lại cùng clientId trả lại cùng biên nhận',
        consumes: ['multipart/form-data'],
        response: {
          200: s.publicReceipt,
          201: s.publicReceipt,
          413: errorSchema,
          415: errorSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { input, photos } = await readReportBody(request);
      const { receipt, created } = await service.receiveReport(app.db, feed, input, photos, request.ip);
      return reply.status(created ? 201 : 200).send(receipt);
    },
  );

  app.get(
    '/api/v1/public/incident-reports/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Tình trạng xử lý tin báo theo mã theo dõi',
        params: s.trackingParam,
        response: { 200: s.publicReceipt, ...errors },
      },
    },
    (request) => service.publicStatus(app.db, request.params.code),
  );

  // ── the dispatch board
  app.get(
    '/api/v1/incidents/access',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Quyền của người dùng với bảng điều phối',
        querystring: noQuery,
        response: {
          200: z.object({ view: z.boolean(), dispatch: z.boolean(), manageFacilities: z.boolean() }),
          ...errors,
        },
      },
    },
    (request) => service.accessOf(app.db, userOf(request)),
  );

  app.get(
    '/api/v1/incidents',
    {
      config: { access: BOARD_READERS },
      schema: {
        tags,
        summary: 'Sự cố (mặc định: đang xử lý, chờ lâu nhất lên đầu)',
        querystring: s.incidentListQuery,
        response: { 200: s.incidentPage, ...errors },
      },
    },
    (request) => service.listIncidents(app.db, userOf(request), request.query),
  );

  app.get(
    '/api/v1/incidents/stream',
    {
      config: { access: BOARD_READERS },
      schema: {
        tags,
        summary: 'Luồng cập nhật trực tiếp (server-sent events, sự kiện "incident")',
        querystring: noQuery,
      },
    },
    async (request, reply) => {
      await service.requireView(app.db, userOf(request));
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(': ATGT\nretry: 3000\n\n');
      const unsubscribe = feed.subscribe((event) => {
        res.write(`event: incident\ndata: ${JSON.stringify(event)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(end);
        if (!res.writableEnded) res.end();
      };
      streams.add(end);
      request.raw.on('close', end);
    },
  );

  app.get(
    '/api/v1/incidents/:id',
    {
      config: { access: BOARD_READERS },
      schema: { tags, summary: 'Một sự cố', params: idParam, response: { 200: s.incidentDetail, ...errors } },
    },
    (request) => service.getIncident(app.db, userOf(request), request.params.id),
  );

  app.get(
    '/api/v1/incidents/:id/photos/:photoId',
    {
      config: { access: BOARD_READERS },
      schema: { tags, summary: 'Ảnh của tin báo (JPEG, đã bỏ siêu dữ liệu)', params: photoParams },
    },
    async (request, reply) => {
      const bytes = await service.incidentPhoto(
        app.db,
        userOf(request),
        request.params.id,
        request.params.photoId,
      );
      return reply
        .header('content-type', 'image/jpeg')
        .header('cache-control', 'private, max-age=86400')
        .send(bytes);
    },
  );

  app.post(
    '/api/v1/incidents/:id/assignments',
    {
      config: { access: DISPATCHERS },
      schema: {
        tags,
        summary: 'Điều động một cơ sở ứng cứu',
        params: idParam,
        body: s.assignmentInput,
        response: { 200: s.incidentDetail, ...errors },
      },
    },
    (request) =>
      service.assignFacility(
        app.db,
        feed,
        actorOf(request),
        userOf(request),
        request.params.id,
        request.body,
      ),
  );

  app.post(
    '/api/v1/incidents/:id/status',
    {
      config: { access: DISPATCHERS },
      schema: {
        tags,
        summary: 'Chuyển trạng thái (đã tới hiện trường, đã chuyển nạn nhân, kết thúc …)',
        params: idParam,
        body: s.statusInput,
        response: { 200: s.incidentDetail, ...errors },
      },
    },
    (request) =>
      service.changeStatus(app.db, feed, actorOf(request), userOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/incidents/:id/crash',
    {
      config: { access: DISPATCHERS },
      schema: {
        tags,
        summary: 'Lập hồ sơ vụ TNGT từ sự cố đã xác minh',
        params: idParam,
        body: z.object({}).strict(),
        response: { 201: s.crashFromIncidentResult, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.crashFromIncident(app.db, actorOf(request), userOf(request), request.params.id)),
  );

  // ── KPI
  app.get(
    '/api/v1/incident-kpi',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Tỷ lệ sự cố được tiếp cận trong 30 phút, theo tháng và xã/phường',
        querystring: s.kpiQuery,
        response: { 200: s.kpiResult, ...errors },
      },
    },
    (request) => service.kpi(app.db, request.query),
  );
  app.get(
    '/api/v1/incident-kpi.xlsx',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Chỉ số ứng cứu 30 phút (XLSX)', querystring: s.kpiQuery },
    },
    async (request, reply) => {
      const result = await service.kpi(app.db, request.query);
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="Ung-cuu-30-phut-${result.from}-${result.to}.xlsx"`,
        )
        .send(Buffer.from(await service.kpiWorkbook(result)));
    },
  );

  // ── facility registry
  app.get(
    '/api/v1/response-facilities',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Cơ sở ứng cứu (y tế, công an, cứu hộ)',
        querystring: s.facilityListQuery,
        response: { 200: s.facilityPage, ...errors },
      },
    },
    (request) => service.listFacilities(app.db, request.query),
  );
  app.post(
    '/api/v1/response-facilities',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Thêm cơ sở ứng cứu',
        body: s.facilityInput,
        response: { 201: s.facility, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createFacility(app.db, actorOf(request), request.body)),
  );
  app.put(
    '/api/v1/response-facilities/:id',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Sửa cơ sở ứng cứu',
        params: idParam,
        body: s.facilityInput,
        response: { 200: s.facility, ...errors },
      },
    },
    (request) => service.updateFacility(app.db, actorOf(request), request.params.id, request.body),
  );
}
