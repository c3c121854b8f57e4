import { z } from 'zod';
import { todayInVietnam } from '../plans/routes.ts';
import { OFFICE } from '../platform/auth/roles.ts';
import { badRequest } from '../platform/errors.ts';
import { type App, actorOf, errorSchema, idParam, paged, userOf } from '../platform/http.ts';
import { XLSX_TYPE } from '../platform/media-types.ts';
import { healthSummary, importHealthRecords } from './health.ts';
import { commitCrashImport, crashImportTemplate, previewCrashImport } from './import.ts';
import * as records from './records.ts';
import * as s from './schemas.ts';
import { listCrashes } from './service.ts';
import { crashStats, crashTargets, statsWorkbook } from './stats.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['crashes'];
/** Who enters crashes: the office, police and other member agencies, commune officers (their commune). */
const CRASH_WRITERS = ['admin', 'office', 'agency', 'commune'] as const;
const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;

export const crashItem = z.object({
  id: z.number(),
  occurredAt: z.string(),
  adminUnitId: z.string(),
  adminUnitName: z.string(),
  currentAdminUnitId: z.string(),
  currentAdminUnitName: z.string(),
  roadCode: z.string().nullable(),
  kmM: z.number().nullable(),
  deaths: z.number(),
  injured: z.number(),
  cause: z.string().nullable(),
  causeLabel: z.string().nullable(),
  severity: z.string().nullable(),
  severityLabel: z.string().nullable(),
  verified: z.boolean(),
  description: z.string().nullable(),
});

const crashPage = paged(crashItem).extend({
  summary: z.object({ crashes: z.number(), deaths: z.number(), injured: z.number() }),
});

export function registerCrashRoutes(app: App): void {
  app.get(
    '/api/v1/crashes',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['crashes'],
        summary: 'Danh sách vụ TNGT trong phạm vi của người dùng, với tổng số vụ, số người chết, bị thương',
        querystring: s.crashListQuery,
        response: { 200: crashPage, 400: errorSchema, 401: errorSchema },
      },
    },
    (request) => listCrashes(app.db, userOf(request), request.query),
  );

  app.post(
    '/api/v1/crashes',
    {
      config: { access: CRASH_WRITERS },
      schema: {
        tags,
        summary: 'Nhập một vụ TNGT',
        body: s.crashInput,
        response: { 201: s.crashDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await records.createCrash(app.db, actorOf(request), userOf(request), request.body)),
  );

  app.get(
    '/api/v1/crashes/map',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Các vụ TNGT có tọa độ (GeoJSON) trong một khoảng thời gian',
        querystring: s.mapQuery,
        response: { 200: s.crashGeoJson, ...errors },
      },
    },
    (request) => records.crashMap(app.db, userOf(request), request.query),
  );

  app.get(
    '/api/v1/roads/geojson',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Các tuyến quốc lộ, đường tỉnh (GeoJSON)',
        querystring: s.noQuery,
        response: { 200: s.roadsGeoJson, ...errors },
      },
    },
    () => records.roadsGeoJson(app.db),
  );

  app.get(
    '/api/v1/crashes/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Một vụ TNGT: người liên quan, lịch sử thay đổi, các vụ có thể trùng',
        params: idParam,
        response: { 200: s.crashDetail, ...errors },
      },
    },
    (request) => records.getCrash(app.db, userOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/crashes/:id',
    {
      config: { access: CRASH_WRITERS },
      schema: {
        tags,
        summary: 'Sửa vụ TNGT',
        params: idParam,
        body: s.crashPatch,
        response: { 200: s.crashDetail, ...errors },
      },
    },
    (request) =>
      records.updateCrash(app.db, actorOf(request), userOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/crashes/:id',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Xóa vụ TNGT (ghi nhật ký)',
        params: idParam,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      if (request.body !== undefined) throw badRequest('Yêu cầu xóa không được kèm nội dung.');
      await records.deleteCrash(app.db, actorOf(request), userOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/crashes/:id/merge',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Gộp vụ trùng vào vụ được giữ lại',
        params: idParam,
        body: s.mergeBody,
        response: { 200: s.crashDetail, ...errors },
      },
    },
    (request) =>
      records.mergeCrash(app.db, actorOf(request), userOf(request), request.params.id, request.body.intoId),
  );

  app.get(
    '/api/v1/crashes/import/template',
    {
      config: { access: CRASH_WRITERS },
      schema: { tags, summary: 'Tệp mẫu nhập vụ TNGT (XLSX)', querystring: s.noQuery },
    },
    async (_request, reply) =>
      reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="Mau-nhap-TNGT.xlsx"`)
        .send(Buffer.from(await crashImportTemplate())),
  );

  app.post(
    '/api/v1/crashes/import/preview',
    {
      config: { access: CRASH_WRITERS },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Kiểm tra tệp nhập vụ TNGT (CSV, XLSX); không lưu gì',
        body: s.crashImportBody,
        response: { 200: s.crashImportResult, ...errors },
      },
    },
    (request) => previewCrashImport(app.db, userOf(request), request.body),
  );

  app.post(
    '/api/v1/crashes/import',
    {
      config: { access: CRASH_WRITERS },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Nhập vụ TNGT từ tệp: tất cả hoặc không gì cả',
        body: s.crashImportBody,
        response: { 201: s.crashImportResult, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await commitCrashImport(app.db, actorOf(request), userOf(request), request.body)),
  );

  app.get(
    '/api/v1/crash-stats',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Ba tiêu chí (số vụ, chết, bị thương) so với cùng kỳ, theo một chiều phân tích',
        querystring: s.statsQuery,
        response: { 200: s.statsResult, ...errors },
      },
    },
    (request) => crashStats(app.db, userOf(request), request.query, todayInVietnam()),
  );

  app.get(
    '/api/v1/crash-stats/export',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Xuất bảng thống kê (XLSX)', querystring: s.statsQuery },
    },
    async (request, reply) => {
      const result = await crashStats(app.db, userOf(request), request.query, todayInVietnam());
      const name = `Thong-ke-TNGT-${result.period.from}-${result.period.to}.xlsx`;
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(Buffer.from(await statsWorkbook(result)));
    },
  );

  app.get(
    '/api/v1/crash-stats/targets',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Lũy kế năm so với cùng kỳ và chỉ tiêu của kế hoạch, với dự báo cả năm',
        querystring: s.targetsQuery,
        response: { 200: s.targetsResult, ...errors },
      },
    },
    (request) => crashTargets(app.db, userOf(request), request.query, todayInVietnam()),
  );

  app.post(
    '/api/v1/health-records/import',
    {
      config: { access: OFFICE },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Nhập hồ sơ y tế (CSV, XLSX) và ghép với các vụ TNGT',
        body: s.crashImportBody,
        response: { 201: s.healthImportResult, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await importHealthRecords(app.db, actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/health-records/summary',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Số liệu y tế so với số liệu công an: số ghép được, ước tính bỏ sót',
        querystring: s.healthSummaryQuery,
        response: { 200: s.healthSummary, ...errors },
      },
    },
    (request) => healthSummary(app.db, userOf(request), request.query),
  );
}
