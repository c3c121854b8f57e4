import { CameraOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Skeleton, Steps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { lazy, type ReactNode, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roadsQuery } from '../crashes/api.ts';
import { idParam } from '../crashes/search.ts';
import { fileToBase64 } from '../plans/api.ts';
import { OrgUnitPicker } from '../plans/import/OrgUnitPicker.tsx';
import { isoInstant } from '../plans/ui.tsx';
import { isApiError } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatDate, formatDateTime, formatKm, formatMoney, formatNumber } from '../platform/format.ts';
import { NotFoundPage } from '../platform/layout/StatusPages.tsx';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { applyServerErrors } from '../platform/ui/serverErrors.ts';
import {
  LIFECYCLE,
  photoUrl,
  type SpotCrash,
  type SpotDetail,
  type SpotHistoryEntry,
  type SpotStatus,
  spotQuery,
  type TransitionBody,
  transitionSpot,
  uploadSpotPhoto,
} from './api.ts';
import { spotPermissions } from './permissions.ts';
import { EvaluationBox, KindTag, placeText, StatusTag } from './ui.tsx';

const CrashPointMap = lazy(() =>
  import('../crashes/CrashMap.tsx').then((m) => ({ default: m.CrashPointMap })),
);

const routeApi = getRouteApi('/_app/black-spots/$spotId');

export function SpotPage() {
  const { spotId } = routeApi.useParams();
  const id = idParam(spotId);
  if (!id) return <NotFoundPage />;
  return <SpotView id={id} />;
}

function Info({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function SpotView({ id }: { id: number }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const spot = useQuery(spotQuery(id));
  const title = t('blackSpots.spotNo', { id });

  if (spot.isError)
    return (
      <>
        <PageHeader title={title} />
        <QueryError error={spot.error} onRetry={() => void spot.refetch()} />
      </>
    );
  if (!spot.data)
    return (
      <>
        <PageHeader title={title} />
        <Skeleton active />
      </>
    );
  const s = spot.data;
  const place = placeText(s);

  return (
    <>
      <PageHeader
        title={`${title}: ${s.name}`}
        intro={
          <>
            <KindTag kind={s.kind} hazardType={s.hazardType} /> <StatusTag status={s.status} />
            {place ? ` ${place}` : null}
          </>
        }
        extra={
          <Button
            icon={<UnorderedListOutlined aria-hidden />}
            onClick={() => void navigate({ to: '/black-spots', search: {} })}
          >
            {t('blackSpots.backToList')}
          </Button>
        }
      />
      <Lifecycle spot={s} />
      {s.evaluation ? <EvaluationBox evaluation={s.evaluation} /> : null}
      {spotPermissions.transition(user.role) && s.next.length > 0 ? <NextStep spot={s} /> : null}

      <div className="spot-cards">
        <Card
          title={
            <h2 className="card-title" id="spot-facts">
              {t('blackSpots.facts')}
            </h2>
          }
        >
          <dl className="kv-grid">
            <Info label={t('blackSpots.kind')}>
              <KindTag kind={s.kind} hazardType={s.hazardType} />
            </Info>
            <Info label={t('blackSpots.place')}>{place || t('common.none')}</Info>
            <Info label={t('blackSpots.coordinates')}>
              {s.lat != null && s.lon != null
                ? `${formatNumber(s.lat, 6)}, ${formatNumber(s.lon, 6)}`
                : t('common.none')}
            </Info>
            <Info label={t('blackSpots.sourceLabel')}>
              {t(`blackSpots.sources.${s.source}` as 'blackSpots.sources.manual', { defaultValue: s.source })}
            </Info>
            {s.windowFrom && s.windowTo ? (
              <Info label={t('blackSpots.window')}>
                {formatDate(s.windowFrom)} – {formatDate(s.windowTo)}
              </Info>
            ) : null}
            {s.rule ? <Info label={t('blackSpots.rule')}>{s.rule}</Info> : null}
            <Info label={t('blackSpots.evidence')}>
              {t('blackSpots.evidenceCounts', {
                crashes: formatNumber(s.crashes),
                fatal: formatNumber(s.fatalCrashes),
                deaths: formatNumber(s.deaths),
                injured: formatNumber(s.injured),
              })}
            </Info>
            {s.dismissReason ? <Info label={t('blackSpots.dismissReason')}>{s.dismissReason}</Info> : null}
          </dl>
        </Card>
        <Card
          title={
            <h2 className="card-title" id="spot-remedy">
              {t('blackSpots.surveyAndRemedy')}
            </h2>
          }
        >
          <dl className="kv-grid">
            <Info label={t('blackSpots.surveyOn')}>{formatDate(s.surveyOn) || t('common.none')}</Info>
            <Info label={t('blackSpots.findings')}>
              {s.surveyFindings ? <span className="pre-line">{s.surveyFindings}</span> : t('common.none')}
            </Info>
            <Info label={t('blackSpots.measures')}>
              {s.remedyMeasures ? <span className="pre-line">{s.remedyMeasures}</span> : t('common.none')}
            </Info>
            <Info label={t('blackSpots.cost')}>{formatMoney(s.remedyCostVnd) || t('common.none')}</Info>
            <Info label={t('blackSpots.leadUnit')}>{s.remedyLeadUnitName ?? t('common.none')}</Info>
            <Info label={t('blackSpots.dueOn')}>{formatDate(s.remedyDue) || t('common.none')}</Info>
            <Info label={t('blackSpots.task')}>
              {s.remedyTaskId ? (
                <Link to="/tasks/$taskId" params={{ taskId: String(s.remedyTaskId) }}>
                  {t('blackSpots.openTask', { id: s.remedyTaskId })}
                </Link>
              ) : (
                t('common.none')
              )}
            </Info>
            <Info label={t('blackSpots.remediedOn')}>{formatDate(s.remediedOn) || t('common.none')}</Info>
          </dl>
        </Card>
      </div>

      <Evidence crashes={s.crashList} />
      <Position spot={s} />
      <Photos spot={s} />
      <History entries={s.history} />
    </>
  );
}

// ───────────── The lifecycle ─────────────

function Lifecycle({ spot }: { spot: SpotDetail }) {
  const { t } = useTranslation();
  const dismissed = spot.status === 'dismissed';
  const steps: SpotStatus[] = dismissed ? ['candidate', 'dismissed'] : LIFECYCLE;
  const current = steps.indexOf(spot.status);
  return (
    <section className="page-section" aria-labelledby="spot-lifecycle">
      <h2 className="section-title" id="spot-lifecycle">
        {t('blackSpots.lifecycle')}
      </h2>
      <Steps
        className="spot-steps"
        size="small"
        current={current}
        status={dismissed ? 'error' : spot.status === 'evaluated' ? 'finish' : 'process'}
        responsive
        items={steps.map((st, i) => ({
          title: t(`blackSpots.statuses.${st}`),
          content: stepDate(spot, st),
          ...(i === current ? { 'aria-current': 'step' as const } : {}),
        }))}
      />
    </section>
  );
}

function stepDate(s: SpotDetail, st: SpotStatus): string | undefined {
  if (st === 'surveyed') return formatDate(s.surveyOn) || undefined;
  if (st === 'remedy_planned') return s.remedyDue ? formatDate(s.remedyDue) : undefined;
  if (st === 'remedied') return formatDate(s.remediedOn) || undefined;
  return undefined;
}

interface StepValues {
  reason?: string;
  surveyOn?: Dayjs;
  findings?: string;
  measures?: string;
  costVnd?: number | null;
  leadUnitId?: number | null;
  dueOn?: Dayjs;
  remediedOn?: Dayjs;
}

const STEP_FIELDS = [
  'reason',
  'surveyOn',
  'findings',
  'measures',
  'costVnd',
  'leadUnitId',
  'dueOn',
  'remediedOn',
];

const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** The form for the next step of the lifecycle (office and admin only). */
function NextStep({ spot }: { spot: SpotDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StepValues>();
  const preferred = spot.next.find((n) => n !== 'dismissed') ?? spot.next[0]!;
  const [chosen, setChosen] = useState<SpotStatus>(preferred);
  const to = spot.next.includes(chosen) ? chosen : preferred;
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (v: StepValues) => {
      const body: TransitionBody = { to };
      if (to === 'dismissed') body.reason = v.reason?.trim() || null;
      if (to === 'surveyed') {
        body.surveyOn = day(v.surveyOn);
        body.findings = v.findings?.trim() || null;
      }
      if (to === 'remedy_planned') {
        body.measures = v.measures?.trim() || null;
        body.costVnd = v.costVnd ?? null;
        body.leadUnitId = v.leadUnitId ?? null;
        body.dueOn = day(v.dueOn);
      }
      if (to === 'remedied') body.remediedOn = day(v.remediedOn);
      return transitionSpot(spot.id, body);
    },
    onMutate: () => setFormError(null),
    onSuccess: async (next) => {
      queryClient.setQueryData(spotQuery(spot.id).queryKey, next);
      form.resetFields();
      setChosen(next.next.find((n) => n !== 'dismissed') ?? next.next[0] ?? 'candidate');
      void message.success(t('blackSpots.stepDone', { status: t(`blackSpots.statuses.${next.status}`) }));
      await queryClient.invalidateQueries({ queryKey: ['black-spots', 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['black-spots', 'geojson'] });
    },
    onError: (e) => setFormError(applyServerErrors(form, e, STEP_FIELDS)),
  });

  const required = (msg: string) => [{ required: true, message: msg }];

  return (
    <Card
      className="page-section"
      title={
        <h2 className="card-title" id="spot-next">
          {t('blackSpots.nextStep')}
        </h2>
      }
    >
      {spot.next.length > 1 ? (
        <Radio.Group
          aria-labelledby="spot-next"
          optionType="button"
          value={to}
          onChange={(e) => {
            setChosen(e.target.value as SpotStatus);
            setFormError(null);
          }}
          options={spot.next.map((n) => ({ value: n, label: t(`blackSpots.actions.${n}`) }))}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <p className="cell-secondary">{t(`blackSpots.actionHelp.${to}`)}</p>
      {formError ? (
        <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<StepValues>
        form={form}
        layout="vertical"
        className="spot-action-form"
        onFinish={(v) => save.mutate(v)}
        key={to}
      >
        {to === 'dismissed' ? (
          <Form.Item
            name="reason"
            label={t('blackSpots.dismissReason')}
            rules={required(t('blackSpots.reasonRequired'))}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
        {to === 'surveyed' ? (
          <>
            <Form.Item
              name="surveyOn"
              label={t('blackSpots.surveyOn')}
              rules={required(t('blackSpots.dateRequired'))}
            >
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item
              name="findings"
              label={t('blackSpots.findings')}
              rules={required(t('blackSpots.findingsRequired'))}
            >
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
          </>
        ) : null}
        {to === 'remedy_planned' ? (
          <>
            <Form.Item
              name="measures"
              label={t('blackSpots.measures')}
              rules={required(t('blackSpots.measuresRequired'))}
            >
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
            <div className="form-row-2">
              <Form.Item name="costVnd" label={t('blackSpots.costVnd')}>
                <InputNumber<number>
                  min={0}
                  step={1_000_000}
                  style={{ width: '100%' }}
                  formatter={(v) => (v == null || String(v) === '' ? '' : formatNumber(Number(v)))}
                  parser={(text) => {
                    const digits = (text ?? '').replace(/\D/g, '');
                    return digits === '' ? (undefined as unknown as number) : Number(digits);
                  }}
                />
              </Form.Item>
              <Form.Item
                name="dueOn"
                label={t('blackSpots.dueOn')}
                rules={required(t('blackSpots.dateRequired'))}
              >
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
            </div>
            <Form.Item
              name="leadUnitId"
              label={t('blackSpots.leadUnit')}
              rules={required(t('blackSpots.leadUnitRequired'))}
            >
              <LeadUnitField />
            </Form.Item>
          </>
        ) : null}
        {to === 'remedied' ? (
          <Form.Item
            name="remediedOn"
            label={t('blackSpots.remediedOn')}
            rules={required(t('blackSpots.dateRequired'))}
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" danger={to === 'dismissed'} loading={save.isPending}>
          {t(`blackSpots.actions.${to}`)}
        </Button>
      </Form>
    </Card>
  );
}

/** The org-unit picker as a form control (value: the unit's id). */
function LeadUnitField({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
}) {
  return (
    <OrgUnitPicker
      id={id}
      value={value ?? null}
      onChange={(u) => onChange?.(u ? u.id : null)}
      style={{ width: '100%' }}
    />
  );
}

// ───────────── Evidence, position, photos, history ─────────────

function Evidence({ crashes }: { crashes: SpotCrash[] }) {
  const { t } = useTranslation();
  const columns: ColumnsType<SpotCrash> = [
    {
      title: t('crashes.occurredAt'),
      dataIndex: 'occurredAt',
      className: 'nowrap',
      render: (v: string, c) => (
        <Link
          to="/crashes/$crashId"
          params={{ crashId: String(c.id) }}
          aria-label={t('crashes.openCrash', { id: c.id, when: formatDateTime(isoInstant(v)) })}
        >
          <time dateTime={isoInstant(v)}>{formatDateTime(isoInstant(v))}</time>
        </Link>
      ),
    },
    {
      title: t('blackSpots.km'),
      dataIndex: 'kmM',
      render: (v: number | null) => formatKm(v) || t('common.none'),
    },
    {
      title: t('blackSpots.deaths'),
      dataIndex: 'deaths',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('blackSpots.injured'),
      dataIndex: 'injured',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
  ];
  return (
    <section className="page-section" aria-labelledby="spot-evidence">
      <h2 className="section-title" id="spot-evidence">
        {t('blackSpots.evidenceTitle', { count: crashes.length, n: formatNumber(crashes.length) })}
      </h2>
      {crashes.length === 0 ? (
        <p className="muted">{t('blackSpots.noEvidence')}</p>
      ) : (
        <DataTable<SpotCrash>
          label={t('blackSpots.evidence')}
          rowKey="id"
          columns={columns}
          dataSource={crashes}
          pagination={crashes.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        />
      )}
    </section>
  );
}

function Position({ spot }: { spot: SpotDetail }) {
  const { t } = useTranslation();
  const has = spot.lat != null && spot.lon != null;
  const roads = useQuery({ ...roadsQuery(), enabled: has });
  if (spot.lat == null || spot.lon == null) return null;
  const coords = `${formatNumber(spot.lat, 6)}, ${formatNumber(spot.lon, 6)}`;
  const fallback = (
    <Alert
      type="info"
      showIcon
      title={t('crashMap.noWebGL')}
      description={t('crash.positionText', { coords })}
    />
  );
  return (
    <section className="page-section" aria-labelledby="spot-position">
      <h2 className="section-title" id="spot-position">
        {t('blackSpots.position')}
      </h2>
      {roads.isPending ? (
        <Skeleton.Node active className="crash-map-small" />
      ) : (
        <Suspense fallback={<Skeleton.Node active className="crash-map-small" />}>
          <CrashPointMap
            lat={spot.lat}
            lon={spot.lon}
            roads={roads.data}
            label={t('blackSpots.positionMap', { coords })}
            fallback={fallback}
          />
        </Suspense>
      )}
    </section>
  );
}

const MAX_SIDE = 1600;

/** Scales an image down to at most 1600 px on its longer side and encodes it as JPEG. */
export async function resizeToJpeg(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/jpeg', 0.85),
  );
}

function Photos({ spot }: { spot: SpotDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const jpeg = await resizeToJpeg(file);
      const name = `${file.name.replace(/\.[^.]+$/, '') || 'anh'}.jpg`;
      return uploadSpotPhoto(spot.id, {
        fileName: name,
        mediaType: 'image/jpeg',
        contentBase64: await fileToBase64(jpeg),
      });
    },
    onSuccess: (next) => {
      queryClient.setQueryData(spotQuery(spot.id).queryKey, next);
      void message.success(t('blackSpots.photoAdded'));
    },
    onError: (e) => void message.error(isApiError(e) ? e.message : t('blackSpots.photoFailed')),
  });
  return (
    <section className="page-section" aria-labelledby="spot-photos">
      <h2 className="section-title" id="spot-photos">
        {t('blackSpots.photos')}
      </h2>
      {spot.photos.length === 0 ? (
        <p className="muted">{t('blackSpots.noPhotos')}</p>
      ) : (
        <ul className="plain-list spot-photos">
          {spot.photos.map((p) => (
            <li key={p.id}>
              <figure>
                <a href={photoUrl(p.id)} target="_blank" rel="noreferrer">
                  <img src={photoUrl(p.id)} alt={p.fileName} loading="lazy" />
                </a>
                <figcaption>
                  {p.fileName} · {formatNumber(Math.round(p.size / 1024))} KB
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
      {spotPermissions.upload(user.role) ? (
        <>
          <input
            ref={input}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            className="sr-only"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) upload.mutate(f);
              e.target.value = '';
            }}
          />
          <Button
            icon={<CameraOutlined aria-hidden />}
            loading={upload.isPending}
            onClick={() => input.current?.click()}
          >
            {t('blackSpots.addPhoto')}
          </Button>
          <p className="cell-secondary">{t('blackSpots.photoHelp')}</p>
        </>
      ) : null}
    </section>
  );
}

function History({ entries }: { entries: SpotHistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const ordered = [...entries].reverse();
  const label = (a: string) => {
    const key = `blackSpots.historyActions.${a}`;
    return i18n.exists(key) ? (t as unknown as (k: string) => string)(key) : a;
  };
  const detail = (e: SpotHistoryEntry): string | null => {
    const after = e.after as Record<string, unknown> | null;
    if (!after || typeof after !== 'object') return null;
    const parts: string[] = [];
    if (typeof after.reason === 'string' && after.reason) parts.push(after.reason);
    if (typeof after.findings === 'string' && after.findings) parts.push(after.findings);
    if (typeof after.measures === 'string' && after.measures) parts.push(after.measures);
    for (const k of ['surveyOn', 'dueOn', 'remediedOn'] as const)
      if (typeof after[k] === 'string') parts.push(formatDate(after[k] as string));
    if (typeof after.fileName === 'string') parts.push(after.fileName);
    return parts.length > 0 ? parts.join(' · ') : null;
  };
  return (
    <section className="page-section" aria-labelledby="spot-history">
      <h2 className="section-title" id="spot-history">
        {t('blackSpots.history')}
      </h2>
      {ordered.length === 0 ? (
        <p className="muted">{t('crash.noHistory')}</p>
      ) : (
        <ol className="plain-list history-list crash-history">
          {ordered.map((e) => {
            const d = detail(e);
            return (
              <li key={`${e.at}|${e.action}|${JSON.stringify(e.after ?? null)}`} className="history-item">
                <div className="history-head">
                  <strong>{label(e.action)}</strong>
                  <span className="muted">
                    <time dateTime={isoInstant(e.at)}>{formatDateTime(isoInstant(e.at))}</time>
                    {e.username ? ` · ${e.username}` : null}
                  </span>
                </div>
                {d ? <p className="cell-secondary pre-line">{d}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
