/**
 * One campaign (/emulation/:id): its document, period and status as steps (Dự thảo → Tự chấm điểm → Thẩm
 * định → Kết thúc), the office's actions (move the status on or back, recompute the data criteria, edit), and
 * three tabs: the participants with their status and score, the criteria (how each is scored), and the
 * ranking with the award proposals.
 */
import { CalculatorOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Card, Form, Input, Modal, Skeleton, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../platform/api.ts';
import { formatNumber } from '../platform/format.ts';
import { NotFoundPage } from '../platform/layout/StatusPages.tsx';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  type CampaignDetail,
  campaignQuery,
  changeCampaignStatus,
  computeCampaign,
  EMULATION_KEY,
  type Participant,
} from './api.ts';
import { formatPoints } from './helpers.ts';
import { RankingTab } from './RankingTab.tsx';
import { type CampaignStatus, type CampaignTab, idParam } from './search.ts';
import {
  AssessmentStatusTag,
  CampaignStatusTag,
  formatDay,
  formatInstant,
  periodText,
  StatusSteps,
  scoringRule,
} from './ui.tsx';

const routeApi = getRouteApi('/_app/emulation/$campaignId');

export function CampaignPage() {
  const { t } = useTranslation();
  const { campaignId } = routeApi.useParams();
  const id = idParam(campaignId);
  const query = useQuery({ ...campaignQuery(id ?? 0), enabled: Boolean(id) });
  if (!id) return <NotFoundPage />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={t('emulation.campaign.title')} />
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  if (!query.data)
    return (
      <>
        <PageHeader title={t('emulation.campaign.title')} />
        <Skeleton active />
      </>
    );
  return <CampaignView c={query.data} />;
}

/** The moves the office may make from each status (the server checks the same). */
const MOVES: Record<
  CampaignStatus,
  {
    to: CampaignStatus;
    key: 'open' | 'toReview' | 'reopenSelf' | 'close' | 'reopenReview';
    commentRequired: boolean;
    primary: boolean;
  }[]
> = {
  draft: [{ to: 'self_assessment', key: 'open', commentRequired: false, primary: true }],
  self_assessment: [{ to: 'review', key: 'toReview', commentRequired: false, primary: true }],
  review: [
    { to: 'self_assessment', key: 'reopenSelf', commentRequired: false, primary: false },
    { to: 'closed', key: 'close', commentRequired: false, primary: true },
  ],
  closed: [{ to: 'review', key: 'reopenReview', commentRequired: true, primary: false }],
};

function CampaignView({ c }: { c: CampaignDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { tab } = routeApi.useSearch();
  const [move, setMove] = useState<(typeof MOVES)[CampaignStatus][number] | null>(null);
  const office = c.mayEdit;

  const afterWrite = async (d: CampaignDetail, text: string) => {
    queryClient.setQueryData(campaignQuery(d.id).queryKey, d);
    void message.success(text);
    await queryClient.invalidateQueries({ queryKey: EMULATION_KEY });
  };
  const compute = useMutation({
    mutationFn: () => computeCampaign(c.id),
    onSuccess: (d) => afterWrite(d, t('emulation.campaign.computed')),
    onError: (e) => void message.error(isApiError(e) ? e.message : t('errors.generic')),
  });

  const intro = [
    c.documentNumber
      ? t('emulation.campaign.document', { number: c.documentNumber, body: c.issuingBody })
      : c.issuingBody,
    t('emulation.campaign.periodLine', { period: periodText(c), area: c.areaName }),
    c.selfAssessmentDue ? t('emulation.campaign.dueLine', { date: formatDay(c.selfAssessmentDue) }) : null,
  ].filter(Boolean);

  const setTab = (next: string) =>
    void navigate({
      to: '/emulation/$campaignId',
      params: { campaignId: String(c.id) },
      search: { tab: next === 'participants' ? undefined : (next as CampaignTab) },
      replace: true,
    });

  return (
    <>
      <PageHeader
        title={c.name}
        intro={
          <>
            {intro.map((line) => (
              <span key={line} className="em-intro-line">
                {line}
              </span>
            ))}
            <Link to="/emulation" search={{}}>
              {t('emulation.campaign.backToList')}
            </Link>
          </>
        }
        extra={
          office ? (
            <>
              {c.status === 'draft' || c.status === 'closed' ? null : (
                <Button
                  icon={<CalculatorOutlined aria-hidden />}
                  loading={compute.isPending}
                  onClick={() => compute.mutate()}
                >
                  {t('emulation.campaign.compute')}
                </Button>
              )}
              {c.status === 'closed' ? null : (
                <Button
                  icon={<EditOutlined aria-hidden />}
                  onClick={() =>
                    void navigate({ to: '/emulation/$campaignId/edit', params: { campaignId: String(c.id) } })
                  }
                >
                  {t('emulation.campaign.edit')}
                </Button>
              )}
              {(MOVES[c.status] ?? []).map((m) => (
                <Button key={m.key} type={m.primary ? 'primary' : 'default'} onClick={() => setMove(m)}>
                  {t(`emulation.moves.${m.key}.button`)}
                </Button>
              ))}
            </>
          ) : null
        }
      />
      <div className="em-status-line">
        <CampaignStatusTag status={c.status} />
        {c.computedAt ? (
          <span className="muted">
            {t('emulation.campaign.computedAt', { at: formatInstant(c.computedAt) })}
          </span>
        ) : null}
      </div>
      <StatusSteps status={c.status} />

      <Tabs
        activeKey={tab ?? 'participants'}
        onChange={setTab}
        items={[
          {
            key: 'participants',
            label: t('emulation.campaign.tabParticipants', { n: formatNumber(c.participants) }),
            children: <ParticipantsTab c={c} />,
          },
          { key: 'criteria', label: t('emulation.campaign.tabCriteria'), children: <CriteriaTab c={c} /> },
          {
            key: 'ranking',
            label: t('emulation.campaign.tabRanking'),
            children: <RankingTab campaign={c} />,
          },
        ]}
      />

      {move ? (
        <MoveDialog
          c={c}
          move={move}
          onClose={() => setMove(null)}
          onDone={(d) => {
            setMove(null);
            void afterWrite(
              d,
              t('emulation.campaign.statusChanged', { status: t(`emulation.statuses.${d.status}`) }),
            );
          }}
        />
      ) : null}
    </>
  );
}

/** Confirms a status move, with a comment (required to reopen a closed campaign). */
function MoveDialog({
  c,
  move,
  onClose,
  onDone,
}: {
  c: CampaignDetail;
  move: (typeof MOVES)[CampaignStatus][number];
  onClose: () => void;
  onDone: (d: CampaignDetail) => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: () => changeCampaignStatus(c.id, move.to, comment.trim() || null),
    onMutate: () => setError(null),
    onSuccess: onDone,
    onError: (e) =>
      setError(
        isApiError(e) ? [e.message, ...e.details.map((d) => d.message)].join(' ') : t('errors.generic'),
      ),
  });
  const missing = move.commentRequired && !comment.trim();
  return (
    <Modal
      open
      title={t(`emulation.moves.${move.key}.title`)}
      okText={t(`emulation.moves.${move.key}.button`)}
      cancelText={t('common.cancel')}
      onOk={() => run.mutate()}
      okButtonProps={{ disabled: missing }}
      confirmLoading={run.isPending}
      onCancel={onClose}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      <p>{t(`emulation.moves.${move.key}.body`, { name: c.name })}</p>
      {error ? <Alert type="error" showIcon role="alert" title={error} className="em-note" /> : null}
      <Form layout="vertical" component={false}>
        <Form.Item
          label={
            move.commentRequired ? t('emulation.campaign.commentRequired') : t('emulation.campaign.comment')
          }
          htmlFor="em-move-comment"
          required={move.commentRequired}
        >
          <Input.TextArea
            id="em-move-comment"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ParticipantsTab({ c }: { c: CampaignDetail }) {
  const { t } = useTranslation();
  const columns: ColumnsType<Participant> = [
    {
      title: t('emulation.campaign.unit'),
      dataIndex: 'name',
      className: 'em-wide',
      sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
    },
    { title: t('emulation.campaign.area'), dataIndex: 'areaName' },
    {
      title: t('emulation.campaign.status'),
      dataIndex: 'status',
      render: (v: Participant['status']) => <AssessmentStatusTag status={v} />,
      filters: (['not_started', 'draft', 'submitted', 'reviewed'] as const).map((s) => ({
        text: t(`emulation.assessmentStatuses.${s}`),
        value: s,
      })),
      onFilter: (v, p) => p.status === v,
    },
    {
      title: t('emulation.campaign.score'),
      dataIndex: 'score',
      align: 'right',
      className: 'nowrap',
      sorter: (a, b) => a.score - b.score,
      render: (v: number, p) => (
        <>
          {formatPoints(v)}
          <span className="cell-secondary">
            {t('emulation.pointsOf', { earned: formatPoints(p.earned), max: formatPoints(p.max) })}
          </span>
        </>
      ),
    },
    {
      title: t('emulation.campaign.submittedAt'),
      dataIndex: 'submittedAt',
      className: 'nowrap',
      render: (v: string | null) => formatDay(v) || t('common.none'),
    },
    {
      title: t('emulation.campaign.reviewedAt'),
      dataIndex: 'reviewedAt',
      className: 'nowrap',
      render: (v: string | null) => formatDay(v) || t('common.none'),
    },
    {
      title: t('common.actions'),
      key: 'open',
      render: (_, p) => (
        <Link
          to="/emulation/$campaignId/units/$unitId"
          params={{ campaignId: String(c.id), unitId: String(p.orgUnitId) }}
          aria-label={t('emulation.campaign.openLabel', { unit: p.name })}
        >
          {t('emulation.campaign.open')}
        </Link>
      ),
    },
  ];
  const submitted = c.participantList.filter(
    (p) => p.status === 'submitted' || p.status === 'reviewed',
  ).length;
  return (
    <>
      <p className="summary-line">
        {t('emulation.campaign.participantsSummary', {
          total: formatNumber(c.participants),
          submitted: formatNumber(submitted),
          reviewed: formatNumber(c.reviewed),
        })}
      </p>
      <DataTable<Participant>
        label={t('emulation.campaign.tabParticipants', { n: formatNumber(c.participants) })}
        rowKey="orgUnitId"
        size="small"
        columns={columns}
        dataSource={c.participantList}
        pagination={c.participantList.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      />
    </>
  );
}

function CriteriaTab({ c }: { c: CampaignDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="summary-line">
        {t('emulation.campaign.criteriaSummary', {
          max: formatPoints(c.maxTotal),
          baseline: periodText(c.baseline),
        })}
      </p>
      {c.criteria.map((g) => {
        const groupMax = g.children.reduce((s, x) => s + x.maxPoints, 0);
        return (
          <Card
            key={g.code}
            size="small"
            className="page-section"
            title={
              <h2 className="card-title">
                {g.code}. {g.title}{' '}
                <span className="muted">({t('emulation.points', { points: formatPoints(groupMax) })})</span>
              </h2>
            }
          >
            <ul className="plain-list em-criteria">
              {g.children.map((x) => (
                <li key={x.code}>
                  <div className="em-criterion-head">
                    <strong>
                      {x.code}. {x.title}
                    </strong>
                    <span className="nowrap">
                      {t('emulation.points', { points: formatPoints(x.maxPoints) })}
                    </span>
                  </div>
                  <p className="muted em-criterion-rule">
                    {t(`emulation.kinds.${x.kind}`)} · {scoringRule(t, x)}
                    {x.kind === 'manual' && x.evidenceRequired ? ` · ${t('emulation.rule.evidence')}` : ''}
                    {x.appliesTo && x.appliesTo !== 'all'
                      ? ` · ${t(`emulation.appliesTo.${x.appliesTo}`)}`
                      : ''}
                  </p>
                  {x.guidance ? <p className="em-guidance">{x.guidance}</p> : null}
                </li>
              ))}
            </ul>
          </Card>
        );
      })}
      <Card
        size="small"
        className="page-section"
        title={<h2 className="card-title">{t('emulation.form.awardLevels')}</h2>}
      >
        {c.awardLevels.length === 0 ? (
          <p className="muted">{t('emulation.campaign.noLevels')}</p>
        ) : (
          <ul className="plain-list em-criteria">
            {c.awardLevels.map((l) => (
              <li key={l.code}>
                <strong>{l.title}</strong>
                <p className="muted em-criterion-rule">
                  {t('emulation.campaign.levelRule', { min: formatPoints(l.minScore) })}
                  {l.maxCount !== null
                    ? ` · ${t('emulation.campaign.levelMax', { n: formatNumber(l.maxCount) })}`
                    : ''}
                  {l.requiresFullPoints.length > 0
                    ? ` · ${t('emulation.campaign.levelRequires', { codes: l.requiresFullPoints.join(', ') })}`
                    : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
