/**
 * A campaign's form (/emulation/new, /emulation/:id/edit): the launching document, the area and period,
 * the participants (quick picks: the member agencies, the communes' committees), the criteria tree (groups
 * and leaves, computed from the data or assessed by hand with evidence; the total of the maximum points
 * shown as it is typed) and the award levels. A new campaign starts from the template (seed 003's criteria).
 * Every edit is kept on this device until the server has it.
 */
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  ConfigProvider,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Select,
  Skeleton,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLIES_TO, criteriaProblems, METRICS } from '../../domain/emulation/criteria.ts';
import { adminUnitsQuery, allOrgUnitsQuery, currentCommunesQuery } from '../directory/api.ts';
import { isApiError } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatNumber, todayIso } from '../platform/format.ts';
import { NotFoundPage } from '../platform/layout/StatusPages.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  type CampaignDetail,
  type CampaignInput,
  campaignQuery,
  campaignTemplateQuery,
  createCampaign,
  EMULATION_KEY,
  updateCampaign,
} from './api.ts';
import { askPersistentStorage, clearDraft, loadDraft, sameData, saveDraft } from './draft.ts';
import { campaignFieldOf, formatPoints, treeMax } from './helpers.ts';
import { idParam } from './search.ts';
import { formatInstant, pointsInputProps } from './ui.tsx';

const newRoute = getRouteApi('/_app/emulation/new');
const editRoute = getRouteApi('/_app/emulation/$campaignId/edit');

interface LeafValues {
  code?: string;
  title?: string;
  maxPoints?: number | null;
  kind?: 'computed' | 'manual';
  metric?: string;
  zeroAt?: number | null;
  fullAt?: number | null;
  appliesTo?: (typeof APPLIES_TO)[number];
  evidenceRequired?: boolean;
  guidance?: string;
}
interface GroupValues {
  code?: string;
  title?: string;
  children?: LeafValues[];
}
interface LevelValues {
  code?: string;
  title?: string;
  minScore?: number | null;
  maxCount?: number | null;
  requiresFullPoints?: string[];
}
interface FormValues {
  name?: string;
  documentNumber?: string;
  issuingBody?: string;
  areaAdminUnitId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  selfAssessmentDue?: Dayjs | null;
  participantIds?: number[];
  criteria?: GroupValues[];
  awardLevels?: LevelValues[];
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The form's values as the API takes them (empty optional parts left out; what a kind does not use dropped). */
export function toInput(v: FormValues): CampaignInput {
  return {
    name: text(v.name),
    documentNumber: text(v.documentNumber) || null,
    issuingBody: text(v.issuingBody),
    areaAdminUnitId: text(v.areaAdminUnitId),
    from: v.range?.[0]?.format('YYYY-MM-DD') ?? '',
    to: v.range?.[1]?.format('YYYY-MM-DD') ?? '',
    selfAssessmentDue: v.selfAssessmentDue ? v.selfAssessmentDue.format('YYYY-MM-DD') : null,
    participantIds: [...(v.participantIds ?? [])],
    criteria: (v.criteria ?? []).map((g) => ({
      code: text(g?.code),
      title: text(g?.title),
      children: (g?.children ?? []).map((c) => {
        const computed = c?.kind === 'computed';
        const guidance = text(c?.guidance);
        return {
          code: text(c?.code),
          title: text(c?.title),
          maxPoints: num(c?.maxPoints) ?? 0,
          kind: computed ? ('computed' as const) : ('manual' as const),
          ...(computed
            ? {
                metric: (c?.metric ||
                  undefined) as CampaignInput['criteria'][number]['children'][number]['metric'],
                zeroAt: num(c?.zeroAt),
                fullAt: num(c?.fullAt),
              }
            : { evidenceRequired: Boolean(c?.evidenceRequired) }),
          appliesTo: c?.appliesTo ?? 'all',
          ...(guidance ? { guidance } : {}),
        };
      }),
    })),
    awardLevels: (v.awardLevels ?? []).map((l) => ({
      code: text(l?.code),
      title: text(l?.title),
      minScore: num(l?.minScore) ?? 0,
      maxCount: num(l?.maxCount) ?? null,
      requiresFullPoints: [...(l?.requiresFullPoints ?? [])],
    })),
  };
}

/** An input (the template, a campaign, a draft) as the form's values. */
export function fromInput(i: CampaignInput): FormValues {
  return {
    name: i.name,
    documentNumber: i.documentNumber ?? '',
    issuingBody: i.issuingBody,
    areaAdminUnitId: i.areaAdminUnitId || undefined,
    range: i.from || i.to ? [i.from ? dayjs(i.from) : null, i.to ? dayjs(i.to) : null] : null,
    selfAssessmentDue: i.selfAssessmentDue ? dayjs(i.selfAssessmentDue) : null,
    participantIds: [...i.participantIds],
    criteria: i.criteria.map((g) => ({
      code: g.code,
      title: g.title,
      children: g.children.map((c) => ({
        code: c.code,
        title: c.title,
        maxPoints: c.maxPoints,
        kind: c.kind,
        metric: c.metric,
        zeroAt: c.zeroAt ?? null,
        fullAt: c.fullAt ?? null,
        appliesTo: c.appliesTo ?? 'all',
        evidenceRequired: Boolean(c.evidenceRequired),
        guidance: c.guidance ?? '',
      })),
    })),
    awardLevels: i.awardLevels.map((l) => ({
      code: l.code,
      title: l.title,
      minScore: l.minScore,
      maxCount: l.maxCount,
      requiresFullPoints: [...(l.requiresFullPoints ?? [])],
    })),
  };
}

const inputOfCampaign = (c: CampaignDetail): CampaignInput => ({
  name: c.name,
  documentNumber: c.documentNumber,
  issuingBody: c.issuingBody,
  areaAdminUnitId: c.areaAdminUnitId,
  from: c.from,
  to: c.to,
  selfAssessmentDue: c.selfAssessmentDue,
  criteria: c.criteria,
  awardLevels: c.awardLevels,
  participantIds: c.participantList.map((p) => p.orgUnitId),
});

export function CampaignNewPage() {
  const { t } = useTranslation();
  const search = newRoute.useSearch();
  const year = search.year ?? Number(todayIso().slice(0, 4));
  const template = useQuery(campaignTemplateQuery(year));
  if (template.isError)
    return (
      <>
        <PageHeader title={t('emulation.form.newTitle')} />
        <QueryError error={template.error} onRetry={() => void template.refetch()} />
      </>
    );
  if (!template.data)
    return (
      <>
        <PageHeader title={t('emulation.form.newTitle')} />
        <Skeleton active />
      </>
    );
  const { metrics: _metrics, ...input } = template.data;
  return <CampaignEditor campaign={null} initial={input} />;
}

export function CampaignEditPage() {
  const { t } = useTranslation();
  const { campaignId } = editRoute.useParams();
  const id = idParam(campaignId);
  const query = useQuery({ ...campaignQuery(id ?? 0), enabled: Boolean(id) });
  if (!id) return <NotFoundPage />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={t('emulation.form.editTitle')} />
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  if (!query.data)
    return (
      <>
        <PageHeader title={t('emulation.form.editTitle')} />
        <Skeleton active />
      </>
    );
  return <CampaignEditor key={query.data.id} campaign={query.data} initial={inputOfCampaign(query.data)} />;
}

/** Puts problems (server or domain, by path) next to their fields; returns those that have no field. */
function applyProblems(
  form: FormInstance<FormValues>,
  problems: readonly { path: string; message: string }[],
) {
  const loose: string[] = [];
  const byName = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const p of problems) {
    const name = campaignFieldOf(p.path);
    if (!name) {
      loose.push(p.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(p.message);
    byName.set(key, entry);
  }
  form.setFields([...byName.values()].map((e) => ({ name: e.name as never, errors: e.errors })));
  // Show the first field in trouble; with none, the message above the form is what to read.
  const first = [...byName.values()][0];
  if (first) window.setTimeout(() => form.scrollToField(first.name as never, { block: 'center' }), 50);
  else window.setTimeout(() => window.scrollTo({ top: 0 }), 50);
  return loose;
}

const newLeaf = (): LeafValues => ({
  code: '',
  title: '',
  kind: 'manual',
  maxPoints: 5,
  appliesTo: 'all',
  evidenceRequired: true,
  guidance: '',
});

function CampaignEditor({ campaign, initial }: { campaign: CampaignDetail | null; initial: CampaignInput }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const draftId = campaign ? String(campaign.id) : 'new';
  // Criteria and participants are fixed once self-assessment has opened (the server refuses changes).
  const locked = campaign !== null && campaign.status !== 'draft';

  // Edits kept on this device win over the server's copy (dropped when they hold what the server holds).
  const [restored, setRestored] = useState(() => {
    const d = loadDraft<CampaignInput>('campaign', user.id, draftId);
    if (!d) return null;
    if (sameData(d.content, initial)) {
      clearDraft('campaign', user.id, draftId);
      return null;
    }
    return d;
  });
  const [initialValues] = useState(() => fromInput(restored?.content ?? initial));
  const [storageOk, setStorageOk] = useState(true);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    askPersistentStorage();
    return () => window.clearTimeout(timer.current);
  }, []);
  const keepDraft = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const input = toInput(form.getFieldsValue(true) as FormValues);
      if (sameData(input, initial)) clearDraft('campaign', user.id, draftId);
      else setStorageOk(saveDraft('campaign', user.id, draftId, input));
    }, 400);
  };
  const discardDraft = () => {
    clearDraft('campaign', user.id, draftId);
    form.resetFields();
    form.setFieldsValue(fromInput(initial));
    setRestored(null);
  };

  const save = useMutation({
    mutationFn: (input: CampaignInput) =>
      campaign ? updateCampaign(campaign.id, input) : createCampaign(input),
    onMutate: () => setFormError(null),
    onSuccess: async (saved) => {
      window.clearTimeout(timer.current);
      clearDraft('campaign', user.id, draftId);
      queryClient.setQueryData(campaignQuery(saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: EMULATION_KEY });
      void message.success(campaign ? t('common.saved') : t('emulation.form.created'));
      await navigate({ to: '/emulation/$campaignId', params: { campaignId: String(saved.id) }, search: {} });
    },
    onError: (e) => {
      if (!isApiError(e)) {
        setFormError(t('errors.generic'));
        return;
      }
      const loose = applyProblems(form, e.details);
      setFormError([e.message, ...loose].join(' '));
    },
  });

  const onFinish = () => {
    const input = toInput(form.getFieldsValue(true) as FormValues);
    const problems = criteriaProblems(
      input.criteria.map((g) => ({
        ...g,
        children: g.children.map((c) => ({ ...c, appliesTo: c.appliesTo ?? 'all' })),
      })),
      input.awardLevels.map((l) => ({ ...l, requiresFullPoints: l.requiresFullPoints ?? [] })),
    );
    if (problems.length > 0) {
      const loose = applyProblems(form, problems);
      setFormError(
        [t('emulation.form.fixProblems', { n: formatNumber(problems.length) }), ...loose].join(' '),
      );
      return;
    }
    save.mutate(input);
  };

  const criteria = (Form.useWatch('criteria', form) ?? []) as GroupValues[];
  const total = treeMax(criteria);
  const leafCodes = useMemo(
    () =>
      criteria
        .flatMap((g) => g?.children ?? [])
        .map((c) => text(c?.code))
        .filter(Boolean),
    [criteria],
  );

  const req = (msg: string) => [{ required: true, whitespace: true, message: msg }];
  const title = campaign ? t('emulation.form.editTitle') : t('emulation.form.newTitle');

  return (
    <>
      <PageHeader
        title={campaign ? `${title}: ${campaign.name}` : title}
        intro={
          <>
            {campaign ? t('emulation.form.editIntro') : t('emulation.form.newIntro')}
            <br />
            {campaign ? (
              <Link to="/emulation/$campaignId" params={{ campaignId: String(campaign.id) }} search={{}}>
                {t('emulation.form.backToCampaign')}
              </Link>
            ) : (
              <Link to="/emulation" search={{}}>
                {t('emulation.form.backToList')}
              </Link>
            )}
          </>
        }
      />
      {restored ? (
        <Alert
          type="info"
          showIcon
          className="page-section"
          title={t('emulation.draft.restored', { at: formatInstant(restored.savedAt) })}
          action={
            <Button size="small" onClick={discardDraft}>
              {t('emulation.draft.discard')}
            </Button>
          }
        />
      ) : null}
      {!storageOk ? (
        <Alert type="warning" showIcon className="page-section" title={t('emulation.draft.storageFailed')} />
      ) : null}
      {formError ? (
        <Alert type="error" showIcon role="alert" className="page-section" title={formError} />
      ) : null}

      <Form<FormValues>
        form={form}
        layout="vertical"
        name="emulation-campaign"
        initialValues={initialValues}
        onValuesChange={keepDraft}
        onFinish={onFinish}
        onFinishFailed={({ errorFields }) => {
          const first = errorFields[0];
          if (first) form.scrollToField(first.name, { block: 'center' });
        }}
      >
        <Card className="page-section" title={<h2 className="card-title">{t('emulation.form.general')}</h2>}>
          <div className="em-grid">
            <Form.Item
              className="em-span-2"
              name="name"
              label={t('emulation.form.name')}
              rules={req(t('emulation.form.required'))}
            >
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="documentNumber" label={t('emulation.form.documentNumber')}>
              <Input maxLength={100} placeholder="27/QĐ-BATGT" />
            </Form.Item>
            <Form.Item
              className="em-span-2"
              name="issuingBody"
              label={t('emulation.form.issuingBody')}
              rules={req(t('emulation.form.required'))}
            >
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item
              name="areaAdminUnitId"
              label={t('emulation.form.area')}
              rules={[{ required: true, message: t('emulation.form.required') }]}
            >
              <AreaSelect
                current={campaign ? { id: campaign.areaAdminUnitId, name: campaign.areaName } : null}
              />
            </Form.Item>
            <Form.Item
              className="em-span-2"
              name="range"
              label={t('emulation.form.period')}
              rules={[
                {
                  validator: (_, v: FormValues['range']) =>
                    v?.[0] && v?.[1]
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('emulation.form.required'))),
                },
              ]}
            >
              <DatePicker.RangePicker
                format="DD/MM/YYYY"
                placeholder={[t('emulation.form.from'), t('emulation.form.to')]}
                className="em-full"
              />
            </Form.Item>
            <Form.Item name="selfAssessmentDue" label={t('emulation.form.selfAssessmentDue')}>
              <DatePicker format="DD/MM/YYYY" className="em-full" />
            </Form.Item>
          </div>
        </Card>

        <ConfigProvider componentDisabled={locked}>
          {locked ? (
            <Alert type="info" showIcon className="page-section" title={t('emulation.form.lockedCriteria')} />
          ) : null}
          <Card
            className="page-section"
            title={<h2 className="card-title">{t('emulation.form.participants')}</h2>}
          >
            <ParticipantsField form={form} onPicked={keepDraft} />
          </Card>

          <Card
            className="page-section"
            title={<h2 className="card-title">{t('emulation.form.criteria')}</h2>}
          >
            <Alert
              type={total === 100 ? 'success' : 'warning'}
              showIcon
              className="em-note"
              role="status"
              title={t('emulation.form.total', { total: formatPoints(total) })}
              description={total === 100 ? undefined : t('emulation.form.totalHint')}
            />
            <CriteriaEditor form={form} locked={locked} />
          </Card>
        </ConfigProvider>

        <Card
          className="page-section"
          title={<h2 className="card-title">{t('emulation.form.awardLevels')}</h2>}
        >
          <p className="muted em-help">{t('emulation.form.awardLevelsHelp')}</p>
          <Form.List name="awardLevels">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Box
                    key={f.key}
                    title={t('emulation.form.levelN', { n: i + 1 })}
                    onRemove={() => remove(f.name)}
                    removeLabel={t('emulation.form.removeLevel', { n: i + 1 })}
                  >
                    <div className="em-grid">
                      <Form.Item
                        className="em-span-2"
                        name={[f.name, 'title']}
                        label={t('emulation.form.levelTitle')}
                        rules={req(t('emulation.form.required'))}
                      >
                        <Input maxLength={300} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'code']}
                        label={t('emulation.form.code')}
                        rules={req(t('emulation.form.required'))}
                      >
                        <Input maxLength={20} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'minScore']}
                        label={t('emulation.form.minScore')}
                        rules={[{ required: true, message: t('emulation.form.required') }]}
                      >
                        <InputNumber<number>
                          min={0}
                          max={100}
                          step={0.5}
                          {...pointsInputProps}
                          className="em-full"
                        />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'maxCount']}
                        label={t('emulation.form.maxCount')}
                        extra={t('emulation.form.maxCountHelp')}
                      >
                        <InputNumber<number> min={1} max={10000} precision={0} className="em-full" />
                      </Form.Item>
                      <Form.Item
                        className="em-span-2"
                        name={[f.name, 'requiresFullPoints']}
                        label={t('emulation.form.requiresFullPoints')}
                      >
                        <Select<string[]>
                          mode="multiple"
                          allowClear
                          options={leafCodes.map((c) => ({ value: c, label: c }))}
                          notFoundContent={t('emulation.form.noLeaves')}
                        />
                      </Form.Item>
                    </div>
                  </Box>
                ))}
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() =>
                    add({
                      code: '',
                      title: '',
                      minScore: 80,
                      maxCount: null,
                      requiresFullPoints: [],
                    } satisfies LevelValues)
                  }
                >
                  {t('emulation.form.addLevel')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <div className="em-actions">
          <span className="muted">{t('emulation.draft.kept')}</span>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined aria-hidden />}
            loading={save.isPending}
          >
            {campaign ? t('emulation.form.save') : t('emulation.form.create')}
          </Button>
        </div>
      </Form>
    </>
  );
}

/** A bordered item of a list with its heading and a remove button. */
function Box({
  title,
  onRemove,
  removeLabel,
  level = 3,
  children,
}: {
  title: string;
  onRemove?: () => void;
  removeLabel: string;
  level?: 3 | 4;
  children: ReactNode;
}) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div className={level === 3 ? 'em-box' : 'em-box em-box-inner'}>
      <div className="em-box-head">
        <Heading>{title}</Heading>
        {onRemove ? (
          <Button
            size="small"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={removeLabel}
            onClick={onRemove}
          />
        ) : null}
      </div>
      {children}
    </div>
  );
}

/** The province and the communes in force, for the campaign's area. */
function AreaSelect({
  current,
  value,
  onChange,
  id,
}: {
  current: { id: string; name: string } | null;
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const provinces = useQuery(adminUnitsQuery({ level: 'province', page: 1, pageSize: 20 }));
  const communes = useQuery(currentCommunesQuery());
  const options = [
    {
      label: t('emulation.form.areaProvince'),
      title: t('emulation.form.areaProvince'),
      options: (provinces.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
    },
    {
      label: t('emulation.form.areaCommunes'),
      title: t('emulation.form.areaCommunes'),
      options: (communes.data ?? []).map((u) => ({ value: u.id, label: u.name })),
    },
  ];
  const known = options.some((g) => g.options.some((o) => o.value === value));
  if (value && !known && current?.id === value)
    options.unshift({
      label: current.name,
      title: current.name,
      options: [{ value: current.id, label: current.name }],
    });
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      loading={provinces.isFetching || communes.isFetching}
      options={options}
      popupMatchSelectWidth={false}
    />
  );
}

/** The participants: a searchable multi-select of the units in force, with quick picks. */
function ParticipantsField({ form, onPicked }: { form: FormInstance<FormValues>; onPicked: () => void }) {
  const { t } = useTranslation();
  const units = useQuery(allOrgUnitsQuery());
  const today = todayIso();
  const current = (units.data ?? []).filter((u) => !u.validTo || u.validTo >= today);
  const picked = (Form.useWatch('participantIds', form) ?? []) as number[];
  const add = (ids: number[]) => {
    const next = [...new Set([...picked, ...ids])];
    form.setFieldValue('participantIds', next);
    form.validateFields(['participantIds']).catch(() => undefined);
    onPicked();
  };
  const members = current.filter((u) => u.isMember).map((u) => u.id);
  const communes = current.filter((u) => u.kind === 'commune_committee').map((u) => u.id);
  return (
    <>
      <div className="em-quick tag-list">
        <Button onClick={() => add(members)} disabled={units.isPending}>
          {t('emulation.form.pickMembers', { n: formatNumber(members.length) })}
        </Button>
        <Button onClick={() => add(communes)} disabled={units.isPending}>
          {t('emulation.form.pickCommunes', { n: formatNumber(communes.length) })}
        </Button>
        <Button
          onClick={() => {
            form.setFieldValue('participantIds', []);
            onPicked();
          }}
          disabled={picked.length === 0}
        >
          {t('emulation.form.pickNone')}
        </Button>
      </div>
      {units.isError ? <QueryError error={units.error} onRetry={() => void units.refetch()} /> : null}
      <Form.Item
        name="participantIds"
        label={t('emulation.form.participantsPicked', { n: formatNumber(picked.length) })}
        rules={[{ required: true, type: 'array', min: 1, message: t('emulation.form.participantsRequired') }]}
      >
        <Select<number[]>
          mode="multiple"
          allowClear
          maxTagCount={12}
          maxTagPlaceholder={(omitted) => t('emulation.form.moreUnits', { n: formatNumber(omitted.length) })}
          loading={units.isFetching}
          showSearch={{ optionFilterProp: 'label' }}
          options={current.map((u) => ({
            value: u.id,
            label: u.shortName ? `${u.name} (${u.shortName})` : u.name,
          }))}
        />
      </Form.Item>
    </>
  );
}

/** The criteria tree: groups, each with its leaves. */
function CriteriaEditor({ form, locked }: { form: FormInstance<FormValues>; locked: boolean }) {
  const { t } = useTranslation();
  const req = (msg: string) => [{ required: true, whitespace: true, message: msg }];
  return (
    <Form.List name="criteria">
      {(groups, groupOps) => (
        <>
          {groups.map((g, gi) => (
            <Box
              key={g.key}
              title={t('emulation.form.groupN', { n: gi + 1 })}
              onRemove={locked ? undefined : () => groupOps.remove(g.name)}
              removeLabel={t('emulation.form.removeGroup', { n: gi + 1 })}
            >
              <div className="em-grid">
                <Form.Item
                  name={[g.name, 'code']}
                  label={t('emulation.form.code')}
                  rules={req(t('emulation.form.required'))}
                >
                  <Input maxLength={20} />
                </Form.Item>
                <Form.Item
                  className="em-span-3"
                  name={[g.name, 'title']}
                  label={t('emulation.form.groupTitle')}
                  rules={req(t('emulation.form.required'))}
                >
                  <Input maxLength={500} />
                </Form.Item>
              </div>
              <Form.List name={[g.name, 'children']}>
                {(leaves, leafOps) => (
                  <>
                    {leaves.map((l, li) => (
                      <Box
                        key={l.key}
                        level={4}
                        title={t('emulation.form.leafN', { group: gi + 1, n: li + 1 })}
                        onRemove={locked ? undefined : () => leafOps.remove(l.name)}
                        removeLabel={t('emulation.form.removeLeaf', { group: gi + 1, n: li + 1 })}
                      >
                        <LeafFields
                          form={form}
                          path={['criteria', g.name, 'children', l.name]}
                          name={l.name}
                        />
                      </Box>
                    ))}
                    {locked ? null : (
                      <Button icon={<PlusOutlined aria-hidden />} onClick={() => leafOps.add(newLeaf())}>
                        {t('emulation.form.addLeaf', { n: gi + 1 })}
                      </Button>
                    )}
                  </>
                )}
              </Form.List>
            </Box>
          ))}
          {locked ? null : (
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() =>
                groupOps.add({ code: '', title: '', children: [newLeaf()] } satisfies GroupValues)
              }
            >
              {t('emulation.form.addGroup')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

/** One leaf's fields; what a computed leaf measures, or whether a manual one needs evidence. */
function LeafFields({
  form,
  path,
  name,
}: {
  form: FormInstance<FormValues>;
  path: (string | number)[];
  name: number;
}) {
  const { t } = useTranslation();
  const kind = Form.useWatch([...path, 'kind'] as never, form) as LeafValues['kind'];
  const metric = Form.useWatch([...path, 'metric'] as never, form) as string | undefined;
  const unit = METRICS.find((m) => m.code === metric)?.unit;
  const req = (msg: string) => [{ required: true, whitespace: true, message: msg }];
  return (
    <>
      <div className="em-grid">
        <Form.Item
          name={[name, 'code']}
          label={t('emulation.form.code')}
          rules={req(t('emulation.form.required'))}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item
          className="em-span-2"
          name={[name, 'title']}
          label={t('emulation.form.leafTitle')}
          rules={req(t('emulation.form.required'))}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name={[name, 'kind']} label={t('emulation.form.kind')}>
          <Select
            options={(['computed', 'manual'] as const).map((k) => ({
              value: k,
              label: t(`emulation.kinds.${k}`),
            }))}
            onChange={(k: LeafValues['kind']) => {
              if (k === 'computed')
                form.setFieldValue([...path, 'evidenceRequired'] as never, false as never);
            }}
          />
        </Form.Item>
        <Form.Item name={[name, 'appliesTo']} label={t('emulation.form.appliesTo')}>
          <Select options={APPLIES_TO.map((a) => ({ value: a, label: t(`emulation.appliesTo.${a}`) }))} />
        </Form.Item>
        <Form.Item
          name={[name, 'maxPoints']}
          label={t('emulation.form.maxPoints')}
          rules={[{ required: true, message: t('emulation.form.required') }]}
        >
          <InputNumber<number> min={0.5} max={1000} step={0.5} {...pointsInputProps} className="em-full" />
        </Form.Item>
        {kind === 'computed' ? (
          <>
            <Form.Item
              className="em-span-2"
              name={[name, 'metric']}
              label={t('emulation.form.metric')}
              rules={[{ required: true, message: t('emulation.form.required') }]}
            >
              <Select<string>
                popupMatchSelectWidth={false}
                options={METRICS.map((m) => ({ value: m.code, label: m.label }))}
                onChange={(code) => {
                  const m = METRICS.find((x) => x.code === code);
                  if (!m) return;
                  form.setFieldValue([...path, 'zeroAt'] as never, m.zeroAt as never);
                  form.setFieldValue([...path, 'fullAt'] as never, m.fullAt as never);
                }}
              />
            </Form.Item>
            <Form.Item
              name={[name, 'zeroAt']}
              label={t('emulation.form.zeroAt', { unit: unit ?? '' })}
              rules={[{ required: true, message: t('emulation.form.required') }]}
            >
              <InputNumber<number> min={-1000} max={1000} decimalSeparator="," className="em-full" />
            </Form.Item>
            <Form.Item
              name={[name, 'fullAt']}
              label={t('emulation.form.fullAt', { unit: unit ?? '' })}
              rules={[{ required: true, message: t('emulation.form.required') }]}
            >
              <InputNumber<number> min={-1000} max={1000} decimalSeparator="," className="em-full" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name={[name, 'evidenceRequired']} valuePropName="checked" label=" ">
            <Checkbox>{t('emulation.form.evidenceRequired')}</Checkbox>
          </Form.Item>
        )}
      </div>
      <Form.Item name={[name, 'guidance']} label={t('emulation.form.guidance')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
      </Form.Item>
    </>
  );
}
