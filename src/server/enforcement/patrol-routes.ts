/**
 * Routes of patrol campaigns, patrol violations, notices, notices to units and violation statistics.
 * Route-level access is the first gate; the services then check the police (Công an tỉnh and its divisions)
 * where the route's roles are wider than the police.
 */
import { type App, actorOf, errorSchema, idParam, sendAttachment, userOf } from '../platform/http.ts';
import * as campaigns from './campaigns.ts';
import * as patrol from './patrol.ts';
import * as s from './patrol-schemas.ts';
import * as units from './unit-notices.ts';
import { violationStatistics } from './violation-stats.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['enforcement'];
/** Campaign writers: the office and the police (an agency caller must be the police). */
const CAMPAIGN_WRITERS = ['admin', 'office', 'agency'] as const;
/** The police: an agency caller must be Công an tỉnh or one of its divisions; the admin. */
const POLICE = ['admin', 'agency'] as const;

export function registerPatrolRoutes(app: App): void {
  // ── patrol campaigns ──
  app.get(
    '/api/v1/patrol-campaigns',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Đợt cao điểm tuần tra, kiểm soát',
        querystring: s.campaignListQuery,
        response: { 200: s.campaignPage, ...errors },
      },
    },
    (request) => campaigns.listCampaigns(app.db, request.query),
  );
  app.post(
    '/api/v1/patrol-campaigns',
    {
      config: { access: CAMPAIGN_WRITERS },
      schema: {
        tags,
        summary: 'Thêm đợt cao điểm (Văn phòng Ban ATGT, Công an)',
        body: s.campaignInput,
        response: { 201: s.campaignDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await campaigns.createCampaign(app.db, actorOf(request), userOf(request), request.body)),
  );
  app.get(
    '/api/v1/patrol-campaigns/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Đợt cao điểm: kết quả từng ngày, tổng hợp và so với kỳ liền trước',
        params: idParam,
        response: { 200: s.campaignDetail, ...errors },
      },
    },
    (request) => campaigns.getCampaign(app.db, request.params.id),
  );
  app.put(
    '/api/v1/patrol-campaigns/:id',
    {
      config: { access: CAMPAIGN_WRITERS },
      schema: {
        tags,
        summary: 'Sửa đợt cao điểm',
        params: idParam,
        body: s.campaignInput,
        response: { 200: s.campaignDetail, ...errors },
      },
    },
    (request) =>
      campaigns.updateCampaign(app.db, actorOf(request), userOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/patrol-campaigns/:id/tallies',
    {
      config: { access: CAMPAIGN_WRITERS },
      schema: {
        tags,
        summary:
          'Ghi kết quả một ngày của đợt (số vụ, tiền phạt theo hành vi); ghi lại cùng ngày thì thay số cũ',
        params: idParam,
        body: s.tallyBody,
        response: { 200: s.campaignDetail, ...errors },
      },
    },
    (request) =>
      campaigns.recordTallies(app.db, actorOf(request), userOf(request), request.params.id, request.body),
  );

  // ── patrol violations ──
  app.post(
    '/api/v1/violations',
    {
      config: { access: POLICE },
      schema: {
        tags,
        summary: 'Ghi nhận một vi phạm do tổ tuần tra, kiểm soát phát hiện (Công an)',
        body: s.patrolViolationInput,
        response: { 201: s.violationDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await patrol.createPatrolViolation(app.db, actorOf(request), userOf(request), request.body)),
  );
  app.get(
    '/api/v1/violations/:id',
    {
      config: { access: POLICE },
      schema: {
        tags,
        summary: 'Chi tiết một vi phạm, đủ thông tin cá nhân (Công an; mỗi lần xem được ghi nhật ký)',
        params: idParam,
        response: { 200: s.violationDetail, ...errors },
      },
    },
    (request) => patrol.getViolation(app.db, actorOf(request), userOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/violations/:id',
    {
      config: { access: POLICE },
      schema: {
        tags,
        summary: 'Đổi trạng thái xử lý; ghi chủ phương tiện sau khi tra cứu đăng ký xe (Công an)',
        params: idParam,
        body: s.violationPatch,
        response: { 200: s.violationDetail, ...errors },
      },
    },
    (request) =>
      patrol.updateViolation(app.db, actorOf(request), userOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/violations/:id/notice',
    {
      config: { access: POLICE },
      schema: {
        tags,
        summary: 'Thông báo vi phạm gửi chủ phương tiện (Word; PDF khi máy chủ có LibreOffice)',
        params: idParam,
        querystring: s.documentQuery,
      },
    },
    async (request, reply) =>
      sendAttachment(
        reply,
        await patrol.violationNoticeFile(
          app.db,
          actorOf(request),
          userOf(request),
          request.params.id,
          request.query.format,
        ),
      ),
  );

  // ── notices to units ──
  app.get(
    '/api/v1/unit-notices',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Số người vi phạm trong tháng theo cơ quan, trường học, xã nơi cư trú',
        querystring: s.monthQuery,
        response: { 200: s.unitNoticeSummary, ...errors },
      },
    },
    (request) => units.unitNoticeSummary(app.db, request.query.month),
  );
  app.get(
    '/api/v1/unit-notices/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Người vi phạm trong tháng của một cơ quan, đơn vị (họ tên đầy đủ cho Công an và chính đơn vị, che bớt với người khác)',
        params: s.unitParam,
        querystring: s.monthQuery,
        response: { 200: s.unitNoticeList, ...errors },
      },
    },
    (request) =>
      units.unitNoticeList(app.db, actorOf(request), userOf(request), request.params.id, request.query.month),
  );
  app.get(
    '/api/v1/unit-notices/:id/document',
    {
      config: { access: POLICE },
      schema: {
        tags,
        summary: 'Văn bản thông báo danh sách người vi phạm gửi cơ quan, đơn vị (Công an; chính đơn vị)',
        params: s.unitParam,
        querystring: s.unitDocumentQuery,
      },
    },
    async (request, reply) =>
      sendAttachment(
        reply,
        await units.unitNoticeFile(
          app.db,
          actorOf(request),
          userOf(request),
          request.params.id,
          request.query.month,
          request.query.format,
        ),
      ),
  );

  // ── statistics ──
  app.get(
    '/api/v1/violation-stats',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Vi phạm theo nhóm, hành vi so với kỳ liền trước; số vụ TNGT theo nguyên nhân tương ứng',
        querystring: s.statsQuery,
        response: { 200: s.violationStatsResult, ...errors },
      },
    },
    (request) => violationStatistics(app.db, userOf(request), request.query),
  );
}
