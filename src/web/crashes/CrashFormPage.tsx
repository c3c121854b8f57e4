import { AimOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Select,
  Skeleton,
  TimePicker,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyByCounts } from '../../domain/crashes/severity-rules.ts';
import { isApiError } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatDate, formatDateTime, formatNumber, todayIso } from '../platform/format.ts';
import { NotFoundPage } from '../platform/layout/StatusPages.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  AREAS,
  type Area,
  COLLISION_TYPES,
  type CollisionType,
  type CommuneOption,
  type CrashDetail,
  type CrashInput,
  type CrashPerson,
  communesOnQuery,
  crashQuery,
  createCrash,
  INJURIES,
  type Injury,
  LIGHT,
  type Light,
  MODES,
  type Mode,
  PERSON_ROLES,
  type PersonRole,
  roadOptions,
  roadsQuery,
  SEXES,
  type Sex,
  SOURCES,
  type Source,
  SURFACE,
  type Surface,
  TESTS,
  type TestResult,
  updateCrash,
  WEATHER,
  type Weather,
} from './api.ts';
import { clearDraft, type DraftValues, loadDraft, saveDraft } from './draft.ts';
import { idParam } from './search.ts';
import { causeOptions, SeverityTag, useEnumLabel, vehicleOptions } from './ui.tsx';

const editRouteApi = getRouteApi('/_app/crashes/$crashId/edit');

const KM_MARKER = /^\s*(?:Km\s*)?(\d{1,4})\s*\+\s*(\d{1,3})\s*$/i;

interface PersonValues {
  role?: PersonRole;
  age?: number | null;
  sex?: Sex | null;
  injury?: Injury;
  diedOn?: Dayjs | null;
  student?: boolean;
  vehicle?: string | null;
  alcohol?: TestResult;
  drugs?: TestResult;
}

interface FormValues {
  date?: Dayjs | null;
  time?: Dayjs | null;
  adminUnitId?: string;
  roadId?: number | null;
  roadName?: string;
  kmMarker?: string;
  place?: string;
  lat?: number | null;
  lon?: number | null;
  area?: Area | null;
  mode: Mode;
  weather?: Weather | null;
  light?: Light | null;
  surface?: Surface | null;
  collisionType?: CollisionType | null;
  vehicles: string[];
  commercial: boolean;
  causes: string[];
  alcohol: boolean;
  deaths: number;
  injured: number;
  students: number;
  persons: PersonValues[];
  source: Source;
  verified: boolean;
  description?: string;
}

/** The form's field names (server errors on other paths are shown above the form). */
const FIELDS = new Set([
  'date',
  'time',
  'adminUnitId',
  'roadId',
  'roadName',
  'kmMarker',
  'place',
  'lat',
  'lon',
  'area',
  'mode',
  'weather',
  'light',
  'surface',
  'collisionType',
  'vehicles',
  'commercial',
  'causes',
  'alcohol',
  'deaths',
  'injured',
  'students',
  'persons',
  'source',
  'verified',
  'description',
]);
const PERSON_FIELDS = new Set([
  'role',
  'age',
  'sex',
  'injury',
  'diedOn',
  'student',
  'vehicle',
  'alcohol',
  'drugs',
]);

// ───────────── Conversions ─────────────

/** The local (UTC+7) date and time of an instant. */
function localParts(iso: string): { date: string; time: string } {
  const d = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return { date: d.slice(0, 10), time: d.slice(11, 16) };
}

const nonEmpty = (s: string | undefined | null) => {
  const v = (s ?? '').trim();
  return v === '' ? null : v;
};

/** "km 12 + 3" → "Km 12+003". */
export function normalizeKm(text: string | undefined | null): string | null {
  const m = KM_MARKER.exec(text ?? '');
  if (!m) return nonEmpty(text);
  return `Km ${Number(m[1])}+${m[2]!.padStart(3, '0')}`;
}

const deathInjuries: Injury[] = ['died_at_scene', 'died_later'];
const hurtInjuries: Injury[] = ['serious', 'minor'];

function countsFromPersons(persons: PersonValues[]) {
  return {
    deaths: persons.filter((p) => p.injury && deathInjuries.includes(p.injury)).length,
    injured: persons.filter((p) => p.injury && hurtInjuries.includes(p.injury)).length,
    students: persons.filter((p) => p.student && p.injury && p.injury !== 'none').length,
  };
}

function toPerson(p: PersonValues): CrashPerson {
  return {
    role: p.role ?? 'other',
    age: p.age ?? null,
    sex: p.sex ?? null,
    injury: p.injury ?? 'none',
    diedOn: p.injury === 'died_later' && p.diedOn ? p.diedOn.format('YYYY-MM-DD') : null,
    student: Boolean(p.student),
    vehicle: p.vehicle ?? null,
    alcohol: p.alcohol ?? 'not_tested',
    drugs: p.drugs ?? 'not_tested',
  };
}

function toInput(v: FormValues): CrashInput {
  const persons = (v.persons ?? []).map(toPerson);
  const counts = persons.length > 0 ? countsFromPersons(v.persons) : v;
  const date = v.date ? v.date.format('YYYY-MM-DD') : todayIso();
  const time = v.time ? v.time.format('HH:mm') : '00:00';
  return {
    occurredAt: `${date}T${time}:00+07:00`,
    adminUnitId: v.adminUnitId ?? '',
    roadId: v.roadId ?? null,
    roadName: nonEmpty(v.roadName),
    place: nonEmpty(v.place),
    kmMarker: normalizeKm(v.kmMarker),
    lat: v.lat ?? null,
    lon: v.lon ?? null,
    area: v.area ?? null,
    mode: v.mode ?? 'road',
    weather: v.weather ?? null,
    light: v.light ?? null,
    surface: v.surface ?? null,
    collisionType: v.collisionType ?? null,
    vehicles: v.vehicles ?? [],
    commercial: Boolean(v.commercial),
    causes: v.causes ?? [],
    alcohol: Boolean(v.alcohol),
    deaths: counts.deaths ?? 0,
    injured: counts.injured ?? 0,
    students: counts.students ?? 0,
    persons,
    source: v.source ?? 'police',
    verified: Boolean(v.verified),
    description: nonEmpty(v.description),
  };
}

function fromDetail(d: CrashDetail): FormValues {
  const { date, time } = localParts(d.occurredAt);
  return {
    date: dayjs(date),
    time: dayjs(`${date}T${time}`),
    adminUnitId: d.adminUnitId,
    roadId: d.roadId,
    roadName: d.roadName ?? undefined,
    kmMarker: d.kmMarker ?? undefined,
    place: d.place ?? undefined,
    lat: d.lat,
    lon: d.lon,
    area: (d.area as Area | null) ?? null,
    mode: d.mode,
    weather: (d.weather as Weather | null) ?? null,
    light: (d.light as Light | null) ?? null,
    surface: (d.surface as Surface | null) ?? null,
    collisionType: (d.collisionType as CollisionType | null) ?? null,
    vehicles: d.vehicles,
    commercial: d.commercial,
    causes: d.causes.length > 0 ? d.causes : d.cause ? [d.cause] : [],
    alcohol: d.alcohol,
    deaths: d.deaths,
    injured: d.injured,
    students: d.students,
    persons: d.persons.map((p) => ({
      role: p.role,
      age: p.age ?? null,
      sex: p.sex ?? null,
      injury: p.injury,
      diedOn: p.diedOn ? dayjs(p.diedOn) : null,
      student: p.student,
      vehicle: p.vehicle ?? null,
      alcohol: p.alcohol,
      drugs: p.drugs,
    })),
    source: d.source,
    verified: d.verified,
    description: d.description ?? undefined,
  };
}

function newValues(adminUnitId: string | undefined): FormValues {
  const now = dayjs();
  return {
    date: dayjs(todayIso()),
    time: dayjs(`${todayIso()}T${localParts(now.toISOString()).time}`),
    adminUnitId,
    mode: 'road',
    vehicles: [],
    commercial: false,
    causes: [],
    alcohol: false,
    deaths: 0,
    injured: 0,
    students: 0,
    persons: [],
    source: 'police',
    verified: false,
  };
}

/** Values as JSON-safe data for the draft (Dayjs as strings). */
function toDraft(v: FormValues): DraftValues {
  return {
    ...v,
    date: v.date ? v.date.format('YYYY-MM-DD') : null,
    time: v.time ? v.time.format('HH:mm') : null,
    persons: (v.persons ?? []).map((p) => ({
      ...p,
      diedOn: p?.diedOn ? p.diedOn.format('YYYY-MM-DD') : null,
    })),
  };
}

function fromDraft(d: DraftValues, base: FormValues): FormValues {
  const date = typeof d.date === 'string' ? d.date : null;
  const time = typeof d.time === 'string' ? d.time : null;
  const persons = Array.isArray(d.persons) ? (d.persons as Record<string, unknown>[]) : [];
  return {
    ...base,
    ...(d as Partial<FormValues>),
    date: date ? dayjs(date) : null,
    time: time ? dayjs(`${date ?? todayIso()}T${time}`) : null,
    persons: persons.map((p) => ({
      ...(p as PersonValues),
      diedOn: typeof p.diedOn === 'string' ? dayjs(p.diedOn) : null,
    })),
  };
}

/** Server error path ("persons.0.age", "occurredAt") → the form's field name. */
function fieldOf(path: string): (string | number)[] | null {
  const parts = path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const head = parts[0];
  if (head === 'occurredAt') return ['date'];
  if (typeof head !== 'string' || !FIELDS.has(head)) return null;
  if (head === 'persons' && typeof parts[1] === 'number' && typeof parts[2] === 'string')
    return PERSON_FIELDS.has(parts[2]) ? ['persons', parts[1], parts[2]] : ['persons'];
  return [head];
}

function applyErrors(form: FormInstance<FormValues>, error: unknown, generic: string): string {
  if (!isApiError(error)) return generic;
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const loose: string[] = [];
  for (const d of error.details) {
    const name = fieldOf(d.path);
    if (!name) {
      loose.push(d.path ? `${d.path}: ${d.message}` : d.message);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(d.message);
    byField.set(key, entry);
  }
  if (byField.size > 0) {
    form.setFields([...byField.values()] as Parameters<typeof form.setFields>[0]);
    const first = [...byField.values()][0]!.name;
    form.scrollToField(first as Parameters<typeof form.scrollToField>[0], { block: 'center' });
  }
  return [error.message, ...loose].join(' ');
}

// ───────────── Pages ─────────────

export function CrashNewPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const initial = useMemo(
    () => newValues(user.role === 'commune' ? user.adminUnit?.id : undefined),
    [user.role, user.adminUnit?.id],
  );
  return (
    <>
      <PageHeader title={t('crashForm.newTitle')} intro={t('crashForm.newIntro')} />
      <CrashForm initial={initial} crash={null} />
    </>
  );
}

export function CrashEditPage() {
  const { crashId } = editRouteApi.useParams();
  const id = idParam(crashId);
  if (!id) return <NotFoundPage />;
  return <CrashEditView id={id} />;
}

function CrashEditView({ id }: { id: number }) {
  const { t } = useTranslation();
  const crash = useQuery(crashQuery(id));
  const title = t('crashForm.editTitle', { id });
  const initial = useMemo(() => (crash.data ? fromDetail(crash.data) : null), [crash.data]);
  if (crash.isError)
    return (
      <>
        <PageHeader title={title} />
        <QueryError error={crash.error} onRetry={() => void crash.refetch()} />
      </>
    );
  if (!crash.data || !initial)
    return (
      <>
        <PageHeader title={title} />
        <Skeleton active />
      </>
    );
  return (
    <>
      <PageHeader
        title={title}
        intro={
          <Link to="/crashes/$crashId" params={{ crashId: String(id) }}>
            {t('crashForm.backToDetail')}
          </Link>
        }
      />
      <CrashForm initial={initial} crash={crash.data} />
    </>
  );
}

// ───────────── The form ─────────────

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card
      className="page-section crash-form-section"
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

function CrashForm({ initial, crash }: { initial: FormValues; crash: CrashDetail | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const enumLabel = useEnumLabel();
  const [form] = Form.useForm<FormValues>();
  const draftKey = crash ? crash.id : 'new';
  const [restored, setRestored] = useState<string | null>(null);
  const [storageOk, setStorageOk] = useState(true);
  const [formError, setFormError] = useState<string | null>(null);
  const [gps, setGps] = useState<{ state: 'idle' | 'busy' | 'ok' | 'error'; text: string }>({
    state: 'idle',
    text: '',
  });
  const saveTimer = useRef<number | undefined>(undefined);

  // Restore a draft once, on the first render.
  const [startValues] = useState<FormValues>(() => {
    const draft = loadDraft(user.id, draftKey);
    if (!draft) return initial;
    return fromDraft(draft.values, initial);
  });
  useEffect(() => {
    const draft = loadDraft(user.id, draftKey);
    if (draft) setRestored(draft.savedAt);
  }, [user.id, draftKey]);
  useEffect(() => () => window.clearTimeout(saveTimer.current), []);

  const date = Form.useWatch('date', form);
  const dateIso = date ? date.format('YYYY-MM-DD') : todayIso();
  const persons = Form.useWatch('persons', form) ?? [];
  const deaths = Form.useWatch('deaths', form) ?? 0;
  const injured = Form.useWatch('injured', form) ?? 0;
  const mode = Form.useWatch('mode', form) ?? 'road';
  const hasPersons = persons.length > 0;
  const derived = countsFromPersons(persons.filter(Boolean));

  const communes = useQuery(communesOnQuery(dateIso));
  const roads = useQuery(roadsQuery());
  const communeList = communes.data ?? [];

  const severity = useMemo(() => {
    try {
      return hasPersons
        ? classifyByCounts(dateIso, derived.deaths, derived.injured)
        : classifyByCounts(dateIso, deaths ?? 0, injured ?? 0);
    } catch {
      return null;
    }
  }, [dateIso, hasPersons, derived.deaths, derived.injured, deaths, injured]);

  // Keep the counts in step with the persons listed.
  useEffect(() => {
    if (!hasPersons) return;
    const current = form.getFieldsValue(['deaths', 'injured', 'students']);
    if (
      current.deaths !== derived.deaths ||
      current.injured !== derived.injured ||
      current.students !== derived.students
    )
      form.setFieldsValue(derived);
  }, [hasPersons, derived, form]);

  const persist = () => {
    window.clearTimeout(saveTimer.current);
    saveTimer.current = window.setTimeout(() => {
      const ok = saveDraft(user.id, draftKey, toDraft(form.getFieldsValue(true) as FormValues));
      setStorageOk(ok);
    }, 400);
  };

  const save = useMutation({
    mutationFn: (values: FormValues) => {
      const input = toInput(values);
      if (!crash) return createCrash(input);
      const before = toInput(fromDetail(crash));
      const patch: Partial<CrashInput> = {};
      for (const key of Object.keys(input) as (keyof CrashInput)[]) {
        if (JSON.stringify(input[key]) !== JSON.stringify(before[key]))
          (patch as Record<string, unknown>)[key] = input[key];
      }
      return updateCrash(crash.id, patch);
    },
    onMutate: () => setFormError(null),
    onSuccess: async (detail) => {
      window.clearTimeout(saveTimer.current);
      clearDraft(user.id, draftKey);
      queryClient.setQueryData(crashQuery(detail.id).queryKey, detail);
      void message.success(crash ? t('crashForm.updated') : t('crashForm.created', { id: detail.id }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['crashes', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['crashes', 'summary'] }),
        queryClient.invalidateQueries({ queryKey: ['crashes', 'map'] }),
        queryClient.invalidateQueries({ queryKey: ['crash-stats'] }),
      ]);
      await navigate({ to: '/crashes/$crashId', params: { crashId: String(detail.id) } });
    },
    onError: (error) => setFormError(applyErrors(form, error, t('errors.generic'))),
  });

  const discardDraft = () => {
    clearDraft(user.id, draftKey);
    form.resetFields();
    form.setFieldsValue(initial);
    setRestored(null);
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setGps({ state: 'error', text: t('crashForm.gpsUnavailable') });
      return;
    }
    setGps({ state: 'busy', text: t('crashForm.gpsBusy') });
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const lat = Math.round(pos.coords.latitude * 1e6) / 1e6;
        const lon = Math.round(pos.coords.longitude * 1e6) / 1e6;
        form.setFieldsValue({ lat, lon });
        form.setFields([
          { name: 'lat', errors: [] },
          { name: 'lon', errors: [] },
        ]);
        persist();
        setGps({
          state: 'ok',
          text: t('crashForm.gpsOk', { accuracy: formatNumber(Math.round(pos.coords.accuracy)) }),
        });
      },
      (err) =>
        setGps({
          state: 'error',
          text: err.code === err.PERMISSION_DENIED ? t('crashForm.gpsDenied') : t('crashForm.gpsFailed'),
        }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  const communeOptions = communeList.map((c: CommuneOption) => ({ value: c.id, label: communeName(c) }));
  const enumOptions = <T extends string>(group: string, values: readonly T[]) =>
    values.map((v) => ({ value: v, label: enumLabel(group, v) }));

  return (
    <>
      {restored ? (
        <Alert
          type="info"
          showIcon
          className="page-section"
          title={t('crashForm.draftRestored', { at: formatDateTime(restored) })}
          action={
            <Button size="small" onClick={discardDraft}>
              {t('crashForm.discardDraft')}
            </Button>
          }
        />
      ) : null}
      {!storageOk ? (
        <Alert type="warning" showIcon className="page-section" title={t('crashForm.storageFailed')} />
      ) : null}
      {formError ? (
        <Alert type="error" showIcon role="alert" className="page-section" title={formError} />
      ) : null}
      <Form<FormValues>
        form={form}
        name="crash"
        layout="vertical"
        className="crash-form"
        initialValues={startValues}
        onValuesChange={() => persist()}
        onFinish={(values) => save.mutate({ ...form.getFieldsValue(true), ...values })}
        onFinishFailed={({ errorFields }) => {
          const first = errorFields[0];
          if (first) form.scrollToField(first.name, { block: 'center' });
        }}
        scrollToFirstError={false}
      >
        <Section id="crash-when-where" title={t('crashForm.sectionWhenWhere')}>
          <div className="form-grid">
            <Form.Item
              label={t('crashForm.date')}
              name="date"
              rules={[{ required: true, message: t('crashForm.dateRequired') }]}
            >
              <DatePicker
                format="DD/MM/YYYY"
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                placeholder={t('crashForm.datePlaceholder')}
              />
            </Form.Item>
            <Form.Item
              label={t('crashForm.time')}
              name="time"
              rules={[{ required: true, message: t('crashForm.timeRequired') }]}
            >
              <TimePicker
                format="HH:mm"
                style={{ width: '100%' }}
                needConfirm={false}
                placeholder={t('crashForm.timePlaceholder')}
              />
            </Form.Item>
            <Form.Item
              label={t('crashForm.commune')}
              name="adminUnitId"
              extra={t('crashForm.communeHelp', { date: formatDate(dateIso) })}
              rules={[
                { required: true, message: t('crashForm.communeRequired') },
                {
                  validator: (_, v: string | undefined) =>
                    !v || communes.isPending || communeList.some((c) => c.id === v)
                      ? Promise.resolve()
                      : Promise.reject(
                          new Error(t('crashForm.communeNotOnDate', { date: formatDate(dateIso) })),
                        ),
                },
              ]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={communes.isPending}
                options={communeOptions}
                placeholder={t('crashForm.communePlaceholder')}
              />
            </Form.Item>
            <Form.Item label={t('crashForm.mode')} name="mode" className="wide-item">
              <Radio.Group
                optionType="button"
                aria-label={t('crashForm.mode')}
                options={MODES.map((m) => ({ value: m, label: enumLabel('modeShort', m) }))}
              />
            </Form.Item>
          </div>
          <div className="form-grid">
            <Form.Item label={t('crashForm.road')} name="roadId" extra={t('crashForm.roadHelp')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={roads.isPending}
                placeholder={mode === 'road' ? t('crashForm.roadPlaceholder') : t('common.none')}
                options={roadOptions(roads.data).map(({ value, label }) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item
              label={t('crashForm.kmMarker')}
              name="kmMarker"
              extra={t('crashForm.kmMarkerHelp')}
              normalize={(v: string) => v}
              rules={[
                {
                  validator: (_, v: string | undefined) =>
                    !v || v.trim() === '' || KM_MARKER.test(v)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('crashForm.kmMarkerInvalid'))),
                },
              ]}
            >
              <Input
                placeholder="Km 12+300"
                inputMode="text"
                autoComplete="off"
                onBlur={(e) => {
                  const v = e.target.value;
                  if (KM_MARKER.test(v)) form.setFieldValue('kmMarker', normalizeKm(v));
                }}
              />
            </Form.Item>
            <Form.Item label={t('crashForm.roadName')} name="roadName" extra={t('crashForm.roadNameHelp')}>
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
            <Form.Item label={t('crashForm.place')} name="place" extra={t('crashForm.placeHelp')}>
              <Input maxLength={300} autoComplete="off" />
            </Form.Item>
          </div>
          <fieldset className="gps-fieldset">
            <legend className="field-legend">{t('crashForm.position')}</legend>
            <div className="gps-row">
              <Button
                icon={<AimOutlined aria-hidden />}
                onClick={locate}
                loading={gps.state === 'busy'}
                className="gps-button"
              >
                {t('crashForm.gpsButton')}
              </Button>
              <p
                className={`gps-status ${gps.state === 'error' ? 'gps-error' : 'muted'}`}
                role="status"
                aria-live="polite"
              >
                {gps.text}
              </p>
            </div>
            <div className="form-grid">
              <Form.Item
                label={t('crashForm.lat')}
                name="lat"
                dependencies={['lon']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, v: number | null | undefined) =>
                      (v == null) === (getFieldValue('lon') == null)
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('crashForm.latLonBoth'))),
                  }),
                ]}
              >
                <InputNumber
                  min={-90}
                  max={90}
                  step={0.000001}
                  inputMode="decimal"
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item label={t('crashForm.lon')} name="lon" dependencies={['lat']}>
                <InputNumber
                  min={-180}
                  max={180}
                  step={0.000001}
                  inputMode="decimal"
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item label={t('crashForm.area')} name="area">
                <Radio.Group
                  optionType="button"
                  aria-label={t('crashForm.area')}
                  options={AREAS.map((a) => ({ value: a, label: enumLabel('area', a) }))}
                />
              </Form.Item>
            </div>
          </fieldset>
        </Section>

        <Section id="crash-conditions" title={t('crashForm.sectionConditions')}>
          <div className="form-grid">
            <Form.Item label={t('crashForm.weather')} name="weather">
              <Select allowClear options={enumOptions('weather', WEATHER)} placeholder={t('common.none')} />
            </Form.Item>
            <Form.Item label={t('crashForm.light')} name="light">
              <Select allowClear options={enumOptions('light', LIGHT)} placeholder={t('common.none')} />
            </Form.Item>
            <Form.Item label={t('crashForm.surface')} name="surface">
              <Select allowClear options={enumOptions('surface', SURFACE)} placeholder={t('common.none')} />
            </Form.Item>
            <Form.Item label={t('crashForm.collisionType')} name="collisionType">
              <Select
                allowClear
                options={enumOptions('collisionType', COLLISION_TYPES)}
                placeholder={t('common.none')}
              />
            </Form.Item>
          </div>
        </Section>

        <Section id="crash-vehicles" title={t('crashForm.sectionVehicles')}>
          <Form.Item label={<span id="crash-vehicles-label">{t('crashForm.vehicles')}</span>} name="vehicles">
            <Checkbox.Group
              className="check-grid"
              role="group"
              aria-labelledby="crash-vehicles-label"
              options={vehicleOptions}
            />
          </Form.Item>
          <Form.Item label={t('crashForm.causes')} name="causes" extra={t('crashForm.causesHelp')}>
            <Select
              mode="multiple"
              allowClear
              options={causeOptions}
              placeholder={t('crashForm.causesPlaceholder')}
            />
          </Form.Item>
          <div className="check-row">
            <Form.Item name="alcohol" valuePropName="checked" className="inline-item">
              <Checkbox>{t('crashForm.alcohol')}</Checkbox>
            </Form.Item>
            <Form.Item name="commercial" valuePropName="checked" className="inline-item">
              <Checkbox>{t('crashForm.commercial')}</Checkbox>
            </Form.Item>
          </div>
        </Section>

        <Section id="crash-persons" title={t('crashForm.sectionPersons')}>
          <p className="muted">{t('crashForm.personsHelp')}</p>
          <Form.List name="persons">
            {(fields, { add, remove }) => (
              <>
                <ol className="person-list plain-list">
                  {fields.map((field, index) => (
                    <PersonRow
                      key={field.key}
                      name={field.name}
                      index={index}
                      form={form}
                      onRemove={() => {
                        remove(field.name);
                        persist();
                      }}
                    />
                  ))}
                </ol>
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => {
                    add({
                      role: 'driver',
                      injury: 'minor',
                      student: false,
                      alcohol: 'not_tested',
                      drugs: 'not_tested',
                    });
                    persist();
                  }}
                >
                  {t('crashForm.addPerson')}
                </Button>
              </>
            )}
          </Form.List>
          <h3 className="subsection-title">{t('crashForm.counts')}</h3>
          {hasPersons ? <p className="muted">{t('crashForm.countsFromPersons')}</p> : null}
          <div className="form-grid counts-grid">
            <Form.Item label={t('crashes.deaths')} name="deaths" rules={[{ required: true }]}>
              <InputNumber min={0} max={500} precision={0} disabled={hasPersons} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label={t('crashes.injured')} name="injured" rules={[{ required: true }]}>
              <InputNumber min={0} max={500} precision={0} disabled={hasPersons} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label={t('crashForm.students')} name="students" rules={[{ required: true }]}>
              <InputNumber min={0} max={500} precision={0} disabled={hasPersons} style={{ width: '100%' }} />
            </Form.Item>
          </div>
          <div className="severity-preview" aria-live="polite">
            <span>{t('crashForm.severityPreview')}</span> <SeverityTag severity={severity?.code ?? null} />
            {severity ? (
              <span className="cell-secondary">
                {t('crashForm.severityRule', { rule: severity.citation })}
              </span>
            ) : null}
          </div>
        </Section>

        <Section id="crash-source" title={t('crashForm.sectionSource')}>
          <div className="form-grid">
            <Form.Item label={t('crashForm.source')} name="source">
              <Radio.Group
                optionType="button"
                aria-label={t('crashForm.source')}
                options={SOURCES.map((s) => ({ value: s, label: enumLabel('source', s) }))}
              />
            </Form.Item>
            <Form.Item name="verified" valuePropName="checked" label={t('crashForm.verification')}>
              <Checkbox>{t('crashForm.verified')}</Checkbox>
            </Form.Item>
          </div>
          <Form.Item label={t('crashes.description')} name="description">
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
        </Section>

        <div className="sticky-actions crash-form-actions">
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined aria-hidden />}
            loading={save.isPending}
          >
            {crash ? t('crashForm.saveChanges') : t('crashForm.save')}
          </Button>
          <Button
            onClick={() =>
              void (crash
                ? navigate({ to: '/crashes/$crashId', params: { crashId: String(crash.id) } })
                : navigate({ to: '/crashes', search: {} }))
            }
          >
            {t('common.cancel')}
          </Button>
          <span className="muted draft-note">{t('crashForm.draftNote')}</span>
        </div>
      </Form>
    </>
  );
}

function PersonRow({
  name,
  index,
  form,
  onRemove,
}: {
  name: number;
  index: number;
  form: FormInstance<FormValues>;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const injury = Form.useWatch(['persons', name, 'injury'], form);
  return (
    <li className="person-row">
      <fieldset className="person-fieldset">
        <legend className="person-legend">{t('crashForm.personN', { n: index + 1 })}</legend>
        <div className="person-remove">
          <Button
            size="small"
            danger
            icon={<DeleteOutlined aria-hidden />}
            onClick={onRemove}
            aria-label={t('crashForm.removePersonN', { n: index + 1 })}
          >
            {t('crashForm.removePerson')}
          </Button>
        </div>
        <div className="form-grid person-grid">
          <Form.Item label={t('crashForm.personRole')} name={[name, 'role']} rules={[{ required: true }]}>
            <Select options={PERSON_ROLES.map((r) => ({ value: r, label: enumLabel('personRole', r) }))} />
          </Form.Item>
          <Form.Item
            label={t('crashForm.injury')}
            name={[name, 'injury']}
            rules={[{ required: true, message: t('crashForm.injuryRequired') }]}
          >
            <Select options={INJURIES.map((i) => ({ value: i, label: enumLabel('injury', i) }))} />
          </Form.Item>
          {injury === 'died_later' ? (
            <Form.Item label={t('crashForm.diedOn')} name={[name, 'diedOn']}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          <Form.Item label={t('crashForm.age')} name={[name, 'age']}>
            <InputNumber min={0} max={120} precision={0} inputMode="numeric" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('crashForm.sex')} name={[name, 'sex']}>
            <Radio.Group
              optionType="button"
              aria-label={t('crashForm.sexOfN', { n: index + 1 })}
              options={SEXES.map((s) => ({ value: s, label: enumLabel('sex', s) }))}
            />
          </Form.Item>
          <Form.Item label={t('crashForm.personVehicle')} name={[name, 'vehicle']}>
            <Select allowClear options={vehicleOptions} placeholder={t('common.none')} />
          </Form.Item>
          <Form.Item label={t('crashForm.alcoholTest')} name={[name, 'alcohol']}>
            <Select options={TESTS.map((x) => ({ value: x, label: enumLabel('test', x) }))} />
          </Form.Item>
          <Form.Item label={t('crashForm.drugsTest')} name={[name, 'drugs']}>
            <Select options={TESTS.map((x) => ({ value: x, label: enumLabel('test', x) }))} />
          </Form.Item>
          <Form.Item name={[name, 'student']} valuePropName="checked" className="inline-item person-student">
            <Checkbox>{t('crashForm.student')}</Checkbox>
          </Form.Item>
        </div>
      </fieldset>
    </li>
  );
}

/** "Xã Bình Lư", as the select shows a commune. */
export function communeName(c: CommuneOption): string {
  const kind = (c.kind ?? '').trim();
  if (!kind || c.name.toLowerCase().startsWith(kind.toLowerCase())) return c.name;
  return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${c.name}`;
}
