/**
 * Cam kết ba bên (/propaganda/commitments): for each school and school year, how many students signed the
 * traffic-safety commitment between the school, the family and the student. The form keeps a draft on the
 * device until it is saved.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schoolYearOf } from '../../domain/propaganda/codes.ts';
import { useSession } from '../platform/auth.tsx';
import { formatDate, formatDateTime, formatNumber, formatPercent, todayIso } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { AddButton, EditButton } from '../platform/ui/EntityFormModal.tsx';
import { FilterSelect, Filters, SearchBox, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { applyServerErrors } from '../platform/ui/serverErrors.ts';
import {
  COMMITMENTS_KEY,
  type Commitment,
  type CommitmentInput,
  commitmentsQuery,
  createCommitment,
  updateCommitment,
  writableUnitsQuery,
} from './api.ts';
import { clearDraft, loadDraft, saveDraft } from './draft.ts';
import { canRecordPropaganda } from './permissions.ts';
import './propaganda.css';

const routeApi = getRouteApi('/_app/propaganda/commitments');

const rate = (signed: number, students: number) => (students > 0 ? (signed / students) * 100 : null);

export function CommitmentsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { search, query, setFilter, clearFilters, table } = useListPage(routeApi, commitmentsQuery);
  const [open, setOpen] = useState<Commitment | 'new' | null>(null);
  const write = canRecordPropaganda(user.role);
  const current = Number(schoolYearOf(todayIso()).slice(0, 4));
  const years = [current + 1, current, current - 1, current - 2, current - 3].map((y) => `${y}-${y + 1}`);

  const columns: ColumnsType<Commitment> = [
    { title: t('propaganda.commitments.school'), dataIndex: 'school' },
    { title: t('propaganda.commitments.schoolYear'), dataIndex: 'schoolYear', className: 'nowrap' },
    {
      title: t('propaganda.commitments.students'),
      dataIndex: 'students',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('propaganda.commitments.signed'),
      dataIndex: 'signed',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('propaganda.commitments.rate'),
      key: 'rate',
      align: 'right',
      className: 'nowrap',
      render: (_, c) => {
        const r = rate(c.signed, c.students);
        return <span className={r !== null && r < 90 ? 'prop-rate-low' : undefined}>{formatPercent(r)}</span>;
      },
    },
    {
      title: t('propaganda.commitments.signedOn'),
      dataIndex: 'signedOn',
      className: 'nowrap',
      render: (v: string | null) => (v ? formatDate(v) : t('common.none')),
    },
    { title: t('propaganda.commitments.recordedBy'), dataIndex: 'orgUnitName' },
    ...(write
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, c: Commitment) =>
              c.editable ? (
                <EditButton
                  label={t('propaganda.commitments.editNamed', { school: c.school, year: c.schoolYear })}
                  onClick={() => setOpen(c)}
                />
              ) : null,
          },
        ]
      : []),
  ];

  const s = query.data?.summary;
  return (
    <>
      <PageHeader
        title={t('propaganda.commitments.title')}
        intro={t('propaganda.commitments.intro')}
        extra={
          write ? (
            <AddButton onClick={() => setOpen('new')}>{t('propaganda.commitments.add')}</AddButton>
          ) : null
        }
      />
      <Filters onClear={clearFilters}>
        <SearchBox
          label={t('propaganda.commitments.search')}
          placeholder={t('propaganda.commitments.search')}
          value={search.q}
          onSearch={(q) => setFilter({ q })}
        />
        <FilterSelect<string>
          label={t('propaganda.commitments.schoolYear')}
          allLabel={t('propaganda.commitments.allYears')}
          value={search.schoolYear}
          onChange={(schoolYear) => setFilter({ schoolYear })}
          options={years.map((y) => ({ value: y, label: y }))}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {s ? (
        <p className="summary-line" aria-live="polite">
          {t('propaganda.commitments.summary', {
            schools: formatNumber(s.schools),
            students: formatNumber(s.students),
            signed: formatNumber(s.signed),
            rate: formatPercent(rate(s.signed, s.students)),
          })}
        </p>
      ) : null}
      <DataTable<Commitment> label={t('propaganda.commitments.title')} columns={columns} {...table} />
      {open !== null ? (
        <CommitmentDialog commitment={open === 'new' ? null : open} onClose={() => setOpen(null)} />
      ) : null}
    </>
  );
}

interface Values {
  orgUnitId?: number;
  school?: string;
  schoolYear?: string;
  students?: number | null;
  signed?: number | null;
  signedOn?: Dayjs | null;
  note?: string | null;
}

const FIELDS = ['orgUnitId', 'school', 'schoolYear', 'students', 'signed', 'signedOn', 'note'] as const;

function CommitmentDialog({ commitment, onClose }: { commitment: Commitment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const units = useQuery(writableUnitsQuery());
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [storageOk, setStorageOk] = useState(true);
  const saveTimer = useRef<number | undefined>(undefined);
  const draftKey = commitment ? commitment.id : 'new';
  const today = todayIso();
  const unitList = units.data ?? [];

  const initial: Values = commitment
    ? {
        orgUnitId: commitment.orgUnitId,
        school: commitment.school,
        schoolYear: commitment.schoolYear,
        students: commitment.students,
        signed: commitment.signed,
        signedOn: commitment.signedOn ? dayjs(commitment.signedOn) : null,
        note: commitment.note,
      }
    : { schoolYear: schoolYearOf(today), orgUnitId: user.orgUnit?.id };
  const [restored, setRestored] = useState<string | null>(
    () => loadDraft(user.id, 'commitment', draftKey)?.savedAt ?? null,
  );
  const [startValues] = useState<Values>(() => {
    const d = loadDraft(user.id, 'commitment', draftKey)?.values;
    if (!d) return initial;
    return {
      ...initial,
      ...(d as Values),
      signedOn: typeof d.signedOn === 'string' ? dayjs(d.signedOn) : null,
    };
  });
  useEffect(() => () => window.clearTimeout(saveTimer.current), []);
  // A new record defaults to the user's own unit once the list of units has come.
  useEffect(() => {
    if (!commitment && !form.getFieldValue('orgUnitId') && unitList.length === 1)
      form.setFieldValue('orgUnitId', unitList[0]!.id);
  }, [commitment, form, unitList]);

  const persist = () => {
    window.clearTimeout(saveTimer.current);
    saveTimer.current = window.setTimeout(() => {
      const v = form.getFieldsValue(true) as Values;
      setStorageOk(
        saveDraft(user.id, 'commitment', draftKey, {
          ...v,
          signedOn: v.signedOn ? v.signedOn.format('YYYY-MM-DD') : null,
        }),
      );
    }, 400);
  };

  const save = useMutation({
    mutationFn: (v: Values) => {
      const input: CommitmentInput = {
        orgUnitId: v.orgUnitId as number,
        school: (v.school ?? '').trim(),
        schoolYear: (v.schoolYear ?? '').trim(),
        students: v.students ?? 0,
        signed: v.signed ?? 0,
        signedOn: v.signedOn ? v.signedOn.format('YYYY-MM-DD') : null,
        note: v.note?.trim() ? v.note.trim() : null,
      };
      return commitment ? updateCommitment(commitment.id, input) : createCommitment(input);
    },
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      window.clearTimeout(saveTimer.current);
      clearDraft(user.id, 'commitment', draftKey);
      await queryClient.invalidateQueries({ queryKey: COMMITMENTS_KEY });
      void message.success(commitment ? t('common.saved') : t('common.created'));
      onClose();
    },
    onError: (e) => setFormError(applyServerErrors(form, e, FIELDS)),
  });

  const required = [{ required: true, message: t('propaganda.required') }];
  return (
    <Modal
      open
      title={commitment ? t('propaganda.commitments.edit') : t('propaganda.commitments.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
      width={640}
    >
      {restored ? (
        <Alert
          type="info"
          showIcon
          className="prop-note"
          title={t('propaganda.draftRestored', { at: formatDateTime(restored) })}
          action={
            <Button
              size="small"
              onClick={() => {
                clearDraft(user.id, 'commitment', draftKey);
                form.setFieldsValue({ ...Object.fromEntries(FIELDS.map((f) => [f, undefined])), ...initial });
                setRestored(null);
              }}
            >
              {t('propaganda.discardDraft')}
            </Button>
          }
        />
      ) : null}
      {!storageOk ? (
        <Alert type="warning" showIcon className="prop-note" title={t('propaganda.storageFailed')} />
      ) : null}
      {formError ? (
        <Alert type="error" showIcon role="alert" className="prop-note" title={formError} />
      ) : null}
      <Form<Values>
        form={form}
        name="school-commitment"
        layout="vertical"
        initialValues={startValues}
        onValuesChange={persist}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="school" label={t('propaganda.commitments.school')} rules={required}>
          <Input maxLength={300} />
        </Form.Item>
        <div className="prop-grid">
          <Form.Item
            name="schoolYear"
            label={t('propaganda.commitments.schoolYear')}
            rules={[
              ...required,
              {
                validator: (_, v: string | undefined) => {
                  const m = /^(\d{4})-(\d{4})$/.exec((v ?? '').trim());
                  return !v || (m && Number(m[2]) === Number(m[1]) + 1)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('propaganda.commitments.yearFormat')));
                },
              },
            ]}
          >
            <Input maxLength={9} placeholder="2025-2026" inputMode="numeric" />
          </Form.Item>
          <Form.Item name="orgUnitId" label={t('propaganda.commitments.recordedBy')} rules={required}>
            <Select<number>
              showSearch={{ optionFilterProp: 'label' }}
              loading={units.isPending}
              options={unitList.map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item name="students" label={t('propaganda.commitments.students')} rules={required}>
            <InputNumber<number> min={0} precision={0} className="prop-full" />
          </Form.Item>
          <Form.Item
            name="signed"
            label={t('propaganda.commitments.signed')}
            dependencies={['students']}
            rules={[
              ...required,
              ({ getFieldValue }) => ({
                validator: (_, v: number | null | undefined) => {
                  const students = getFieldValue('students') as number | null | undefined;
                  return v == null || students == null || v <= students
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('propaganda.commitments.signedTooMany')));
                },
              }),
            ]}
          >
            <InputNumber<number> min={0} precision={0} className="prop-full" />
          </Form.Item>
          <Form.Item name="signedOn" label={t('propaganda.commitments.signedOn')}>
            <DatePicker
              format="DD/MM/YYYY"
              className="prop-full"
              disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
            />
          </Form.Item>
        </div>
        <Form.Item name="note" label={t('propaganda.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <p className="muted prop-draft-note">{t('propaganda.draftNoteShort')}</p>
      </Form>
    </Modal>
  );
}
