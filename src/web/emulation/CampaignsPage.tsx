/**
 * Phong trào thi đua (/emulation): the campaigns by year and status, with how many participants have sent
 * their self-assessment and how many the office has reviewed. A member agency or a commune sees a
 * "Tự chấm điểm" button for each of its own units; the office creates campaigns from the template.
 */
import { PlusOutlined } from '@ant-design/icons';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Button, Progress } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useSession } from '../platform/auth.tsx';
import { formatDate, formatNumber, todayIso } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { FilterSelect, Filters, SearchBox, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { useIsPhone } from '../platform/ui/useMediaQuery.ts';
import { type Campaign, campaignsQuery } from './api.ts';
import { emulationPermissions } from './permissions.ts';
import { CAMPAIGN_STATUSES } from './search.ts';
import { CampaignStatusTag, periodText } from './ui.tsx';

const listRoute = getRouteApi('/_app/emulation');

export function CampaignsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const { search, query, setFilter, clearFilters, table } = useListPage(listRoute, campaignsQuery);
  const thisYear = Number(todayIso().slice(0, 4));
  const manage = emulationPermissions.manage(user.role);
  const isPhone = useIsPhone();

  /** "Tự chấm điểm" for each of the caller's own units, once self-assessment has opened. */
  const selfAssessLinks = (c: Campaign) =>
    c.myUnitIds.length > 0 && c.status !== 'draft' ? (
      <span className="tag-list">
        {c.myUnitIds.map((unitId, i) => {
          const label =
            c.myUnitIds.length > 1
              ? t('emulation.list.selfAssessN', { n: i + 1 })
              : t('emulation.list.selfAssess');
          return (
            <Link
              key={unitId}
              to="/emulation/$campaignId/units/$unitId"
              params={{ campaignId: String(c.id), unitId: String(unitId) }}
              className="em-link-button"
              aria-label={t('emulation.list.selfAssessLabel', { action: label, name: c.name })}
            >
              {label}
            </Link>
          );
        })}
      </span>
    ) : null;

  const progressText = (c: Campaign) =>
    t('emulation.list.progressText', {
      submitted: formatNumber(c.submitted),
      reviewed: formatNumber(c.reviewed),
      total: formatNumber(c.participants),
    });

  // On a phone, one column says it all, with the unit's button in reach.
  const phoneColumns: ColumnsType<Campaign> = [
    {
      title: t('emulation.list.name'),
      dataIndex: 'name',
      render: (v: string, c) => (
        <div className="em-phone-cell">
          <Link to="/emulation/$campaignId" params={{ campaignId: String(c.id) }} search={{}}>
            {v}
          </Link>
          <span className="cell-secondary">
            {periodText(c)} · {c.areaName}
          </span>
          <span className="em-phone-line">
            <CampaignStatusTag status={c.status} />
            <span className="cell-secondary">{progressText(c)}</span>
          </span>
          {selfAssessLinks(c)}
        </div>
      ),
    },
  ];

  const columns: ColumnsType<Campaign> = [
    {
      title: t('emulation.list.name'),
      dataIndex: 'name',
      className: 'em-wide',
      render: (v: string, c) => (
        <>
          <Link to="/emulation/$campaignId" params={{ campaignId: String(c.id) }} search={{}}>
            {v}
          </Link>
          <span className="cell-secondary">
            {c.documentNumber ? `${c.documentNumber} · ` : ''}
            {c.issuingBody}
          </span>
        </>
      ),
    },
    {
      title: t('emulation.list.period'),
      key: 'period',
      className: 'nowrap',
      render: (_, c) => (
        <>
          {periodText(c)}
          {c.selfAssessmentDue ? (
            <span className="cell-secondary">
              {t('emulation.list.due', { date: formatDate(c.selfAssessmentDue) })}
            </span>
          ) : null}
        </>
      ),
    },
    { title: t('emulation.list.area'), dataIndex: 'areaName' },
    {
      title: t('emulation.list.status'),
      dataIndex: 'status',
      render: (v: Campaign['status']) => <CampaignStatusTag status={v} />,
    },
    {
      title: t('emulation.list.progress'),
      key: 'progress',
      className: 'em-progress-cell',
      render: (_, c) => {
        const of = Math.max(1, c.participants);
        return (
          <div className="em-progress">
            <Progress
              percent={Math.round((c.submitted * 100) / of)}
              success={{ percent: Math.round((c.reviewed * 100) / of) }}
              showInfo={false}
              size="small"
              aria-hidden
            />
            <span className="cell-secondary">{progressText(c)}</span>
          </div>
        );
      },
    },
    { title: t('common.actions'), key: 'actions', render: (_, c) => selfAssessLinks(c) },
  ];

  const years: number[] = [];
  for (let y = thisYear + 1; y >= thisYear - 4; y--) years.push(y);

  return (
    <>
      <PageHeader
        title={t('emulation.list.title')}
        intro={t('emulation.list.intro')}
        extra={
          manage ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => void navigate({ to: '/emulation/new', search: {} })}
            >
              {t('emulation.list.add')}
            </Button>
          ) : null
        }
      />
      <Filters onClear={clearFilters}>
        <SearchBox
          value={search.q}
          onSearch={(q) => setFilter({ q })}
          label={t('emulation.list.searchLabel')}
          placeholder={t('emulation.list.searchPlaceholder')}
        />
        <FilterSelect<number>
          label={t('emulation.list.year')}
          allLabel={t('emulation.list.allYears')}
          value={search.year}
          onChange={(year) => setFilter({ year })}
          options={years.map((y) => ({ value: y, label: t('emulation.list.yearN', { year: y }) }))}
        />
        <FilterSelect<Campaign['status']>
          label={t('emulation.list.status')}
          allLabel={t('emulation.list.allStatuses')}
          value={search.status}
          onChange={(status) => setFilter({ status })}
          options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`emulation.statuses.${s}`) }))}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <p className="summary-line" aria-live="polite">
          {t('emulation.list.summary', { n: formatNumber(query.data.total) })}
        </p>
      ) : null}
      <DataTable<Campaign>
        label={t('emulation.list.title')}
        columns={isPhone ? phoneColumns : columns}
        {...table}
        locale={{ emptyText: t('emulation.list.empty') }}
      />
    </>
  );
}
