import { z } from 'zod';
import { OFFICE, STAFF_READERS } from '../platform/auth/roles.ts';
import { type App, actorOf, errorSchema, idParam, isoDate, userOf } from '../platform/http.ts';
import { exportPlan } from './export.ts';
import { commitImport, previewImport } from './import.ts';
import { listNotifications, markNotificationRead, runReminders } from './reminders.ts';
import * as s from './schemas.ts';
import * as service from './service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['plans'];
/** Room for a 5 MB file in base64 plus the JSON around it. */
const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;
const PROGRESS_BODY_LIMIT = 5 * 14 * 1024 * 1024;
const PLAN_WRITERS = ['admin', 'office', 'agency', 'commune'] as const;

/** Today in the province's time zone (UTC+7), as yyyy-mm-dd. */
export const todayInVietnam = (now = new Date()) =>
  new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

export function registerPlanRoutes(app: App): void {
  const today = () => todayInVietnam();

  app.get(
    '/api/v1/plans',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Danh sách kế hoạch, với tiến độ gộp cả kế hoạch cấp dưới',
        querystring: s.planQuery,
        response: { 200: s.planPage, ...errors },
      },
    },
    (request) => service.listPlans(app.db, request.query, today()),
  );

  app.post(
    '/api/v1/plans',
    {
      config: { access: PLAN_WRITERS },
      schema: {
        tags,
        summary: 'Tạo kế hoạch (đơn vị: kế hoạch thực hiện dưới kế hoạch cấp trên)',
        body: s.planInput,
        response: { 201: s.plan, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createPlan(app.db, actorOf(request), userOf(request), request.body, today())),
  );

  app.get(
    '/api/v1/plans/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Một kế hoạch', params: idParam, response: { 200: s.plan, ...errors } },
    },
    (request) => service.getPlan(app.db, request.params.id, today()),
  );

  app.patch(
    '/api/v1/plans/:id',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Sửa kế hoạch',
        params: idParam,
        body: s.planPatch,
        response: { 200: s.plan, ...errors },
      },
    },
    (request) => service.updatePlan(app.db, actorOf(request), request.params.id, request.body, today()),
  );

  app.get(
    '/api/v1/plans/:id/tasks',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Cây nhiệm vụ của kế hoạch, với phân công',
        params: idParam,
        querystring: z.object({ asOf: isoDate.optional() }),
        response: { 200: s.taskList, ...errors },
      },
    },
    (request) => service.listTasks(app.db, request.params.id, today(), request.query.asOf),
  );

  app.get(
    '/api/v1/plans/:id/export',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Xuất phụ lục phân công nhiệm vụ (DOCX hoặc XLSX)',
        params: idParam,
        querystring: z.object({ format: z.enum(['docx', 'xlsx']) }),
      },
    },
    async (request, reply) => {
      const file = await exportPlan(app.db, request.params.id, request.query.format, today());
      return reply
        .header('content-type', file.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(Buffer.from(file.bytes));
    },
  );

  app.post(
    '/api/v1/plans/import/preview',
    {
      config: { access: PLAN_WRITERS },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Đọc thử phụ lục (dán, TSV, CSV, XLSX, DOCX) hoặc kế hoạch văn xuôi; không lưu gì',
        body: s.importPreviewBody,
        response: { 200: s.importPreview, ...errors },
      },
    },
    (request) => previewImport(app.db, request.body, today()),
  );

  app.post(
    '/api/v1/plans/import',
    {
      config: { access: PLAN_WRITERS },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Lưu kế hoạch từ phụ lục đã xem trước (một giao dịch; không lưu gì nếu còn lỗi)',
        body: s.importCommitBody,
        response: {
          201: z.object({
            planId: z.number(),
            tasks: z.number(),
            assignments: z.number(),
            occurrences: z.number(),
            aliases: z.number(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await commitImport(app.db, actorOf(request), userOf(request), request.body, today())),
  );

  app.get(
    '/api/v1/tasks/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Một nhiệm vụ: phân công, kỳ thực hiện, báo cáo tiến độ',
        params: idParam,
        response: { 200: s.taskDetail, ...errors },
      },
    },
    (request) => service.getTask(app.db, request.params.id, today()),
  );

  app.get(
    '/api/v1/assignments',
    {
      config: { access: STAFF_READERS },
      schema: {
        tags,
        summary: 'Phân công: nhiệm vụ của đơn vị tôi, quá hạn, sắp đến hạn; tìm kiếm, lọc',
        querystring: s.assignmentQuery,
        response: { 200: s.assignmentPage, ...errors },
      },
    },
    (request) => service.listAssignments(app.db, userOf(request), request.query, today()),
  );

  app.get(
    '/api/v1/occurrences',
    {
      config: { access: STAFF_READERS },
      schema: {
        tags,
        summary: 'Các kỳ hạn trong một khoảng thời gian (dòng thời gian)',
        querystring: s.occurrenceQuery,
        response: { 200: s.occurrencePage, ...errors },
      },
    },
    (request) => service.listOccurrences(app.db, userOf(request), request.query, today()),
  );

  app.post(
    '/api/v1/assignments/:id/progress',
    {
      config: { access: PLAN_WRITERS },
      bodyLimit: PROGRESS_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Báo cáo tiến độ (nội dung, phần trăm, tệp đính kèm)',
        params: idParam,
        body: s.progressInput,
        response: { 201: s.taskDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.addProgress(
            app.db,
            actorOf(request),
            userOf(request),
            request.params.id,
            request.body,
            today(),
          ),
        ),
  );

  app.get(
    '/api/v1/attachments/:id',
    {
      config: { access: STAFF_READERS },
      schema: { tags, summary: 'Tải tệp đính kèm báo cáo tiến độ', params: idParam },
    },
    async (request, reply) => {
      const file = await service.getAttachment(app.db, request.params.id);
      return reply
        .header('content-type', file.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(Buffer.from(file.content));
    },
  );

  app.get(
    '/api/v1/plan-triggers',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Chỉ đạo, đợt cao điểm đã kích hoạt nhiệm vụ',
        querystring: s.triggerQuery,
        response: { 200: s.triggerPage, ...errors },
      },
    },
    (request) => service.listTriggers(app.db, request.query),
  );

  app.post(
    '/api/v1/plan-triggers',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          'Ghi nhận chỉ đạo / đợt cao điểm: kích hoạt các nhiệm vụ "Khi có chỉ đạo", "Các đợt cao điểm"',
        body: s.triggerInput,
        response: { 201: z.object({ id: z.number(), activatedAssignments: z.number() }), ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createTrigger(app.db, actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/notifications',
    {
      config: { access: STAFF_READERS },
      schema: {
        tags,
        summary: 'Thông báo của đơn vị tôi',
        querystring: s.notificationQuery,
        response: { 200: s.notificationPage, ...errors },
      },
    },
    (request) => listNotifications(app.db, userOf(request), request.query),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      config: { access: STAFF_READERS },
      schema: { tags, summary: 'Đánh dấu đã đọc', params: idParam, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await markNotificationRead(app.db, userOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/notifications/run-reminders',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Tạo nhắc việc sắp đến hạn / quá hạn và gửi thư tổng hợp (khi có SMTP)',
        body: s.reminderBody,
        response: { 200: s.reminderRun, ...errors },
      },
    },
    (request) => runReminders(app.db, app.appConfig, request.body.asOf ?? today(), app.log),
  );
}
