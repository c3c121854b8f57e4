import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../platform/auth.tsx';
import { formatDate, formatNumber } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { applyServerErrors } from '../platform/ui/serverErrors.ts';
import {
  createTrigger,
  parentPlanOptionsQuery,
  planPermissions,
  TRIGGER_KINDS,
  type Trigger,
  type TriggerKind,
  triggersQuery,
} from './api.ts';

const KIND_CLASS: Record<TriggerKind, string> = {
  directive: 'tag-info',
  peak_campaign: 'tag-magenta',
  ad_hoc: 'tag-warning',
};

export function TriggersPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const triggers = useQuery(triggersQuery());
  const plans = useQuery(parentPlanOptionsQuery());
  const planNumber = new Map((plans.data ?? []).map((p) => [p.id, p.number]));
  const canRecord = planPermissions.recordTrigger(user.role);

  const columns: ColumnsType<Trigger> = [
    {
      title: t('triggers.kind'),
      dataIndex: 'kind',
      render: (k: TriggerKind) => <Tag className={KIND_CLASS[k]}>{t(`triggers.kinds.${k}`)}</Tag>,
    },
    {
      title: t('triggers.titleField'),
      key: 'title',
      render: (_, g) => (
        <div className="item-title">
          <strong>{g.title}</strong>
          {g.reference ? <span className="cell-secondary">{g.reference}</span> : null}
        </div>
      ),
    },
    {
      title: t('triggers.plan'),
      key: 'plan',
      render: (_, g) =>
        g.planId ? (
          <Link to="/plans/$planId" params={{ planId: String(g.planId) }}>
            {planNumber.get(g.planId) ?? t('triggers.planNo', { id: g.planId })}
          </Link>
        ) : (
          <span className="muted">{t('triggers.allPlans')}</span>
        ),
    },
    {
      title: t('triggers.period'),
      key: 'period',
      className: 'nowrap',
      render: (_, g) => `${formatDate(g.startsOn)} – ${formatDate(g.dueOn)}`,
    },
    {
      title: t('triggers.activated'),
      dataIndex: 'activatedAssignments',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
  ];

  return (
    <>
      <PageHeader title={t('triggers.title')} intro={t('triggers.intro')} />
      {canRecord ? <TriggerForm /> : null}
      <section aria-labelledby="triggers-list">
        <h2 className="section-title" id="triggers-list">
          {t('triggers.listTitle')}
        </h2>
        {triggers.isError ? (
          <QueryError error={triggers.error} onRetry={() => void triggers.refetch()} />
        ) : null}
        <DataTable<Trigger>
          label={t('triggers.listTitle')}
          rowKey="id"
          columns={columns}
          dataSource={triggers.data ?? []}
          loading={triggers.isFetching}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        />
      </section>
    </>
  );
}

interface TriggerValues {
  kind: TriggerKind;
  title: string;
  reference?: string;
  planId?: number | null;
  period: [Dayjs | null, Dayjs | null] | null;
}

function TriggerForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const plans = useQuery(parentPlanOptionsQuery());
  const [form] = Form.useForm<TriggerValues>();
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (v: TriggerValues) =>
      createTrigger({
        kind: v.kind,
        title: v.title.trim(),
        reference: v.reference?.trim() || null,
        planId: v.planId ?? null,
        startsOn: v.period?.[0]?.format('YYYY-MM-DD') ?? '',
        dueOn: v.period?.[1]?.format('YYYY-MM-DD') ?? '',
      }),
    onMutate: () => setFormError(null),
    onSuccess: async (res) => {
      void message.success(t('triggers.recorded', { count: res.activatedAssignments }));
      form.resetFields();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['plan-triggers'] }),
        queryClient.invalidateQueries({ queryKey: ['assignments'] }),
        queryClient.invalidateQueries({ queryKey: ['occurrences'] }),
        queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      ]);
    },
    onError: (error) => {
      const msg = applyServerErrors(form, error, ['kind', 'title', 'reference', 'planId']);
      setFormError(msg);
    },
  });

  return (
    <Card
      className="page-section"
      title={
        <h2 className="card-title" id="trigger-form">
          {t('triggers.formTitle')}
        </h2>
      }
    >
      <p className="muted" style={{ marginTop: 0 }}>
        {t('triggers.formIntro')}
      </p>
      {formError ? (
        <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<TriggerValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'peak_campaign' }}
        onFinish={(v) => save.mutate(v)}
      >
        <div className="form-grid">
          <Form.Item label={t('triggers.kind')} name="kind" rules={[{ required: true }]}>
            <Select options={TRIGGER_KINDS.map((k) => ({ value: k, label: t(`triggers.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item label={t('triggers.reference')} name="reference" extra={t('triggers.referenceHelp')}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('triggers.plan')} name="planId" extra={t('triggers.planHelp')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('triggers.allPlans')}
              loading={plans.isPending}
              popupMatchSelectWidth={false}
              options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.number} — ${p.title}` }))}
            />
          </Form.Item>
          <Form.Item
            label={t('triggers.period')}
            name="period"
            rules={[
              {
                validator: (_, v: TriggerValues['period']) =>
                  v?.[0] && v[1]
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('triggers.periodRequired'))),
              },
            ]}
          >
            <DatePicker.RangePicker
              format="DD/MM/YYYY"
              id={{ start: 'period', end: 'trigger-due' }}
              placeholder={[t('triggers.startsOn'), t('triggers.dueOn')]}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </div>
        <Form.Item
          label={t('triggers.titleField')}
          name="title"
          rules={[{ required: true, whitespace: true, message: t('triggers.titleRequired') }]}
        >
          <Input maxLength={500} autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('triggers.submit')}
        </Button>
      </Form>
    </Card>
  );
}
