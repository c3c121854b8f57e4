/** Routes of the public transparency page: no session, read-only, aggregated (see service.ts). */
import { z } from 'zod';
import { spotGeoJson } from '../blackspots/schemas.ts';
import { statsRow } from '../crashes/schemas.ts';
import { todayInVietnam } from '../plans/routes.ts';
import { type App, errorSchema } from '../platform/http.ts';
import { publicBlackSpots, publicStatistics } from './service.ts';

const tags = ['public'];
const criteria = z.object({ crashes: z.number(), deaths: z.number(), injured: z.number() });
const period = z.object({ from: z.string(), to: z.string(), label: z.string() });

export const publicStatisticsResult = z.object({
  year: z.number(),
  period,
  previous: period,
  asOfLabel: z.string(),
  total: statsRow,
  sentence: z.string(),
  months: z.array(z.object({ month: z.number(), current: criteria, previous: criteria })),
  communes: z.array(statsRow),
  causes: z.array(statsRow),
});

export function registerTransparencyRoutes(app: App): void {
  app.get(
    '/api/v1/public/statistics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Số liệu công khai: ba tiêu chí từ đầu năm so với cùng kỳ, theo tháng, xã, nguyên nhân',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict(),
        response: { 200: publicStatisticsResult, 400: errorSchema },
      },
    },
    (request) => {
      const today = todayInVietnam();
      const year = request.query.year ?? Number(today.slice(0, 4));
      return publicStatistics(app.db, Math.min(year, Number(today.slice(0, 4))), today);
    },
  );
  app.get(
    '/api/v1/public/black-spots',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Điểm đen đã được xác nhận và tình trạng xử lý (GeoJSON)',
        querystring: z.object({}).strict(),
        response: { 200: spotGeoJson, 400: errorSchema },
      },
    },
    () => publicBlackSpots(app.db),
  );
}
