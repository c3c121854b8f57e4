import { CheckOutlined, DownloadOutlined, FileSearchOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, App, Button, Card, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileToBase64 } from '../plans/api.ts';
import { formatSize } from '../plans/ui.tsx';
import { type ErrorDetail, isApiError } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatDateTime, formatNumber, todayIso } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import {
  commitCrashImport,
  communesOnQuery,
  type HealthImportResult,
  type ImportBody,
  type ImportProblem,
  type ImportResult,
  importHealthRecords,
  importTemplateUrl,
  previewCrashImport,
  roadsQuery,
} from './api.ts';
import { crashPermissions } from './permissions.ts';
import { causeLabel, vehicleLabel } from './ui.tsx';

const MAX_FILE_BYTES = 5 * 1024 * 1024;
const ACCEPT = '.csv,.xlsx';

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

/** Problems from a 400 answer ("Dòng 3, cột Ngày": "…") as rows of the problem table. */
function problemsOf(details: ErrorDetail[]): ImportProblem[] {
  return details.map((d) => {
    const m = /^Dòng (\d+), cột (.*)$/.exec(d.path);
    return m
      ? { row: Number(m[1]), column: m[2]!, message: d.message }
      : { row: 0, column: d.path, message: d.message };
  });
}

function ProblemTable({ problems, label }: { problems: ImportProblem[]; label: string }) {
  const { t } = useTranslation();
  const columns: ColumnsType<ImportProblem & { k: number }> = [
    {
      title: t('crashImport.row'),
      dataIndex: 'row',
      align: 'right',
      width: 72,
      render: (v: number) => (v > 0 ? formatNumber(v) : t('common.none')),
    },
    { title: t('crashImport.column'), dataIndex: 'column', className: 'nowrap' },
    { title: t('crashImport.message'), dataIndex: 'message' },
  ];
  return (
    <DataTable<ImportProblem & { k: number }>
      label={label}
      rowKey="k"
      size="small"
      columns={columns}
      dataSource={problems.map((p, k) => ({ ...p, k }))}
      pagination={problems.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
    />
  );
}

function FilePicker({
  file,
  onFile,
  label,
}: {
  file: File | null;
  onFile: (f: File | null) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <div className="file-picker">
      <Upload
        accept={ACCEPT}
        maxCount={1}
        showUploadList={false}
        beforeUpload={(f) => {
          if (f.size > MAX_FILE_BYTES) {
            void message.error(t('crashImport.fileTooLarge', { name: f.name }));
            return Upload.LIST_IGNORE;
          }
          onFile(f);
          return false;
        }}
      >
        <Button icon={<UploadOutlined aria-hidden />}>{label}</Button>
      </Upload>
      <p className="muted file-name" aria-live="polite">
        {file
          ? t('crashImport.chosen', { name: file.name, size: formatSize(file.size) })
          : t('crashImport.noFile')}
      </p>
    </div>
  );
}

export function CrashImportPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <>
      <PageHeader
        title={t('crashImport.title')}
        intro={t('crashImport.intro')}
        extra={
          <Button icon={<DownloadOutlined aria-hidden />} href={importTemplateUrl} download>
            {t('crashImport.template')}
          </Button>
        }
      />
      <CrashFileImport />
      {crashPermissions.importHealth(user.role) ? <HealthImport /> : null}
    </>
  );
}

function CrashFileImport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [body, setBody] = useState<ImportBody | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [error, setError] = useState<{ text: string; problems: ImportProblem[] } | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);

  const asError = (e: unknown) => ({
    text: isApiError(e) ? e.message : t('errors.generic'),
    problems: isApiError(e) ? problemsOf(e.details) : [],
  });

  const check = useMutation({
    mutationFn: async (f: File) => {
      const b = { fileName: f.name, contentBase64: await fileToBase64(f) };
      setBody(b);
      return previewCrashImport(b);
    },
    onMutate: () => {
      setError(null);
      setPreview(null);
      setDone(null);
    },
    onSuccess: setPreview,
    onError: (e) => setError(asError(e)),
  });

  const commit = useMutation({
    mutationFn: (b: ImportBody) => commitCrashImport(b),
    onMutate: () => setError(null),
    onSuccess: async (r) => {
      setDone(r);
      setPreview(null);
      setFile(null);
      setBody(null);
      void message.success(t('crashImport.done', { count: r.created }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['crashes'] }),
        queryClient.invalidateQueries({ queryKey: ['crash-stats'] }),
      ]);
    },
    onError: (e) => setError(asError(e)),
  });

  const choose = (f: File | null) => {
    setFile(f);
    if (f) check.mutate(f);
  };

  return (
    <>
      <StepCard id="import-file" title={t('crashImport.step1')}>
        <p className="muted" style={{ marginTop: 0 }}>
          {t('crashImport.step1Help')}
        </p>
        <FilePicker file={file} onFile={choose} label={t('crashImport.chooseFile')} />
        {file ? (
          <Button
            icon={<FileSearchOutlined aria-hidden />}
            loading={check.isPending}
            onClick={() => check.mutate(file)}
          >
            {t('crashImport.checkAgain')}
          </Button>
        ) : null}
      </StepCard>

      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="page-section"
          title={error.text}
          description={
            error.problems.length > 0 ? (
              <ProblemTable problems={error.problems} label={t('crashImport.problems')} />
            ) : undefined
          }
        />
      ) : null}

      {done ? (
        <Alert
          type="success"
          showIcon
          className="page-section"
          title={t('crashImport.done', { count: done.created })}
          description={
            <>
              {done.duplicates.length > 0
                ? `${t('crashImport.doneDuplicates', { count: done.duplicates.length })} `
                : null}
              <Link to="/crashes" search={{}}>
                {t('crashImport.openList')}
              </Link>
            </>
          }
        />
      ) : null}

      {preview && body ? (
        <PreviewResult preview={preview} saving={commit.isPending} onCommit={() => commit.mutate(body)} />
      ) : null}
    </>
  );
}

function PreviewResult({
  preview,
  saving,
  onCommit,
}: {
  preview: ImportResult;
  saving: boolean;
  onCommit: () => void;
}) {
  const { t } = useTranslation();
  const communes = useQuery(communesOnQuery(todayIso()));
  const roads = useQuery(roadsQuery());
  const communeName = new Map((communes.data ?? []).map((c) => [c.id, c.name]));
  const roadCode = new Map((roads.data?.features ?? []).map((f) => [f.properties.id, f.properties.code]));

  type Row = Record<string, unknown> & { row: number };
  const rows = preview.preview as Row[];
  const str = (v: unknown) => (v == null || v === '' ? t('common.none') : String(v));
  const list = (v: unknown, label: (c: string) => string) =>
    Array.isArray(v) && v.length > 0 ? v.map((x) => label(String(x))).join(', ') : t('common.none');
  const columns: ColumnsType<Row> = [
    { title: t('crashImport.row'), dataIndex: 'row', align: 'right', width: 64 },
    {
      title: t('crashes.occurredAt'),
      dataIndex: 'occurredAt',
      className: 'nowrap',
      render: (v: unknown) => (typeof v === 'string' ? formatDateTime(v) : str(v)),
    },
    {
      title: t('crashForm.commune'),
      dataIndex: 'adminUnitId',
      render: (v: unknown) => (typeof v === 'string' ? (communeName.get(v) ?? v) : str(v)),
    },
    {
      title: t('crashes.road'),
      key: 'road',
      className: 'nowrap',
      render: (_, r) =>
        [typeof r.roadId === 'number' ? roadCode.get(r.roadId) : null, r.kmMarker]
          .filter(Boolean)
          .join(' ') || t('common.none'),
    },
    { title: t('crashes.deaths'), dataIndex: 'deaths', align: 'right', render: str },
    { title: t('crashes.injured'), dataIndex: 'injured', align: 'right', render: str },
    { title: t('crashForm.causes'), dataIndex: 'causes', render: (v: unknown) => list(v, causeLabel) },
    { title: t('crashForm.vehicles'), dataIndex: 'vehicles', render: (v: unknown) => list(v, vehicleLabel) },
    {
      title: t('crashes.verified'),
      dataIndex: 'verified',
      render: (v: unknown) => (v ? t('crashes.verifiedYes') : t('crashes.verifiedNo')),
    },
  ];

  const dupColumns: ColumnsType<ImportResult['duplicates'][number] & { k: number }> = [
    { title: t('crashImport.row'), dataIndex: 'row', align: 'right', width: 72 },
    {
      title: t('crashImport.existing'),
      dataIndex: 'crashId',
      render: (id: number) =>
        id > 0 ? (
          <Link to="/crashes/$crashId" params={{ crashId: String(id) }}>
            {t('crash.title', { id })}
          </Link>
        ) : (
          t('crashImport.inFile')
        ),
    },
    {
      title: t('crash.duplicateReasons'),
      dataIndex: 'reasons',
      render: (v: string[]) => v.join('; '),
    },
  ];

  return (
    <StepCard id="import-preview" title={t('crashImport.step2')}>
      <p className="counts-line">
        <span>{t('crashImport.rowsRead', { count: preview.rows })}</span>
        <span className={preview.problems.length > 0 ? 'text-danger' : undefined}>
          {t('crashImport.problemCount', { count: preview.problems.length })}
        </span>
        <span>{t('crashImport.duplicateCount', { count: preview.duplicates.length })}</span>
      </p>
      {preview.problems.length > 0 ? (
        <section aria-labelledby="import-problems" className="page-section">
          <h3 className="subsection-title" id="import-problems">
            {t('crashImport.problems')}
          </h3>
          <Alert type="error" showIcon className="page-section" title={t('crashImport.fixFirst')} />
          <ProblemTable problems={preview.problems} label={t('crashImport.problems')} />
        </section>
      ) : null}
      {preview.duplicates.length > 0 ? (
        <section aria-labelledby="import-duplicates" className="page-section">
          <h3 className="subsection-title" id="import-duplicates">
            {t('crashImport.duplicates')}
          </h3>
          <p className="muted">{t('crashImport.duplicatesHelp')}</p>
          <DataTable
            label={t('crashImport.duplicates')}
            rowKey="k"
            size="small"
            columns={dupColumns}
            dataSource={preview.duplicates.map((d, k) => ({ ...d, k }))}
            pagination={preview.duplicates.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          />
        </section>
      ) : null}
      {rows.length > 0 ? (
        <section aria-labelledby="import-rows" className="page-section">
          <h3 className="subsection-title" id="import-rows">
            {rows.length < preview.rows
              ? t('crashImport.previewFirst', { count: rows.length })
              : t('crashImport.previewAll')}
          </h3>
          <DataTable<Row>
            label={t('crashImport.previewTable')}
            rowKey="row"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          />
        </section>
      ) : null}
      <div className="sticky-actions">
        <Button
          type="primary"
          icon={<CheckOutlined aria-hidden />}
          disabled={!preview.valid}
          loading={saving}
          onClick={onCommit}
        >
          {t('crashImport.commit', { count: preview.rows })}
        </Button>
        {!preview.valid ? <span className="muted">{t('crashImport.cannotCommit')}</span> : null}
      </div>
    </StepCard>
  );
}

function HealthImport() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<HealthImportResult | null>(null);
  const [error, setError] = useState<{ text: string; problems: ImportProblem[] } | null>(null);
  const save = useMutation({
    mutationFn: async (f: File) =>
      importHealthRecords({ fileName: f.name, contentBase64: await fileToBase64(f) }),
    onMutate: () => {
      setError(null);
      setResult(null);
    },
    onSuccess: async (r) => {
      setResult(r);
      await queryClient.invalidateQueries({ queryKey: ['health-records'] });
    },
    onError: (e) =>
      setError({
        text: isApiError(e) ? e.message : t('errors.generic'),
        problems: isApiError(e) ? problemsOf(e.details) : [],
      }),
  });
  return (
    <StepCard id="import-health" title={t('crashImport.healthTitle')}>
      <p className="muted" style={{ marginTop: 0 }}>
        {t('crashImport.healthHelp')}
      </p>
      <FilePicker file={file} onFile={setFile} label={t('crashImport.chooseHealthFile')} />
      <Button
        type="primary"
        icon={<UploadOutlined aria-hidden />}
        disabled={!file}
        loading={save.isPending}
        onClick={() => file && save.mutate(file)}
      >
        {t('crashImport.healthImport')}
      </Button>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 16 }}
          title={error.text}
          description={
            error.problems.length > 0 ? (
              <ProblemTable problems={error.problems} label={t('crashImport.problems')} />
            ) : undefined
          }
        />
      ) : null}
      {result ? (
        <Alert
          type={result.problems.length > 0 ? 'warning' : 'success'}
          showIcon
          style={{ marginTop: 16 }}
          title={t('crashImport.healthDone', {
            rows: formatNumber(result.rows),
            created: formatNumber(result.created),
            linked: formatNumber(result.linked),
            possible: formatNumber(result.possible),
          })}
          description={
            result.problems.length > 0 ? (
              <ProblemTable problems={result.problems} label={t('crashImport.problems')} />
            ) : undefined
          }
        />
      ) : null}
    </StepCard>
  );
}
