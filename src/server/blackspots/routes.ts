import { z } from 'zod';
import { todayInVietnam } from '../plans/routes.ts';
import { OFFICE } from '../platform/auth/roles.ts';
import { type App, actorOf, errorSchema, idParam } from '../platform/http.ts';
import { DOCX_TYPE, XLSX_TYPE } from '../platform/media-types.ts';
import { basemap } from './basemap.ts';
import { spotsDocument, spotsWorkbook } from './export.ts';
import * as s from './schemas.ts';
import * as service from './service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['black-spots'];
const PHOTO_BODY_LIMIT = 12 * 1024 * 1024;
const MEDIA = {
  docx: DOCX_TYPE,
  xlsx: XLSX_TYPE,
} as const;

export function registerBlackSpotRoutes(app: App): void {
  app.post(
    '/api/v1/black-spots/detect',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Phát hiện điểm đen, điểm tiềm ẩn từ dữ liệu TNGT (theo lý trình và theo tọa độ)',
        body: s.detectBody,
        response: { 200: s.detectResult, ...errors },
      },
    },
    (request) => service.detect(app.db, actorOf(request), request.body),
  );

  app.get(
    '/api/v1/black-spots',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Danh sách điểm đen, điểm tiềm ẩn, nguy cơ',
        querystring: s.spotQuery,
        response: { 200: s.spotPage, ...errors },
      },
    },
    (request) => service.listSpots(app.db, request.query),
  );

  app.post(
    '/api/v1/black-spots',
    {
      config: { access: ['admin', 'office', 'agency'] },
      schema: {
        tags,
        summary: 'Ghi nhận nguy cơ (lối đi tự mở, đoạn sạt lở, điểm tiềm ẩn…)',
        body: s.spotCreate,
        response: { 201: s.spotDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createSpot(app.db, actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/black-spots/geojson',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Các điểm trên bản đồ (GeoJSON)',
        querystring: z.object({}).strict(),
        response: { 200: s.spotGeoJson, ...errors },
      },
    },
    () => service.spotsGeoJson(app.db),
  );

  app.get(
    '/api/v1/black-spots/export',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Xuất danh sách điểm đen (DOCX, XLSX)', querystring: s.exportQuery },
    },
    async (request, reply) => {
      const { format, status } = request.query;
      const bytes =
        format === 'docx' ? await spotsDocument(app.db, status) : await spotsWorkbook(app.db, status);
      return reply
        .header('content-type', MEDIA[format])
        .header('content-disposition', `attachment; filename="Danh-sach-diem-den.${format}"`)
        .send(Buffer.from(bytes));
    },
  );

  app.get(
    '/api/v1/black-spots/photos/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Ảnh khảo sát', params: idParam } },
    async (request, reply) => {
      const photo = await service.getPhoto(app.db, request.params.id);
      return reply
        .header('content-type', photo.mediaType)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(photo.content));
    },
  );

  app.get(
    '/api/v1/black-spots/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Một điểm: các vụ làm căn cứ, ảnh, lịch sử, bước tiếp theo',
        params: idParam,
        response: { 200: s.spotDetail, ...errors },
      },
    },
    (request) => service.getSpot(app.db, request.params.id),
  );

  app.post(
    '/api/v1/black-spots/:id/transition',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Chuyển bước: xác nhận, loại, khảo sát, lập phương án (giao nhiệm vụ), đã xử lý, đánh giá',
        params: idParam,
        body: s.transitionBody,
        response: { 200: s.spotDetail, ...errors },
      },
    },
    (request) =>
      service.transition(app.db, actorOf(request), request.params.id, request.body, todayInVietnam()),
  );

  app.post(
    '/api/v1/black-spots/:id/photos',
    {
      config: { access: ['admin', 'office', 'agency'] },
      bodyLimit: PHOTO_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Thêm ảnh khảo sát',
        params: idParam,
        body: s.photoBody,
        response: { 201: s.spotDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.addPhoto(app.db, actorOf(request), request.params.id, request.body)),
  );

  // The basemap is drawn from public facts (the province outline, commune names, routes): the public
  // crash-report page uses it to pick a point without an account.
  for (const [url, access] of [
    ['/api/v1/map/basemap', 'authenticated'],
    ['/api/v1/public/basemap', 'public'],
  ] as const)
    app.get(
      url,
      {
        config: { access },
        schema: {
          tags: ['map'],
          summary: 'Bản đồ nền ngoại tuyến của tỉnh (ranh giới, xã, tuyến đường)',
          querystring: z.object({}).strict(),
        },
      },
      () => basemap(app.db, app.appConfig),
    );
}
