import { parseCsv, parseNdjson } from '../../domain/enforcement/camera-events.ts';
import { AppError } from '../platform/errors.ts';
import { type App, actorOf, errorSchema, userOf } from '../platform/http.ts';
import { refuseProblems, storeEvents } from './ingest.ts';
import * as s from './schemas.ts';
import { listViolations, requirePolice } from './service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['enforcement'];
/** The route-level gate of camera data; the service then checks the unit is the police. */
const FEEDERS = ['admin', 'agency'] as const;
const NDJSON = 'application/x-ndjson';
const CSV = 'text/csv';
/** A batch: up to 64 MB (about 200,000 events). */
const BATCH_LIMIT = 64 * 1024 * 1024;

export function registerEnforcementRoutes(app: App): void {
  // Camera batches arrive as text; they are read line by line by the domain.
  app.addContentTypeParser([NDJSON, CSV], { parseAs: 'string', bodyLimit: BATCH_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/v1/violations',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Vi phạm (tìm theo biển số, hành vi, nguồn, thời gian); thông tin cá nhân chỉ hiện đủ cho Công an',
        querystring: s.violationQuery,
        response: { 200: s.violationPage, ...errors },
      },
    },
    (request) => listViolations(app.db, actorOf(request), userOf(request), request.query),
  );

  app.post(
    '/api/v1/camera-events',
    {
      config: { access: FEEDERS },
      schema: {
        tags,
        summary: 'Một sự kiện vi phạm từ camera (gửi lại cùng cameraId + eventId không tạo bản ghi mới)',
        body: s.cameraEventBody,
        response: { 200: s.ingestResult, 201: s.ingestResult, ...errors },
      },
    },
    async (request, reply) => {
      await requirePolice(app.db, userOf(request));
      const { events, problems } = parseNdjson(JSON.stringify(request.body));
      if (problems.length) refuseProblems(problems);
      const result = await storeEvents(app.db, actorOf(request), events);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );

  app.post(
    '/api/v1/camera-events/batch',
    {
      bodyLimit: BATCH_LIMIT,
      config: { access: FEEDERS },
      schema: {
        tags,
        summary:
          'Lô sự kiện camera: NDJSON (application/x-ndjson) hoặc CSV có dòng tiêu đề (text/csv); kiểm tra cả lô, lỗi theo dòng, không lưu gì nếu có lỗi',
        consumes: [NDJSON, CSV],
        response: { 200: s.ingestResult, 503: errorSchema, ...errors },
      },
    },
    async (request, reply) => {
      await requirePolice(app.db, userOf(request));
      if (typeof request.body !== 'string')
        throw new AppError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'Lô dữ liệu camera phải là NDJSON (application/x-ndjson) hoặc CSV (text/csv).',
        );
      const isCsv = String(request.headers['content-type'] ?? '').startsWith(CSV);
      const { events, problems, lines } = isCsv ? parseCsv(request.body) : parseNdjson(request.body);
      if (problems.length) refuseProblems(problems);
      if (lines === 0) throw new AppError(400, 'EMPTY_BATCH', 'Lô dữ liệu không có sự kiện nào.');
      try {
        return reply.send(await storeEvents(app.db, actorOf(request), events));
      } catch (e) {
        // Back-pressure: the camera system waits and sends the same batch again.
        if (e instanceof AppError && e.code === 'BUSY') void reply.header('retry-after', '2');
        throw e;
      }
    },
  );
}
