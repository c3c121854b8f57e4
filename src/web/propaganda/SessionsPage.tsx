/**
 * Tuyên truyền (/propaganda): the sessions units held, newest first, with filters and search; a drawer records
 * or edits one (date, unit, commune, topic, audiences, channel, people reached, materials, up to 5 photos).
 * What is typed is kept on the device as a draft until it is saved.
 */
import { DeleteOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Skeleton,
  Upload,
  type UploadFile,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHOTO_LIMITS } from '../../domain/propaganda/codes.ts';
import { isApiError } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatDate, formatDateTime, formatNumber, todayIso } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { AddButton, EditButton } from '../platform/ui/EntityFormModal.tsx';
import { DateRangeFilter, FilterSelect, Filters, SearchBox, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { applyServerErrors } from '../platform/ui/serverErrors.ts';
import { useIsPhone } from '../platform/ui/useMediaQuery.ts';
import {
  communesOnQuery,
  createSession,
  deleteSession,
  fileToBase64,
  orgUnitsQuery,
  photoUrl,
  SESSIONS_KEY,
  type Session,
  type SessionDetail,
  type SessionInput,
  STATS_KEY,
  sessionQuery,
  sessionsQuery,
  updateSession,
  writableUnitsQuery,
} from './api.ts';
import { clearDraft, loadDraft, saveDraft } from './draft.ts';
import { canRecordPropaganda } from './permissions.ts';
import { AudienceTags, useCodeLabels } from './ui.tsx';
import './propaganda.css';

const routeApi = getRouteApi('/_app/propaganda');

export function SessionsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const labels = useCodeLabels();
  const { search, query, setFilter, clearFilters, table } = useListPage(routeApi, sessionsQuery);
  const units = useQuery(orgUnitsQuery());
  const [open, setOpen] = useState<number | 'new' | null>(null);
  const write = canRecordPropaganda(user.role);

  const columns: ColumnsType<Session> = [
    {
      title: t('propaganda.heldOn'),
      dataIndex: 'heldOn',
      className: 'nowrap',
      render: (v: string) => formatDate(v),
    },
    {
      title: t('propaganda.topic'),
      dataIndex: 'topic',
      className: 'prop-topic',
      render: (v: string, s) => (
        <>
          {v}
          <span className="cell-secondary">
            {s.place}
            {s.adminUnitName ? ` — ${s.adminUnitName}` : ''}
          </span>
        </>
      ),
    },
    { title: t('propaganda.orgUnit'), dataIndex: 'orgUnitName' },
    { title: t('propaganda.channel'), dataIndex: 'channel', render: (v: string) => labels.channel(v) },
    {
      title: t('propaganda.audiences.label'),
      dataIndex: 'audiences',
      render: (v: string[]) => <AudienceTags codes={v} />,
    },
    {
      title: t('propaganda.participants'),
      dataIndex: 'participants',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('propaganda.photos'),
      dataIndex: 'photoCount',
      align: 'right',
      render: (v: number) => (v ? formatNumber(v) : t('common.none')),
    },
    ...(write
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, s: Session) =>
              s.editable ? (
                <EditButton
                  label={t('propaganda.editNamed', { topic: s.topic, date: formatDate(s.heldOn) })}
                  onClick={() => setOpen(s.id)}
                />
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('propaganda.title')}
        intro={t('propaganda.intro')}
        extra={write ? <AddButton onClick={() => setOpen('new')}>{t('propaganda.add')}</AddButton> : null}
      />
      <Filters onClear={clearFilters}>
        <SearchBox
          label={t('propaganda.search')}
          placeholder={t('propaganda.searchPlaceholder')}
          value={search.q}
          onSearch={(q) => setFilter({ q })}
        />
        <DateRangeFilter
          id="prop-period"
          legend={t('propaganda.period')}
          startLabel={t('propaganda.from')}
          endLabel={t('propaganda.to')}
          from={search.from}
          to={search.to}
          onChange={(range) => setFilter(range)}
        />
        <FilterSelect<number>
          label={t('propaganda.orgUnit')}
          allLabel={t('propaganda.allUnits')}
          value={search.orgUnitId}
          onChange={(orgUnitId) => setFilter({ orgUnitId })}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={false}
        />
        <FilterSelect<string>
          label={t('propaganda.channel')}
          allLabel={t('propaganda.allChannels')}
          value={search.channel}
          onChange={(channel) => setFilter({ channel })}
          options={labels.channelOptions}
        />
        <FilterSelect<string>
          label={t('propaganda.audiences.label')}
          allLabel={t('propaganda.allAudiences')}
          value={search.audience}
          onChange={(audience) => setFilter({ audience })}
          options={labels.audienceOptions}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <p className="summary-line" aria-live="polite">
          {t('propaganda.summary', { n: formatNumber(query.data.total) })}
        </p>
      ) : null}
      <DataTable<Session> label={t('propaganda.title')} columns={columns} {...table} />
      {open !== null ? <SessionDrawer id={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

interface SessionValues {
  heldOn: Dayjs | null;
  orgUnitId?: number;
  adminUnitId?: string | null;
  place?: string;
  topic?: string;
  audiences?: string[];
  channel?: string;
  participants?: number | null;
  materials?: string | null;
  materialsCount?: number | null;
  note?: string | null;
  photos?: UploadFile[];
}

const FIELDS = [
  'heldOn',
  'orgUnitId',
  'adminUnitId',
  'place',
  'topic',
  'audiences',
  'channel',
  'participants',
  'materials',
  'materialsCount',
  'note',
  'photos',
  'removePhotoIds',
] as const;

const fromDetail = (d: SessionDetail): SessionValues => ({
  heldOn: dayjs(d.heldOn),
  orgUnitId: d.orgUnitId,
  adminUnitId: d.adminUnitId,
  place: d.place,
  topic: d.topic,
  audiences: d.audiences,
  channel: d.channel,
  participants: d.participants,
  materials: d.materials,
  materialsCount: d.materialsCount,
  note: d.note,
  photos: [],
});

/** The form's values as JSON-safe data for the draft: the date as a string, no photos. */
function toDraft(v: SessionValues): Record<string, unknown> {
  const { photos: _photos, heldOn, ...rest } = v;
  return { ...rest, heldOn: heldOn ? heldOn.format('YYYY-MM-DD') : null };
}

function fromDraft(d: Record<string, unknown>, base: SessionValues): SessionValues {
  const heldOn = typeof d.heldOn === 'string' ? dayjs(d.heldOn) : null;
  return { ...base, ...(d as Partial<SessionValues>), heldOn, photos: [] };
}

const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

function SessionDrawer({ id, onClose }: { id: number | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const detail = useQuery({ ...sessionQuery(id === 'new' ? 0 : id), enabled: id !== 'new' });
  const units = useQuery(writableUnitsQuery());
  const title = id === 'new' ? t('propaganda.add') : t('propaganda.edit');
  const ready = (id === 'new' || detail.data) && units.data;
  return (
    <Drawer
      open
      title={title}
      onClose={onClose}
      size={isPhone ? '100%' : 720}
      // The save bar sticks to the bottom of the body: no padding below it for the form to show through.
      styles={{ body: { paddingBottom: 0 } }}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {units.isError ? <QueryError error={units.error} onRetry={() => void units.refetch()} /> : null}
      {ready ? (
        <SessionForm
          session={id === 'new' ? null : (detail.data ?? null)}
          units={units.data}
          onClose={onClose}
        />
      ) : (
        <Skeleton active />
      )}
    </Drawer>
  );
}

function SessionForm({
  session,
  units,
  onClose,
}: {
  session: SessionDetail | null;
  units: { id: number; name: string; kind: string; adminUnitId: string | null }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const labels = useCodeLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SessionValues>();
  const draftKey = session ? session.id : 'new';
  const [formError, setFormError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<number[]>([]);
  const [storageOk, setStorageOk] = useState(true);
  const saveTimer = useRef<number | undefined>(undefined);
  const today = todayIso();

  const initial: SessionValues = session
    ? fromDetail(session)
    : {
        heldOn: dayjs(today),
        orgUnitId:
          units.find((u) => u.id === user.orgUnit?.id)?.id ?? (units.length === 1 ? units[0]!.id : undefined),
        adminUnitId: user.adminUnit?.id ?? null,
        audiences: [],
        photos: [],
      };
  const [restored, setRestored] = useState<string | null>(
    () => loadDraft(user.id, 'session', draftKey)?.savedAt ?? null,
  );
  const [startValues] = useState<SessionValues>(() => {
    const draft = loadDraft(user.id, 'session', draftKey);
    return draft ? fromDraft(draft.values, initial) : initial;
  });
  useEffect(() => () => window.clearTimeout(saveTimer.current), []);

  const heldOn = Form.useWatch('heldOn', form);
  const dayIso = heldOn ? heldOn.format('YYYY-MM-DD') : today;
  const communes = useQuery(communesOnQuery(dayIso));
  const newPhotos = Form.useWatch('photos', form) ?? [];
  const kept = (session?.photos ?? []).filter((p) => !removed.includes(p.id)).length;
  const room = PHOTO_LIMITS.maxPhotos - kept;

  const persist = () => {
    window.clearTimeout(saveTimer.current);
    saveTimer.current = window.setTimeout(() => {
      setStorageOk(
        saveDraft(user.id, 'session', draftKey, toDraft(form.getFieldsValue(true) as SessionValues)),
      );
    }, 400);
  };

  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
      queryClient.invalidateQueries({ queryKey: STATS_KEY }),
    ]);

  const save = useMutation({
    mutationFn: async (v: SessionValues) => {
      const photos = await Promise.all(
        (v.photos ?? []).map(async (f) => {
          const file = f.originFileObj as File;
          return {
            fileName: file.name,
            mediaType: (file.type === 'image/png' ? 'image/png' : 'image/jpeg') as 'image/png' | 'image/jpeg',
            contentBase64: await fileToBase64(file),
          };
        }),
      );
      const input: SessionInput = {
        heldOn: v.heldOn ? v.heldOn.format('YYYY-MM-DD') : '',
        orgUnitId: v.orgUnitId as number,
        adminUnitId: v.adminUnitId ?? null,
        place: (v.place ?? '').trim(),
        topic: (v.topic ?? '').trim(),
        audiences: (v.audiences ?? []) as SessionInput['audiences'],
        channel: v.channel as SessionInput['channel'],
        participants: v.participants ?? 0,
        materials: text(v.materials),
        materialsCount: v.materialsCount ?? null,
        note: text(v.note),
        photos,
      };
      return session
        ? updateSession(session.id, { ...input, removePhotoIds: removed })
        : createSession(input);
    },
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      window.clearTimeout(saveTimer.current);
      clearDraft(user.id, 'session', draftKey);
      await invalidate();
      void message.success(session ? t('common.saved') : t('propaganda.created'));
      onClose();
    },
    onError: (e) => setFormError(applyServerErrors(form, e, FIELDS)),
  });

  const remove = useMutation({
    mutationFn: () => deleteSession(session!.id),
    onSuccess: async () => {
      clearDraft(user.id, 'session', draftKey);
      await invalidate();
      void message.success(t('propaganda.deleted'));
      onClose();
    },
    onError: (e) => setFormError(isApiError(e) ? e.message : t('errors.generic')),
  });

  const discardDraft = () => {
    clearDraft(user.id, 'session', draftKey);
    // Every field back to where it started (resetting alone would go back to the draft it started from).
    form.setFieldsValue({ ...Object.fromEntries(FIELDS.map((f) => [f, undefined])), ...initial });
    setRestored(null);
  };

  const required = [{ required: true, message: t('propaganda.required') }];
  return (
    <>
      {restored ? (
        <Alert
          type="info"
          showIcon
          className="prop-note"
          title={t('propaganda.draftRestored', { at: formatDateTime(restored) })}
          action={
            <Button size="small" onClick={discardDraft}>
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
      <Form<SessionValues>
        form={form}
        name="propaganda-session"
        layout="vertical"
        initialValues={startValues}
        onValuesChange={persist}
        onFinish={(v) => save.mutate(v)}
      >
        <div className="prop-grid">
          <Form.Item name="heldOn" label={t('propaganda.heldOn')} rules={required}>
            <DatePicker
              format="DD/MM/YYYY"
              className="prop-full"
              disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
            />
          </Form.Item>
          <Form.Item name="orgUnitId" label={t('propaganda.orgUnit')} rules={required}>
            <Select<number>
              showSearch={{ optionFilterProp: 'label' }}
              options={units.map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item name="adminUnitId" label={t('propaganda.commune')} extra={t('propaganda.communeHelp')}>
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={communes.isFetching}
              options={(communes.data ?? []).map((c) => ({
                value: c.id,
                label: c.kind ? `${c.kind} ${c.name}` : c.name,
              }))}
            />
          </Form.Item>
          <Form.Item name="channel" label={t('propaganda.channel')} rules={required}>
            <Select<string> options={labels.channelOptions} />
          </Form.Item>
        </div>
        <Form.Item
          name="topic"
          label={t('propaganda.topic')}
          rules={[{ required: true, whitespace: true, message: t('propaganda.required') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('propaganda.place')}
          rules={[{ required: true, whitespace: true, message: t('propaganda.required') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="audiences"
          label={t('propaganda.audiences.label')}
          rules={[{ required: true, type: 'array', min: 1, message: t('propaganda.audiencesRequired') }]}
        >
          <Select<string[]>
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={labels.audienceOptions}
          />
        </Form.Item>
        <div className="prop-grid">
          <Form.Item name="participants" label={t('propaganda.participants')} rules={required}>
            <InputNumber<number> min={0} precision={0} className="prop-full" />
          </Form.Item>
          <Form.Item name="materialsCount" label={t('propaganda.materialsCount')}>
            <InputNumber<number> min={0} precision={0} className="prop-full" />
          </Form.Item>
        </div>
        <Form.Item name="materials" label={t('propaganda.materials')} extra={t('propaganda.materialsHelp')}>
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item name="note" label={t('propaganda.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {session?.photos.length ? (
          <fieldset className="prop-photos">
            <legend>{t('propaganda.currentPhotos')}</legend>
            <ul className="prop-thumbs">
              {session.photos.map((p) => (
                <li key={p.id} className={removed.includes(p.id) ? 'prop-removed' : undefined}>
                  <a href={photoUrl(p.id)} target="_blank" rel="noreferrer">
                    <img src={photoUrl(p.id)} alt={p.fileName} width={96} height={72} />
                  </a>
                  <Checkbox
                    checked={removed.includes(p.id)}
                    onChange={(e) =>
                      setRemoved((r) => (e.target.checked ? [...r, p.id] : r.filter((x) => x !== p.id)))
                    }
                  >
                    {t('propaganda.removePhoto')}
                    <span className="sr-only"> {p.fileName}</span>
                  </Checkbox>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        <Form.Item
          name="photos"
          label={t('propaganda.addPhotos')}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] } | UploadFile[]) =>
            (Array.isArray(e) ? e : e.fileList).slice(0, Math.max(0, room))
          }
          extra={t('propaganda.photosHelp', { count: PHOTO_LIMITS.maxPhotos, size: 10 })}
        >
          <Upload
            listType="picture-card"
            accept="image/jpeg,image/png"
            multiple
            maxCount={Math.max(0, room)}
            beforeUpload={(file) => {
              if (file.type !== 'image/jpeg' && file.type !== 'image/png') {
                void message.error(t('propaganda.photoType', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              if (file.size > PHOTO_LIMITS.maxPhotoBytes) {
                void message.error(t('propaganda.photoTooLarge', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              return false;
            }}
          >
            {newPhotos.length < room ? (
              <div className="prop-upload">
                <UploadOutlined aria-hidden />
                <span>{t('propaganda.choosePhotos')}</span>
              </div>
            ) : null}
          </Upload>
        </Form.Item>
        <div className="prop-actions">
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined aria-hidden />}
            loading={save.isPending}
          >
            {session ? t('common.save') : t('propaganda.save')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {session ? (
            <Popconfirm
              title={t('propaganda.deleteConfirm')}
              okText={t('propaganda.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: remove.isPending }}
              onConfirm={() => remove.mutate()}
            >
              <Button danger icon={<DeleteOutlined aria-hidden />}>
                {t('propaganda.delete')}
              </Button>
            </Popconfirm>
          ) : null}
          <span className="muted prop-draft-note">{t('propaganda.draftNote')}</span>
        </div>
      </Form>
    </>
  );
}
