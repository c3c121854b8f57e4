/**
 * Schedules (lịch báo cáo): which form which units report on, how often (or once, ad hoc), the data cut-off
 * day and the due date. Creating and editing happen in dialogs; the periods a schedule asks for are shown
 * as they are typed.
 */
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import {
  Button,
  Checkbox,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Select,
  Tag,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodsOf } from '../../domain/reports/schedule.ts';
import { useSession } from '../platform/auth.tsx';
import { formatDate, formatNumber, todayIso } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { AddButton, EditButton, EntityFormModal } from '../platform/ui/EntityFormModal.tsx';
import { FilterSelect, Filters, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  createSchedule,
  FREQUENCIES,
  type Frequency,
  formOptionsQuery,
  type OrgUnitOption,
  orgUnitOptionsQuery,
  patchSchedule,
  reportPermissions,
  type Schedule,
  type ScheduleKind,
  type ScheduleSummary,
  scheduleQuery,
  schedulesQuery,
} from './api.ts';
import { useUnitKindLabel } from './ui.tsx';
import './reports.css';

const routeApi = getRouteApi('/_app/reports/schedules');

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function SchedulesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { search, query, setFilter, clearFilters, table } = useListPage(routeApi, schedulesQuery);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const canManage = reportPermissions.manage(user.role);
  const thisYear = Number(todayIso().slice(0, 4));
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];

  const columns: ColumnsType<ScheduleSummary> = [
    {
      title: t('reports.schedules.scheduleTitle'),
      key: 'title',
      render: (_, s) => (
        <div className="item-title">
          <strong>{s.title}</strong>
          <span className="cell-secondary">{t('reports.schedules.formLine', { name: s.formName })}</span>
        </div>
      ),
    },
    {
      title: t('reports.schedules.kind'),
      key: 'kind',
      render: (_, s) => (
        <Tag className={s.kind === 'adhoc' ? 'tag-magenta' : 'tag-info'}>
          {s.kind === 'adhoc'
            ? t('reports.schedules.kinds.adhoc')
            : t(`reports.schedules.frequencies.${s.frequency ?? 'quarter'}`)}
        </Tag>
      ),
    },
    { title: t('reports.schedules.year'), dataIndex: 'year', align: 'right' },
    {
      title: t('reports.schedules.deadline'),
      key: 'deadline',
      render: (_, s) =>
        s.kind === 'adhoc'
          ? t('reports.schedules.adhocDeadline')
          : s.dueOffsetDays === 0
            ? t('reports.schedules.cutoffLineSameDay', { day: s.cutoffDay })
            : t('reports.schedules.cutoffLine', { day: s.cutoffDay, offset: s.dueOffsetDays }),
    },
    {
      title: t('reports.schedules.units'),
      dataIndex: 'units',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('reports.status'),
      dataIndex: 'active',
      render: (a: boolean) =>
        a ? (
          <Tag className="tag-ok">{t('reports.schedules.active')}</Tag>
        ) : (
          <Tag className="tag-neutral">{t('reports.schedules.inactive')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, s) => (
        <span className="tag-list">
          <Link
            to="/reports/board"
            search={{ year: s.year === thisYear ? undefined : s.year, scheduleId: s.id }}
            aria-label={t('reports.schedules.boardOf', { title: s.title })}
          >
            {t('reports.schedules.board')}
          </Link>
          {canManage ? (
            <EditButton
              label={t('reports.schedules.editLabel', { title: s.title })}
              onClick={() => setEditing(s.id)}
            />
          ) : null}
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('reports.schedules.title')}
        intro={t('reports.schedules.intro')}
        extra={
          canManage ? (
            <AddButton onClick={() => setCreating(true)}>{t('reports.schedules.add')}</AddButton>
          ) : null
        }
      />
      <Filters onClear={clearFilters}>
        <FilterSelect<number>
          label={t('reports.schedules.year')}
          allLabel={t('reports.schedules.allYears')}
          value={search.year}
          onChange={(year) => setFilter({ year })}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <DataTable<ScheduleSummary> label={t('reports.schedules.title')} columns={columns} {...table} />
      {creating ? <CreateScheduleModal onClose={() => setCreating(false)} /> : null}
      {editing ? <EditScheduleLoader id={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

interface CreateValues {
  formId?: number;
  title: string;
  kind: ScheduleKind;
  frequency?: Frequency;
  year: number;
  cutoffDay: number;
  dueOffsetDays: number;
  period?: [Dayjs, Dayjs] | null;
  dueOn?: Dayjs | null;
  unitIds: number[];
}

const CREATE_FIELDS = [
  'formId',
  'title',
  'kind',
  'frequency',
  'year',
  'cutoffDay',
  'dueOffsetDays',
  'dueOn',
  'unitIds',
] as const;

function CreateScheduleModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  const forms = useQuery(formOptionsQuery());
  const kind = Form.useWatch('kind', form) ?? 'periodic';
  const frequency = Form.useWatch('frequency', form);
  const year = Form.useWatch('year', form);
  const cutoffDay = Form.useWatch('cutoffDay', form);
  const dueOffsetDays = Form.useWatch('dueOffsetDays', form);
  const period = Form.useWatch('period', form);
  const dueOn = Form.useWatch('dueOn', form);

  const periods = useMemo(() => {
    if (!year || year < 2000 || year > 2100) return [];
    try {
      return periodsOf({
        kind,
        frequency: kind === 'periodic' ? (frequency ?? null) : null,
        year,
        cutoffDay: cutoffDay ?? 14,
        dueOffsetDays: dueOffsetDays ?? 0,
        periodFrom: iso(period?.[0]),
        periodTo: iso(period?.[1]),
        dueOn: iso(dueOn),
      });
    } catch {
      return [];
    }
  }, [kind, frequency, year, cutoffDay, dueOffsetDays, period, dueOn]);

  return (
    <EntityFormModal<CreateValues>
      title={t('reports.schedules.addTitle')}
      form={form}
      initialValues={{
        kind: 'periodic',
        frequency: 'quarter',
        year: Number(todayIso().slice(0, 4)),
        cutoffDay: 14,
        dueOffsetDays: 0,
        unitIds: [],
      }}
      fields={CREATE_FIELDS}
      invalidates={['report-schedules']}
      successMessage={t('reports.schedules.created')}
      onClose={onClose}
      submit={(v) =>
        createSchedule({
          formId: v.formId ?? 0,
          title: v.title.trim(),
          kind: v.kind,
          frequency: v.kind === 'periodic' ? (v.frequency ?? null) : null,
          year: v.year,
          cutoffDay: v.cutoffDay,
          dueOffsetDays: v.dueOffsetDays,
          periodFrom: v.kind === 'adhoc' ? iso(v.period?.[0]) : null,
          periodTo: v.kind === 'adhoc' ? iso(v.period?.[1]) : null,
          dueOn: v.kind === 'adhoc' ? iso(v.dueOn) : null,
          unitIds: v.unitIds,
        })
      }
    >
      <Form.Item
        label={t('reports.schedules.form')}
        name="formId"
        rules={[{ required: true, message: t('reports.schedules.formRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={forms.isFetching}
          options={(forms.data ?? []).map((f) => ({ value: f.id, label: `${f.name} (v${f.version})` }))}
          onChange={(id) => {
            const f = forms.data?.find((x) => x.id === id);
            if (f && !form.getFieldValue('title')) form.setFieldValue('title', f.name);
          }}
        />
      </Form.Item>
      <ScheduleTitleField />
      <Form.Item label={t('reports.schedules.kind')} name="kind">
        <Radio.Group
          options={[
            { value: 'periodic', label: t('reports.schedules.kinds.periodic') },
            { value: 'adhoc', label: t('reports.schedules.kinds.adhoc') },
          ]}
        />
      </Form.Item>
      <div className="form-grid">
        {kind === 'periodic' ? (
          <Form.Item
            label={t('reports.schedules.frequency')}
            name="frequency"
            rules={[{ required: true, message: t('reports.schedules.frequencyRequired') }]}
          >
            <Select
              options={FREQUENCIES.map((f) => ({ value: f, label: t(`reports.schedules.frequencies.${f}`) }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('reports.schedules.year')} name="year" rules={[{ required: true }]}>
          <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        {kind === 'periodic' ? <DueRuleFields help /> : null}
      </div>
      {kind === 'adhoc' ? (
        <div className="form-grid">
          <Form.Item
            label={t('reports.schedules.adhocPeriod')}
            name="period"
            rules={[{ required: true, message: t('reports.schedules.adhocPeriodRequired') }]}
          >
            <DatePicker.RangePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label={t('reports.schedules.dueOn')}
            name="dueOn"
            rules={[{ required: true, message: t('reports.schedules.dueOnRequired') }]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </div>
      ) : null}
      <UnitsField form={form} />
      {periods.length > 0 ? (
        <div className="page-section">
          <p className="muted" style={{ margin: '0 0 4px' }}>
            {t('reports.schedules.periodsPreview', { n: periods.length })}
          </p>
          <ul className="rp-periods">
            {periods.map((p) => (
              <li key={p.key}>
                {t('reports.schedules.periodLine', {
                  label: p.label,
                  from: formatDate(p.from),
                  to: formatDate(p.to),
                  due: formatDate(p.dueOn),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </EntityFormModal>
  );
}

/** The reporting units: a searchable multi-select, with quick picks of all agencies or all communes. */
/** The schedule's title (both the create and the edit form). */
function ScheduleTitleField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={t('reports.schedules.scheduleTitle')}
      name="title"
      rules={[{ required: true, whitespace: true, message: t('reports.schedules.titleRequired') }]}
    >
      <Input maxLength={300} />
    </Form.Item>
  );
}

/** A periodic schedule's cut-off day and due offset; `help` adds the explanations (the create form). */
function DueRuleFields({ help = false }: { help?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        label={t('reports.schedules.cutoffDay')}
        name="cutoffDay"
        extra={help ? t('reports.schedules.cutoffHelp') : undefined}
      >
        <InputNumber<number> min={1} max={28} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('reports.schedules.dueOffsetDays')}
        name="dueOffsetDays"
        extra={help ? t('reports.schedules.dueOffsetHelp') : undefined}
      >
        <InputNumber<number> min={0} max={60} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

function UnitsField<V extends { unitIds: number[] }>({
  form,
  current = [],
}: {
  form: FormInstance<V>;
  current?: { id: number; name: string }[];
}) {
  const { t } = useTranslation();
  const kindLabel = useUnitKindLabel();
  const units = useQuery(orgUnitOptionsQuery());
  const list = (units.data ?? []).filter((u) => u.validTo === null || u.validTo >= todayIso());
  const options = useMemo(() => {
    const groups = new Map<string, OrgUnitOption[]>();
    for (const u of list) {
      const g = groups.get(u.kind) ?? [];
      g.push(u);
      groups.set(u.kind, g);
    }
    const known = new Set(list.map((u) => u.id));
    const out: { label: string; title: string; options: { value: number; label: string }[] }[] = [
      ...groups,
    ].map(([kind, us]) => ({
      label: kindLabel(kind),
      title: kindLabel(kind),
      options: us.map((u) => ({ value: u.id, label: u.name })),
    }));
    const missing = current.filter((c) => !known.has(c.id));
    if (missing.length)
      out.push({
        label: t('reports.schedules.otherUnits'),
        title: '',
        options: missing.map((c) => ({ value: c.id, label: c.name })),
      });
    return out;
  }, [list, current, kindLabel, t]);

  const addAll = (pred: (u: OrgUnitOption) => boolean) => {
    const now = new Set<number>((form.getFieldValue('unitIds' as never) as number[] | undefined) ?? []);
    for (const u of list) if (pred(u)) now.add(u.id);
    form.setFieldValue('unitIds' as never, [...now] as never);
  };
  const selected = (Form.useWatch('unitIds' as never, form) as number[] | undefined) ?? [];

  return (
    <>
      <Form.Item
        label={t('reports.schedules.unitsField', { n: formatNumber(selected.length) })}
        name="unitIds"
        rules={[{ required: true, type: 'array', min: 1, message: t('reports.schedules.unitsRequired') }]}
      >
        <Select<number[]>
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={units.isFetching}
          options={options}
          maxTagCount="responsive"
          placeholder={t('reports.schedules.unitsPlaceholder')}
        />
      </Form.Item>
      <div className="tag-list" style={{ marginTop: -12, marginBottom: 16 }}>
        <Button size="small" onClick={() => addAll((u) => u.kind === 'agency' && u.isMember)}>
          {t('reports.schedules.addAgencies')}
        </Button>
        <Button size="small" onClick={() => addAll((u) => u.kind === 'commune_committee')}>
          {t('reports.schedules.addCommunes')}
        </Button>
        <Button size="small" onClick={() => form.setFieldValue('unitIds' as never, [] as never)}>
          {t('reports.schedules.clearUnits')}
        </Button>
      </div>
    </>
  );
}

function EditScheduleLoader({ id, onClose }: { id: number; onClose: () => void }) {
  const schedule = useQuery(scheduleQuery(id));
  if (!schedule.data) return null;
  return <EditScheduleModal schedule={schedule.data} onClose={onClose} />;
}

interface EditValues {
  title: string;
  cutoffDay: number;
  dueOffsetDays: number;
  dueOn?: Dayjs | null;
  unitIds: number[];
  active: boolean;
}

function EditScheduleModal({ schedule, onClose }: { schedule: Schedule; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditValues>();
  const adhocDue = schedule.periods[0]?.dueOn;
  return (
    <EntityFormModal<EditValues>
      title={t('reports.schedules.editTitle', { title: schedule.title })}
      form={form}
      initialValues={{
        title: schedule.title,
        cutoffDay: schedule.cutoffDay,
        dueOffsetDays: schedule.dueOffsetDays,
        dueOn: schedule.kind === 'adhoc' && adhocDue ? dayjs(adhocDue) : null,
        unitIds: schedule.unitList.map((u) => u.id),
        active: schedule.active,
      }}
      fields={['title', 'cutoffDay', 'dueOffsetDays', 'dueOn', 'unitIds', 'active']}
      invalidates={['report-schedules']}
      successMessage={t('common.saved')}
      onClose={onClose}
      submit={(v) =>
        patchSchedule(schedule.id, {
          title: v.title.trim(),
          ...(schedule.kind === 'periodic'
            ? { cutoffDay: v.cutoffDay, dueOffsetDays: v.dueOffsetDays }
            : v.dueOn
              ? { dueOn: v.dueOn.format('YYYY-MM-DD') }
              : {}),
          unitIds: v.unitIds,
          active: v.active,
        })
      }
    >
      <ScheduleTitleField />
      {schedule.kind === 'periodic' ? (
        <div className="form-grid">
          <DueRuleFields />
        </div>
      ) : (
        <Form.Item label={t('reports.schedules.dueOn')} name="dueOn">
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
      )}
      <UnitsField form={form} current={schedule.unitList} />
      <Form.Item name="active" valuePropName="checked">
        <Checkbox>{t('reports.schedules.activeField')}</Checkbox>
      </Form.Item>
    </EntityFormModal>
  );
}
