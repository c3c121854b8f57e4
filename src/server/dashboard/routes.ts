import { todayInVietnam } from '../plans/routes.ts';
import { type App, errorSchema, userOf } from '../platform/http.ts';
import * as s from './schemas.ts';
import { communeDashboard, leaderDashboard, unitDashboard } from './service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };
const tags = ['dashboard'];

/**
 * One dashboard per role; a caller asking for another role's dashboard is refused (403): an agency has no
 * province view to command, a commune sees only its own area.
 */
export function registerDashboardRoutes(app: App): void {
  app.get(
    '/api/v1/dashboard/leader',
    {
      config: { access: ['admin', 'office', 'leader'] },
      schema: {
        tags,
        summary:
          'Bảng điều hành của lãnh đạo: ba tiêu chí so với cùng kỳ và chỉ tiêu, xu hướng, nguyên nhân, tuyến, điểm đen, sự cố, nhiệm vụ quá hạn, báo cáo',
        querystring: s.leaderQuery,
        response: { 200: s.leaderDashboard, ...errors },
      },
    },
    (request) => leaderDashboard(app.db, userOf(request), request.query, todayInVietnam()),
  );

  app.get(
    '/api/v1/dashboard/unit',
    {
      config: { access: ['agency'] },
      schema: {
        tags,
        summary:
          'Bảng điều hành của cơ quan thành viên: nhiệm vụ, báo cáo, cán bộ vi phạm, điểm thi đua của đơn vị',
        querystring: s.noQuery,
        response: { 200: s.unitDashboard, ...errors },
      },
    },
    (request) => unitDashboard(app.db, userOf(request), todayInVietnam()),
  );

  app.get(
    '/api/v1/dashboard/commune',
    {
      config: { access: ['commune'] },
      schema: {
        tags,
        summary:
          'Bảng điều hành của xã, phường: ba tiêu chí trên địa bàn, điểm đen, sự cố, nhiệm vụ, báo cáo, điểm thi đua',
        querystring: s.communeQuery,
        response: { 200: s.communeDashboard, ...errors },
      },
    },
    (request) => communeDashboard(app.db, userOf(request), request.query, todayInVietnam()),
  );
}
