/**
 * The review report editor (báo cáo sơ kết, tổng kết): the generated draft's header, sections (headings and
 * paragraphs), recipients and signer are edited before issue; the tables come from the data and are shown as
 * they will print. Edits are kept on this device until saved. Exports to Word (and PDF where the server has a
 * converter) and issues it with its number and date.
 */
import {
  DeleteOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Alert, App, Button, Card, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatDate, formatDateTime, formatNumber } from '../platform/format.ts';
import { NotFoundPage } from '../platform/layout/StatusPages.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import {
  type CriteriaTable,
  type DocumentFormat,
  downloadReview,
  isCriteriaTable,
  issueReview,
  type PlainTable,
  type Review,
  type ReviewDocument,
  reportPermissions,
  reviewQuery,
  saveReview,
} from './api.ts';
import { sameData, useLocalDraft, useWarnBeforeLeaving } from './draft.ts';
import { ReviewStatusTag } from './ReviewsPage.tsx';
import { idParam } from './search.ts';
import { ActionModal, LocalDraftAlert, RecordPage, StorageFailedAlert } from './ui.tsx';
import './reports.css';

const routeApi = getRouteApi('/_app/reviews/$reviewId');

export function ReviewPage() {
  const { t } = useTranslation();
  const { reviewId } = routeApi.useParams();
  const id = idParam(reviewId);
  const query = useQuery({ ...reviewQuery(id ?? 0), enabled: Boolean(id) });
  if (!id) return <NotFoundPage />;
  return (
    <RecordPage query={query} title={t('reports.reviews.editorTitle')}>
      {(review) => <ReviewEditor key={`${review.id}:${review.status}`} review={review} />}
    </RecordPage>
  );
}

/** A content path (`content.sections.0.heading`) as the id of its input. */
const inputId = (path: string) => `rv-${path.replace(/^content\./, '').replace(/[^a-zA-Z0-9]+/g, '-')}`;

function ReviewEditor({ review }: { review: Review }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const editable = review.status === 'draft' && reportPermissions.manage(user.role);

  const draft = useLocalDraft<ReviewDocument>({
    kind: 'review',
    userId: user.id,
    id: review.id,
    server: review.content,
    same: sameData,
    editable,
    restore: editable,
  });
  const { storageOk } = draft;
  const [content, setContent] = useState<ReviewDocument>(draft.restored?.content ?? review.content);
  const [dirty, setDirty] = useState(draft.restored !== null);
  const [restoredAt, setRestoredAt] = useState<string | null>(draft.restored?.savedAt ?? null);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<{ path: string; message: string }[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<DocumentFormat | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);
  const base = review.updatedAt;

  // Warn before leaving with edits that are neither on the server nor on this device.
  useWarnBeforeLeaving(dirty && !storageOk);

  const update = (next: ReviewDocument) => {
    setContent(next);
    setDirty(true);
    draft.save(base, next);
  };
  const set = <K extends keyof ReviewDocument>(key: K, value: ReviewDocument[K]) =>
    update({ ...content, [key]: value });
  const setSection = (i: number, patch: Partial<ReviewDocument['sections'][number]>) =>
    update({ ...content, sections: content.sections.map((s, k) => (k === i ? { ...s, ...patch } : s)) });

  const errorOf = useMemo(() => {
    const m = new Map<string, string>();
    for (const e of errors) {
      const id = inputId(e.path);
      m.set(id, m.has(id) ? `${m.get(id)} ${e.message}` : e.message);
    }
    return m;
  }, [errors]);

  const save = async (): Promise<boolean> => {
    setSaving(true);
    setFormError(null);
    try {
      const saved = await saveReview(review.id, content);
      draft.clear();
      setDirty(false);
      setErrors([]);
      setRestoredAt(null);
      queryClient.setQueryData(reviewQuery(review.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['review-reports', 'list'] });
      return true;
    } catch (e) {
      if (isApiError(e)) {
        setErrors(e.details);
        setFormError(e.message);
      } else setFormError(t('errors.generic'));
      return false;
    } finally {
      setSaving(false);
    }
  };

  const exportAs = async (format: DocumentFormat) => {
    setExportError(null);
    if (editable && dirty && !(await save())) return;
    setExporting(format);
    try {
      const name = await downloadReview(review.id, format);
      void message.success(t('reports.reviews.downloaded', { name }));
    } catch (e) {
      setExportError(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setExporting(null);
    }
  };

  const discardLocal = () => {
    draft.clear();
    setContent(review.content);
    setDirty(false);
    setRestoredAt(null);
  };

  const field = (
    path: string,
    label: string,
    node: (id: string, invalid: boolean) => ReactNode,
    extra?: string,
  ) => {
    const id = inputId(path);
    const err = errorOf.get(id);
    return (
      <Form.Item
        label={label}
        htmlFor={id}
        validateStatus={err ? 'error' : undefined}
        help={err ?? undefined}
        extra={extra}
      >
        {node(id, Boolean(err))}
      </Form.Item>
    );
  };
  const text = (path: string, label: string, value: string, onChange: (v: string) => void, max: number) =>
    field(path, label, (id, invalid) =>
      editable ? (
        <Input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          maxLength={max}
          status={invalid ? 'error' : undefined}
        />
      ) : (
        <span id={id}>{value || t('common.none')}</span>
      ),
    );

  return (
    <>
      <PageHeader
        title={content.title || review.title}
        intro={
          <>
            {t('reports.reviews.editorIntro', {
              number: content.number,
              from: formatDate(review.periodFrom),
              to: formatDate(review.periodTo),
            })}
            <br />
            <Link to="/reviews" search={{}}>
              {t('reports.reviews.backToList')}
            </Link>
          </>
        }
        extra={<ReviewStatusTag status={review.status} />}
      />
      {review.status === 'issued' ? (
        <Alert
          type="info"
          showIcon
          className="page-section"
          title={t('reports.reviews.issuedNotice', {
            number: review.number,
            date: review.issuedOn ? formatDate(review.issuedOn) : '',
          })}
        />
      ) : null}
      {restoredAt ? (
        <LocalDraftAlert
          type={draft.restored && draft.restored.base !== base ? 'warning' : 'info'}
          title={t('reports.reviews.restored', { at: formatDateTime(restoredAt) })}
          onDiscard={discardLocal}
        />
      ) : null}
      {!storageOk ? <StorageFailedAlert /> : null}
      {formError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="page-section"
          title={formError}
          description={
            errors.length > 0 ? (
              <ul className="rp-problems">
                {errors.map((e) => (
                  <li key={`${e.path}|${e.message}`}>
                    <Button
                      type="link"
                      className="rp-problem-link"
                      onClick={() => document.getElementById(inputId(e.path))?.focus()}
                    >
                      {e.message}
                    </Button>
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      {exportError ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          className="page-section"
          title={exportError}
          closable={{ 'aria-label': t('common.close'), onClose: () => setExportError(null) }}
        />
      ) : null}

      <Form layout="vertical" component={false}>
        <Card className="page-section" title={<h2 className="card-title">{t('reports.reviews.header')}</h2>}>
          <div className="rp-def-grid">
            {text(
              'parentBody',
              t('reports.reviews.parentBody'),
              content.parentBody,
              (v) => set('parentBody', v),
              200,
            )}
            {text(
              'issuingBody',
              t('reports.reviews.issuingBody'),
              content.issuingBody,
              (v) => set('issuingBody', v),
              200,
            )}
            {text('number', t('reports.reviews.number'), content.number, (v) => set('number', v), 60)}
            {text('place', t('reports.reviews.place'), content.place, (v) => set('place', v), 100)}
            {text('kind', t('reports.reviews.kind'), content.kind, (v) => set('kind', v), 60)}
          </div>
          {field('title', t('reports.reviews.docTitle'), (id, invalid) =>
            editable ? (
              <Input.TextArea
                id={id}
                value={content.title}
                onChange={(e) => set('title', e.target.value)}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={500}
                status={invalid ? 'error' : undefined}
              />
            ) : (
              <span id={id}>{content.title}</span>
            ),
          )}
        </Card>

        {content.sections.map((s, i) => (
          <Card
            // biome-ignore lint/suspicious/noArrayIndexKey: sections are edited in place, in order
            key={i}
            className="page-section rp-review-section"
            title={
              <h2 className="card-title" id={`rv-section-${i}`}>
                {s.number ? `${s.number}. ` : ''}
                {s.heading}
              </h2>
            }
          >
            {editable ? (
              <div className="rp-def-grid">
                {text(
                  `sections.${i}.number`,
                  t('reports.reviews.sectionNumber'),
                  s.number,
                  (v) => setSection(i, { number: v }),
                  10,
                )}
                <div className="rp-span-2">
                  {text(
                    `sections.${i}.heading`,
                    t('reports.reviews.sectionHeading'),
                    s.heading,
                    (v) => setSection(i, { heading: v }),
                    300,
                  )}
                </div>
              </div>
            ) : null}
            {s.paragraphs.map((p, k) => {
              const label = t('reports.reviews.paragraphLabel', { section: s.number || i + 1, n: k + 1 });
              const id = inputId(`sections.${i}.paragraphs.${k}`);
              const err = errorOf.get(id);
              return editable ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are edited in place, in order
                <div className="rp-paragraph" key={k}>
                  <Form.Item
                    label={label}
                    htmlFor={id}
                    validateStatus={err ? 'error' : undefined}
                    help={err ?? undefined}
                    style={{ marginBottom: 0 }}
                  >
                    <Input.TextArea
                      id={id}
                      value={p}
                      onChange={(e) =>
                        setSection(i, {
                          paragraphs: s.paragraphs.map((x, j) => (j === k ? e.target.value : x)),
                        })
                      }
                      autoSize={{ minRows: 2, maxRows: 16 }}
                      maxLength={20_000}
                    />
                  </Form.Item>
                  <Button
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('reports.reviews.removeParagraph', {
                      section: s.number || i + 1,
                      n: k + 1,
                    })}
                    onClick={() => setSection(i, { paragraphs: s.paragraphs.filter((_, j) => j !== k) })}
                    style={{ marginTop: 30 }}
                  />
                </div>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity of their own
                <p className="rp-paragraph-text" key={k}>
                  {p}
                </p>
              );
            })}
            {editable ? (
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setSection(i, { paragraphs: [...s.paragraphs, ''] })}
                style={{ marginBottom: 8 }}
              >
                {t('reports.reviews.addParagraph')}
              </Button>
            ) : null}
            {editable ? <p className="muted">{t('reports.reviews.paragraphHint')}</p> : null}
            {(s.tables ?? []).map((tb, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: tables come in the generator's order
              <DocTable key={k} table={tb} />
            ))}
          </Card>
        ))}

        {content.annexes.length > 0 ? (
          <Card
            className="page-section"
            title={<h2 className="card-title">{t('reports.reviews.annexes')}</h2>}
          >
            <p className="muted">{t('reports.reviews.annexesNote')}</p>
            {content.annexes.map((a, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: annexes come in the generator's order
              <section key={k} aria-labelledby={`rv-annex-${k}`}>
                <h3 className="rp-legend" id={`rv-annex-${k}`}>
                  {a.title}
                </h3>
                <DocTable table={a.table} />
              </section>
            ))}
          </Card>
        ) : null}

        <Card className="page-section" title={<h2 className="card-title">{t('reports.reviews.closing')}</h2>}>
          {field(
            'recipients',
            t('reports.reviews.recipients'),
            (id) =>
              editable ? (
                <Input.TextArea
                  id={id}
                  value={content.recipients.join('\n')}
                  onChange={(e) => set('recipients', e.target.value.split('\n'))}
                  autoSize={{ minRows: 3, maxRows: 12 }}
                />
              ) : (
                <p className="rp-section-text" id={id}>
                  {content.recipients.join('\n')}
                </p>
              ),
            editable ? t('reports.reviews.recipientsHint') : undefined,
          )}
          <div className="rp-def-grid">
            {text(
              'signer.authority',
              t('reports.reviews.signerAuthority'),
              content.signer.authority,
              (v) => set('signer', { ...content.signer, authority: v }),
              100,
            )}
            {text(
              'signer.position',
              t('reports.reviews.signerPosition'),
              content.signer.position,
              (v) => set('signer', { ...content.signer, position: v }),
              200,
            )}
            {text(
              'signer.name',
              t('reports.reviews.signerName'),
              content.signer.name,
              (v) => set('signer', { ...content.signer, name: v }),
              200,
            )}
          </div>
        </Card>
      </Form>

      <div className="rp-actions">
        <span className="rp-save-state" role="status">
          {editable ? (dirty ? t('reports.reviews.unsaved') : t('reports.reviews.allSaved')) : null}
        </span>
        {editable ? (
          <Button
            type="primary"
            icon={<SaveOutlined aria-hidden />}
            loading={saving}
            onClick={() => void save().then((ok) => ok && message.success(t('common.saved')))}
          >
            {t('common.save')}
          </Button>
        ) : null}
        <Button
          icon={<FileWordOutlined aria-hidden />}
          loading={exporting === 'docx'}
          onClick={() => void exportAs('docx')}
        >
          {t('reports.reviews.exportWord')}
        </Button>
        <Button
          icon={<FilePdfOutlined aria-hidden />}
          loading={exporting === 'pdf'}
          onClick={() => void exportAs('pdf')}
        >
          {t('reports.reviews.exportPdf')}
        </Button>
        {editable ? (
          <Button icon={<SafetyCertificateOutlined aria-hidden />} onClick={() => setIssuing(true)}>
            {t('reports.reviews.issue')}
          </Button>
        ) : null}
      </div>

      {issuing ? (
        <IssueModal
          review={review}
          content={content}
          onClose={() => setIssuing(false)}
          beforeIssue={async () => (dirty ? save() : true)}
        />
      ) : null}
    </>
  );
}

/** A table of the document as it will print (criteria tables with the current and previous columns). */
function DocTable({ table }: { table: CriteriaTable | PlainTable }) {
  const { t } = useTranslation();
  let head: ReactNode;
  let body: ReactNode;
  if (isCriteriaTable(table)) {
    const keys = ['crashes', 'deaths', 'injured'] as const;
    const row = (r: CriteriaTable['rows'][number], total = false) => (
      <tr key={r.label} className={total ? 'rp-total' : undefined}>
        <th
          scope="row"
          style={{ textAlign: 'left', background: 'transparent', fontWeight: total ? 600 : 400 }}
        >
          {r.label}
        </th>
        {keys.map((k) => (
          <td key={`${k}-c`} className="rp-num">
            {formatNumber(r.current[k])}
          </td>
        ))}
        {keys.map((k) => (
          <td key={`${k}-p`} className="rp-num">
            {formatNumber(r.previous[k])}
          </td>
        ))}
      </tr>
    );
    head = (
      <>
        <tr>
          <th scope="col" rowSpan={2}>
            {table.keyHeading}
          </th>
          <th scope="colgroup" colSpan={3}>
            {table.currentLabel}
          </th>
          <th scope="colgroup" colSpan={3}>
            {table.previousLabel}
          </th>
        </tr>
        <tr>
          {[...keys, ...keys].map((k, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two runs of the same three headings
            <th scope="col" key={`${k}-${i}`}>
              {t(`reports.criteria.${k}`)}
            </th>
          ))}
        </tr>
      </>
    );
    body = (
      <>
        {table.rows.map((r) => row(r))}
        {row(table.total, true)}
      </>
    );
  } else {
    head = (
      <tr>
        {table.headings.map((h) => (
          <th scope="col" key={h}>
            {h}
          </th>
        ))}
      </tr>
    );
    body = table.rows.map((r, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: rows are displayed text
      <tr key={i}>
        {r.map((c, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: cells are displayed text
          <td key={k} className={/^[-\d.,\s%+]+$/.test(c) ? 'rp-num' : undefined}>
            {c}
          </td>
        ))}
      </tr>
    ));
  }
  return (
    <div className="rp-table-scroll">
      <table className="rp-doc-table">
        <caption>{table.title}</caption>
        <thead>{head}</thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}

function IssueModal({
  review,
  content,
  onClose,
  beforeIssue,
}: {
  review: Review;
  content: ReviewDocument;
  onClose: () => void;
  beforeIssue: () => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [number, setNumber] = useState(
    content.number.includes('…') || content.number.includes('...') ? '' : content.number,
  );
  const [issuedOn, setIssuedOn] = useState<Dayjs | null>(dayjs());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const go = async () => {
    if (!number.trim() || !issuedOn) {
      setError(t('reports.reviews.issueRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (!(await beforeIssue())) {
        setError(t('reports.reviews.issueSaveFirst'));
        return;
      }
      const issued = await issueReview(review.id, number.trim(), issuedOn.format('YYYY-MM-DD'));
      queryClient.setQueryData(reviewQuery(review.id).queryKey, issued);
      void queryClient.invalidateQueries({ queryKey: ['review-reports', 'list'] });
      void message.success(t('reports.reviews.issued'));
      onClose();
    } catch (e) {
      setError(
        isApiError(e) ? [e.message, ...e.details.map((d) => d.message)].join(' ') : t('errors.generic'),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <ActionModal
      title={t('reports.reviews.issueTitle')}
      okText={t('reports.reviews.issue')}
      onOk={() => void go()}
      onClose={onClose}
      busy={busy}
    >
      <p>{t('reports.reviews.issueIntro')}</p>
      {error ? <Alert type="error" showIcon role="alert" className="page-section" title={error} /> : null}
      <Form layout="vertical" component={false}>
        <Form.Item label={t('reports.reviews.number')} htmlFor="rv-issue-number">
          <Input
            id="rv-issue-number"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            maxLength={60}
          />
        </Form.Item>
        <Form.Item label={t('reports.reviews.issuedOn')} htmlFor="rv-issue-date">
          <DatePicker
            id="rv-issue-date"
            format="DD/MM/YYYY"
            value={issuedOn}
            onChange={setIssuedOn}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}
