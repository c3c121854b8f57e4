import { PlusOutlined } from '@ant-design/icons';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useSession } from '../platform/auth.tsx';
import { formatNumber } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { Filters, SearchBox, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { type FormSummary, formsQuery, reportPermissions } from './api.ts';
import { Instant } from './ui.tsx';

const routeApi = getRouteApi('/_app/reports/forms');

/** Report forms (biểu mẫu báo cáo): the office defines them as data, without code. */
export function FormsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const { search, query, setFilter, clearFilters, table } = useListPage(routeApi, formsQuery);

  const columns: ColumnsType<FormSummary> = [
    { title: t('reports.forms.code'), dataIndex: 'code', className: 'nowrap' },
    {
      title: t('reports.forms.name'),
      key: 'name',
      render: (_, f) => (
        <div className="item-title">
          <Link to="/reports/forms/$formId" params={{ formId: String(f.id) }}>
            {f.name}
          </Link>
          {f.description ? <span className="cell-secondary">{f.description}</span> : null}
        </div>
      ),
    },
    {
      title: t('reports.forms.version'),
      dataIndex: 'version',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('reports.forms.indicatorCount'),
      dataIndex: 'indicators',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('reports.forms.updatedAt'),
      dataIndex: 'updatedAt',
      className: 'nowrap',
      render: (v: string) => <Instant value={v} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('reports.forms.title')}
        intro={t('reports.forms.intro')}
        extra={
          reportPermissions.manage(user.role) ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => void navigate({ to: '/reports/forms/new' })}
            >
              {t('reports.forms.add')}
            </Button>
          ) : null
        }
      />
      <Filters onClear={clearFilters}>
        <SearchBox
          value={search.q}
          onSearch={(q) => setFilter({ q })}
          label={t('reports.forms.searchLabel')}
          placeholder={t('reports.forms.searchPlaceholder')}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <DataTable<FormSummary> label={t('reports.forms.title')} columns={columns} {...table} />
    </>
  );
}
