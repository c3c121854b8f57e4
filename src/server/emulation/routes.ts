/**
 * Routes of emulation campaigns (phong trào thi đua). Route-level access is the first gate; the service then
 * checks that a unit's officer self-assesses only their own units and that each step fits the campaign's status.
 */
import { z } from 'zod';
import { todayInVietnam } from '../plans/routes.ts';
import { OFFICE, STAFF_READERS } from '../platform/auth/roles.ts';
import {
  type App,
  actorOf,
  emptyBody,
  errorSchema,
  idParam,
  sendAttachment,
  userOf,
} from '../platform/http.ts';
import { DOCX_TYPE, XLSX_TYPE } from '../platform/media-types.ts';
import { awardDecisionFile, awardListFile, rankingWorkbook } from './documents.ts';
import * as s from './schemas.ts';
import * as service from './service.ts';

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
  415: errorSchema,
};
const tags = ['emulation'];
/** Units self-assess through their officers; the office may act for any unit. */
const ASSESSORS = ['admin', 'office', 'agency', 'commune'] as const;
/** Room for a 10 MB file in base64 plus the JSON around it. */
const EVIDENCE_BODY_LIMIT = 14 * 1024 * 1024;

export function registerEmulationRoutes(app: App): void {
  const today = () => todayInVietnam();

  // ── campaigns ──
  app.get(
    '/api/v1/emulation-campaigns',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Phong trào thi đua',
        querystring: s.campaignListQuery,
        response: { 200: s.campaignPage, ...errors },
      },
    },
    (request) => service.listCampaigns(app.db, userOf(request), request.query),
  );
  app.get(
    '/api/v1/emulation-campaigns/template',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Mẫu phong trào mới: tiêu chí theo kế hoạch phát động (seed 003), các hình thức khen thưởng',
        querystring: s.templateQuery,
        response: { 200: s.campaignTemplate, ...errors },
      },
    },
    (request) => service.template(app.db, request.query.year ?? Number(today().slice(0, 4))),
  );
  app.post(
    '/api/v1/emulation-campaigns',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Tạo phong trào thi đua (Văn phòng Ban ATGT)',
        body: s.campaignInput,
        response: { 201: s.campaignDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createCampaign(app.db, actorOf(request), userOf(request), request.body, today())),
  );
  app.get(
    '/api/v1/emulation-campaigns/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Một phong trào: tiêu chí, đơn vị tham gia và điểm',
        params: idParam,
        response: { 200: s.campaignDetail, ...errors },
      },
    },
    (request) => service.getCampaign(app.db, userOf(request), request.params.id, today()),
  );
  app.put(
    '/api/v1/emulation-campaigns/:id',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Sửa phong trào (tiêu chí và đơn vị chỉ khi còn dự thảo)',
        params: idParam,
        body: s.campaignInput,
        response: { 200: s.campaignDetail, ...errors },
      },
    },
    (request) =>
      service.updateCampaign(
        app.db,
        actorOf(request),
        userOf(request),
        request.params.id,
        request.body,
        today(),
      ),
  );
  app.post(
    '/api/v1/emulation-campaigns/:id/status',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Chuyển bước: dự thảo → tự chấm điểm → thẩm định → kết thúc (mở lại cần lý do)',
        params: idParam,
        body: s.statusBody,
        response: { 200: s.campaignDetail, ...errors },
      },
    },
    (request) =>
      service.changeStatus(
        app.db,
        actorOf(request),
        userOf(request),
        request.params.id,
        request.body,
        today(),
      ),
  );
  app.post(
    '/api/v1/emulation-campaigns/:id/compute',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Tính lại các tiêu chí từ dữ liệu cho mọi đơn vị',
        params: idParam,
        body: emptyBody,
        response: { 200: s.campaignDetail, ...errors },
      },
    },
    (request) => service.recompute(app.db, userOf(request), request.params.id, today()),
  );

  // ── one unit's assessment ──
  app.get(
    '/api/v1/emulation-campaigns/:id/units/:unitId',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Kết quả chấm điểm của một đơn vị',
        params: s.unitParams,
        response: { 200: s.assessment, ...errors },
      },
    },
    (request) => service.getAssessment(app.db, userOf(request), request.params.id, request.params.unitId),
  );
  app.put(
    '/api/v1/emulation-campaigns/:id/units/:unitId/self',
    {
      config: { access: ASSESSORS },
      schema: {
        tags,
        summary: 'Lưu điểm tự chấm (tiêu chí chấm theo hồ sơ)',
        params: s.unitParams,
        body: s.selfBody,
        response: { 200: s.assessment, ...errors },
      },
    },
    (request) =>
      service.saveSelf(
        app.db,
        actorOf(request),
        userOf(request),
        request.params.id,
        request.params.unitId,
        request.body,
      ),
  );
  app.post(
    '/api/v1/emulation-campaigns/:id/units/:unitId/compute',
    {
      config: { access: ASSESSORS },
      schema: {
        tags,
        summary: 'Cập nhật các tiêu chí tính từ dữ liệu của một đơn vị',
        params: s.unitParams,
        body: emptyBody,
        response: { 200: s.assessment, ...errors },
      },
    },
    (request) =>
      service.computeOne(app.db, userOf(request), request.params.id, request.params.unitId, today()),
  );
  app.post(
    '/api/v1/emulation-campaigns/:id/units/:unitId/submit',
    {
      config: { access: ASSESSORS },
      schema: {
        tags,
        summary: 'Gửi kết quả tự chấm điểm cho Văn phòng Ban ATGT',
        params: s.unitParams,
        body: emptyBody,
        response: { 200: s.assessment, ...errors },
      },
    },
    (request) =>
      service.submit(app.db, actorOf(request), userOf(request), request.params.id, request.params.unitId),
  );
  app.post(
    '/api/v1/emulation-campaigns/:id/units/:unitId/return',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Trả lại kết quả tự chấm để đơn vị sửa',
        params: s.unitParams,
        body: s.returnBody,
        response: { 200: s.assessment, ...errors },
      },
    },
    (request) =>
      service.returnAssessment(
        app.db,
        actorOf(request),
        userOf(request),
        request.params.id,
        request.params.unitId,
        request.body.comment,
      ),
  );
  app.put(
    '/api/v1/emulation-campaigns/:id/units/:unitId/review',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Thẩm định: sửa điểm (cần lý do, được ghi nhật ký), hoàn tất thẩm định',
        params: s.unitParams,
        body: s.reviewBody,
        response: { 200: s.assessment, ...errors },
      },
    },
    (request) =>
      service.saveReview(
        app.db,
        actorOf(request),
        userOf(request),
        request.params.id,
        request.params.unitId,
        request.body,
      ),
  );
  app.post(
    '/api/v1/emulation-campaigns/:id/units/:unitId/evidence',
    {
      config: { access: ASSESSORS },
      bodyLimit: EVIDENCE_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Đính kèm tệp minh chứng (PDF, ảnh, Word, Excel; ≤ 10 MB)',
        params: s.unitParams,
        body: s.evidenceBody,
        response: { 201: s.evidence, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.addEvidence(
            app.db,
            actorOf(request),
            userOf(request),
            request.params.id,
            request.params.unitId,
            request.body,
          ),
        ),
  );
  app.get(
    '/api/v1/emulation-evidence/:id',
    {
      config: { access: STAFF_READERS },
      schema: { tags, summary: 'Tải tệp minh chứng', params: idParam },
    },
    async (request, reply) => {
      const file = await service.getEvidence(app.db, request.params.id);
      return reply
        .header('content-type', file.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.bytes);
    },
  );
  app.delete(
    '/api/v1/emulation-evidence/:id',
    {
      config: { access: ASSESSORS },
      schema: {
        tags,
        summary: 'Xóa tệp minh chứng',
        params: idParam,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteEvidence(app.db, actorOf(request), userOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // ── ranking and awards ──
  app.get(
    '/api/v1/emulation-campaigns/:id/ranking',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Xếp hạng, xếp loại và hình thức khen thưởng đề xuất',
        params: idParam,
        response: { 200: s.ranking, ...errors },
      },
    },
    (request) => service.ranking(app.db, request.params.id),
  );
  app.get(
    '/api/v1/emulation-campaigns/:id/ranking.xlsx',
    {
      config: { access: STAFF_READERS },
      schema: { tags, summary: 'Xếp hạng (Excel), kèm điểm từng tiêu chí', params: idParam },
    },
    async (request, reply) =>
      sendAttachment(reply, {
        bytes: await rankingWorkbook(app.db, request.params.id),
        contentType: XLSX_TYPE,
        filename: `Xep-hang-thi-dua-${request.params.id}.xlsx`,
      }),
  );
  app.put(
    '/api/v1/emulation-campaigns/:id/awards',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Lập danh sách đề nghị khen thưởng (thay danh sách cũ)',
        params: idParam,
        body: s.awardsBody,
        response: { 200: s.ranking, ...errors },
      },
    },
    (request) => service.saveAwards(app.db, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/emulation-campaigns/:id/awards.docx',
    {
      config: { access: STAFF_READERS },
      schema: { tags, summary: 'Tờ trình, danh sách đề nghị khen thưởng (Word)', params: idParam },
    },
    async (request, reply) => {
      const file = await awardListFile(app.db, request.params.id);
      return sendAttachment(reply, { ...file, contentType: DOCX_TYPE });
    },
  );
  app.get(
    '/api/v1/emulation-campaigns/:id/award-decision.docx',
    {
      config: { access: STAFF_READERS },
      schema: { tags, summary: 'Dự thảo quyết định khen thưởng (Word)', params: idParam },
    },
    async (request, reply) => {
      const file = await awardDecisionFile(app.db, request.params.id);
      return sendAttachment(reply, { ...file, contentType: DOCX_TYPE });
    },
  );
}
