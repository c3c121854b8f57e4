import { todayInVietnam } from '../plans/routes.ts';
import { OFFICE } from '../platform/auth/roles.ts';
import { badRequest } from '../platform/errors.ts';
import { type App, actorOf, errorSchema, idParam, userOf } from '../platform/http.ts';
import { DOCX_TYPE } from '../platform/media-types.ts';
import { docxToPdf, libreOfficeAvailable, NO_LIBREOFFICE_MESSAGE, reviewToDocx } from './review-docx.ts';
import * as s from './schemas.ts';
import * as service from './service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['reports'];
/** The office runs the regime; leaders read its board, consolidation and reviews. */
const OFFICE_AND_LEADERS = ['admin', 'office', 'leader'] as const;
const REPORTERS = ['admin', 'office', 'agency', 'commune'] as const;

export function registerReportRoutes(app: App): void {
  const today = () => todayInVietnam();

  // ── forms
  app.get(
    '/api/v1/report-forms',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Biểu mẫu báo cáo',
        querystring: s.formQuery,
        response: { 200: s.formPage, ...errors },
      },
    },
    (request) => service.listForms(app.db, request.query),
  );
  app.post(
    '/api/v1/report-forms',
    {
      config: { access: OFFICE },
      schema: { tags, summary: 'Tạo biểu mẫu', body: s.formInput, response: { 201: s.form, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createForm(app.db, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/report-forms/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Một biểu mẫu', params: idParam, response: { 200: s.form, ...errors } },
    },
    (request) => service.getForm(app.db, request.params.id),
  );
  app.put(
    '/api/v1/report-forms/:id',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Sửa biểu mẫu (tạo phiên bản mới; báo cáo đã lập giữ phiên bản cũ)',
        params: idParam,
        body: s.formInput,
        response: { 200: s.form, ...errors },
      },
    },
    (request) => service.updateForm(app.db, actorOf(request), request.params.id, request.body),
  );

  // ── schedules
  app.get(
    '/api/v1/report-schedules',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Lịch báo cáo',
        querystring: s.scheduleQuery,
        response: { 200: s.schedulePage, ...errors },
      },
    },
    (request) => service.listSchedules(app.db, request.query),
  );
  app.post(
    '/api/v1/report-schedules',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Tạo lịch báo cáo (định kỳ hoặc đột xuất) và giao cho đơn vị',
        body: s.scheduleInput,
        response: { 201: s.schedule, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createSchedule(app.db, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/report-schedules/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Một lịch báo cáo, các kỳ và hạn',
        params: idParam,
        response: { 200: s.schedule, ...errors },
      },
    },
    (request) => service.getSchedule(app.db, request.params.id),
  );
  app.patch(
    '/api/v1/report-schedules/:id',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Sửa lịch báo cáo',
        params: idParam,
        body: s.schedulePatch,
        response: { 200: s.schedule, ...errors },
      },
    },
    (request) => service.updateSchedule(app.db, actorOf(request), request.params.id, request.body),
  );

  // ── the unit's reports and the workflow
  app.get(
    '/api/v1/my-reports',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Báo cáo của đơn vị: các kỳ đến hạn, đã gửi, bị trả lại',
        querystring: s.myReportsQuery,
        response: { 200: s.myReportsPage, ...errors },
      },
    },
    (request) => service.myReports(app.db, userOf(request), request.query, today()),
  );
  app.put(
    '/api/v1/report-submissions',
    {
      config: { access: REPORTERS },
      schema: {
        tags,
        summary: 'Lưu nháp báo cáo (tạo mới khi lưu lần đầu)',
        body: s.draftInput,
        response: { 200: s.submission, ...errors },
      },
    },
    (request) => service.saveDraft(app.db, actorOf(request), userOf(request), request.body, today()),
  );
  app.get(
    '/api/v1/report-submissions/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Một báo cáo', params: idParam, response: { 200: s.submission, ...errors } },
    },
    (request) => service.getSubmission(app.db, userOf(request), request.params.id, today()),
  );
  app.post(
    '/api/v1/report-submissions/:id/submit',
    {
      config: { access: REPORTERS },
      schema: {
        tags,
        summary: 'Gửi báo cáo (kiểm tra đủ và đúng số liệu)',
        params: idParam,
        body: s.submitInput,
        response: { 200: s.submission, ...errors },
      },
    },
    (request) =>
      service.submit(
        app.db,
        actorOf(request),
        userOf(request),
        request.params.id,
        request.body.values,
        today(),
      ),
  );
  app.post(
    '/api/v1/report-submissions/:id/return',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Trả lại báo cáo kèm ý kiến',
        params: idParam,
        body: s.commentInput,
        response: { 200: s.submission, ...errors },
      },
    },
    (request) =>
      service.returnSubmission(
        app.db,
        actorOf(request),
        userOf(request),
        request.params.id,
        request.body.comment,
        today(),
      ),
  );
  app.post(
    '/api/v1/report-submissions/:id/accept',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Duyệt báo cáo (khóa lại)',
        params: idParam,
        body: s.emptyBody,
        response: { 200: s.submission, ...errors },
      },
    },
    (request) => service.accept(app.db, actorOf(request), userOf(request), request.params.id, today()),
  );
  app.post(
    '/api/v1/report-submissions/:id/reopen',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Mở lại báo cáo đã duyệt (ghi nhật ký)',
        params: idParam,
        body: s.commentInput,
        response: { 200: s.submission, ...errors },
      },
    },
    (request) =>
      service.reopen(
        app.db,
        actorOf(request),
        userOf(request),
        request.params.id,
        request.body.comment,
        today(),
      ),
  );

  // ── board and consolidation
  app.get(
    '/api/v1/report-board',
    {
      config: { access: OFFICE_AND_LEADERS },
      schema: {
        tags,
        summary: 'Tình hình gửi báo cáo của một kỳ: đúng hạn, muộn, chưa gửi',
        querystring: s.boardQuery,
        response: { 200: s.board, ...errors },
      },
    },
    (request) => service.board(app.db, request.query, today()),
  );
  app.post(
    '/api/v1/report-board/remind',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Nhắc các đơn vị chưa gửi báo cáo của một kỳ (tối đa một lần mỗi ngày)',
        body: s.remindInput,
        response: { 200: s.remindResult, ...errors },
      },
    },
    (request) => service.remindUnits(app.db, actorOf(request), request.body, today()),
  );
  app.get(
    '/api/v1/report-board/units/:id',
    {
      config: { access: OFFICE_AND_LEADERS },
      schema: {
        tags,
        summary: 'Lịch sử gửi báo cáo của một đơn vị trong năm',
        params: idParam,
        querystring: s.unitHistoryQuery,
        response: { 200: s.unitHistory, ...errors },
      },
    },
    (request) =>
      service.unitHistory(
        app.db,
        request.params.id,
        request.query.year ?? Number(today().slice(0, 4)),
        today(),
      ),
  );
  app.get(
    '/api/v1/report-consolidation',
    {
      config: { access: OFFICE_AND_LEADERS },
      schema: {
        tags,
        summary: 'Tổng hợp số liệu của một kỳ: chỉ tiêu, ba tiêu chí TNGT, tiến độ nhiệm vụ',
        querystring: s.boardQuery,
        response: { 200: s.consolidation, ...errors },
      },
    },
    (request) => service.consolidation(app.db, userOf(request), request.query, today()),
  );

  // ── review reports
  app.get(
    '/api/v1/review-reports',
    {
      config: { access: OFFICE_AND_LEADERS },
      schema: {
        tags,
        summary: 'Báo cáo sơ kết, tổng kết',
        querystring: s.reviewQuery,
        response: { 200: s.reviewPage, ...errors },
      },
    },
    (request) => service.listReviews(app.db, request.query),
  );
  app.post(
    '/api/v1/review-reports',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Tạo dự thảo báo cáo sơ kết, tổng kết từ số liệu của một kỳ',
        body: s.reviewCreate,
        response: { 201: s.review, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createReview(app.db, actorOf(request), userOf(request), request.body, today())),
  );
  app.get(
    '/api/v1/review-reports/:id',
    {
      config: { access: OFFICE_AND_LEADERS },
      schema: {
        tags,
        summary: 'Một báo cáo sơ kết, tổng kết',
        params: idParam,
        response: { 200: s.review, ...errors },
      },
    },
    (request) => service.getReview(app.db, request.params.id),
  );
  app.put(
    '/api/v1/review-reports/:id',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Sửa dự thảo trước khi ban hành',
        params: idParam,
        body: s.reviewPatch,
        response: { 200: s.review, ...errors },
      },
    },
    (request) => service.updateReview(app.db, actorOf(request), request.params.id, request.body.content),
  );
  app.post(
    '/api/v1/review-reports/:id/issue',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Ban hành: số, ký hiệu và ngày',
        params: idParam,
        body: s.reviewIssue,
        response: { 200: s.review, ...errors },
      },
    },
    (request) => service.issueReview(app.db, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/review-reports/:id/document',
    {
      config: { access: OFFICE_AND_LEADERS },
      schema: {
        tags,
        summary: 'Tải văn bản (Word; PDF khi máy chủ có LibreOffice)',
        params: idParam,
        querystring: s.documentQuery,
      },
    },
    async (request, reply) => {
      const review = await service.getReview(app.db, request.params.id);
      const docx = await reviewToDocx(review.content);
      const base = `Bao-cao-${review.periodKey}`;
      if (request.query.format === 'pdf') {
        if (!(await libreOfficeAvailable())) throw badRequest(NO_LIBREOFFICE_MESSAGE);
        const pdf = await docxToPdf(docx);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${base}.pdf"`)
          .send(Buffer.from(pdf));
      }
      return reply
        .header('content-type', DOCX_TYPE)
        .header('content-disposition', `attachment; filename="${base}.docx"`)
        .send(Buffer.from(docx));
    },
  );
}
