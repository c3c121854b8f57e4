/**
 * Đợt cao điểm (/violations/campaigns): patrol campaigns with their period, focus and forces; the detail
 * page (/violations/campaigns/:id) takes the teams' daily tallies and shows the results by violation type,
 * hand tallies and recorded violations together, against the same number of days just before.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Skeleton,
  Tag,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../platform/auth.tsx';
import { formatDate, formatMoney, formatNumber, todayIso } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { AddButton, EditButton, EntityFormModal } from '../platform/ui/EntityFormModal.tsx';
import { FilterSelect, Filters, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { applyServerErrors } from '../platform/ui/serverErrors.ts';
import {
  CAMPAIGNS_KEY,
  type Campaign,
  type CampaignDetail,
  type CampaignInput,
  campaignQuery,
  campaignsQuery,
  createCampaign,
  recordTallies,
  updateCampaign,
} from './api.ts';
import { canWriteCampaign } from './permissions.ts';
import './enforcement.css';
import { ChangeText } from './StatsPage.tsx';
import { violationLabel, violationTypeGroups } from './ui.tsx';

const listRoute = getRouteApi('/_app/violations/campaigns');
const detailRoute = getRouteApi('/_app/violations/campaigns/$campaignId');

const period = (c: { from: string; to: string }) => `${formatDate(c.from)} – ${formatDate(c.to)}`;

export function CampaignsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { search, query, setFilter, clearFilters, table } = useListPage(listRoute, campaignsQuery);
  const [adding, setAdding] = useState(false);
  const thisYear = Number(todayIso().slice(0, 4));

  const columns: ColumnsType<Campaign> = [
    {
      title: t('enforcement.campaigns.name'),
      dataIndex: 'name',
      render: (v: string, c) => (
        <Link to="/violations/campaigns/$campaignId" params={{ campaignId: String(c.id) }}>
          {v}
        </Link>
      ),
    },
    {
      title: t('enforcement.campaigns.period'),
      key: 'period',
      className: 'nowrap',
      render: (_, c) => period(c),
    },
    {
      title: t('enforcement.campaigns.focus'),
      dataIndex: 'focus',
      render: (v: string[]) =>
        v.length ? (
          <span className="tag-list">
            {v.map((code) => (
              <Tag key={code}>{violationLabel(code)}</Tag>
            ))}
          </span>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('enforcement.campaigns.lead'),
      dataIndex: 'leadOrgUnitName',
      render: (v: string | null) => v ?? t('common.none'),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('enforcement.campaigns.title')}
        intro={t('enforcement.campaigns.intro')}
        extra={
          canWriteCampaign(user.role) ? (
            <AddButton onClick={() => setAdding(true)}>{t('enforcement.campaigns.add')}</AddButton>
          ) : null
        }
      />
      <Filters onClear={clearFilters}>
        <FilterSelect<number>
          label={t('enforcement.campaigns.year')}
          allLabel={t('enforcement.campaigns.allYears')}
          value={search.year}
          onChange={(year) => setFilter({ year })}
          options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => ({
            value: y,
            label: t('enforcement.campaigns.yearN', { year: y }),
          }))}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <p className="summary-line" aria-live="polite">
          {t('enforcement.campaigns.summary', { n: formatNumber(query.data.total) })}
        </p>
      ) : null}
      <DataTable<Campaign> label={t('enforcement.campaigns.title')} columns={columns} {...table} />
      {adding ? <CampaignDialog campaign={null} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

interface CampaignValues {
  name: string;
  range: [Dayjs, Dayjs];
  focus?: string[];
  forces?: string | null;
}

function CampaignDialog({ campaign, onClose }: { campaign: Campaign | null; onClose: () => void }) {
  const { t } = useTranslation();
  const toInput = (v: CampaignValues): CampaignInput => ({
    name: v.name.trim(),
    from: v.range[0].format('YYYY-MM-DD'),
    to: v.range[1].format('YYYY-MM-DD'),
    focus: v.focus ?? [],
    forces: v.forces?.trim() ? v.forces.trim() : null,
    leadOrgUnitId: campaign?.leadOrgUnitId ?? null,
  });
  return (
    <EntityFormModal<CampaignValues>
      title={campaign ? t('enforcement.campaigns.edit') : t('enforcement.campaigns.add')}
      initialValues={
        campaign
          ? {
              name: campaign.name,
              range: [dayjs(campaign.from), dayjs(campaign.to)],
              focus: campaign.focus,
              forces: campaign.forces,
            }
          : { focus: [] }
      }
      fields={['name', 'range', 'focus', 'forces']}
      submit={(v) => (campaign ? updateCampaign(campaign.id, toInput(v)) : createCampaign(toInput(v)))}
      invalidates={CAMPAIGNS_KEY}
      successMessage={campaign ? t('common.saved') : t('common.created')}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('enforcement.campaigns.name')}
        rules={[{ required: true, whitespace: true, message: t('enforcement.required') }]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item
        name="range"
        label={t('enforcement.campaigns.period')}
        rules={[{ required: true, message: t('enforcement.required') }]}
      >
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          placeholder={[t('enforcement.from'), t('enforcement.to')]}
          className="enf-full"
        />
      </Form.Item>
      <Form.Item name="focus" label={t('enforcement.campaigns.focus')}>
        <Select<string[]>
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={violationTypeGroups()}
        />
      </Form.Item>
      <Form.Item name="forces" label={t('enforcement.campaigns.forces')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </EntityFormModal>
  );
}

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

export function CampaignPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { campaignId } = detailRoute.useParams();
  const id = Number(campaignId);
  const query = useQuery({ ...campaignQuery(id), enabled: Number.isInteger(id) && id > 0 });
  const [editing, setEditing] = useState(false);
  const [tallying, setTallying] = useState(false);
  const c = query.data;
  const write = canWriteCampaign(user.role);

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!c) return <Skeleton active />;

  type ResultRow = CampaignDetail['results']['rows'][number];
  const fig = (f: { count: number; finesVnd: number }) => (
    <>
      {formatNumber(f.count)}
      {f.finesVnd > 0 ? <span className="cell-secondary">{formatMoney(f.finesVnd)}</span> : null}
    </>
  );
  const columns: ColumnsType<ResultRow> = [
    {
      title: t('enforcement.violation'),
      dataIndex: 'label',
      className: 'enf-wide',
      render: (v: string, r) => (
        <>
          {v} {r.focus ? <Tag color="blue">{t('enforcement.campaigns.focusTag')}</Tag> : null}
        </>
      ),
    },
    { title: t('enforcement.campaigns.hand'), key: 'hand', align: 'right', render: (_, r) => fig(r.hand) },
    {
      title: t('enforcement.campaigns.recorded'),
      key: 'rec',
      align: 'right',
      render: (_, r) => fig(r.recorded),
    },
    { title: t('enforcement.campaigns.total'), key: 'total', align: 'right', render: (_, r) => fig(r.total) },
    {
      title: t('enforcement.campaigns.before'),
      dataIndex: 'previous',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('enforcement.stats.change'),
      key: 'cmp',
      align: 'right',
      className: 'nowrap',
      render: (_, r) => <ChangeText c={r.comparison} />,
    },
  ];
  const total = c.results.total;

  type TallyRow = CampaignDetail['tallies'][number];
  const tallyColumns: ColumnsType<TallyRow> = [
    {
      title: t('enforcement.campaigns.day'),
      dataIndex: 'day',
      className: 'nowrap',
      render: (v: string) => formatDate(v),
    },
    { title: t('enforcement.violation'), dataIndex: 'typeCode', render: (v: string) => violationLabel(v) },
    {
      title: t('enforcement.campaigns.count'),
      dataIndex: 'count',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('enforcement.campaigns.fines'),
      dataIndex: 'finesVnd',
      align: 'right',
      className: 'nowrap',
      render: (v: number) => formatMoney(v),
    },
  ];

  return (
    <>
      <PageHeader
        title={c.name}
        intro={t('enforcement.campaigns.detailIntro', {
          period: period(c),
          before: period(c.previousPeriod),
        })}
        extra={
          write ? (
            <>
              <EditButton label={t('enforcement.campaigns.edit')} onClick={() => setEditing(true)} />
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setTallying(true)}>
                {t('enforcement.campaigns.addTally')}
              </Button>
            </>
          ) : null
        }
      />
      <dl className="enf-facts">
        <div>
          <dt>{t('enforcement.campaigns.focus')}</dt>
          <dd>{c.focus.length ? c.focus.map(violationLabel).join('; ') : t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('enforcement.campaigns.forces')}</dt>
          <dd>{c.forces ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('enforcement.campaigns.lead')}</dt>
          <dd>{c.leadOrgUnitName ?? t('common.none')}</dd>
        </div>
      </dl>
      <Section id="enf-campaign-results" title={t('enforcement.campaigns.results')}>
        <p className="summary-line">
          {t('enforcement.campaigns.totalLine', {
            n: formatNumber(total.total.count),
            fines: formatMoney(total.total.finesVnd),
            before: formatNumber(total.previous),
          })}{' '}
          <ChangeText c={total.comparison} />
        </p>
        <p className="muted enf-help">{t('enforcement.campaigns.resultsHelp')}</p>
        <DataTable<ResultRow>
          label={t('enforcement.campaigns.results')}
          rowKey="typeCode"
          size="small"
          columns={columns}
          dataSource={c.results.rows}
          pagination={false}
          locale={{ emptyText: t('enforcement.campaigns.noResults') }}
        />
      </Section>
      <Section id="enf-campaign-tallies" title={t('enforcement.campaigns.tallies')}>
        <DataTable<TallyRow>
          label={t('enforcement.campaigns.tallies')}
          rowKey={(r) => `${r.day}:${r.typeCode}`}
          size="small"
          columns={tallyColumns}
          dataSource={c.tallies}
          pagination={c.tallies.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: t('enforcement.campaigns.noTallies') }}
        />
      </Section>
      {editing ? <CampaignDialog campaign={c} onClose={() => setEditing(false)} /> : null}
      {tallying ? <TallyDialog campaign={c} onClose={() => setTallying(false)} /> : null}
    </>
  );
}

interface TallyValues {
  day: Dayjs;
  rows: { typeCode?: string; count?: number; finesVnd?: number }[];
}

/** One day's results of the teams: a row per violation type; entering the same day again replaces it. */
function TallyDialog({ campaign, onClose }: { campaign: CampaignDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TallyValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const today = todayIso();
  const initialDay = today < campaign.from ? campaign.from : today > campaign.to ? campaign.to : today;
  const save = useMutation({
    mutationFn: (v: TallyValues) =>
      recordTallies(campaign.id, {
        day: v.day.format('YYYY-MM-DD'),
        rows: v.rows
          .filter((r) => r.typeCode)
          .map((r) => ({ typeCode: r.typeCode as string, count: r.count ?? 0, finesVnd: r.finesVnd ?? 0 })),
      }),
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (e) => setFormError(applyServerErrors(form, e, ['day'])),
  });
  const focusRows = campaign.focus.length ? campaign.focus.map((typeCode) => ({ typeCode })) : [{}];
  return (
    <Modal
      open
      title={t('enforcement.campaigns.addTally')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
      width={680}
    >
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="enf-note" /> : null}
      <p className="muted enf-help">{t('enforcement.campaigns.tallyHelp')}</p>
      <Form<TallyValues>
        form={form}
        layout="vertical"
        initialValues={{ day: dayjs(initialDay), rows: focusRows }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="day"
          label={t('enforcement.campaigns.day')}
          rules={[{ required: true, message: t('enforcement.required') }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            disabledDate={(d) => d.isBefore(dayjs(campaign.from)) || d.isAfter(dayjs(campaign.to))}
          />
        </Form.Item>
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <fieldset key={f.key} className="enf-tally-row">
                  <legend className="sr-only">{t('enforcement.campaigns.rowN', { n: i + 1 })}</legend>
                  <Form.Item
                    name={[f.name, 'typeCode']}
                    label={t('enforcement.violation')}
                    rules={[{ required: true, message: t('enforcement.required') }]}
                    className="enf-tally-type"
                  >
                    <Select<string>
                      showSearch={{ optionFilterProp: 'label' }}
                      options={violationTypeGroups()}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'count']}
                    label={t('enforcement.campaigns.count')}
                    rules={[{ required: true, message: t('enforcement.required') }]}
                  >
                    <InputNumber min={0} precision={0} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'finesVnd']} label={t('enforcement.campaigns.fines')}>
                    <InputNumber<number>
                      min={0}
                      precision={0}
                      step={100_000}
                      formatter={(v) =>
                        v === undefined || v === null || `${v}` === '' ? '' : formatNumber(Number(v))
                      }
                      parser={(v) => Number((v ?? '').replace(/\D/g, '') || 0)}
                    />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button type="link" onClick={() => remove(f.name)} className="enf-tally-remove">
                      {t('enforcement.campaigns.removeRow')}
                    </Button>
                  ) : null}
                </fieldset>
              ))}
              <Button onClick={() => add({})} icon={<PlusOutlined aria-hidden />}>
                {t('enforcement.campaigns.addRow')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
