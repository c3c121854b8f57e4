/**
 * One incident (/dispatch/$incidentId): where it is (map with the GPS accuracy and the nearest
 * facilities, each with "Điều động"), who has been sent, the next steps, the timeline against the
 * 30-minute target, every report with the reporter's phone and photos, and "Tạo hồ sơ vụ TNGT".
 */
import {
  ArrowLeftOutlined,
  FileAddOutlined,
  PhoneOutlined,
  SendOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Skeleton, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idParam } from '../crashes/search.ts';
import { vehicleLabel } from '../crashes/ui.tsx';
import { isApiError } from '../platform/api.ts';
import { formatDateTime, formatNumber } from '../platform/format.ts';
import { NotFoundPage } from '../platform/layout/StatusPages.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { applyServerErrors } from '../platform/ui/serverErrors.ts';
import {
  assignFacility,
  changeStatus,
  createCrashFromIncident,
  INCIDENTS_KEY,
  type IncidentDetail,
  type IncidentPhoto,
  type IncidentReport,
  type IncidentStatus,
  incidentQuery,
  type NearestFacility,
} from './api.ts';
import { minutesBetween } from './clock.ts';
import { IncidentPointMap } from './IncidentMaps.tsx';
import { useIncidentStream, useNow } from './live.ts';
import { Clock, coordinatesText, placeOf, StatusTag, useClockReading, VictimsText } from './ui.tsx';

const routeApi = getRouteApi('/_app/dispatch/$incidentId');

export function IncidentPage() {
  const { incidentId } = routeApi.useParams();
  const id = idParam(incidentId);
  if (!id) return <NotFoundPage />;
  return <IncidentView id={id} />;
}

function IncidentView({ id }: { id: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const incident = useQuery(incidentQuery(id));
  useIncidentStream();
  const back = (
    <Button
      icon={<ArrowLeftOutlined aria-hidden />}
      onClick={() => void navigate({ to: '/dispatch', search: {} })}
    >
      {t('incidents.backToBoard')}
    </Button>
  );

  if (incident.isError) {
    if (isApiError(incident.error) && incident.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={t('incidents.incidentTitle', { code: `#${id}` })} extra={back} />
        <QueryError error={incident.error} onRetry={() => void incident.refetch()} />
      </>
    );
  }
  if (!incident.data)
    return (
      <>
        <PageHeader title={t('incidents.incidentTitle', { code: `#${id}` })} extra={back} />
        <Skeleton active />
      </>
    );
  return <IncidentBody incident={incident.data} back={back} />;
}

function Info({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function IncidentBody({ incident: i, back }: { incident: IncidentDetail; back: ReactNode }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const reading = useClockReading();
  const clock = reading(i, now);
  const place = placeOf(i);
  const assignedIds = useMemo(() => new Set(i.assignments.map((a) => a.facilityId)), [i.assignments]);
  const phones = i.reports.filter((r) => r.phone).length;

  return (
    <>
      <PageHeader
        title={t('incidents.incidentTitle', { code: i.code })}
        intro={
          <>
            <StatusTag status={i.status} label={i.statusLabel} /> {place}
          </>
        }
        extra={back}
      />
      <div className="inc-facts">
        <div className="inc-fact">
          <span className="inc-fact-label">
            {clock.running ? t('incidents.elapsed') : t('incidents.response')}
          </span>
          <Clock reading={clock} large />
        </div>
        <div className="inc-fact">
          <span className="inc-fact-label">{t('incidents.victims')}</span>
          <span className="inc-fact-value">
            <VictimsText victims={i.victims} trapped={i.trapped} />
          </span>
        </div>
        <div className="inc-fact">
          <span className="inc-fact-label">{t('incidents.firstReport')}</span>
          <span className="inc-fact-value">
            <time dateTime={i.firstReportedAt}>{formatDateTime(i.firstReportedAt)}</time>
          </span>
        </div>
        <div className="inc-fact">
          <span className="inc-fact-label">{t('incidents.reportsAndPhotos')}</span>
          <span className="inc-fact-value">
            {t('incidents.reportsPhotos', {
              reports: formatNumber(i.reportCount),
              photos: formatNumber(i.photoCount),
            })}
          </span>
        </div>
      </div>
      {i.trapped > 0 && (i.status === 'received' || i.status === 'dispatched') ? (
        <Alert
          type="error"
          showIcon
          icon={<WarningOutlined aria-hidden />}
          className="page-section"
          title={t('incidents.trappedAlert', { n: formatNumber(i.trapped) })}
        />
      ) : null}

      {i.canDispatch ? <Actions incident={i} /> : null}
      {!i.canDispatch && i.crashId ? (
        <p>
          <Link to="/crashes/$crashId" params={{ crashId: String(i.crashId) }}>
            {t('incidents.openCrash', { id: i.crashId })}
          </Link>
        </p>
      ) : null}

      <div className="inc-detail-grid">
        <section className="page-section" aria-labelledby="inc-where">
          <h2 className="section-title" id="inc-where">
            {t('incidents.where')}
          </h2>
          <dl className="kv-grid">
            <Info label={t('incidents.place')}>{i.placeText ?? t('common.none')}</Info>
            <Info label={t('incidents.commune')}>{i.adminUnitName ?? t('common.none')}</Info>
            <Info label={t('incidents.coordinates')}>
              {i.lat != null && i.lon != null ? coordinatesText(i.lat, i.lon) : t('common.none')}
              {i.accuracyM != null
                ? ` (${t('incidents.accuracy', { m: formatNumber(Math.round(i.accuracyM)) })})`
                : ''}
            </Info>
          </dl>
          {i.lat != null && i.lon != null ? (
            <IncidentPointMap
              lat={i.lat}
              lon={i.lon}
              accuracyM={i.accuracyM}
              facilities={i.nearest}
              assignedIds={assignedIds}
              label={t('incidents.detailMapLabel', { code: i.code })}
              fallback={<Alert type="info" showIcon title={t('crashMap.noWebGL')} />}
            />
          ) : (
            <Alert type="warning" showIcon title={t('incidents.noLocation')} />
          )}
          <Nearest incident={i} assignedIds={assignedIds} />
        </section>
        <div>
          <Assignments incident={i} />
          <Timeline incident={i} />
        </div>
      </div>

      <Reports reports={i.reports} phones={phones} />
    </>
  );
}

// ───────────── Next steps and the crash record ─────────────

/** The statuses whose time may be logged afterwards (the crew reports by radio). */
const TIMED: readonly IncidentStatus[] = ['on_scene', 'transported'];
/** A crash record is made once someone on scene has seen the crash. */
const CRASH_READY: readonly IncidentStatus[] = ['on_scene', 'transported', 'closed'];

function Actions({ incident: i }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<IncidentStatus | null>(null);

  const crash = useMutation({
    mutationFn: () => createCrashFromIncident(i.id),
    onSuccess: async ({ crashId }) => {
      void message.success(t('incidents.crashCreated', { id: crashId }));
      await queryClient.invalidateQueries({ queryKey: INCIDENTS_KEY });
      await queryClient.invalidateQueries({ queryKey: ['crashes'] });
      await navigate({ to: '/crashes/$crashId', params: { crashId: String(crashId) } });
    },
    onError: (e) => void message.error(isApiError(e) ? e.message : t('errors.generic')),
  });

  return (
    <Card
      className="page-section inc-actions"
      title={
        <h2 className="card-title" id="inc-next">
          {t('incidents.nextSteps')}
        </h2>
      }
    >
      <div className="inc-action-row">
        {i.nextStatuses.map((s) => (
          <Button
            key={s}
            type={s === 'dismissed' ? 'default' : 'primary'}
            danger={s === 'dismissed'}
            onClick={() => setChosen(s)}
          >
            {t(`incidents.actions.${s}`)}
          </Button>
        ))}
        {i.nextStatuses.length === 0 ? <span className="muted">{t('incidents.noNextSteps')}</span> : null}
        {i.crashId ? (
          <Link to="/crashes/$crashId" params={{ crashId: String(i.crashId) }} className="inc-crash-link">
            {t('incidents.openCrash', { id: i.crashId })}
          </Link>
        ) : CRASH_READY.includes(i.status) ? (
          <Button
            icon={<FileAddOutlined aria-hidden />}
            loading={crash.isPending}
            onClick={() => crash.mutate()}
          >
            {t('incidents.createCrash')}
          </Button>
        ) : null}
      </div>
      {!i.crashId && (i.status === 'received' || i.status === 'dispatched') ? (
        <p className="cell-secondary inc-crash-hint">{t('incidents.crashLater')}</p>
      ) : null}
      {chosen ? <StatusDialog incident={i} status={chosen} onClose={() => setChosen(null)} /> : null}
    </Card>
  );
}

/**
 * The picked minute as an instant with its offset. The picker works in whole minutes: a time in the
 * first report's own minute means the report's instant (the server refuses anything before it).
 */
function minuteOf(at: Dayjs, first: Dayjs): string {
  const minute = at.second(0).millisecond(0);
  if (!minute.isBefore(first)) return minute.format();
  // format() drops milliseconds: round the report's instant up to the next whole second.
  return (first.millisecond() > 0 ? first.add(1, 'second').millisecond(0) : first).format();
}

interface StatusValues {
  at?: Dayjs | null;
  note?: string;
}

function StatusDialog({
  incident: i,
  status,
  onClose,
}: {
  incident: IncidentDetail;
  status: IncidentStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StatusValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const timed = TIMED.includes(status);
  const needsNote = status === 'dismissed';
  const first = dayjs(i.firstReportedAt);

  const save = useMutation({
    mutationFn: (v: StatusValues) =>
      changeStatus(i.id, {
        status,
        at: timed && v.at ? minuteOf(v.at, first) : null,
        note: v.note?.trim() ? v.note.trim() : null,
      }),
    onMutate: () => setFormError(null),
    onSuccess: async (detail) => {
      queryClient.setQueryData(incidentQuery(i.id).queryKey, detail);
      await queryClient.invalidateQueries({ queryKey: INCIDENTS_KEY });
      void message.success(t('incidents.statusChanged', { status: detail.statusLabel }));
      onClose();
    },
    onError: (e) => setFormError(applyServerErrors(form, e, ['at', 'note'])),
  });

  return (
    <Modal
      open
      title={t(`incidents.actions.${status}`)}
      okText={t('incidents.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      <p>{t('incidents.statusConfirm', { code: i.code, status: t(`incidents.statuses.${status}`) })}</p>
      {formError ? (
        <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<StatusValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        {timed ? (
          <Form.Item
            name="at"
            label={t('incidents.actualTime')}
            extra={t('incidents.actualTimeHelp')}
            rules={[
              {
                validator: (_, v: Dayjs | null | undefined) =>
                  !v || (!v.isAfter(dayjs()) && !v.isBefore(first, 'minute'))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('incidents.actualTimeInvalid'))),
              },
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="DD/MM/YYYY HH:mm"
              disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(first, 'day')}
              className="inc-time-picker"
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="note"
          label={needsNote ? t('incidents.dismissReason') : t('incidents.note')}
          rules={
            needsNote
              ? [{ required: true, whitespace: true, message: t('incidents.dismissReasonRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ───────────── Facilities ─────────────

function Nearest({
  incident: i,
  assignedIds,
}: {
  incident: IncidentDetail;
  assignedIds: ReadonlySet<number>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const assign = useMutation({
    mutationFn: (f: NearestFacility) => assignFacility(i.id, { facilityId: f.id }),
    onSuccess: async (detail, f) => {
      queryClient.setQueryData(incidentQuery(i.id).queryKey, detail);
      await queryClient.invalidateQueries({ queryKey: INCIDENTS_KEY });
      void message.success(t('incidents.assigned', { name: f.name }));
    },
    onError: (e) => void message.error(isApiError(e) ? e.message : t('errors.generic')),
  });
  const closed = i.status === 'closed' || i.status === 'dismissed';

  return (
    <section aria-labelledby="inc-nearest">
      <h3 className="subsection-title" id="inc-nearest">
        {t('incidents.nearest')}
      </h3>
      {i.nearest.length === 0 ? (
        <p className="muted">{t('incidents.noNearest')}</p>
      ) : (
        <ul className="plain-list inc-facility-list">
          {i.nearest.map((f) => {
            const assigned = assignedIds.has(f.id);
            return (
              <li key={f.id} className="inc-facility" data-testid="nearest-facility">
                <div className="inc-facility-text">
                  <strong>{f.name}</strong>
                  <span className="cell-secondary">
                    {f.kindLabel} · {t('incidents.distanceKm', { km: formatNumber(f.distanceKm, 1) })}
                  </span>
                  {f.phone ? (
                    <a href={`tel:${f.phone}`} className="inc-phone">
                      <PhoneOutlined aria-hidden /> {f.phone}
                    </a>
                  ) : null}
                </div>
                {assigned ? (
                  <Tag className="inc-assigned-tag">{t('incidents.alreadyAssigned')}</Tag>
                ) : i.canDispatch && !closed ? (
                  <Button
                    type="primary"
                    icon={<SendOutlined aria-hidden />}
                    loading={assign.isPending && assign.variables?.id === f.id}
                    onClick={() => assign.mutate(f)}
                    aria-label={t('incidents.assignTo', { name: f.name })}
                  >
                    {t('incidents.assign')}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Assignments({ incident: i }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  return (
    <section className="page-section" aria-labelledby="inc-assignments">
      <h2 className="section-title" id="inc-assignments">
        {t('incidents.assignments')}
      </h2>
      {i.assignments.length === 0 ? (
        <p className="muted">{t('incidents.noAssignments')}</p>
      ) : (
        <ul className="plain-list inc-assignment-list">
          {i.assignments.map((a) => (
            <li key={a.id} className="inc-assignment">
              <strong>{a.facilityName}</strong>
              <span className="cell-secondary">
                {a.kindLabel}
                {a.distanceKm != null
                  ? ` · ${t('incidents.distanceKm', { km: formatNumber(a.distanceKm, 1) })}`
                  : ''}
              </span>
              <span className="cell-secondary">
                {t('incidents.assignedAtBy', {
                  at: formatDateTime(a.assignedAt),
                  by: a.assignedBy ?? t('common.none'),
                })}
              </span>
              {a.note ? <span className="cell-secondary pre-line">{a.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// ───────────── Timeline ─────────────

const STEPS: readonly IncidentStatus[] = ['received', 'dispatched', 'on_scene', 'transported', 'closed'];

function Timeline({ incident: i }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const byStatus = new Map(i.timeline.map((e) => [e.status, e]));
  const steps: IncidentStatus[] =
    i.status === 'dismissed' ? [...STEPS.filter((s) => byStatus.has(s)), 'dismissed'] : [...STEPS];
  const laterReached = (idx: number) => steps.slice(idx + 1).some((s) => byStatus.has(s));

  return (
    <section className="page-section" aria-labelledby="inc-timeline">
      <h2 className="section-title" id="inc-timeline">
        {t('incidents.timeline')}
      </h2>
      <ol className="plain-list inc-timeline" data-testid="incident-timeline">
        {steps.map((s, idx) => {
          const e = byStatus.get(s);
          const minutes = e ? minutesBetween(i.firstReportedAt, e.at) : null;
          const state = e ? 'done' : laterReached(idx) ? 'skipped' : 'pending';
          return (
            <li key={s} className={`inc-step inc-step-${state}`}>
              <span className="inc-step-dot" aria-hidden="true" />
              <div className="inc-step-body">
                <strong>{e?.label ?? t(`incidents.statuses.${s}`)}</strong>
                {e ? (
                  <>
                    <span className="cell-secondary">
                      <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                      {minutes != null && s !== 'received'
                        ? ` · ${t('incidents.afterFirstReport', { n: formatNumber(minutes) })}`
                        : ''}
                    </span>
                    {e.by ? (
                      <span className="cell-secondary">{t('incidents.by', { name: e.by })}</span>
                    ) : null}
                    {e.note ? <span className="cell-secondary pre-line">{e.note}</span> : null}
                  </>
                ) : (
                  <span className="cell-secondary">
                    {state === 'skipped' ? t('incidents.stepSkipped') : t('incidents.stepPending')}
                  </span>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

// ───────────── Reports ─────────────

function Reports({ reports, phones }: { reports: IncidentReport[]; phones: number }) {
  const { t } = useTranslation();
  const [photo, setPhoto] = useState<{ photo: IncidentPhoto; alt: string } | null>(null);
  return (
    <section className="page-section" aria-labelledby="inc-reports">
      <h2 className="section-title" id="inc-reports">
        {t('incidents.reportsTitle', { n: formatNumber(reports.length) })}
      </h2>
      {phones === 0 ? <p className="muted">{t('incidents.noPhones')}</p> : null}
      <ol className="plain-list inc-reports">
        {reports.map((r, idx) => (
          <li key={r.id} className="inc-report">
            <h3 className="inc-report-title">
              {t('incidents.reportNo', { n: idx + 1 })}{' '}
              <time dateTime={r.receivedAt} className="muted">
                {formatDateTime(r.receivedAt)}
              </time>
            </h3>
            <dl className="kv-grid">
              <Info label={t('incidents.occurredAt')}>{formatDateTime(r.occurredAt)}</Info>
              {r.createdAt !== r.receivedAt &&
              Math.abs(Date.parse(r.receivedAt) - Date.parse(r.createdAt)) > 60_000 ? (
                <Info label={t('incidents.savedOnPhone')}>{formatDateTime(r.createdAt)}</Info>
              ) : null}
              <Info label={t('incidents.place')}>
                {r.placeText ??
                  (r.lat != null && r.lon != null ? coordinatesText(r.lat, r.lon) : t('common.none'))}
                {r.lat != null && r.lon != null && r.placeText ? (
                  <span className="cell-secondary">{coordinatesText(r.lat, r.lon)}</span>
                ) : null}
                {r.accuracyM != null || r.locationSource ? (
                  <span className="cell-secondary">
                    {[
                      r.locationSource
                        ? t(r.locationSource === 'map' ? 'incidents.fromMap' : 'incidents.fromGps')
                        : '',
                      r.accuracyM != null
                        ? t('incidents.accuracy', { m: formatNumber(Math.round(r.accuracyM)) })
                        : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                ) : null}
              </Info>
              <Info label={t('incidents.victims')}>
                <VictimsText victims={r.victims} trapped={r.trapped} />
              </Info>
              <Info label={t('incidents.vehicles')}>
                {r.vehicles.length ? r.vehicles.map((v) => vehicleLabel(v)).join(', ') : t('common.none')}
              </Info>
              <Info label={t('incidents.description')}>
                {r.description ? <span className="pre-line">{r.description}</span> : t('common.none')}
              </Info>
              <Info label={t('incidents.reporterPhone')}>
                {r.phone ? (
                  <a href={`tel:${r.phone}`} className="inc-phone">
                    <PhoneOutlined aria-hidden /> {r.phone}
                  </a>
                ) : (
                  t('incidents.noPhone')
                )}
              </Info>
            </dl>
            {r.photos.length > 0 ? (
              <ul className="plain-list inc-photos" aria-label={t('incidents.photos')}>
                {r.photos.map((p, n) => {
                  const alt = t('incidents.photoAlt', { n: n + 1, report: idx + 1 });
                  return (
                    <li key={p.id}>
                      <button type="button" className="inc-thumb" onClick={() => setPhoto({ photo: p, alt })}>
                        <img src={p.url} alt={alt} loading="lazy" width={120} height={90} />
                      </button>
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {photo ? (
        <Modal
          open
          title={photo.alt}
          footer={
            <a href={photo.photo.url} target="_blank" rel="noreferrer">
              {t('incidents.openOriginal')}
            </a>
          }
          onCancel={() => setPhoto(null)}
          width={Math.min(photo.photo.width + 48, 1100)}
          closable={{ 'aria-label': t('common.close') }}
          centered
        >
          <img
            src={photo.photo.url}
            alt={photo.alt}
            className="inc-photo-large"
            width={photo.photo.width}
            height={photo.photo.height}
          />
          {photo.photo.exifLat != null && photo.photo.exifLon != null ? (
            <p className="cell-secondary">
              {t('incidents.photoLocation', {
                where: coordinatesText(photo.photo.exifLat, photo.photo.exifLon),
              })}
            </p>
          ) : null}
        </Modal>
      ) : null}
    </section>
  );
}
