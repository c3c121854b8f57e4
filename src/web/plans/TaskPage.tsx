import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Tag,
  Upload,
  type UploadFile,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../platform/auth.tsx';
import { formatDate, formatDateTime, formatNumber, todayIso } from '../platform/format.ts';
import { NotFoundPage } from '../platform/layout/StatusPages.tsx';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { applyServerErrors } from '../platform/ui/serverErrors.ts';
import {
  ASSIGNMENT_STATUSES,
  type AssignmentBrief,
  type AssignmentStatus,
  attachmentUrl,
  type DueState,
  fileToBase64,
  myPlanAssignmentsQuery,
  planPermissions,
  reportProgress,
  type TaskDetail,
  type TaskOccurrence,
  taskQuery,
} from './api.ts';
import { idParam } from './search.ts';
import {
  AssignmentStatusTag,
  DueDate,
  DueStateTag,
  formatSize,
  isoInstant,
  ProgressBar,
  RoleTag,
  ScheduleKindTag,
} from './ui.tsx';

const routeApi = getRouteApi('/_app/tasks/$taskId');

/** Days ahead that count as "due soon" (as on the server). */
const DUE_SOON_DAYS = 7;
const MAX_FILES = 5;
const MAX_FILE_BYTES = 10 * 1024 * 1024;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function occurrenceState(o: TaskOccurrence, today: string): DueState {
  if (o.doneOn) return 'done';
  if (o.dueOn < today) return 'overdue';
  if (o.dueOn <= addDays(today, DUE_SOON_DAYS)) return 'due_soon';
  return 'upcoming';
}

export function TaskPage() {
  const { taskId } = routeApi.useParams();
  const id = idParam(taskId);
  if (!id) return <NotFoundPage />;
  return <TaskView id={id} />;
}

function TaskView({ id }: { id: number }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const task = useQuery(taskQuery(id));
  const [showCoordinating, setShowCoordinating] = useState(false);
  const planId = task.data?.planId;
  const needsMine = !planPermissions.reportAny(user.role) && planPermissions.report(user.role);
  const mine = useQuery(myPlanAssignmentsQuery(planId ?? 0, Boolean(planId) && needsMine));

  /** The assignments this user may report on: office any; a unit only those it leads. */
  const reportable = useMemo<AssignmentBrief[]>(() => {
    const all = task.data?.assignments ?? [];
    if (planPermissions.reportAny(user.role))
      return [...all].sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead'));
    if (!planPermissions.report(user.role) || !mine.data) return [];
    const ids = new Set(mine.data.filter((a) => a.taskId === id && a.role === 'lead').map((a) => a.id));
    return all.filter((a) => ids.has(a.id));
  }, [task.data, mine.data, user.role, id]);

  if (task.isError)
    return (
      <>
        <PageHeader title={t('task.title')} />
        <QueryError error={task.error} onRetry={() => void task.refetch()} />
      </>
    );
  if (!task.data)
    return (
      <>
        <PageHeader title={t('task.title')} />
        <Skeleton active />
      </>
    );

  const d = task.data;
  const today = todayIso();
  const leads = d.assignments.filter((a) => a.role === 'lead');
  const coordinators = d.assignments.filter((a) => a.role === 'coordinating');
  const shownAssignments = showCoordinating ? d.assignments : leads;

  const assignmentColumns: ColumnsType<AssignmentBrief> = [
    {
      title: t('plans.unit'),
      dataIndex: 'orgUnitName',
      render: (name: string, a) => (
        <>
          <strong>{name}</strong>
          {a.roleNote ? <span className="cell-secondary">{a.roleNote}</span> : null}
        </>
      ),
    },
    {
      title: t('plans.role'),
      dataIndex: 'role',
      render: (_, a) => <RoleTag role={a.role} isPrimary={a.isPrimary} />,
    },
    {
      title: t('plans.status'),
      dataIndex: 'status',
      render: (s: AssignmentStatus) => <AssignmentStatusTag status={s} />,
    },
    {
      title: t('plans.progress'),
      dataIndex: 'progress',
      render: (p: number, a) => (
        <ProgressBar percent={p} label={t('task.progressOf', { unit: a.orgUnitName })} />
      ),
    },
    {
      title: t('plans.nextDue'),
      key: 'nextDue',
      className: 'nowrap',
      render: (_, a) => <DueDate dueOn={a.nextDueOn} state={a.dueState} />,
    },
  ];

  const occurrenceColumns: ColumnsType<TaskOccurrence> = [
    {
      title: t('task.dueOn'),
      dataIndex: 'dueOn',
      className: 'nowrap',
      render: (v: string) => <time dateTime={v}>{formatDate(v)}</time>,
    },
    { title: t('task.period'), dataIndex: 'label' },
    { title: t('plans.unit'), dataIndex: 'orgUnitName' },
    {
      title: t('task.state'),
      key: 'state',
      render: (_, o) => (
        <>
          <DueStateTag state={occurrenceState(o, today)} />
          {o.doneOn ? (
            <span className="cell-secondary">{t('task.doneOn', { date: formatDate(o.doneOn) })}</span>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={`${d.path} ${d.title}`}
        intro={
          <>
            {t('task.inPlan')}{' '}
            <Link to="/plans/$planId" params={{ planId: String(d.planId) }}>
              {t('task.planLink', { number: d.planNumber, title: d.planTitle })}
            </Link>
          </>
        }
      />

      <Card
        className="page-section"
        title={
          <h2 className="card-title" id="task-info">
            {t('task.info')}
          </h2>
        }
      >
        {d.needsReview ? (
          <Alert type="warning" showIcon title={t('task.needsReview')} style={{ marginBottom: 12 }} />
        ) : null}
        <dl className="kv-grid">
          <dt>{t('plans.timeframe')}</dt>
          <dd>
            {d.timeframeText || t('common.none')} <ScheduleKindTag kind={d.scheduleKind} />
          </dd>
          <dt>{t('plans.leadUnits')}</dt>
          <dd>{d.leadText || leads.map((a) => a.orgUnitName).join(', ') || t('common.none')}</dd>
          <dt>{t('plans.coordinatingUnits')}</dt>
          <dd>
            {d.coordinatingText || coordinators.map((a) => a.orgUnitName).join(', ') || t('common.none')}
          </dd>
          {d.note ? (
            <>
              <dt>{t('plans.note')}</dt>
              <dd>{d.note}</dd>
            </>
          ) : null}
        </dl>
      </Card>

      <section className="page-section" aria-labelledby="task-assignments">
        <h2 className="section-title" id="task-assignments">
          {t('task.assignments', { count: d.assignments.length })}
        </h2>
        {coordinators.length > 0 ? (
          <div className="toolbar">
            <Checkbox checked={showCoordinating} onChange={(e) => setShowCoordinating(e.target.checked)}>
              {t('task.showCoordinating', { count: coordinators.length })}
            </Checkbox>
          </div>
        ) : null}
        <DataTable<AssignmentBrief>
          label={t('task.assignmentsTable')}
          rowKey="id"
          columns={assignmentColumns}
          dataSource={shownAssignments}
          pagination={shownAssignments.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        />
      </section>

      {reportable.length > 0 ? (
        <ReportForm task={d} assignments={reportable} />
      ) : planPermissions.report(user.role) && (mine.isSuccess || !needsMine) ? (
        <Alert type="info" showIcon className="page-section" title={t('task.cannotReport')} />
      ) : null}

      <History task={d} />

      <section className="page-section" aria-labelledby="task-occurrences">
        <h2 className="section-title" id="task-occurrences">
          {t('task.occurrences')}
        </h2>
        {d.occurrences.length === 0 ? (
          <p className="muted">
            {d.scheduleKind === 'event'
              ? t('task.noOccurrencesEvent')
              : d.scheduleKind === 'continuous'
                ? t('task.noOccurrencesContinuous')
                : t('task.noOccurrences')}
          </p>
        ) : (
          <DataTable<TaskOccurrence>
            label={t('task.occurrences')}
            rowKey="id"
            columns={occurrenceColumns}
            dataSource={d.occurrences}
            pagination={d.occurrences.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
          />
        )}
      </section>
    </>
  );
}

interface ReportValues {
  assignmentId: number;
  text: string;
  percent: number;
  status: AssignmentStatus;
  occurrenceId?: number | null;
}

const REPORT_FIELDS = ['assignmentId', 'text', 'percent', 'status', 'occurrenceId'] as const;

function ReportForm({ task, assignments }: { task: TaskDetail; assignments: AssignmentBrief[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReportValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const first = assignments.find((a) => a.isPrimary && a.role === 'lead') ?? assignments[0]!;
  const assignmentId = Form.useWatch('assignmentId', form) ?? first.id;
  const status = Form.useWatch('status', form);

  const openOccurrences = task.occurrences.filter((o) => o.assignmentId === assignmentId && !o.doneOn);

  const save = useMutation({
    mutationFn: async (values: ReportValues) => {
      const attachments = await Promise.all(
        files.map(async (f) => {
          const file = f.originFileObj as File;
          return {
            fileName: file.name,
            mediaType: file.type || 'application/octet-stream',
            contentBase64: await fileToBase64(file),
          };
        }),
      );
      return reportProgress(values.assignmentId, {
        text: values.text.trim(),
        percent: values.percent,
        status: values.status,
        occurrenceId: values.occurrenceId ?? null,
        attachments,
      });
    },
    onMutate: () => setFormError(null),
    onSuccess: async (detail) => {
      queryClient.setQueryData(taskQuery(task.id).queryKey, detail);
      setFiles([]);
      form.resetFields(['text', 'occurrenceId']);
      void message.success(t('task.reported'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['assignments'] }),
        queryClient.invalidateQueries({ queryKey: ['plans'] }),
        queryClient.invalidateQueries({ queryKey: ['occurrences'] }),
      ]);
    },
    onError: (error) => setFormError(applyServerErrors(form, error, REPORT_FIELDS)),
  });

  const unitLabel = (a: AssignmentBrief) =>
    `${a.orgUnitName} — ${t(`plans.roles.${a.role}`)}${a.isPrimary && a.role === 'lead' ? ` (${t('plans.primary')})` : ''}`;

  return (
    <Card
      className="page-section"
      title={
        <h2 className="card-title" id="task-report">
          {t('task.report')}
        </h2>
      }
    >
      {formError ? (
        <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<ReportValues>
        form={form}
        layout="vertical"
        initialValues={{
          assignmentId: first.id,
          percent: first.progress,
          status: first.status === 'not_started' ? 'in_progress' : first.status,
        }}
        onValuesChange={(changed: Partial<ReportValues>) => {
          if (changed.status === 'done') form.setFieldValue('percent', 100);
          if (changed.assignmentId) {
            const a = assignments.find((x) => x.id === changed.assignmentId);
            if (a)
              form.setFieldsValue({
                percent: a.progress,
                status: a.status === 'not_started' ? 'in_progress' : a.status,
                occurrenceId: null,
              });
          }
        }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          label={t('task.reportFor')}
          name="assignmentId"
          hidden={assignments.length === 1}
          extra={assignments.length === 1 ? undefined : t('task.reportForHelp')}
        >
          <Select options={assignments.map((a) => ({ value: a.id, label: unitLabel(a) }))} />
        </Form.Item>
        {assignments.length === 1 ? (
          <p>
            {t('task.reportingAs')} <strong>{unitLabel(first)}</strong>
          </p>
        ) : null}
        <Form.Item
          label={t('task.reportText')}
          name="text"
          rules={[{ required: true, whitespace: true, message: t('task.reportTextRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <div className="form-grid">
          <Form.Item
            label={t('task.percent')}
            name="percent"
            rules={[
              { required: true, message: t('task.percentRequired') },
              {
                validator: (_, v: number) =>
                  status === 'done' && v !== 100
                    ? Promise.reject(new Error(t('task.doneNeeds100')))
                    : Promise.resolve(),
              },
            ]}
          >
            <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('plans.status')} name="status" rules={[{ required: true }]}>
            <Select
              options={ASSIGNMENT_STATUSES.map((s) => ({
                value: s,
                label: t(`plans.assignmentStatuses.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('task.occurrence')} name="occurrenceId" extra={t('task.occurrenceHelp')}>
            <Select
              allowClear
              placeholder={t('task.noOccurrence')}
              disabled={openOccurrences.length === 0}
              options={openOccurrences.map((o) => ({
                value: o.id,
                label: `${o.label} — ${t('task.dueShort', { date: formatDate(o.dueOn) })}`,
              }))}
            />
          </Form.Item>
        </div>
        <Form.Item
          label={t('task.attachments')}
          extra={t('task.attachmentsHelp', { count: MAX_FILES, size: formatNumber(10) })}
        >
          <Upload
            multiple
            fileList={files}
            maxCount={MAX_FILES}
            beforeUpload={(file) => {
              if (file.size > MAX_FILE_BYTES) {
                void message.error(t('task.fileTooLarge', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              return false;
            }}
            onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_FILES))}
          >
            <Button icon={<UploadOutlined aria-hidden />}>{t('task.chooseFiles')}</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('task.submitReport')}
        </Button>
      </Form>
    </Card>
  );
}

const HISTORY_SHOWN = 10;

function History({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const updates = all ? task.progressUpdates : task.progressUpdates.slice(0, HISTORY_SHOWN);
  return (
    <section className="page-section" aria-labelledby="task-history">
      <h2 className="section-title" id="task-history">
        {t('task.history')}
      </h2>
      {task.progressUpdates.length === 0 ? (
        <p className="muted">{t('task.noHistory')}</p>
      ) : (
        <ol className="plain-list history-list">
          {updates.map((u) => (
            <li key={u.id} className="history-item">
              <div className="history-head">
                <strong>{u.orgUnitName}</strong>
                <span className="muted">
                  <time dateTime={isoInstant(u.at)}>{formatDateTime(isoInstant(u.at))}</time>
                  {u.author ? ` · ${u.author}` : null}
                </span>
              </div>
              <div className="history-status">
                {(ASSIGNMENT_STATUSES as readonly string[]).includes(u.status) ? (
                  <AssignmentStatusTag status={u.status as AssignmentStatus} />
                ) : (
                  <Tag>{u.status}</Tag>
                )}
                <span className="history-percent">
                  {t('task.percentValue', { percent: formatNumber(u.percent) })}
                </span>
              </div>
              <p className="history-text">{u.text}</p>
              {u.attachments.length > 0 ? (
                <ul className="plain-list history-files">
                  {u.attachments.map((f) => (
                    <li key={f.id}>
                      <PaperClipOutlined aria-hidden />{' '}
                      <a href={attachmentUrl(f.id)} download={f.fileName}>
                        {f.fileName}
                      </a>{' '}
                      <span className="muted">({formatSize(f.size)})</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {task.progressUpdates.length > HISTORY_SHOWN ? (
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t('import.showFewer') : t('task.showAllHistory', { count: task.progressUpdates.length })}
        </Button>
      ) : null}
    </section>
  );
}
