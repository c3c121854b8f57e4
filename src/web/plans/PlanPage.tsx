import { FileExcelOutlined, FileWordOutlined, ImportOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Button, Card, Checkbox, Select, Skeleton, Statistic, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../platform/auth.tsx';
import { formatDate, formatNumber, todayIso } from '../platform/format.ts';
import { NotFoundPage } from '../platform/layout/StatusPages.tsx';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  type AssignmentBrief,
  childPlansQuery,
  type DueState,
  exportUrl,
  type OccurrenceRow,
  occurrencesQuery,
  type Plan,
  planPermissions,
  planQuery,
  planTasksQuery,
  type Task,
  TIMELINE_LIMIT,
} from './api.ts';
import { PlanStatusTag } from './PlansPage.tsx';
import { idParam, type PlanTab } from './search.ts';
import {
  AssignmentStatusTag,
  DueDate,
  DueStateTag,
  ProgressBar,
  ScheduleKindTag,
  useTargetText,
} from './ui.tsx';

const routeApi = getRouteApi('/_app/plans/$planId');

export function PlanPage() {
  const { planId } = routeApi.useParams();
  const id = idParam(planId);
  if (!id) return <NotFoundPage />;
  return <PlanView id={id} />;
}

function PlanView({ id }: { id: number }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const search = routeApi.useSearch();
  const routeNavigate = routeApi.useNavigate();
  const plan = useQuery(planQuery(id));
  const targetText = useTargetText();

  if (plan.isError)
    return (
      <>
        <PageHeader title={t('plan.title')} />
        <QueryError error={plan.error} onRetry={() => void plan.refetch()} />
      </>
    );
  if (!plan.data)
    return (
      <>
        <PageHeader title={t('plan.title')} />
        <Skeleton active />
      </>
    );
  const p = plan.data;
  const mayImplement = user.role === 'agency' || user.role === 'commune';
  const tab: PlanTab = search.tab ?? 'tree';

  return (
    <>
      <PageHeader
        title={p.title}
        intro={t('plan.subtitle', { number: p.number, date: formatDate(p.issuedOn), body: p.issuingBody })}
        extra={
          <>
            <Button icon={<FileWordOutlined aria-hidden />} href={exportUrl(p.id, 'docx')} download>
              {t('plan.exportWord')}
            </Button>
            <Button icon={<FileExcelOutlined aria-hidden />} href={exportUrl(p.id, 'xlsx')} download>
              {t('plan.exportExcel')}
            </Button>
            {mayImplement && planPermissions.importPlan(user.role) ? (
              <Button
                type="primary"
                icon={<ImportOutlined aria-hidden />}
                onClick={() => void navigate({ to: '/plans/import', search: { parentId: p.id } })}
              >
                {t('plan.implement')}
              </Button>
            ) : null}
          </>
        }
      />

      <div className="plan-cards">
        <Card
          title={
            <h2 className="card-title" id="plan-info">
              {t('plan.info')}
            </h2>
          }
        >
          <dl className="kv-grid">
            <dt>{t('plans.number')}</dt>
            <dd>{p.number}</dd>
            <dt>{t('plans.issuedOn')}</dt>
            <dd>
              <time dateTime={p.issuedOn}>{formatDate(p.issuedOn)}</time>
            </dd>
            <dt>{t('plans.issuingBody')}</dt>
            <dd>{p.issuingBody}</dd>
            {p.ownerUnitName ? (
              <>
                <dt>{t('plans.ownerUnit')}</dt>
                <dd>{p.ownerUnitName}</dd>
              </>
            ) : null}
            {p.parentId ? (
              <>
                <dt>{t('plans.parent')}</dt>
                <dd>
                  <Link to="/plans/$planId" params={{ planId: String(p.parentId) }}>
                    {t('plans.implementsLine', { number: p.parentNumber ?? p.parentId })}
                  </Link>
                </dd>
              </>
            ) : null}
            {p.theme ? (
              <>
                <dt>{t('plans.theme')}</dt>
                <dd>{p.theme}</dd>
              </>
            ) : null}
            <dt>{t('plans.status')}</dt>
            <dd>
              <PlanStatusTag status={p.status} />
            </dd>
            {p.endsOn ? (
              <>
                <dt>{t('plans.endsOn')}</dt>
                <dd>{formatDate(p.endsOn)}</dd>
              </>
            ) : null}
            {p.directives.length > 0 ? (
              <>
                <dt>{t('plans.directives')}</dt>
                <dd>
                  <ul className="plain-list">
                    {p.directives.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            {p.targets.length > 0 ? (
              <>
                <dt>{t('plans.targets')}</dt>
                <dd>
                  <ul className="plain-list">
                    {p.targets.map((x) => (
                      <li key={x.id}>
                        <strong>{targetText(x)}</strong>
                        {x.description ? <span className="cell-secondary">{x.description}</span> : null}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            {p.goals ? (
              <>
                <dt>{t('plans.goals')}</dt>
                <dd className="pre-line">{p.goals}</dd>
              </>
            ) : null}
          </dl>
        </Card>
        <Card
          title={
            <h2 className="card-title" id="plan-progress">
              {t('plan.progressTitle')}
            </h2>
          }
        >
          <ProgressBar
            percent={p.progress}
            size="default"
            label={t('plans.progressOf', { name: p.number })}
          />
          <p className="muted" style={{ marginBottom: 0 }}>
            {p.childCount > 0 ? t('plan.progressRollup') : t('plan.progressLead')}
          </p>
          <div className="plan-figures">
            <Statistic title={t('plans.taskCount')} value={formatNumber(p.taskCount)} />
            <Statistic title={t('plan.leadAssignments')} value={formatNumber(p.leadAssignments)} />
            <Statistic title={t('plan.doneAssignments')} value={formatNumber(p.doneAssignments)} />
            <Statistic
              className={p.overdueAssignments > 0 ? 'figure-overdue' : undefined}
              title={t('plan.overdueAssignments')}
              value={formatNumber(p.overdueAssignments)}
            />
          </div>
        </Card>
      </div>

      {p.childCount > 0 ? <ChildPlans plan={p} /> : null}

      <Tabs
        activeKey={tab}
        onChange={(key) =>
          void routeNavigate({
            search: (prev) => ({ ...prev, tab: key === 'timeline' ? 'timeline' : undefined }),
            replace: true,
          })
        }
        items={[
          { key: 'tree', label: t('plan.tabTree'), children: <TaskTree plan={p} /> },
          {
            key: 'timeline',
            label: t('plan.tabTimeline'),
            children: (
              <Timeline
                plan={p}
                year={search.year}
                onYear={(year) =>
                  void routeNavigate({ search: (prev) => ({ ...prev, year }), replace: true })
                }
              />
            ),
          },
        ]}
      />
    </>
  );
}

function ChildPlans({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const children = useQuery(childPlansQuery(plan.id));
  const columns: ColumnsType<Plan> = [
    {
      title: t('plans.ownerUnit'),
      key: 'owner',
      render: (_, c) => <strong>{c.ownerUnitName ?? c.issuingBody}</strong>,
    },
    {
      title: t('plans.planTitle'),
      key: 'title',
      render: (_, c) => (
        <div className="item-title">
          <Link to="/plans/$planId" params={{ planId: String(c.id) }}>
            {c.title}
          </Link>
          <span className="cell-secondary">
            {c.number} · {formatDate(c.issuedOn)}
          </span>
        </div>
      ),
    },
    {
      title: t('plans.progress'),
      key: 'progress',
      render: (_, c) => (
        <ProgressBar percent={c.progress} label={t('plans.progressOf', { name: c.number })} />
      ),
    },
    {
      title: t('plans.overdue'),
      dataIndex: 'overdueAssignments',
      align: 'right',
      render: (v: number) => <span className={v > 0 ? 'due-overdue' : undefined}>{formatNumber(v)}</span>,
    },
  ];
  return (
    <section className="page-section" aria-labelledby="plan-children">
      <h2 className="section-title" id="plan-children">
        {t('plan.children', { count: plan.childCount })}
      </h2>
      {children.isError ? (
        <QueryError error={children.error} onRetry={() => void children.refetch()} />
      ) : (
        <DataTable<Plan>
          label={t('plan.childrenTable')}
          rowKey="id"
          columns={columns}
          dataSource={children.data?.items ?? []}
          loading={children.isPending}
          pagination={false}
        />
      )}
    </section>
  );
}

// ───────────── Task tree ─────────────

interface TreeNode {
  key: number;
  task: Task;
  depth: number;
  overdue: boolean;
  children?: TreeNode[];
}

function buildTree(tasks: Task[], onlyOverdue: boolean): { roots: TreeNode[]; keys: number[] } {
  const nodes = new Map<number, TreeNode>();
  const roots: TreeNode[] = [];
  const keys: number[] = [];
  for (const task of tasks) {
    const parent = task.parentId != null ? nodes.get(task.parentId) : undefined;
    const node: TreeNode = {
      key: task.id,
      task,
      depth: parent ? parent.depth + 1 : 0,
      overdue: task.assignments.some((a) => a.role === 'lead' && a.dueState === 'overdue'),
    };
    nodes.set(task.id, node);
    if (parent) {
      parent.children ??= [];
      parent.children.push(node);
    } else roots.push(node);
  }
  const keep = (node: TreeNode): TreeNode | null => {
    const children = (node.children ?? []).map(keep).filter((n): n is TreeNode => n !== null);
    if (onlyOverdue && !node.overdue && children.length === 0) return null;
    const copy: TreeNode = { ...node, children: children.length > 0 ? children : undefined };
    if (copy.children) keys.push(copy.key);
    return copy;
  };
  return { roots: roots.map(keep).filter((n): n is TreeNode => n !== null), keys };
}

/** Lead assignments: each on a line when few; a summary and the late ones when many. */
function LeadAssignments({ task }: { task: Task }) {
  const { t } = useTranslation();
  const leads = task.assignments.filter((a) => a.role === 'lead');
  if (leads.length === 0) return task.leadText ? <span className="coord-cell">{task.leadText}</span> : null;
  const line = (a: AssignmentBrief) => (
    <div key={a.id} className="assignment-line">
      <span className="assignment-unit">{a.orgUnitName}</span>
      <AssignmentStatusTag status={a.status} />
      <span>{formatNumber(a.progress)} %</span>
      {a.nextDueOn ? <DueDate dueOn={a.nextDueOn} state={a.dueState} /> : null}
    </div>
  );
  if (leads.length <= 3) return <div className="assignment-list">{leads.map(line)}</div>;
  const count = (s: DueState) => leads.filter((a) => a.dueState === s).length;
  const done = leads.filter((a) => a.status === 'done').length;
  const late = leads.filter((a) => a.dueState === 'overdue');
  return (
    <div className="assignment-list">
      <span className="assignment-summary">
        {t('plan.manyLeads', {
          count: leads.length,
          units: formatNumber(leads.length),
          done: formatNumber(done),
          overdue: formatNumber(count('overdue')),
        })}
      </span>
      {late.length > 0 ? (
        <ul className="plain-list assignment-summary">
          {late.slice(0, 3).map((a) => (
            <li key={a.id}>
              {a.orgUnitName}: <DueDate dueOn={a.nextDueOn} state={a.dueState} quiet />
            </li>
          ))}
          {late.length > 3 ? <li>{t('plan.moreLate', { count: late.length - 3 })}</li> : null}
        </ul>
      ) : null}
      <Link to="/tasks/$taskId" params={{ taskId: String(task.id) }} className="assignment-summary">
        {t('plan.allUnits', { path: task.path })}
      </Link>
    </div>
  );
}

function TaskTree({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const tasks = useQuery(planTasksQuery(plan.id));
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const [collapsed, setCollapsed] = useState<Set<number>>(() => new Set());
  const tree = useMemo(() => buildTree(tasks.data ?? [], onlyOverdue), [tasks.data, onlyOverdue]);
  const expanded = tree.keys.filter((k) => !collapsed.has(k));

  if (tasks.isError) return <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />;

  const columns: ColumnsType<TreeNode> = [
    {
      title: t('plans.stt'),
      key: 'path',
      className: 'nowrap',
      render: (_, n) => <span className="item-path">{n.task.path}</span>,
    },
    {
      title: t('plans.content'),
      key: 'title',
      render: (_, n) => (
        <div className="item-title">
          <Link to="/tasks/$taskId" params={{ taskId: String(n.task.id) }}>
            {n.task.title || t('plans.untitled')}
          </Link>
          {n.task.note ? <span className="cell-secondary">{n.task.note}</span> : null}
          {n.task.needsReview ? (
            <span className="cell-secondary due-due_soon">{t('plan.needsReview')}</span>
          ) : null}
        </div>
      ),
    },
    {
      title: t('plans.timeframe'),
      key: 'timeframe',
      render: (_, n) =>
        n.task.timeframeText || n.task.scheduleKind !== 'unknown' ? (
          <span className="timeframe-cell">
            {n.task.timeframeText ? <span style={{ display: 'block' }}>{n.task.timeframeText}</span> : null}
            <ScheduleKindTag kind={n.task.scheduleKind} />
          </span>
        ) : null,
    },
    {
      title: t('plans.leadUnits'),
      key: 'leads',
      render: (_, n) => <LeadAssignments task={n.task} />,
    },
    {
      title: t('plans.coordinatingUnits'),
      key: 'coordinating',
      render: (_, n) => {
        const names = n.task.assignments.filter((a) => a.role === 'coordinating').map((a) => a.orgUnitName);
        if (names.length === 0)
          return n.task.coordinatingText ? (
            <span className="coord-cell">{n.task.coordinatingText}</span>
          ) : null;
        if (names.length > 4)
          return (
            <span className="coord-cell" title={names.join(', ')}>
              {names.slice(0, 3).join(', ')} {t('plan.andMore', { count: names.length - 3 })}
            </span>
          );
        return <span className="coord-cell">{names.join(', ')}</span>;
      },
    },
  ];

  const toggleAll = (open: boolean) => setCollapsed(open ? new Set() : new Set(tree.keys));

  return (
    <>
      <div className="toolbar">
        <Button onClick={() => toggleAll(true)}>{t('plan.expandAll')}</Button>
        <Button onClick={() => toggleAll(false)}>{t('plan.collapseAll')}</Button>
        <Checkbox checked={onlyOverdue} onChange={(e) => setOnlyOverdue(e.target.checked)}>
          {t('plan.onlyOverdue')}
        </Checkbox>
      </div>
      <DataTable<TreeNode>
        label={t('plan.tabTree')}
        rowKey="key"
        columns={columns}
        dataSource={tree.roots}
        loading={tasks.isPending}
        pagination={false}
        rowClassName={(n) =>
          [n.task.kind === 'section' ? 'row-section' : '', n.overdue ? 'row-overdue' : ''].join(' ').trim()
        }
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (open, n) =>
            setCollapsed((prev) => {
              const next = new Set(prev);
              if (open) next.delete(n.key);
              else next.add(n.key);
              return next;
            }),
        }}
        locale={{ emptyText: onlyOverdue ? t('plan.noOverdue') : t('plan.noTasks') }}
      />
    </>
  );
}

// ───────────── Timeline ─────────────

const STATE_ORDER: DueState[] = ['overdue', 'due_soon', 'upcoming', 'done', 'none'];
const worst = (states: DueState[]): DueState => STATE_ORDER.find((s) => states.includes(s)) ?? 'none';

interface DueGroup {
  key: string;
  dueOn: string;
  label: string;
  taskId: number;
  taskPath: string;
  taskTitle: string;
  units: OccurrenceRow[];
  state: DueState;
}

function groupByMonth(rows: OccurrenceRow[]): { month: string; groups: DueGroup[] }[] {
  const byKey = new Map<string, DueGroup>();
  for (const r of rows) {
    const key = `${r.dueOn}|${r.taskId}|${r.label}`;
    let g = byKey.get(key);
    if (!g) {
      g = {
        key,
        dueOn: r.dueOn,
        label: r.label,
        taskId: r.taskId,
        taskPath: r.taskPath,
        taskTitle: r.taskTitle,
        units: [],
        state: 'none',
      };
      byKey.set(key, g);
    }
    g.units.push(r);
  }
  const months = new Map<string, DueGroup[]>();
  for (const g of byKey.values()) {
    g.state = worst(g.units.map((u) => u.dueState));
    const month = g.dueOn.slice(0, 7);
    const list = months.get(month) ?? [];
    list.push(g);
    months.set(month, list);
  }
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, groups]) => ({ month, groups: groups.sort((a, b) => a.dueOn.localeCompare(b.dueOn)) }));
}

function Timeline({
  plan,
  year: chosenYear,
  onYear,
}: {
  plan: Plan;
  year: number | undefined;
  onYear: (year: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const planYear = Number(plan.issuedOn.slice(0, 4));
  const lastYear = Math.max(
    planYear,
    plan.endsOn ? Number(plan.endsOn.slice(0, 4)) : planYear,
    Number(todayIso().slice(0, 4)),
  );
  const year = chosenYear ?? planYear;
  const years: number[] = [];
  for (let y = Math.min(planYear, year); y <= Math.max(lastYear, year); y++) years.push(y);
  const dues = useQuery(occurrencesQuery(plan.id, `${year}-01-01`, `${year}-12-31`));
  const months = useMemo(() => groupByMonth(dues.data?.items ?? []), [dues.data]);
  const counts = useMemo(() => {
    const c: Record<DueState, number> = { overdue: 0, due_soon: 0, upcoming: 0, done: 0, none: 0 };
    for (const r of dues.data?.items ?? []) c[r.dueState]++;
    return c;
  }, [dues.data]);

  return (
    <>
      <div className="toolbar">
        <label htmlFor="timeline-year">{t('plan.year')}</label>
        <Select<number>
          id="timeline-year"
          value={year}
          style={{ width: 120 }}
          onChange={(y) => onYear(y === planYear ? undefined : y)}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        {dues.data ? (
          <ul className="plain-list tag-list" aria-label={t('plan.legend')}>
            {(['overdue', 'due_soon', 'upcoming', 'done'] as const).map((s) => (
              <li key={s}>
                <DueStateTag state={s} /> <span className="legend-count">{formatNumber(counts[s])}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {dues.isError ? <QueryError error={dues.error} onRetry={() => void dues.refetch()} /> : null}
      {dues.isPending ? <Skeleton active /> : null}
      {dues.data && dues.data.total > dues.data.items.length ? (
        <p className="muted">
          {t('plan.timelineTruncated', {
            shown: formatNumber(dues.data.items.length),
            total: formatNumber(dues.data.total),
            limit: formatNumber(TIMELINE_LIMIT),
          })}
        </p>
      ) : null}
      {dues.data && months.length === 0 ? <p className="muted">{t('plan.noDues', { year })}</p> : null}
      <div className="timeline-months">
        {months.map(({ month, groups }) => (
          <section key={month} className="timeline-month" aria-labelledby={`month-${month}`}>
            <h3 id={`month-${month}`}>
              {t('plan.month', { month: Number(month.slice(5, 7)), year: month.slice(0, 4) })}
            </h3>
            <ol className="timeline-list">
              {groups.map((g) => (
                <li key={g.key} className={`timeline-entry state-${g.state}`}>
                  <div className="timeline-entry-head">
                    <strong>
                      <time dateTime={g.dueOn}>{formatDate(g.dueOn)}</time>
                    </strong>
                    <DueStateTag state={g.state} />
                    <span className="item-path">{g.taskPath}</span>
                    <Link to="/tasks/$taskId" params={{ taskId: String(g.taskId) }}>
                      {g.taskTitle}
                    </Link>
                  </div>
                  <TimelineUnits group={g} />
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </>
  );
}

function TimelineUnits({ group }: { group: DueGroup }) {
  const { t } = useTranslation();
  const label = group.label ? <span className="muted">{group.label} · </span> : null;
  const unitText = (u: OccurrenceRow): ReactNode => (
    <span key={u.id} className={`due-${u.dueState}`}>
      {u.orgUnitName}
      {u.dueState === 'overdue' || u.dueState === 'done' ? ` (${t(`plans.dueStates.${u.dueState}`)})` : ''}
    </span>
  );
  if (group.units.length <= 5)
    return (
      <div className="cell-secondary">
        {label}
        {group.units.map((u, i) => [i > 0 ? ', ' : '', unitText(u)])}
      </div>
    );
  const late = group.units.filter((u) => u.dueState === 'overdue').length;
  const done = group.units.filter((u) => u.dueState === 'done').length;
  return (
    <details className="cell-secondary">
      <summary>
        {label}
        {t('plan.unitsSummary', {
          units: formatNumber(group.units.length),
          done: formatNumber(done),
          overdue: formatNumber(late),
        })}
      </summary>
      {group.units.map((u, i) => [i > 0 ? ', ' : '', unitText(u)])}
    </details>
  );
}
