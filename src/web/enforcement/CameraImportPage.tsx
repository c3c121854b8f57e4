/**
 * Nhập dữ liệu camera (/violations/camera-import): the police send a batch of camera events as NDJSON or
 * CSV, from a file or pasted. The server checks the whole batch first: any bad line and nothing is saved
 * (the problems come back by line and field); a replayed batch creates nothing new.
 */
import { CloudUploadOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, App, Button, Card, Input, Result, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RULE_SETS, VIOLATION_GROUPS } from '../../domain/enforcement/catalogue.ts';
import { type ApiError, isApiError } from '../platform/api.ts';
import { formatNumber } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import {
  type BatchType,
  batchTypeOf,
  CAMERA_COLUMNS,
  CAMERA_TEMPLATE_CSV,
  guessBatchType,
  type IngestResult,
  NDJSON,
  problemOf,
  sendCameraBatch,
  VIOLATIONS_KEY,
} from './api.ts';
import './enforcement.css';

/** What the server takes in one batch. */
const MAX_BYTES = 64 * 1024 * 1024;
const ACCEPT = '.ndjson,.jsonl,.json,.csv';

interface Batch {
  text: string;
  type: BatchType;
  /** The file's name, or null for pasted text. */
  name: string | null;
}

type Problem = ReturnType<typeof problemOf> & { k: number };

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
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

/** The template as a file the browser downloads (made here: nothing to fetch). */
function useTemplateUrl(): string {
  const url = useMemo(() => URL.createObjectURL(new Blob([CAMERA_TEMPLATE_CSV], { type: 'text/csv' })), []);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}

export function CameraImportPage() {
  const { t } = useTranslation();
  const templateUrl = useTemplateUrl();
  return (
    <>
      <PageHeader
        title={t('enforcement.importTitle')}
        intro={t('enforcement.importIntro')}
        extra={
          <Button
            icon={<DownloadOutlined aria-hidden />}
            href={templateUrl}
            download="mau-du-lieu-camera.csv"
          >
            {t('enforcement.template')}
          </Button>
        }
      />
      <BatchForm />
      <FieldsHelp />
    </>
  );
}

function BatchForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; size: number; text: string; type: BatchType } | null>(
    null,
  );
  const [pasted, setPasted] = useState('');
  const [result, setResult] = useState<IngestResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const batch: Batch | null = file
    ? { text: file.text, type: file.type, name: file.name }
    : pasted.trim()
      ? { text: pasted, type: guessBatchType(pasted), name: null }
      : null;

  const send = useMutation({
    mutationFn: (b: Batch) => sendCameraBatch(b.text, b.type),
    onMutate: () => {
      setResult(null);
      setError(null);
    },
    onSuccess: async (r) => {
      setResult(r);
      await queryClient.invalidateQueries({ queryKey: VIOLATIONS_KEY });
    },
    onError: (e) => {
      if (isApiError(e)) setError(e);
      else void message.error(t('errors.generic'));
    },
  });

  const choose = async (f: File) => {
    setResult(null);
    setError(null);
    const type = batchTypeOf(f.name);
    if (!type) {
      void message.error(t('enforcement.wrongFileType', { name: f.name }));
      return;
    }
    if (f.size > MAX_BYTES) {
      void message.error(t('enforcement.fileTooLarge', { name: f.name }));
      return;
    }
    setFile({ name: f.name, size: f.size, text: await f.text(), type });
    setPasted('');
  };

  return (
    <Section id="enf-batch" title={t('enforcement.batchTitle')}>
      <p className="muted enf-help">{t('enforcement.batchHelp')}</p>
      <div className="enf-file-picker">
        <Upload
          accept={ACCEPT}
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            void choose(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />}>{t('enforcement.chooseFile')}</Button>
        </Upload>
        <p className="muted enf-file-name" aria-live="polite">
          {file
            ? t('enforcement.chosen', {
                name: file.name,
                size: formatSize(file.size),
                format: file.type === NDJSON ? 'NDJSON' : 'CSV',
              })
            : t('enforcement.noFile')}
        </p>
        {file ? (
          <Button type="link" onClick={() => setFile(null)}>
            {t('enforcement.removeFile')}
          </Button>
        ) : null}
      </div>
      <label htmlFor="enf-paste" className="enf-label">
        {t('enforcement.pasteLabel')}
      </label>
      <Input.TextArea
        id="enf-paste"
        value={pasted}
        rows={4}
        spellCheck={false}
        className="enf-paste"
        placeholder={t('enforcement.pastePlaceholder')}
        disabled={file !== null}
        aria-describedby="enf-paste-help"
        onChange={(e) => {
          setPasted(e.target.value);
          setResult(null);
          setError(null);
        }}
      />
      <p id="enf-paste-help" className="muted enf-small">
        {file
          ? t('enforcement.pasteDisabled')
          : pasted.trim()
            ? t('enforcement.pasteGuess', { format: guessBatchType(pasted) === NDJSON ? 'NDJSON' : 'CSV' })
            : t('enforcement.pasteHelp')}
      </p>
      <div className="enf-actions">
        <Button
          type="primary"
          icon={<CloudUploadOutlined aria-hidden />}
          disabled={!batch}
          loading={send.isPending}
          onClick={() => batch && send.mutate(batch)}
        >
          {t('enforcement.send')}
        </Button>
      </div>
      <div aria-live="polite">
        {result ? (
          <Alert
            type="success"
            showIcon
            className="enf-result"
            title={t('enforcement.resultLine', {
              received: formatNumber(result.received),
              created: formatNumber(result.created),
              duplicates: formatNumber(result.duplicates),
            })}
            description={
              <>
                {result.duplicates > 0 ? `${t('enforcement.duplicatesHelp')} ` : null}
                <Link to="/violations" search={{}}>
                  {t('enforcement.openList')}
                </Link>
              </>
            }
          />
        ) : null}
      </div>
      {error ? <BatchError error={error} /> : null}
    </Section>
  );
}

function BatchError({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  if (error.status === 403)
    return (
      <Result
        status="403"
        className="enf-result"
        title={<span className="result-code">{t('enforcement.forbiddenTitle')}</span>}
        subTitle={error.message}
      />
    );
  if (error.status === 503)
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        className="enf-result"
        title={t('enforcement.busy')}
        description={error.message}
      />
    );
  if (error.status === 400 && error.details.length > 0) {
    const problems: Problem[] = error.details.map((d, k) => ({ ...problemOf(d), k }));
    const columns: ColumnsType<Problem> = [
      {
        title: t('enforcement.problemLine'),
        dataIndex: 'line',
        className: 'nowrap',
        render: (v: number | null) =>
          v === null ? t('common.none') : t('enforcement.lineN', { n: formatNumber(v) }),
      },
      {
        title: t('enforcement.problemField'),
        dataIndex: 'field',
        className: 'nowrap',
        render: (v: string) => (v ? <code>{v}</code> : t('enforcement.wholeLine')),
      },
      { title: t('enforcement.problemMessage'), dataIndex: 'message' },
    ];
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        className="enf-result"
        title={error.message}
        description={
          <>
            {/lưu/.test(error.message) ? null : (
              <p className="enf-nothing-saved">{t('enforcement.nothingSaved')}</p>
            )}
            <DataTable<Problem>
              label={t('enforcement.problems')}
              rowKey="k"
              size="small"
              columns={columns}
              dataSource={problems}
              pagination={problems.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            />
          </>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="enf-result"
      title={error.message}
      description={error.status === 400 ? t('enforcement.nothingSaved') : undefined}
    />
  );
}

/** What each column means, the violation codes, and why a replay is safe. */
function FieldsHelp() {
  const { t } = useTranslation();
  const latest = RULE_SETS[RULE_SETS.length - 1];
  return (
    <Section id="enf-fields" title={t('enforcement.fieldsTitle')}>
      <p>{t('enforcement.replayNote')}</p>
      <dl className="enf-fields">
        {CAMERA_COLUMNS.map((c) => (
          <div key={c} className="enf-field">
            <dt>
              <code>{c}</code>
            </dt>
            <dd>{t(`enforcement.fields.${c}`)}</dd>
          </div>
        ))}
      </dl>
      {latest ? (
        <details className="enf-codes">
          <summary>{t('enforcement.codesTitle', { title: latest.title })}</summary>
          {VIOLATION_GROUPS.map((g) => {
            const types = latest.types.filter((x) => x.group === g.code);
            return types.length ? (
              <div key={g.code}>
                <h3 className="subsection-title">{g.label}</h3>
                <ul>
                  {types.map((x) => (
                    <li key={x.code}>
                      <code>{x.code}</code> — {x.label}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null;
          })}
        </details>
      ) : null}
    </Section>
  );
}
