/** Review reports (báo cáo sơ kết, tổng kết): the drafts generated from the data and the issued ones. */
import { FileAddOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Alert, Button, Form, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatDate } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  createReview,
  type ReviewStatus,
  type ReviewSummary,
  reportPermissions,
  reviewQuery,
  reviewsQuery,
} from './api.ts';
import type { SchedulePeriodSearch } from './search.ts';
import { ActionModal, Instant, SchedulePeriodPicker, useSchedulePeriod } from './ui.tsx';

const routeApi = getRouteApi('/_app/reviews');

export function ReviewStatusTag({ status }: { status: ReviewStatus }) {
  const { t } = useTranslation();
  return (
    <Tag className={status === 'issued' ? 'tag-ok' : 'tag-warning'}>
      {t(`reports.reviews.statuses.${status}`)}
    </Tag>
  );
}

export function ReviewsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { query, table } = useListPage(routeApi, reviewsQuery);
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<ReviewSummary> = [
    {
      title: t('reports.reviews.reviewTitle'),
      key: 'title',
      render: (_, r) => (
        <div className="item-title">
          <Link to="/reviews/$reviewId" params={{ reviewId: String(r.id) }}>
            {r.title}
          </Link>
          <span className="cell-secondary">{t('reports.reviews.numberLine', { number: r.number })}</span>
        </div>
      ),
    },
    { title: t('reports.period'), dataIndex: 'periodKey', className: 'nowrap' },
    {
      title: t('reports.status'),
      key: 'status',
      render: (_, r) => (
        <>
          <ReviewStatusTag status={r.status} />
          {r.issuedOn ? (
            <span className="cell-secondary">
              {t('reports.reviews.issuedOnLine', { date: formatDate(r.issuedOn) })}
            </span>
          ) : null}
        </>
      ),
    },
    {
      title: t('reports.reviews.updatedAt'),
      dataIndex: 'updatedAt',
      className: 'nowrap',
      render: (v: string) => <Instant value={v} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('reports.reviews.title')}
        intro={t('reports.reviews.intro')}
        extra={
          reportPermissions.manage(user.role) ? (
            <Button type="primary" icon={<FileAddOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('reports.consolidation.createReview')}
            </Button>
          ) : null
        }
      />
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <DataTable<ReviewSummary>
        label={t('reports.reviews.title')}
        columns={columns}
        {...table}
        locale={{ emptyText: t('reports.reviews.empty') }}
      />
      {creating ? <CreateReviewModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

/** Picks a schedule and period and generates the draft from their data. */
function CreateReviewModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [pick, setPick] = useState<SchedulePeriodSearch>({});
  const update = useCallback((patch: SchedulePeriodSearch) => setPick((p) => ({ ...p, ...patch })), []);
  const state = useSchedulePeriod(pick, update);
  const create = useMutation({
    mutationFn: () => createReview(state.scheduleId ?? 0, state.periodKey ?? ''),
    onSuccess: async (review) => {
      queryClient.setQueryData(reviewQuery(review.id).queryKey, review);
      void queryClient.invalidateQueries({ queryKey: ['review-reports', 'list'] });
      onClose();
      await navigate({ to: '/reviews/$reviewId', params: { reviewId: String(review.id) } });
    },
  });
  return (
    <ActionModal
      title={t('reports.reviews.createTitle')}
      okText={t('reports.reviews.createOk')}
      onOk={() => create.mutate()}
      okDisabled={!state.scheduleId || !state.periodKey}
      busy={create.isPending}
      onClose={onClose}
    >
      <p>{t('reports.reviews.createIntro')}</p>
      {create.isError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="page-section"
          title={isApiError(create.error) ? create.error.message : t('errors.generic')}
        />
      ) : null}
      <Form layout="vertical" component={false}>
        <div className="filters">
          <SchedulePeriodPicker state={state} onChange={update} />
        </div>
      </Form>
    </ActionModal>
  );
}
