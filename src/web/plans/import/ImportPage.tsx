import {
  DeleteOutlined,
  FileSearchOutlined,
  PlusOutlined,
  ReloadOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Select,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ErrorDetail, isApiError } from '../../platform/api.ts';
import { useSession } from '../../platform/auth.tsx';
import { formatNumber } from '../../platform/format.ts';
import { PageHeader } from '../../platform/ui/PageHeader.tsx';
import {
  commitImport,
  fileToBase64,
  type ImportLayout,
  type ImportPreview,
  type ImportPreviewBody,
  type ImportSource,
  type PlanHeaderInput,
  parentPlanOptionsQuery,
  previewImport,
  TARGET_DIRECTIONS,
  TARGET_INDICATORS,
  type TargetDirection,
  type TargetIndicator,
} from '../api.ts';
import { formatSize, useTargetText } from '../ui.tsx';
import {
  clearDraft,
  type DraftHeader,
  type DraftMapping,
  emptyDraft,
  hasContent,
  type ImportDraft,
  loadDraft,
  saveDraft,
} from './draft.ts';
import { OrgUnitPicker, type PickedUnit } from './OrgUnitPicker.tsx';
import { PreviewTable, ProblemList } from './PreviewParts.tsx';

const routeApi = getRouteApi('/_app/plans/import');

const MAX_FILE_BYTES = 5 * 1024 * 1024;
const ACCEPT = '.tsv,.csv,.txt,.xlsx,.docx';

interface TargetValues {
  indicator?: TargetIndicator;
  direction?: TargetDirection;
  minPercent?: number | null;
  maxPercent?: number | null;
  description?: string;
}

interface HeaderValues {
  number?: string;
  issuedOn?: Dayjs | null;
  issuingBody?: string;
  title?: string;
  theme?: string;
  directives?: string[];
  goals?: string;
  parentId?: number | null;
  ownerUnitId?: number | null;
  endsOn?: Dayjs | null;
  status?: 'draft' | 'active';
  targets?: TargetValues[];
}

const HEADER_FIELDS = [
  'number',
  'issuedOn',
  'issuingBody',
  'title',
  'theme',
  'directives',
  'goals',
  'parentId',
  'ownerUnitId',
  'endsOn',
  'status',
  'targets',
] as const;

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const day = (s: string | undefined) => (s ? dayjs(s) : null);

function toDraftHeader(v: HeaderValues, ownerUnitName: string | null): DraftHeader {
  return {
    number: v.number,
    issuedOn: iso(v.issuedOn),
    issuingBody: v.issuingBody,
    title: v.title,
    theme: v.theme,
    directives: v.directives,
    goals: v.goals,
    parentId: v.parentId ?? null,
    ownerUnitId: v.ownerUnitId ?? null,
    ownerUnitName,
    endsOn: iso(v.endsOn),
    status: v.status,
    targets: v.targets,
  };
}

function fromDraftHeader(h: DraftHeader): HeaderValues {
  return {
    number: h.number,
    issuedOn: day(h.issuedOn),
    issuingBody: h.issuingBody,
    title: h.title,
    theme: h.theme,
    directives: h.directives ?? [],
    goals: h.goals,
    parentId: h.parentId ?? null,
    ownerUnitId: h.ownerUnitId ?? null,
    endsOn: day(h.endsOn),
    status: h.status ?? 'active',
    targets: h.targets ?? [],
  };
}

/** What the preview was made from; a change means the preview is out of date. */
const sourceKey = (d: ImportDraft) =>
  JSON.stringify({
    mode: d.mode,
    text: d.mode === 'paste' ? d.text : undefined,
    file: d.mode === 'file' && d.file ? [d.file.name, d.file.size] : undefined,
    planDate: d.planDate,
    layout: d.layout,
    mappings: d.mappings.map((m) => [m.text, m.orgUnitId]),
  });

function sourceOf(d: ImportDraft): ImportSource | null {
  if (d.mode === 'paste') return d.text.trim() ? { text: d.text } : null;
  if (d.file?.base64) return { fileName: d.file.name, contentBase64: d.file.base64 };
  return null;
}

interface ShownError {
  message: string;
  details: ErrorDetail[];
}

function errorOf(e: unknown, fallback: string): ShownError {
  if (isApiError(e)) return { message: e.message, details: e.details };
  return { message: fallback, details: [] };
}

function ErrorAlert({ error }: { error: ShownError }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="page-section"
      title={error.message}
      description={
        error.details.length > 0 ? (
          <ul className="problem-list">
            {error.details.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: details have no id
              <li key={i}>
                {d.path ? <span className="problem-where">{d.path}: </span> : null}
                {d.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

function StepCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
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

export function ImportPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const search = routeApi.useSearch();
  const targetText = useTargetText();
  const [form] = Form.useForm<HeaderValues>();
  const isUnitUser = user.role === 'agency' || user.role === 'commune';

  // The draft: restored from localStorage, saved on every change.
  const restored = useRef<ImportDraft | null>(null);
  const [draft, setDraft] = useState<ImportDraft>(() => {
    const saved = loadDraft(user.id);
    restored.current = saved && hasContent(saved) ? saved : null;
    const base = saved ?? emptyDraft();
    const header: DraftHeader = { ...base.header };
    if (search.parentId && !header.parentId) header.parentId = search.parentId;
    if (isUnitUser && !header.ownerUnitId && user.orgUnit) {
      header.ownerUnitId = user.orgUnit.id;
      header.ownerUnitName = user.orgUnit.name;
    }
    return { ...base, header };
  });
  const [storageOk, setStorageOk] = useState(true);
  /** Set once the plan is saved: the draft must not be written back. */
  const done = useRef(false);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      if (!done.current) setStorageOk(saveDraft(user.id, draft));
    }, 300);
    return () => window.clearTimeout(timer);
  }, [draft, user.id]);
  const update = (patch: Partial<ImportDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [previewKey, setPreviewKey] = useState<string | null>(null);
  const [previewError, setPreviewError] = useState<ShownError | null>(null);
  const [saveError, setSaveError] = useState<ShownError | null>(null);
  const [ownerName, setOwnerName] = useState<string | null>(draft.header.ownerUnitName ?? null);

  const [initialHeader] = useState(() => fromDraftHeader(draft.header));
  const parents = useQuery(parentPlanOptionsQuery());

  const bodyOf = (d: ImportDraft): ImportPreviewBody | null => {
    const source = sourceOf(d);
    if (!source) return null;
    return {
      source,
      ...(d.planDate ? { planDate: d.planDate } : {}),
      ...(d.layout ? { layout: d.layout } : {}),
      mappings: d.mappings.map((m) => ({ text: m.text, orgUnitId: m.orgUnitId })),
    };
  };

  const read = useMutation({
    mutationFn: async (d: ImportDraft) => {
      const body = bodyOf(d);
      if (!body) throw new Error('no source');
      return { key: sourceKey(d), result: await previewImport(body) };
    },
    onMutate: () => setPreviewError(null),
    onSuccess: ({ key, result }) => {
      setPreview(result);
      setPreviewKey(key);
      setDraft((d) => ({ ...d, previewed: true }));
      prefillHeader(result);
    },
    onError: (e) => {
      setPreview(null);
      setPreviewError(errorOf(e, t('errors.generic')));
    },
  });

  // A restored draft that had been read is read again, so the preview is back too.
  const rereadOnce = useRef(false);
  useEffect(() => {
    if (rereadOnce.current) return;
    rereadOnce.current = true;
    if (restored.current?.previewed && bodyOf(draft)) read.mutate(draft);
  });

  function prefillHeader(result: ImportPreview) {
    const cur = form.getFieldsValue();
    const ref = result.reference;
    const patch: HeaderValues = {};
    if (!cur.number && ref.number) patch.number = ref.number;
    if (!cur.issuedOn && (ref.date || draft.planDate)) patch.issuedOn = day(ref.date ?? draft.planDate);
    if (!cur.issuingBody && ref.issuingBody) patch.issuingBody = ref.issuingBody;
    if (!cur.title && ref.title) patch.title = ref.title;
    if (Object.keys(patch).length > 0) {
      form.setFieldsValue(patch);
      syncHeader();
    }
  }

  const syncHeader = () =>
    setDraft((d) => ({ ...d, header: toDraftHeader(form.getFieldsValue(true) as HeaderValues, ownerName) }));

  const stale = preview !== null && previewKey !== sourceKey(draft);
  const errors = preview?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const canSave = Boolean(preview?.canSave) && errors === 0 && !stale;

  const save = useMutation({
    mutationFn: async (v: HeaderValues) => {
      const body = bodyOf(draft);
      if (!body) throw new Error('no source');
      const plan: PlanHeaderInput = {
        number: (v.number ?? '').trim(),
        issuedOn: iso(v.issuedOn) ?? '',
        issuingBody: (v.issuingBody ?? '').trim(),
        title: (v.title ?? '').trim(),
        theme: v.theme?.trim() || null,
        directives: (v.directives ?? []).map((s) => s.trim()).filter(Boolean),
        goals: v.goals?.trim() || null,
        parentId: v.parentId ?? null,
        ownerUnitId: v.ownerUnitId ?? null,
        endsOn: iso(v.endsOn) ?? null,
        status: v.status ?? 'active',
        targets: (v.targets ?? []).map((x) => {
          const target = {
            indicator: x.indicator ?? 'other',
            direction: x.direction ?? 'decrease',
            minPercent: x.minPercent ?? null,
            maxPercent: x.maxPercent ?? null,
          };
          return { ...target, description: x.description?.trim() || targetText(target) };
        }),
      };
      return commitImport({ ...body, plan, rememberMappings: true });
    },
    onMutate: () => setSaveError(null),
    onSuccess: async (res) => {
      done.current = true;
      clearDraft(user.id);
      void message.success(
        t('import.saved', { tasks: formatNumber(res.tasks), assignments: formatNumber(res.assignments) }),
      );
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
      void queryClient.invalidateQueries({ queryKey: ['assignments'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      void queryClient.invalidateQueries({ queryKey: ['directory', 'org-units'] });
      await navigate({ to: '/plans/$planId', params: { planId: String(res.planId) }, search: {} });
    },
    onError: (e) => {
      if (!isApiError(e)) {
        setSaveError({ message: t('errors.generic'), details: [] });
        return;
      }
      const loose: ErrorDetail[] = [];
      const fields: { name: (string | number)[]; errors: string[] }[] = [];
      for (const d of e.details) {
        const parts = d.path.split('.');
        if (parts[0] === 'plan' && (HEADER_FIELDS as readonly string[]).includes(parts[1] ?? '')) {
          fields.push({
            name: parts.slice(1).map((x) => (/^\d+$/.test(x) ? Number(x) : x)),
            errors: [d.message],
          });
        } else loose.push(d);
      }
      if (fields.length > 0) (form as FormInstance).setFields(fields);
      setSaveError({ message: e.message, details: loose });
    },
  });

  const startOver = () => {
    clearDraft(user.id);
    const fresh = emptyDraft();
    if (isUnitUser && user.orgUnit)
      fresh.header = { ownerUnitId: user.orgUnit.id, ownerUnitName: user.orgUnit.name };
    setDraft(fresh);
    setPreview(null);
    setPreviewKey(null);
    setPreviewError(null);
    setSaveError(null);
    restored.current = null;
    form.resetFields();
    form.setFieldsValue(fromDraftHeader(fresh.header));
  };

  const setMapping = (text: string, unit: PickedUnit | null) =>
    setDraft((d) => {
      const rest = d.mappings.filter((m) => m.text !== text);
      return {
        ...d,
        mappings: unit ? [...rest, { text, orgUnitId: unit.id, orgUnitName: unit.name }] : rest,
      };
    });

  const onFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      void message.error(t('import.fileTooLarge', { name: file.name }));
      return;
    }
    const base64 = await fileToBase64(file);
    update({ mode: 'file', file: { name: file.name, size: file.size, base64 } });
  };

  const source = sourceOf(draft);

  return (
    <>
      <PageHeader title={t('import.title')} intro={t('import.intro')} />

      {restored.current ? (
        <Alert
          type="info"
          showIcon
          className="page-section"
          title={t('import.restored')}
          action={
            <Popconfirm
              title={t('import.startOverConfirm')}
              okText={t('import.startOver')}
              cancelText={t('common.cancel')}
              onConfirm={startOver}
            >
              <Button size="small">{t('import.startOver')}</Button>
            </Popconfirm>
          }
        />
      ) : null}
      {!storageOk ? (
        <Alert type="warning" showIcon className="page-section" title={t('import.storageFailed')} />
      ) : null}
      {isUnitUser ? (
        <Alert type="info" showIcon className="page-section" title={t('import.unitRule')} />
      ) : null}

      <StepCard id="import-source" title={t('import.step1')}>
        <fieldset className="filter-fieldset page-section">
          <legend className="sr-only">{t('import.sourceKind')}</legend>
          <Radio.Group
            optionType="button"
            value={draft.mode}
            onChange={(e) => update({ mode: e.target.value as 'paste' | 'file' })}
            options={[
              { value: 'paste', label: t('import.modePaste') },
              { value: 'file', label: t('import.modeFile') },
            ]}
          />
        </fieldset>
        {draft.mode === 'paste' ? (
          <div className="import-source page-section">
            <label htmlFor="import-text" className="field-label">
              {t('import.textLabel')}
            </label>
            <p className="muted field-help" id="import-text-help">
              {t('import.textHelp')}
            </p>
            <Input.TextArea
              id="import-text"
              aria-describedby="import-text-help"
              rows={10}
              value={draft.text}
              onChange={(e) => update({ text: e.target.value })}
              spellCheck={false}
            />
          </div>
        ) : (
          <div className="page-section">
            <p className="muted field-help">{t('import.fileHelp')}</p>
            <Upload
              accept={ACCEPT}
              showUploadList={false}
              beforeUpload={(file) => {
                void onFile(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined aria-hidden />}>{t('import.chooseFile')}</Button>
            </Upload>
            {draft.file ? (
              <p style={{ marginTop: 8 }}>
                {t('import.chosenFile', { name: draft.file.name, size: formatSize(draft.file.size) })}{' '}
                <Button
                  size="small"
                  icon={<DeleteOutlined aria-hidden />}
                  onClick={() => update({ file: null })}
                  aria-label={t('import.removeFile', { name: draft.file.name })}
                >
                  {t('import.remove')}
                </Button>
              </p>
            ) : null}
            {draft.file && !draft.file.base64 ? (
              <Alert type="warning" showIcon title={t('import.fileNotKept')} />
            ) : null}
          </div>
        )}
        <div className="form-grid">
          <div className="page-section">
            <label htmlFor="import-plan-date" className="field-label">
              {t('import.planDate')}
            </label>
            <DatePicker
              id="import-plan-date"
              format="DD/MM/YYYY"
              style={{ width: '100%' }}
              value={day(draft.planDate)}
              onChange={(d) => update({ planDate: iso(d) })}
              aria-describedby="import-plan-date-help"
            />
            <span className="cell-secondary" id="import-plan-date-help">
              {t('import.planDateHelp')}
            </span>
          </div>
          <div className="page-section">
            <label htmlFor="import-layout" className="field-label">
              {t('import.layout')}
            </label>
            <Select<ImportLayout | ''>
              id="import-layout"
              style={{ width: '100%' }}
              value={draft.layout ?? ''}
              onChange={(v) => update({ layout: v === '' ? undefined : v })}
              options={[
                { value: '', label: t('import.layoutAuto') },
                { value: 'table', label: t('import.layoutTable') },
                { value: 'prose', label: t('import.layoutProse') },
              ]}
            />
          </div>
        </div>
        <Button
          type="primary"
          icon={<FileSearchOutlined aria-hidden />}
          disabled={!source}
          loading={read.isPending}
          onClick={() => read.mutate(draft)}
        >
          {t('import.read')}
        </Button>
      </StepCard>

      {previewError ? <ErrorAlert error={previewError} /> : null}

      {preview ? (
        <StepCard id="import-preview" title={t('import.step2')}>
          <p className="counts-line" aria-live="polite">
            <span>
              {t('import.countsSections', {
                count: preview.counts.sections,
                n: formatNumber(preview.counts.sections),
              })}
            </span>
            <span>
              {t('import.countsTasks', {
                count: preview.counts.tasks,
                n: formatNumber(preview.counts.tasks),
              })}
            </span>
            <span>
              {t('import.countsAssignments', {
                count: preview.counts.assignments,
                n: formatNumber(preview.counts.assignments),
              })}
            </span>
            <span>
              {t('import.countsUncertain', {
                count: preview.counts.uncertain,
                n: formatNumber(preview.counts.uncertain),
              })}
            </span>
            <span className="muted">
              {t('import.formatLine', {
                format: preview.format === 'paste' ? t('import.formatPaste') : preview.format.toUpperCase(),
                layout: t(preview.layout === 'prose' ? 'import.layoutProse' : 'import.layoutTable'),
              })}
            </span>
          </p>
          {preview.title ? (
            <p className="muted">{t('import.appendixTitle', { title: preview.title })}</p>
          ) : null}
          {stale ? (
            <Alert type="warning" showIcon className="page-section" title={t('import.stale')} />
          ) : null}
          <ProblemList problems={preview.problems} />
          <UnresolvedNames
            preview={preview}
            mappings={draft.mappings}
            onMap={setMapping}
            onReread={() => read.mutate(draft)}
            rereading={read.isPending}
          />
          <PreviewTable items={preview.items} />
        </StepCard>
      ) : null}

      <StepCard id="import-header" title={t('import.step3')}>
        {saveError ? <ErrorAlert error={saveError} /> : null}
        <Form<HeaderValues>
          form={form}
          name="plan"
          layout="vertical"
          initialValues={initialHeader}
          onValuesChange={() => syncHeader()}
          onFinish={(v) => save.mutate(v)}
        >
          <div className="form-grid">
            <Form.Item
              label={t('plans.number')}
              name="number"
              rules={[{ required: true, whitespace: true, message: t('import.numberRequired') }]}
            >
              <Input maxLength={60} autoComplete="off" placeholder="15/KH-UBND" />
            </Form.Item>
            <Form.Item
              label={t('plans.issuedOn')}
              name="issuedOn"
              rules={[{ required: true, message: t('import.issuedOnRequired') }]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              label={t('plans.issuingBody')}
              name="issuingBody"
              rules={[{ required: true, whitespace: true, message: t('import.issuingBodyRequired') }]}
            >
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </div>
          <Form.Item
            label={t('plans.planTitle')}
            name="title"
            rules={[{ required: true, whitespace: true, message: t('import.titleRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
          <div className="form-grid">
            <Form.Item label={t('plans.theme')} name="theme">
              <Input maxLength={300} autoComplete="off" />
            </Form.Item>
            <Form.Item label={t('plans.status')} name="status">
              <Select
                options={(['active', 'draft'] as const).map((s) => ({
                  value: s,
                  label: t(`plans.planStatuses.${s}`),
                }))}
              />
            </Form.Item>
            <Form.Item label={t('plans.endsOn')} name="endsOn" extra={t('import.endsOnHelp')}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </div>
          <Form.Item label={t('plans.directives')} name="directives" extra={t('import.directivesHelp')}>
            <Select mode="tags" tokenSeparators={[';']} open={false} suffixIcon={null} />
          </Form.Item>
          <Form.Item label={t('plans.goals')} name="goals">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10000} />
          </Form.Item>
          <div className="form-grid">
            <Form.Item
              label={t('plans.parent')}
              name="parentId"
              extra={t('import.parentHelp')}
              rules={[{ required: isUnitUser, message: t('import.parentRequired') }]}
            >
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={parents.isPending}
                popupMatchSelectWidth={false}
                placeholder={t('import.noParent')}
                options={(parents.data ?? []).map((p) => ({
                  value: p.id,
                  label: `${p.number} — ${p.title}`,
                }))}
              />
            </Form.Item>
            <Form.Item
              label={t('plans.ownerUnit')}
              name="ownerUnitId"
              extra={t('import.ownerHelp')}
              rules={[{ required: isUnitUser, message: t('import.ownerRequired') }]}
            >
              <OwnerField
                current={
                  draft.header.ownerUnitId && ownerName
                    ? { id: draft.header.ownerUnitId, name: ownerName }
                    : null
                }
                onName={(name) => {
                  setOwnerName(name);
                  setDraft((d) => ({ ...d, header: { ...d.header, ownerUnitName: name } }));
                }}
              />
            </Form.Item>
          </div>
          <TargetsField />
          <div className="sticky-actions">
            <Button type="primary" htmlType="submit" disabled={!canSave} loading={save.isPending}>
              {t('import.save')}
            </Button>
            <span className="muted" aria-live="polite">
              {!preview
                ? t('import.saveNeedsPreview')
                : stale
                  ? t('import.stale')
                  : errors > 0
                    ? t('import.saveBlockedErrors', { count: errors })
                    : !preview.canSave
                      ? t('import.saveBlockedEmpty')
                      : t('import.saveReady')}
            </span>
          </div>
        </Form>
      </StepCard>
    </>
  );
}

/** The owner unit as a form control (Form.Item gives value/onChange/id). */
function OwnerField({
  value,
  onChange,
  id,
  current,
  onName,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  id?: string;
  current: PickedUnit | null;
  onName: (name: string | null) => void;
}) {
  return (
    <OrgUnitPicker
      id={id}
      value={value}
      current={current}
      style={{ width: '100%' }}
      onChange={(unit) => {
        onChange?.(unit?.id ?? null);
        onName(unit?.name ?? null);
      }}
    />
  );
}

function TargetsField() {
  const { t } = useTranslation();
  return (
    <fieldset className="filter-fieldset page-section">
      <legend className="field-label">{t('plans.targets')}</legend>
      <p className="muted field-help">{t('import.targetsHelp')}</p>
      <Form.List name="targets">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <div key={field.key} className="target-row">
                <Form.Item label={t('import.indicator')} name={[field.name, 'indicator']}>
                  <Select
                    options={TARGET_INDICATORS.map((i) => ({ value: i, label: t(`plans.indicators.${i}`) }))}
                  />
                </Form.Item>
                <Form.Item label={t('import.direction')} name={[field.name, 'direction']}>
                  <Select
                    options={TARGET_DIRECTIONS.map((d) => ({ value: d, label: t(`plans.directions.${d}`) }))}
                  />
                </Form.Item>
                <Form.Item label={t('import.minPercent')} name={[field.name, 'minPercent']}>
                  <InputNumber min={0} max={100} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item label={t('import.maxPercent')} name={[field.name, 'maxPercent']}>
                  <InputNumber min={0} max={100} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item
                  className="target-description"
                  label={t('import.targetDescription')}
                  name={[field.name, 'description']}
                >
                  <Input maxLength={500} autoComplete="off" placeholder={t('import.targetDescriptionHelp')} />
                </Form.Item>
                <Button
                  className="target-remove"
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('import.removeTarget', { n: field.name + 1 })}
                  onClick={() => remove(field.name)}
                />
              </div>
            ))}
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() =>
                add({ indicator: 'deaths', direction: 'decrease', minPercent: 5, maxPercent: 10 })
              }
            >
              {t('import.addTarget')}
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}

/** Names the reader could not resolve: map each once to a unit, then read again. */
function UnresolvedNames({
  preview,
  mappings,
  onMap,
  onReread,
  rereading,
}: {
  preview: ImportPreview;
  mappings: DraftMapping[];
  onMap: (text: string, unit: PickedUnit | null) => void;
  onReread: () => void;
  rereading: boolean;
}) {
  const { t } = useTranslation();
  const unresolvedTexts = new Set(preview.unresolved.map((u) => u.text));
  const applied = mappings.filter((m) => !unresolvedTexts.has(m.text));
  if (preview.unresolved.length === 0 && mappings.length === 0) return null;
  const mappingOf = (text: string) => mappings.find((m) => m.text === text);
  return (
    <section className="page-section" aria-labelledby="import-unresolved">
      <h3 className="section-title" id="import-unresolved" style={{ marginTop: 0 }}>
        {preview.unresolved.length > 0
          ? t('import.unresolvedTitle', { count: preview.unresolved.length })
          : t('import.mappingsTitle')}
      </h3>
      {preview.unresolved.length > 0 ? (
        <>
          <p className="muted">{t('import.unresolvedIntro')}</p>
          <table className="mapping-table diff-table">
            <thead>
              <tr>
                <th scope="col">{t('import.nameInDocument')}</th>
                <th scope="col">{t('import.mapTo')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.unresolved.map((u) => {
                const m = mappingOf(u.text);
                return (
                  <tr key={u.text}>
                    <td>
                      <strong>{u.text}</strong>
                      <span className="cell-secondary">
                        {u.status === 'ambiguous' ? t('import.statusAmbiguous') : t('import.statusUnknown')}
                      </span>
                    </td>
                    <td>
                      <OrgUnitPicker
                        className="mapping-select"
                        aria-label={t('import.mapLabel', { name: u.text })}
                        placeholder={t('import.mapPlaceholder')}
                        value={m?.orgUnitId}
                        current={m ? { id: m.orgUnitId, name: m.orgUnitName } : null}
                        suggestions={u.suggestions}
                        onChange={(unit) => onMap(u.text, unit)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : null}
      {applied.length > 0 ? (
        <>
          <p style={{ marginBottom: 4 }}>{t('import.appliedMappings')}</p>
          <ul className="plain-list">
            {applied.map((m) => (
              <li key={m.text} className="assignment-line">
                <span>
                  «{m.text}» → <strong>{m.orgUnitName}</strong>
                </span>
                <Button
                  size="small"
                  type="link"
                  onClick={() => onMap(m.text, null)}
                  aria-label={t('import.removeMapping', { name: m.text })}
                >
                  {t('import.remove')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Button
        icon={<ReloadOutlined aria-hidden />}
        onClick={onReread}
        loading={rereading}
        style={{ marginTop: 8 }}
      >
        {t('import.reread')}
      </Button>
    </section>
  );
}
