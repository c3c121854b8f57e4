import { DeleteOutlined, EditOutlined, MergeCellsOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Card, Popconfirm, Skeleton, Statistic } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { SEVERITY_RULES } from '../../domain/crashes/severity-rules.ts';
import { isoInstant } from '../plans/ui.tsx';
import { isApiError } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatDate, formatDateTime, formatNumber } from '../platform/format.ts';
import { NotFoundPage } from '../platform/layout/StatusPages.tsx';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  type CrashDetail,
  type CrashDuplicate,
  type CrashHistoryEntry,
  type CrashPerson,
  crashQuery,
  deleteCrash,
  mergeCrash,
  roadsQuery,
} from './api.ts';
import { crashPermissions } from './permissions.ts';
import { idParam } from './search.ts';
import { causeLabel, isSeverity, SeverityTag, useEnumLabel, VerifiedTag, vehicleLabel } from './ui.tsx';

const CrashPointMap = lazy(() => import('./CrashMap.tsx').then((m) => ({ default: m.CrashPointMap })));

const routeApi = getRouteApi('/_app/crashes/$crashId');

export function CrashPage() {
  const { crashId } = routeApi.useParams();
  const id = idParam(crashId);
  if (!id) return <NotFoundPage />;
  return <CrashView id={id} />;
}

function Info({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function CrashView({ id }: { id: number }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const crash = useQuery(crashQuery(id));
  const enumLabel = useEnumLabel();
  const title = t('crash.title', { id });

  const invalidateAll = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['crashes'] }),
      queryClient.invalidateQueries({ queryKey: ['crash-stats'] }),
    ]);

  const remove = useMutation({
    mutationFn: () => deleteCrash(id),
    onSuccess: async () => {
      void message.success(t('crash.deleted', { id }));
      queryClient.removeQueries({ queryKey: crashQuery(id).queryKey });
      await invalidateAll();
      await navigate({ to: '/crashes', search: {} });
    },
    onError: (e) => void message.error(isApiError(e) ? e.message : t('errors.generic')),
  });

  if (crash.isError)
    return (
      <>
        <PageHeader title={title} />
        <QueryError error={crash.error} onRetry={() => void crash.refetch()} />
      </>
    );
  if (!crash.data)
    return (
      <>
        <PageHeader title={title} />
        <Skeleton active />
      </>
    );

  const c = crash.data;
  const mayEdit = crashPermissions.edit(user.role) && c.mergedInto === null;
  const mayDelete = crashPermissions.remove(user.role);
  const rule = SEVERITY_RULES.find((r) => r.id === c.severityRule);
  const roadText = [c.roadCode, c.roadName].filter(Boolean).join(' — ');
  const causes = c.causes.length > 0 ? c.causes : c.cause ? [c.cause] : [];

  return (
    <>
      <PageHeader
        title={title}
        intro={
          <>
            <time dateTime={c.occurredAt}>{formatDateTime(c.occurredAt)}</time>
            {' · '}
            {c.adminUnitName}
            {roadText ? ` · ${[c.roadCode ?? c.roadName, c.kmMarker].filter(Boolean).join(' ')}` : null}
          </>
        }
        extra={
          <>
            <Button
              icon={<UnorderedListOutlined aria-hidden />}
              onClick={() => void navigate({ to: '/crashes', search: {} })}
            >
              {t('crash.backToList')}
            </Button>
            {mayEdit ? (
              <Button
                type="primary"
                icon={<EditOutlined aria-hidden />}
                onClick={() =>
                  void navigate({ to: '/crashes/$crashId/edit', params: { crashId: String(c.id) } })
                }
              >
                {t('common.edit')}
              </Button>
            ) : null}
            {mayDelete ? (
              <Popconfirm
                title={t('crash.deleteConfirmTitle', { id: c.id })}
                description={t('crash.deleteConfirm')}
                okText={t('crash.delete')}
                okButtonProps={{ danger: true, loading: remove.isPending }}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutateAsync()}
              >
                <Button danger icon={<DeleteOutlined aria-hidden />}>
                  {t('crash.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />

      {c.mergedInto !== null ? (
        <Alert
          type="warning"
          showIcon
          className="page-section"
          title={
            <>
              {t('crash.mergedInto')}{' '}
              <Link to="/crashes/$crashId" params={{ crashId: String(c.mergedInto) }}>
                {t('crash.title', { id: c.mergedInto })}
              </Link>
            </>
          }
        />
      ) : null}

      <Card
        className="page-section"
        title={
          <h2 className="card-title" id="crash-outcome">
            {t('crash.outcome')}
          </h2>
        }
      >
        <div className="crash-figures">
          <Statistic title={t('crashes.deaths')} value={formatNumber(c.deaths)} />
          <Statistic title={t('crashes.injured')} value={formatNumber(c.injured)} />
          <Statistic title={t('crashForm.students')} value={formatNumber(c.students)} />
          <div className="crash-severity">
            <div className="muted">{t('crashes.severity')}</div>
            <SeverityTag severity={c.severity} />
            <p className="cell-secondary severity-rule">
              {rule
                ? t('crash.severityRule', { rule: rule.citation })
                : c.severityRule
                  ? t('crash.severityRule', { rule: c.severityRule })
                  : t('crash.severityNoRule')}
            </p>
            <p className="cell-secondary">{t('crash.severityByCounts')}</p>
          </div>
        </div>
      </Card>

      <div className="crash-cards">
        <Card
          title={
            <h2 className="card-title" id="crash-place">
              {t('crashForm.sectionWhenWhere')}
            </h2>
          }
        >
          <dl className="kv-grid">
            <Info label={t('crashes.occurredAt')}>
              <time dateTime={c.occurredAt}>{formatDateTime(c.occurredAt)}</time>
            </Info>
            <Info label={t('crashForm.commune')}>
              {c.adminUnitName}
              {c.currentAdminUnitId !== c.adminUnitId ? (
                <span className="cell-secondary">
                  {t('crashes.currentName', { name: c.currentAdminUnitName })}
                </span>
              ) : null}
            </Info>
            <Info label={t('crashForm.mode')}>{enumLabel('mode', c.mode)}</Info>
            <Info label={t('crashForm.road')}>{roadText || t('common.none')}</Info>
            <Info label={t('crashForm.kmMarker')}>{c.kmMarker ?? t('common.none')}</Info>
            <Info label={t('crashForm.place')}>{c.place ?? t('common.none')}</Info>
            <Info label={t('crashForm.area')}>{enumLabel('area', c.area)}</Info>
            <Info label={t('crash.coordinates')}>
              {c.lat != null && c.lon != null
                ? `${formatNumber(c.lat, 6)}, ${formatNumber(c.lon, 6)}`
                : t('common.none')}
            </Info>
          </dl>
        </Card>
        <Card
          title={
            <h2 className="card-title" id="crash-conditions">
              {t('crashForm.sectionConditions')}
            </h2>
          }
        >
          <dl className="kv-grid">
            <Info label={t('crashForm.weather')}>{enumLabel('weather', c.weather)}</Info>
            <Info label={t('crashForm.light')}>{enumLabel('light', c.light)}</Info>
            <Info label={t('crashForm.surface')}>{enumLabel('surface', c.surface)}</Info>
            <Info label={t('crashForm.collisionType')}>{enumLabel('collisionType', c.collisionType)}</Info>
          </dl>
        </Card>
        <Card
          title={
            <h2 className="card-title" id="crash-vehicles">
              {t('crashForm.sectionVehicles')}
            </h2>
          }
        >
          <dl className="kv-grid">
            <Info label={t('crashForm.vehicles')}>
              {c.vehicles.length > 0 ? c.vehicles.map(vehicleLabel).join(', ') : t('common.none')}
            </Info>
            <Info label={t('crashForm.causes')}>
              {causes.length > 0 ? (
                <ul className="plain-list">
                  {causes.map((code, i) => (
                    <li key={code}>
                      {causeLabel(code)}
                      {i === 0 && causes.length > 1 ? (
                        <span className="muted"> ({t('crash.mainCause')})</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                t('common.none')
              )}
            </Info>
            <Info label={t('crashForm.alcohol')}>{c.alcohol ? t('common.yes') : t('common.no')}</Info>
            <Info label={t('crashForm.commercial')}>{c.commercial ? t('common.yes') : t('common.no')}</Info>
          </dl>
        </Card>
        <Card
          title={
            <h2 className="card-title" id="crash-source">
              {t('crashForm.sectionSource')}
            </h2>
          }
        >
          <dl className="kv-grid">
            <Info label={t('crashForm.source')}>{enumLabel('source', c.source)}</Info>
            <Info label={t('crashes.verified')}>
              <VerifiedTag verified={c.verified} />
            </Info>
            <Info label={t('crashes.description')}>
              {c.description ? <span className="pre-line">{c.description}</span> : t('common.none')}
            </Info>
          </dl>
        </Card>
      </div>

      <Persons crash={c} />
      <Position crash={c} />
      <Duplicates crash={c} onMerged={invalidateAll} />
      <History entries={c.history} />
    </>
  );
}

function Persons({ crash }: { crash: CrashDetail }) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  type Row = CrashPerson & { id: number; n: number };
  const rows: Row[] = crash.persons.map((p, i) => ({ ...p, n: i + 1 }));
  const columns: ColumnsType<Row> = [
    { title: t('crash.personNo'), dataIndex: 'n', align: 'right', width: 56 },
    {
      title: t('crashForm.personRole'),
      dataIndex: 'role',
      render: (v: string) => enumLabel('personRole', v),
    },
    {
      title: t('crashForm.injury'),
      key: 'injury',
      render: (_, p) => (
        <>
          {enumLabel('injury', p.injury)}
          {p.diedOn ? (
            <span className="cell-secondary">{t('crash.diedOn', { date: formatDate(p.diedOn) })}</span>
          ) : null}
        </>
      ),
    },
    {
      title: t('crashForm.age'),
      dataIndex: 'age',
      align: 'right',
      render: (v: number | null) => (v == null ? t('common.none') : formatNumber(v)),
    },
    { title: t('crashForm.sex'), dataIndex: 'sex', render: (v: string | null) => enumLabel('sex', v) },
    {
      title: t('crashForm.personVehicle'),
      dataIndex: 'vehicle',
      render: (v: string | null) => (v ? vehicleLabel(v) : t('common.none')),
    },
    {
      title: t('crashForm.student'),
      dataIndex: 'student',
      render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
    },
    { title: t('crashForm.alcoholTest'), dataIndex: 'alcohol', render: (v: string) => enumLabel('test', v) },
    { title: t('crashForm.drugsTest'), dataIndex: 'drugs', render: (v: string) => enumLabel('test', v) },
  ];
  return (
    <section className="page-section" aria-labelledby="crash-persons">
      <h2 className="section-title" id="crash-persons">
        {t('crashForm.sectionPersons')}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t('crash.noPersons')}</p>
      ) : (
        <DataTable<Row>
          label={t('crashForm.sectionPersons')}
          rowKey="id"
          columns={columns}
          dataSource={rows}
          pagination={false}
        />
      )}
    </section>
  );
}

function Position({ crash }: { crash: CrashDetail }) {
  const { t } = useTranslation();
  const roads = useQuery({ ...roadsQuery(), enabled: crash.lat != null && crash.lon != null });
  if (crash.lat == null || crash.lon == null) return null;
  const coords = `${formatNumber(crash.lat, 6)}, ${formatNumber(crash.lon, 6)}`;
  const fallback = (
    <Alert
      type="info"
      showIcon
      title={t('crashMap.noWebGL')}
      description={t('crash.positionText', { coords })}
    />
  );
  return (
    <section className="page-section" aria-labelledby="crash-position">
      <h2 className="section-title" id="crash-position">
        {t('crash.position')}
      </h2>
      {roads.isPending ? (
        <Skeleton.Node active className="crash-map-small" />
      ) : (
        <Suspense fallback={<Skeleton.Node active className="crash-map-small" />}>
          <CrashPointMap
            lat={crash.lat}
            lon={crash.lon}
            roads={roads.data}
            label={t('crash.positionMap', { coords })}
            fallback={fallback}
          />
        </Suspense>
      )}
    </section>
  );
}

function Duplicates({ crash, onMerged }: { crash: CrashDetail; onMerged: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mayMerge = crashPermissions.merge(user.role);
  const merge = useMutation({
    mutationFn: (duplicateId: number) => mergeCrash(duplicateId, crash.id),
    onSuccess: async (kept, duplicateId) => {
      queryClient.setQueryData(crashQuery(kept.id).queryKey, kept);
      void message.success(t('crash.merged', { dup: duplicateId, id: kept.id }));
      await onMerged();
    },
    onError: (e) => void message.error(isApiError(e) ? e.message : t('errors.generic')),
  });
  if (crash.duplicates.length === 0) return null;
  const columns: ColumnsType<CrashDuplicate> = [
    {
      title: t('crash.duplicateRecord'),
      key: 'id',
      className: 'nowrap',
      render: (_, d) => (
        <>
          <Link to="/crashes/$crashId" params={{ crashId: String(d.id) }}>
            {t('crash.title', { id: d.id })}
          </Link>
          <span className="cell-secondary">
            <time dateTime={d.occurredAt}>{formatDateTime(d.occurredAt)}</time>
          </span>
        </>
      ),
    },
    {
      title: t('crash.duplicateScore'),
      dataIndex: 'score',
      align: 'right',
      render: (v: number) => t('crash.scoreValue', { score: formatNumber(v) }),
    },
    {
      title: t('crash.duplicateReasons'),
      dataIndex: 'reasons',
      render: (v: string[]) => (
        <ul className="plain-list reason-list">
          {v.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ),
    },
  ];
  if (mayMerge)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, d) => (
        <Popconfirm
          title={t('crash.mergeConfirmTitle')}
          description={t('crash.mergeConfirm', { dup: d.id, id: crash.id })}
          okText={t('crash.mergeOk')}
          cancelText={t('common.cancel')}
          onConfirm={() => merge.mutateAsync(d.id)}
        >
          <Button
            size="small"
            icon={<MergeCellsOutlined aria-hidden />}
            loading={merge.isPending && merge.variables === d.id}
            aria-label={t('crash.mergeButtonFor', { dup: d.id })}
          >
            {t('crash.mergeButton')}
          </Button>
        </Popconfirm>
      ),
    });
  return (
    <section className="page-section" aria-labelledby="crash-duplicates">
      <h2 className="section-title" id="crash-duplicates">
        {t('crash.duplicates', { count: crash.duplicates.length })}
      </h2>
      <Alert type="warning" showIcon className="page-section" title={t('crash.duplicatesHelp')} />
      <DataTable<CrashDuplicate>
        label={t('crash.duplicatesTable')}
        rowKey="id"
        columns={columns}
        dataSource={crash.duplicates}
        pagination={false}
      />
    </section>
  );
}

// ───────────── History ─────────────

const FIELD_LABELS: Record<string, string> = {
  occurredAt: 'crashes.occurredAt',
  adminUnitId: 'crashForm.commune',
  adminUnitName: 'crashForm.commune',
  roadId: 'crashForm.road',
  roadCode: 'crashForm.road',
  roadName: 'crashForm.roadName',
  place: 'crashForm.place',
  kmMarker: 'crashForm.kmMarker',
  lat: 'crashForm.lat',
  lon: 'crashForm.lon',
  area: 'crashForm.area',
  mode: 'crashForm.mode',
  weather: 'crashForm.weather',
  light: 'crashForm.light',
  surface: 'crashForm.surface',
  collisionType: 'crashForm.collisionType',
  vehicles: 'crashForm.vehicles',
  commercial: 'crashForm.commercial',
  cause: 'crashes.cause',
  causes: 'crashForm.causes',
  alcohol: 'crashForm.alcohol',
  deaths: 'crashes.deaths',
  injured: 'crashes.injured',
  students: 'crashForm.students',
  severity: 'crashes.severity',
  severityRule: 'crash.severityRuleField',
  source: 'crashForm.source',
  verified: 'crashes.verified',
  description: 'crashes.description',
  persons: 'crashForm.sectionPersons',
  mergedInto: 'crash.mergedIntoField',
  merged: 'crash.mergedField',
};

/** Fields that repeat another one in the history (the id beside its name). */
const HIDDEN_FIELDS = new Set([
  'adminUnitId',
  'currentAdminUnitId',
  'currentAdminUnitName',
  'roadId',
  'cause',
  'id',
  'history',
  'duplicates',
]);

const ENUM_FIELDS: Record<string, string> = {
  area: 'area',
  mode: 'mode',
  weather: 'weather',
  light: 'light',
  surface: 'surface',
  collisionType: 'collisionType',
  source: 'source',
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function History({ entries }: { entries: CrashHistoryEntry[] }) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const ordered = [...entries].reverse();

  const show = (field: string, v: unknown): string => {
    if (v === undefined || v === null || v === '') return t('common.none');
    if (field === 'occurredAt' && typeof v === 'string') return formatDateTime(isoInstant(v));
    if (field === 'severity') return isSeverity(v) ? t(`crashes.severities.${v}`) : String(v);
    if ((field === 'mergedInto' || field === 'merged') && typeof v === 'number')
      return t('crash.title', { id: v });
    if (field === 'severityRule' && typeof v === 'string')
      return SEVERITY_RULES.find((r) => r.id === v)?.citation ?? v;
    if (ENUM_FIELDS[field] && typeof v === 'string') return enumLabel(ENUM_FIELDS[field]!, v);
    if (field === 'vehicles' && Array.isArray(v))
      return v.map((x) => vehicleLabel(String(x))).join(', ') || t('common.none');
    if (field === 'causes' && Array.isArray(v))
      return v.map((x) => causeLabel(String(x))).join(', ') || t('common.none');
    if (field === 'persons' && Array.isArray(v)) return t('crash.personsCount', { count: v.length });
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'number') return formatNumber(v);
    if (typeof v === 'string') return v;
    return JSON.stringify(v);
  };

  const changes = (e: CrashHistoryEntry) => {
    const before = isRecord(e.before) ? e.before : {};
    const after = isRecord(e.after) ? e.after : {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => !HIDDEN_FIELDS.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    return keys.map((k) => ({
      field: k,
      label: FIELD_LABELS[k] ? t(FIELD_LABELS[k] as 'crashes.title') : k,
      before: k in before ? show(k, before[k]) : null,
      after: k in after ? show(k, after[k]) : null,
    }));
  };

  const actionLabel = (a: string) =>
    a === 'create' ||
    a === 'update' ||
    a === 'delete' ||
    a === 'merge' ||
    a === 'merge_keep' ||
    a === 'import'
      ? t(`crash.actions.${a}`)
      : a;

  return (
    <section className="page-section" aria-labelledby="crash-history">
      <h2 className="section-title" id="crash-history">
        {t('crash.history')}
      </h2>
      {ordered.length === 0 ? (
        <p className="muted">{t('crash.noHistory')}</p>
      ) : (
        <ol className="plain-list history-list crash-history">
          {ordered.map((e) => {
            const list = e.action === 'create' ? [] : changes(e);
            return (
              <li
                key={`${e.at}|${e.action}|${JSON.stringify(e.after ?? e.before ?? null)}`}
                className="history-item"
              >
                <div className="history-head">
                  <strong>{actionLabel(e.action)}</strong>
                  <span className="muted">
                    <time dateTime={isoInstant(e.at)}>{formatDateTime(isoInstant(e.at))}</time>
                    {e.username ? ` · ${e.username}` : null}
                  </span>
                </div>
                {list.length > 0 ? (
                  <ul className="plain-list change-list">
                    {list.map((ch) => (
                      <li key={ch.field}>
                        <span className="change-field">{ch.label}: </span>
                        {ch.before !== null ? <del className="change-before">{ch.before}</del> : null}
                        {ch.before !== null && ch.after !== null ? <span aria-hidden="true"> → </span> : null}
                        {ch.before !== null && ch.after !== null ? (
                          <span className="sr-only">{t('crash.changedTo')} </span>
                        ) : null}
                        {ch.after !== null ? <ins className="change-after">{ch.after}</ins> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
