/**
 * Thông báo về đơn vị (/violations/unit-notices): how many of each unit's staff, each school's students and
 * each commune's residents violated in a month; a unit's list (names in full for the police and the unit
 * itself, masked for others) and, for those who may send it, the Word notice to the unit.
 */
import { FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, Button, Card, DatePicker, Skeleton } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatNumber, todayIso } from '../platform/format.ts';
import { dateTimeCell } from '../platform/ui/columns.tsx';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { Filters } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  type UnitNoticeList,
  type UnitNoticeSummary,
  unitNoticeDocumentUrl,
  unitNoticeListQuery,
  unitNoticeSummaryQuery,
} from './api.ts';
import { lastMonth } from './search.ts';
import './enforcement.css';
import { StatusTag } from './ui.tsx';

const routeApi = getRouteApi('/_app/violations/unit-notices');

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card
      className="page-section"
      title={
        <h2 className="card-title" id={id}>
          {title}
        </h2>
      }
    >
      {children}
    </Card>
  );
}

export function UnitNoticesPage() {
  const { t } = useTranslation();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const month = search.month ?? lastMonth(todayIso());
  const summary = useQuery(unitNoticeSummaryQuery(month));
  const data = summary.data;

  type OrgRow = UnitNoticeSummary['orgUnits'][number];
  type SchoolRow = UnitNoticeSummary['schools'][number];
  type CommuneRow = UnitNoticeSummary['communes'][number];
  const counts = <T extends { violators: number; violations: number }>(): ColumnsType<T> => [
    {
      title: t('enforcement.notices.violators'),
      dataIndex: 'violators',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('enforcement.notices.violations'),
      dataIndex: 'violations',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
  ];
  const orgColumns: ColumnsType<OrgRow> = [
    { title: t('enforcement.notices.orgUnit'), dataIndex: 'name' },
    ...counts<OrgRow>(),
    {
      title: t('common.actions'),
      key: 'open',
      render: (_, r) => (
        <Button
          size="small"
          aria-label={t('enforcement.notices.openNamed', { name: r.name })}
          aria-pressed={search.unit === r.id}
          onClick={() => void navigate({ search: (prev) => ({ ...prev, unit: r.id }) })}
        >
          {t('enforcement.notices.open')}
        </Button>
      ),
    },
  ];
  const schoolColumns: ColumnsType<SchoolRow> = [
    { title: t('enforcement.notices.school'), dataIndex: 'name' },
    ...counts<SchoolRow>(),
  ];
  const communeColumns: ColumnsType<CommuneRow> = [
    { title: t('enforcement.notices.commune'), dataIndex: 'name' },
    ...counts<CommuneRow>(),
  ];

  return (
    <>
      <PageHeader title={t('enforcement.notices.title')} intro={t('enforcement.notices.intro')} />
      <Filters>
        <label htmlFor="enf-month" className="enf-inline-label">
          {t('enforcement.notices.month')}
        </label>
        <DatePicker
          id="enf-month"
          picker="month"
          format="MM/YYYY"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && void navigate({ search: { month: d.format('YYYY-MM'), unit: undefined } })}
        />
      </Filters>
      {summary.isError ? <QueryError error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      {!data && summary.isPending ? <Skeleton active /> : null}
      {data ? (
        <>
          <p className="summary-line" aria-live="polite">
            {t('enforcement.notices.period', {
              label: data.label,
              from: formatDate(data.from),
              to: formatDate(data.to),
            })}
          </p>
          {search.unit ? <UnitList id={search.unit} month={month} /> : null}
          <Section id="enf-org-units" title={t('enforcement.notices.byOrgUnit')}>
            <DataTable<OrgRow>
              label={t('enforcement.notices.byOrgUnit')}
              rowKey="id"
              size="small"
              columns={orgColumns}
              dataSource={data.orgUnits}
              locale={{ emptyText: t('enforcement.notices.none') }}
              pagination={data.orgUnits.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            />
          </Section>
          <Section id="enf-schools" title={t('enforcement.notices.bySchool')}>
            <DataTable<SchoolRow>
              label={t('enforcement.notices.bySchool')}
              rowKey="name"
              size="small"
              columns={schoolColumns}
              dataSource={data.schools}
              locale={{ emptyText: t('enforcement.notices.none') }}
              pagination={data.schools.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            />
          </Section>
          <Section id="enf-communes" title={t('enforcement.notices.byCommune')}>
            <DataTable<CommuneRow>
              label={t('enforcement.notices.byCommune')}
              rowKey="id"
              size="small"
              columns={communeColumns}
              dataSource={data.communes}
              locale={{ emptyText: t('enforcement.notices.none') }}
              pagination={data.communes.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            />
          </Section>
        </>
      ) : null}
    </>
  );
}

function UnitList({ id, month }: { id: number; month: string }) {
  const { t } = useTranslation();
  const list = useQuery(unitNoticeListQuery(id, month));
  type Item = UnitNoticeList['items'][number];
  const none = t('common.none');
  const columns: ColumnsType<Item> = [
    {
      title: t('enforcement.occurredAt'),
      dataIndex: 'occurredAt',
      className: 'nowrap',
      render: dateTimeCell,
    },
    { title: t('enforcement.person'), dataIndex: 'personName', render: (v: string | null) => v ?? none },
    { title: t('enforcement.violation'), dataIndex: 'typeLabel', className: 'enf-wide' },
    {
      title: t('enforcement.plate'),
      dataIndex: 'plateDisplay',
      className: 'nowrap',
      render: (v: string | null) => v ?? none,
    },
    { title: t('enforcement.place'), dataIndex: 'place', render: (v: string | null) => v ?? none },
    {
      title: t('enforcement.fine'),
      dataIndex: 'fineVnd',
      align: 'right',
      className: 'nowrap',
      render: (v: number | null) => (v !== null ? formatMoney(v) : none),
    },
    {
      title: t('enforcement.status'),
      dataIndex: 'status',
      render: (v: string) => <StatusTag status={v} t={t} />,
    },
  ];
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <Skeleton active />;
  const d = list.data;
  return (
    <Section
      id="enf-unit-list"
      title={t('enforcement.notices.listTitle', { name: d.orgUnit.name, label: d.label })}
    >
      <p className="counts-line">
        {t('enforcement.notices.listCounts', {
          violators: formatNumber(d.violators),
          violations: formatNumber(d.violations),
        })}
      </p>
      {d.masked ? (
        <Alert type="info" showIcon className="enf-note" title={t('enforcement.maskedNote')} />
      ) : null}
      <DataTable<Item>
        label={t('enforcement.notices.listTitle', { name: d.orgUnit.name, label: d.label })}
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={d.items}
        pagination={d.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      />
      {!d.masked ? (
        <div className="enf-actions enf-result">
          <Button icon={<FileWordOutlined aria-hidden />} href={unitNoticeDocumentUrl(id, month)} download>
            {t('enforcement.notices.document')}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
