/**
 * The structured editor of a report form: indicators (code, label, unit, kind, limits, group), narrative
 * sections, small tables with their columns, and rules across indicators. Saving an existing form makes a new
 * version; reports already made keep theirs.
 */
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  type FormInstance,
  type FormListFieldData,
  Input,
  InputNumber,
  Select,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatNumber } from '../platform/format.ts';
import { NotFoundPage } from '../platform/layout/StatusPages.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import {
  COLUMN_KINDS,
  checkDefinition,
  createForm,
  type FormDefinition,
  type FormInput,
  formQuery,
  INDICATOR_KINDS,
  type Problem,
  type ReportForm,
  RULE_OPERATORS,
  reportPermissions,
  updateForm,
} from './api.ts';
import { idParam } from './search.ts';
import { formatInstant, RecordPage } from './ui.tsx';
import './reports.css';

const editRoute = getRouteApi('/_app/reports/forms/$formId');

interface FormValues {
  code: string;
  name: string;
  description?: string | null;
  definition: FormDefinition;
}

const EMPTY: FormValues = {
  code: '',
  name: '',
  description: '',
  definition: {
    indicators: [
      { code: '', label: '', unit: '', kind: 'integer', required: true, min: null, max: null, group: '' },
    ],
    sections: [],
    tables: [],
    rules: [],
  },
};

export function FormNewPage() {
  return <FormEditor form={null} />;
}

export function FormEditPage() {
  const { t } = useTranslation();
  const { formId } = editRoute.useParams();
  const id = idParam(formId);
  const query = useQuery({ ...formQuery(id ?? 0), enabled: Boolean(id) });
  if (!id) return <NotFoundPage />;
  return (
    <RecordPage query={query} title={t('reports.forms.editTitle')}>
      {(form) => <FormEditor key={`${form.id}:${form.version}`} form={form} />}
    </RecordPage>
  );
}

/** A code from a Vietnamese label: "Số buổi tuyên truyền" → "so_buoi_tuyen_truyen". */
export function slug(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return /^[a-z]/.test(s) ? s : s ? `c_${s}`.slice(0, 60) : '';
}

/** A server or domain problem's path as the form's field name (`indicators.0.code` → definition…). */
function fieldNameOf(path: string): (string | number)[] | null {
  const parts = path.split('.').filter(Boolean);
  if (parts[0] === 'definition') parts.shift();
  else if (parts[0] === 'code' || parts[0] === 'name' || parts[0] === 'description') return [parts[0]];
  if (!['indicators', 'sections', 'tables', 'rules'].includes(parts[0] ?? '')) return null;
  const name: (string | number)[] = ['definition'];
  for (const p of parts) name.push(/^\d+$/.test(p) ? Number(p) : p);
  // A rule's side as a whole (rules.0.left.1 → rules.0.left): the select holds the list.
  if (name[1] === 'rules' && (name[3] === 'left' || name[3] === 'right') && name.length > 4) name.length = 4;
  return name;
}

function applyProblems(form: FormInstance<FormValues>, problems: readonly Problem[]): string[] {
  const loose: string[] = [];
  const byName = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const p of problems) {
    const name = fieldNameOf(p.path);
    // A message about a list as a whole (e.g. "a table needs a column") goes above the form.
    if (!name || (name[0] === 'definition' && name.length < 4) || name[name.length - 1] === 'columns') {
      loose.push(p.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(p.message);
    byName.set(key, entry);
  }
  form.setFields([...byName.values()].map((e) => ({ name: e.name as never, errors: e.errors })));
  return loose;
}

/** The form's values as the API takes them (empty optional texts left out, numbers as numbers). */
function toInput(v: FormValues): FormInput {
  const def = v.definition;
  const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    description: text(v.description),
    definition: {
      indicators: (def.indicators ?? []).map((i) => ({
        code: (i.code ?? '').trim(),
        label: (i.label ?? '').trim(),
        unit: (i.unit ?? '').trim(),
        kind: i.kind,
        required: Boolean(i.required),
        min: typeof i.min === 'number' ? i.min : null,
        max: typeof i.max === 'number' ? i.max : null,
        group: text(i.group),
      })),
      sections: (def.sections ?? []).map((s) => ({
        code: (s.code ?? '').trim(),
        title: (s.title ?? '').trim(),
        hint: text(s.hint),
        required: Boolean(s.required),
      })),
      tables: (def.tables ?? []).map((tb) => ({
        code: (tb.code ?? '').trim(),
        title: (tb.title ?? '').trim(),
        maxRows: typeof tb.maxRows === 'number' ? tb.maxRows : 50,
        columns: (tb.columns ?? []).map((c) => ({
          code: (c.code ?? '').trim(),
          label: (c.label ?? '').trim(),
          kind: c.kind,
        })),
      })),
      rules: (def.rules ?? []).map((r) => ({
        code: (r.code ?? '').trim(),
        left: r.left ?? [],
        operator: r.operator,
        right: r.right ?? [],
        message: (r.message ?? '').trim(),
      })),
    },
  };
}

function FormEditor({ form: existing }: { form: ReportForm | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const canEdit = reportPermissions.manage(user.role);
  const indicators = Form.useWatch(['definition', 'indicators'], form) ?? [];
  const indicatorOptions = indicators
    .filter((i) => i?.code)
    .map((i) => ({ value: i.code, label: i.label ? `${i.code} — ${i.label}` : i.code }));

  const save = useMutation({
    mutationFn: (input: FormInput) => (existing ? updateForm(existing.id, input) : createForm(input)),
    onMutate: () => setFormError(null),
    onSuccess: async (saved) => {
      queryClient.setQueryData(formQuery(saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['report-forms', 'list'] });
      void message.success(
        existing ? t('reports.forms.savedVersion', { version: saved.version }) : t('reports.forms.created'),
      );
      if (!existing) await navigate({ to: '/reports/forms/$formId', params: { formId: String(saved.id) } });
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

  const onFinish = (values: FormValues) => {
    const input = toInput({ ...form.getFieldsValue(true), ...values } as FormValues);
    const problems = checkDefinition(input.definition);
    if (problems.length > 0) {
      const loose = applyProblems(form, problems);
      setFormError(
        [t('reports.forms.fixProblems', { n: formatNumber(problems.length) }), ...loose].join(' '),
      );
      return;
    }
    save.mutate(input);
  };

  const title = existing ? existing.name : t('reports.forms.newTitle');
  const initial: FormValues = existing
    ? {
        code: existing.code,
        name: existing.name,
        description: existing.description ?? '',
        definition: existing.definition,
      }
    : EMPTY;

  const req = (msg: string) => [{ required: true, whitespace: true, message: msg }];
  const codeRules = [
    { required: true, message: t('reports.forms.codeRequired') },
    { pattern: /^[a-z][a-z0-9_]{0,59}$/, message: t('reports.forms.codePattern') },
  ];
  const fillCode = (path: (string | number)[], label: string) => {
    const codePath = [...path, 'code'];
    if (!form.getFieldValue(codePath as never) && label.trim())
      form.setFieldValue(codePath as never, slug(label) as never);
  };
  const codeField = (name: number) => (
    <Form.Item label={t('reports.forms.code')} name={[name, 'code']} rules={codeRules}>
      <Input maxLength={60} />
    </Form.Item>
  );
  const requiredField = (name: number) => (
    <Form.Item name={[name, 'required']} valuePropName="checked" label=" ">
      <Checkbox>{t('reports.forms.required')}</Checkbox>
    </Form.Item>
  );

  return (
    <>
      <PageHeader
        title={title}
        intro={
          <>
            {existing
              ? t('reports.forms.editIntro', {
                  version: existing.version,
                  at: formatInstant(existing.updatedAt),
                })
              : t('reports.forms.newIntro')}
            <br />
            <Link to="/reports/forms" search={{}}>
              {t('reports.forms.backToList')}
            </Link>
          </>
        }
      />
      {existing && canEdit ? (
        <Alert
          type="info"
          showIcon
          className="page-section"
          title={t('reports.forms.versionNote', { next: existing.version + 1 })}
        />
      ) : null}
      {formError ? (
        <Alert type="error" showIcon role="alert" className="page-section" title={formError} />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="report-form"
        initialValues={initial}
        disabled={!canEdit}
        onFinish={onFinish}
        onFinishFailed={({ errorFields }) => {
          const first = errorFields[0];
          if (first) form.scrollToField(first.name, { block: 'center' });
        }}
      >
        <Card className="page-section" title={<h2 className="card-title">{t('reports.forms.general')}</h2>}>
          <div className="rp-def-grid">
            <Form.Item
              label={t('reports.forms.formCode')}
              name="code"
              rules={req(t('reports.forms.formCodeRequired'))}
            >
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item
              className="rp-span-2"
              label={t('reports.forms.name')}
              name="name"
              rules={req(t('reports.forms.nameRequired'))}
            >
              <Input maxLength={300} />
            </Form.Item>
          </div>
          <Form.Item label={t('reports.forms.description')} name="description">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </Card>

        <Card
          className="page-section"
          title={<h2 className="card-title">{t('reports.forms.indicators')}</h2>}
        >
          <DefList
            list="indicators"
            canEdit={canEdit}
            itemTitle={(n) => t('reports.forms.indicatorN', { n })}
            addLabel={t('reports.forms.addIndicator')}
            newItem={() => ({
              code: '',
              label: '',
              unit: '',
              kind: 'integer',
              required: false,
              min: null,
              max: null,
              group: '',
            })}
          >
            {(f, path) => (
              <div className="rp-def-grid">
                <Form.Item
                  className="rp-span-2"
                  label={t('reports.forms.label')}
                  name={[f.name, 'label']}
                  rules={req(t('reports.forms.labelRequired'))}
                >
                  <Input maxLength={300} onBlur={(e) => fillCode(path, e.target.value)} />
                </Form.Item>
                {codeField(f.name)}
                <Form.Item label={t('reports.forms.unit')} name={[f.name, 'unit']}>
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item label={t('reports.forms.kind')} name={[f.name, 'kind']}>
                  <Select
                    options={INDICATOR_KINDS.map((k) => ({
                      value: k,
                      label: t(`reports.forms.kinds.${k}`),
                    }))}
                  />
                </Form.Item>
                <Form.Item className="rp-span-2" label={t('reports.forms.group')} name={[f.name, 'group']}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item label={t('reports.forms.min')} name={[f.name, 'min']}>
                  <InputNumber<number> decimalSeparator="," style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item label={t('reports.forms.max')} name={[f.name, 'max']}>
                  <InputNumber<number> decimalSeparator="," style={{ width: '100%' }} />
                </Form.Item>
                {requiredField(f.name)}
              </div>
            )}
          </DefList>
        </Card>

        <Card className="page-section" title={<h2 className="card-title">{t('reports.forms.sections')}</h2>}>
          <DefList
            list="sections"
            canEdit={canEdit}
            emptyText={t('reports.forms.noSections')}
            itemTitle={(n) => t('reports.forms.sectionN', { n })}
            addLabel={t('reports.forms.addSection')}
            newItem={() => ({ code: '', title: '', hint: '', required: false })}
          >
            {(f, path) => (
              <>
                <div className="rp-def-grid">
                  <Form.Item
                    className="rp-span-2"
                    label={t('reports.forms.sectionTitle')}
                    name={[f.name, 'title']}
                    rules={req(t('reports.forms.titleRequired'))}
                  >
                    <Input maxLength={300} onBlur={(e) => fillCode(path, e.target.value)} />
                  </Form.Item>
                  {codeField(f.name)}
                  {requiredField(f.name)}
                </div>
                <Form.Item label={t('reports.forms.hint')} name={[f.name, 'hint']}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                </Form.Item>
              </>
            )}
          </DefList>
        </Card>

        <Card className="page-section" title={<h2 className="card-title">{t('reports.forms.tables')}</h2>}>
          <DefList
            list="tables"
            canEdit={canEdit}
            emptyText={t('reports.forms.noTables')}
            itemTitle={(n) => t('reports.forms.tableN', { n })}
            addLabel={t('reports.forms.addTable')}
            newItem={() => ({
              code: '',
              title: '',
              maxRows: 50,
              columns: [{ code: '', label: '', kind: 'text' }],
            })}
          >
            {(f, path) => (
              <>
                <div className="rp-def-grid">
                  <Form.Item
                    className="rp-span-2"
                    label={t('reports.forms.tableTitle')}
                    name={[f.name, 'title']}
                    rules={req(t('reports.forms.titleRequired'))}
                  >
                    <Input maxLength={300} onBlur={(e) => fillCode(path, e.target.value)} />
                  </Form.Item>
                  {codeField(f.name)}
                  <Form.Item label={t('reports.forms.maxRows')} name={[f.name, 'maxRows']}>
                    <InputNumber<number> min={1} max={500} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </div>
                <Form.List name={[f.name, 'columns']}>
                  {(cols, colOps) => (
                    <fieldset className="rp-fieldset">
                      <legend className="rp-legend">{t('reports.forms.columns')}</legend>
                      {cols.map((c, k) => (
                        <div className="rp-column-row" key={c.key}>
                          <Form.Item
                            label={t('reports.forms.columnLabelN', { n: k + 1 })}
                            name={[c.name, 'label']}
                            rules={req(t('reports.forms.labelRequired'))}
                          >
                            <Input
                              maxLength={200}
                              onBlur={(e) => fillCode([...path, 'columns', c.name], e.target.value)}
                            />
                          </Form.Item>
                          <Form.Item
                            label={t('reports.forms.columnCodeN', { n: k + 1 })}
                            name={[c.name, 'code']}
                            rules={codeRules}
                          >
                            <Input maxLength={60} />
                          </Form.Item>
                          <Form.Item
                            label={t('reports.forms.columnKindN', { n: k + 1 })}
                            name={[c.name, 'kind']}
                          >
                            <Select
                              options={COLUMN_KINDS.map((x) => ({
                                value: x,
                                label: t(`reports.forms.columnKinds.${x}`),
                              }))}
                            />
                          </Form.Item>
                          {canEdit ? (
                            <Form.Item label=" ">
                              <Button
                                danger
                                icon={<DeleteOutlined aria-hidden />}
                                aria-label={t('reports.forms.removeColumn', { n: k + 1 })}
                                onClick={() => colOps.remove(k)}
                              />
                            </Form.Item>
                          ) : null}
                        </div>
                      ))}
                      {canEdit ? (
                        <Button
                          size="small"
                          icon={<PlusOutlined aria-hidden />}
                          onClick={() => colOps.add({ code: '', label: '', kind: 'text' })}
                          style={{ marginBottom: 12 }}
                        >
                          {t('reports.forms.addColumn')}
                        </Button>
                      ) : null}
                    </fieldset>
                  )}
                </Form.List>
              </>
            )}
          </DefList>
        </Card>

        <Card className="page-section" title={<h2 className="card-title">{t('reports.forms.rules')}</h2>}>
          <p className="muted">{t('reports.forms.rulesIntro')}</p>
          <DefList
            list="rules"
            canEdit={canEdit}
            itemTitle={(n) => t('reports.forms.ruleN', { n })}
            addLabel={t('reports.forms.addRule')}
            newItem={(count) => ({
              code: `rule_${count + 1}`,
              left: [],
              operator: '<=',
              right: [],
              message: '',
            })}
          >
            {(f) => (
              <>
                <div className="rp-rule-row">
                  <Form.Item label={t('reports.forms.left')} name={[f.name, 'left']}>
                    <Select
                      mode="multiple"
                      options={indicatorOptions}
                      placeholder={t('reports.forms.pickIndicators')}
                    />
                  </Form.Item>
                  <Form.Item label={t('reports.forms.operator')} name={[f.name, 'operator']}>
                    <Select options={RULE_OPERATORS.map((o) => ({ value: o, label: o }))} />
                  </Form.Item>
                  <Form.Item label={t('reports.forms.right')} name={[f.name, 'right']}>
                    <Select
                      mode="multiple"
                      options={indicatorOptions}
                      placeholder={t('reports.forms.pickIndicators')}
                    />
                  </Form.Item>
                </div>
                <div className="rp-def-grid">
                  <Form.Item
                    className="rp-span-2"
                    label={t('reports.forms.ruleMessage')}
                    name={[f.name, 'message']}
                    rules={req(t('reports.forms.ruleMessageRequired'))}
                  >
                    <Input maxLength={500} />
                  </Form.Item>
                  {codeField(f.name)}
                </div>
              </>
            )}
          </DefList>
        </Card>

        {canEdit ? (
          <div className="rp-actions">
            <span className="rp-save-state">
              {existing
                ? t('reports.forms.saveHintVersion', { next: existing.version + 1 })
                : t('reports.forms.saveHintNew')}
            </span>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SaveOutlined aria-hidden />}
              loading={save.isPending}
            >
              {t('reports.forms.save')}
            </Button>
          </div>
        ) : null}
      </Form>
    </>
  );
}

/**
 * One list of the definition (indicators, sections, tables or rules): each item in a DefItem with move and
 * remove, the text shown when the list is empty, and the button that adds a new item.
 */
function DefList({
  list,
  canEdit,
  emptyText,
  itemTitle,
  addLabel,
  newItem,
  children,
}: {
  list: keyof FormDefinition;
  canEdit: boolean;
  /** Shown when the list has no item; none when left out. */
  emptyText?: string;
  /** The item's heading from its number, counted from 1. */
  itemTitle: (n: number) => string;
  addLabel: string;
  /** The item the add button appends, given how many there are. */
  newItem: (count: number) => object;
  /** The item's fields; `path` is the item's full field name in the form. */
  children: (field: FormListFieldData, path: (string | number)[]) => ReactNode;
}) {
  return (
    <Form.List name={['definition', list]}>
      {(fields, { add, remove, move }) => (
        <>
          {emptyText && fields.length === 0 ? <p className="muted">{emptyText}</p> : null}
          {fields.map((f, i) => (
            <DefItem
              key={f.key}
              title={itemTitle(i + 1)}
              index={i}
              count={fields.length}
              canEdit={canEdit}
              onMove={(to) => move(i, to)}
              onRemove={() => remove(i)}
            >
              {children(f, ['definition', list, f.name])}
            </DefItem>
          ))}
          {canEdit ? (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add(newItem(fields.length))}>
              {addLabel}
            </Button>
          ) : null}
        </>
      )}
    </Form.List>
  );
}

/** One indicator / section / table / rule in the editor, with move and remove buttons. */
function DefItem({
  title,
  index,
  count,
  canEdit,
  onMove,
  onRemove,
  children,
}: {
  title: string;
  index: number;
  count: number;
  canEdit: boolean;
  onMove: (to: number) => void;
  onRemove: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="rp-def-item">
      <div className="rp-def-head">
        <h3>{title}</h3>
        {canEdit ? (
          <span className="tag-list">
            <Button
              size="small"
              icon={<ArrowUpOutlined aria-hidden />}
              aria-label={t('reports.forms.moveUp', { item: title })}
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
            />
            <Button
              size="small"
              icon={<ArrowDownOutlined aria-hidden />}
              aria-label={t('reports.forms.moveDown', { item: title })}
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
            />
            <Button
              size="small"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('reports.forms.remove', { item: title })}
              onClick={onRemove}
            />
          </span>
        ) : null}
      </div>
      {children}
    </div>
  );
}
