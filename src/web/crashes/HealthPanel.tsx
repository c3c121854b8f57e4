/** Police figures against the hospitals' records for the period: how many were linked, and what is missed. */
import { useQuery } from '@tanstack/react-query';
import { Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../platform/format.ts';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { type HealthEstimate, healthSummaryQuery } from './api.ts';

export function HealthPanel({ period }: { period: string }) {
  const { t } = useTranslation();
  const summary = useQuery(healthSummaryQuery(period));

  const estimateText = (e: HealthEstimate, police: number) => {
    if (e.total == null) return t('health.noEstimate');
    const range =
      e.low != null && e.high != null
        ? t('health.range', { low: formatNumber(Math.round(e.low)), high: formatNumber(Math.round(e.high)) })
        : '';
    const missed =
      e.underReportingPercent != null
        ? t('health.missed', { percent: formatPercent(e.underReportingPercent) })
        : '';
    const main = t('health.estimate', {
      total: formatNumber(Math.round(e.total)),
      police: formatNumber(police),
    });
    return `${[main, range].filter(Boolean).join(' ')}${missed}`;
  };

  return (
    <section className="page-section" aria-labelledby="stats-health">
      <h2 className="section-title" id="stats-health">
        {t('health.title')}
      </h2>
      {summary.isError ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !summary.data ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : summary.data.health.records === 0 ? (
        <Card>
          <p className="muted" style={{ margin: 0 }}>
            {t('health.noRecords', { period: summary.data.period.label })}
          </p>
        </Card>
      ) : (
        <Card>
          <div className="health-grid">
            <dl className="kv-grid">
              <dt>{t('health.policeDeaths')}</dt>
              <dd>{formatNumber(summary.data.police.deaths)}</dd>
              <dt>{t('health.healthDied')}</dt>
              <dd>{formatNumber(summary.data.health.died)}</dd>
              <dt>{t('health.linkedDied')}</dt>
              <dd>{formatNumber(summary.data.linked.died)}</dd>
            </dl>
            <dl className="kv-grid">
              <dt>{t('health.policeInjured')}</dt>
              <dd>{formatNumber(summary.data.police.injured)}</dd>
              <dt>{t('health.healthInjured')}</dt>
              <dd>{formatNumber(summary.data.health.injured)}</dd>
              <dt>{t('health.linkedInjured')}</dt>
              <dd>{formatNumber(summary.data.linked.injured)}</dd>
            </dl>
          </div>
          <ul className="plain-list health-estimates">
            <li>
              <strong>{t('health.deaths')}: </strong>
              {estimateText(summary.data.estimate.deaths, summary.data.police.deaths)}
              {!summary.data.estimate.deaths.reliable ? (
                <span className="muted"> ({t('health.unreliable')})</span>
              ) : null}
            </li>
            <li>
              <strong>{t('health.injured')}: </strong>
              {estimateText(summary.data.estimate.injured, summary.data.police.injured)}
              {!summary.data.estimate.injured.reliable ? (
                <span className="muted"> ({t('health.unreliable')})</span>
              ) : null}
            </li>
          </ul>
          {summary.data.linked.possible > 0 ? (
            <p className="muted">{t('health.possible', { count: summary.data.linked.possible })}</p>
          ) : null}
          <p className="muted health-method">
            {t('health.method')}: {summary.data.method}
          </p>
        </Card>
      )}
    </section>
  );
}
