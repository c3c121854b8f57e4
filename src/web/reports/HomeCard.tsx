/** The home page's "Báo cáo đến hạn" card: the unit's next reports, with their deadlines and state. */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../platform/format.ts';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { dueKey, myOpenReportsQuery } from './api.ts';
import { DueTags } from './ui.tsx';

export function ReportsDueCard() {
  const { t } = useTranslation();
  const reports = useQuery(myOpenReportsQuery());
  return (
    <section aria-labelledby="home-reports" style={{ marginTop: 16 }}>
      <Card
        title={
          <h2 id="home-reports" className="card-title">
            {t('reports.home.title')}
          </h2>
        }
      >
        {reports.isError ? (
          <QueryError error={reports.error} onRetry={() => void reports.refetch()} />
        ) : reports.isPending ? (
          <Skeleton active paragraph={{ rows: 2 }} title={false} />
        ) : reports.data.items.length === 0 ? (
          <p className="muted" style={{ marginTop: 0 }}>
            {t('reports.home.none')}
          </p>
        ) : (
          <ul className="rp-entries">
            {reports.data.items.map((r) => (
              <li key={dueKey(r)}>
                {r.submissionId ? (
                  <Link
                    to="/reports/submissions/$submissionId"
                    params={{ submissionId: String(r.submissionId) }}
                  >
                    {t('reports.home.line', { title: r.scheduleTitle, period: r.period.label })}
                  </Link>
                ) : (
                  <Link to="/reports" search={{}}>
                    {t('reports.home.line', { title: r.scheduleTitle, period: r.period.label })}
                  </Link>
                )}
                <p className="muted">{t('reports.dueLine', { date: formatDate(r.period.dueOn) })}</p>
                <DueTags r={r} />
              </li>
            ))}
          </ul>
        )}
        <p style={{ marginBottom: 0, marginTop: 16 }}>
          <Link to="/reports" search={{}}>
            {t('reports.home.viewAll')}
          </Link>
        </p>
      </Card>
    </section>
  );
}
