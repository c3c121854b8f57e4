/**
 * One unit's report for one period: the form (indicators by group, narrative sections, small tables), the
 * problems found in it, autosave of the draft to the server (2 s after typing stops) and of every edit to
 * this device (so that a power cut or a closed tab loses nothing), sending, and for the office accepting,
 * returning or reopening it.
 */
import {
  CheckOutlined,
  CloudUploadOutlined,
  DeleteOutlined,
  PlusOutlined,
  RollbackOutlined,
  SendOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Alert, App, Button, Card, Form, Input, InputNumber } from 'antd';
import type { TFunction } from 'i18next';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatDate, formatDateTime, formatNumber, todayIso } from '../platform/format.ts';
import { NotFoundPage } from '../platform/layout/StatusPages.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { useIsPhone } from '../platform/ui/useMediaQuery.ts';
import {
  acceptSubmission,
  checkValues,
  type Indicator,
  type NarrativeSection,
  type Problem,
  reopenSubmission,
  reportPermissions,
  returnSubmission,
  type SmallTable,
  type Submission,
  type SubmissionEvent,
  type SubmissionValues,
  saveSubmissionDraft,
  submissionQuery,
  submitSubmission,
  type TableCellValue,
} from './api.ts';
import { saveLocalDraft, useLocalDraft, useWarnBeforeLeaving } from './draft.ts';
import { idParam } from './search.ts';
import {
  ActionModal,
  formatInstant,
  Instant,
  LocalDraftAlert,
  periodRange,
  RecordPage,
  StatusTag,
  StorageFailedAlert,
  TimelinessTag,
} from './ui.tsx';
import {
  byPath,
  fieldId,
  focusField,
  fromServer,
  isEmptyAt,
  mergeProblems,
  normalizeValues,
  sameValues,
} from './values.ts';

const routeApi = getRouteApi('/_app/reports/submissions/$submissionId');

/** The draft goes to the server this long after typing stops. */
const AUTOSAVE_MS = 2000;
/** After a failed save (no network), try again this often. */
const RETRY_MS = 30_000;

export function SubmissionPage() {
  const { submissionId } = routeApi.useParams();
  const id = idParam(submissionId);
  if (!id) return <NotFoundPage />;
  return <SubmissionView id={id} />;
}

function SubmissionView({ id }: { id: number }) {
  const { t } = useTranslation();
  const query = useQuery(submissionQuery(id));
  // A change of status (sent, returned, reopened) starts the form again from the server's values.
  return (
    <RecordPage query={query} title={t('reports.form.title')}>
      {(sub) => <SubmissionEditor key={`${id}:${sub.status}`} sub={sub} />}
    </RecordPage>
  );
}

type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'error';

function SubmissionEditor({ sub }: { sub: Submission }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const def = sub.form.definition;
  const editable = sub.may.edit;

  // The server's copy as the page opened (the query's copy follows each autosave).
  const [initial] = useState(() => ({ values: normalizeValues(sub.values), updatedAt: sub.updatedAt }));
  // Edits kept on this device win over the server's copy (they are newer by construction).
  const draft = useLocalDraft<SubmissionValues>({
    kind: 'submission',
    userId: user.id,
    id: sub.id,
    server: sub.values,
    same: sameValues,
    editable,
  });
  const { storageOk, clear: clearDraft } = draft;
  const restoredDraft = draft.restored;
  const [values, setValues] = useState<SubmissionValues>(() =>
    editable ? normalizeValues(restoredDraft?.content ?? sub.values) : normalizeValues(sub.values),
  );
  const [restoredAt, setRestoredAt] = useState<string | null>(
    editable ? (restoredDraft?.savedAt ?? null) : null,
  );
  const restoredConflict = Boolean(editable && restoredDraft && restoredDraft.base !== initial.updatedAt);
  const [lockedDraft, setLockedDraft] = useState(!editable && restoredDraft !== null);

  const [saveState, setSaveState] = useState<SaveState>(restoredDraft && editable ? 'pending' : 'idle');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [serverProblems, setServerProblems] = useState<Problem[]>(fromServer(sub.problems));
  const [serverValues, setServerValues] = useState<SubmissionValues | null>(normalizeValues(sub.values));
  const [submitAttempted, setSubmitAttempted] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const latest = useRef(values);
  const revision = useRef(0);
  /** the revision the server holds */
  const savedRevision = useRef(restoredDraft && editable ? -1 : 0);
  const base = useRef(sub.updatedAt);
  const timer = useRef<number | undefined>(undefined);
  const saving = useRef<Promise<boolean> | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    if (!editable) return true;
    if (saving.current) await saving.current;
    const startRevision = revision.current;
    const body = normalizeValues(latest.current);
    const run = (async () => {
      setSaveState('saving');
      try {
        const saved = await saveSubmissionDraft({
          scheduleId: sub.scheduleId,
          periodKey: sub.period.key,
          unitId: sub.unitId,
          values: body,
        });
        base.current = saved.updatedAt;
        queryClient.setQueryData(submissionQuery(sub.id).queryKey, (old) =>
          old && old.status !== saved.status ? old : saved,
        );
        setServerProblems(fromServer(saved.problems));
        setServerValues(body);
        setSavedAt(saved.updatedAt);
        setSaveError(null);
        savedRevision.current = startRevision;
        if (revision.current === startRevision) {
          clearDraft();
          setSaveState('saved');
        } else {
          saveLocalDraft('submission', user.id, sub.id, base.current, latest.current);
          setSaveState('pending');
        }
        return true;
      } catch (e) {
        if (isApiError(e) && e.status === 0) {
          setSaveState('offline');
          timer.current = window.setTimeout(() => void flush(), RETRY_MS);
        } else if (isApiError(e) && e.status === 400 && e.details.length > 0) {
          // The server refuses a draft whose figures break a limit or a rule: say which, keep the edits here.
          setServerProblems(fromServer(e.details));
          setServerValues(body);
          setSaveState('error');
          setSaveError(e.message);
        } else {
          setSaveState('error');
          setSaveError(isApiError(e) ? e.message : t('errors.generic'));
        }
        return false;
      }
    })();
    saving.current = run;
    try {
      return await run;
    } finally {
      if (saving.current === run) saving.current = null;
    }
  }, [editable, sub.scheduleId, sub.period.key, sub.unitId, sub.id, user.id, queryClient, t, clearDraft]);

  // A restored draft goes to the server at once.
  useEffect(() => {
    if (editable && restoredDraft) timer.current = window.setTimeout(() => void flush(), 300);
  }, [editable, restoredDraft, flush]);

  // Leaving the page or the app (a phone switching to another app) sends what is waiting; it stays on
  // this device too, in case that fails.
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => {
    const pending = () => revision.current !== savedRevision.current;
    const onHide = () => {
      if (document.visibilityState === 'hidden' && pending()) void flushRef.current();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.clearTimeout(timer.current);
      if (pending()) void flushRef.current();
    };
  }, []);

  // Back online: send what is waiting.
  useEffect(() => {
    const onOnline = () => {
      if (revision.current !== savedRevision.current) void flush();
    };
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [flush]);

  // Warn before leaving only when the edits could not be kept on this device either.
  useWarnBeforeLeaving(!storageOk && saveState !== 'saved' && saveState !== 'idle');

  const change = (next: SubmissionValues) => {
    setValues(next);
    latest.current = next;
    revision.current++;
    draft.save(base.current, next);
    setSaveState((s) => (s === 'offline' ? s : 'pending'));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), AUTOSAVE_MS);
  };
  const setIndicator = (code: string, v: number | null) =>
    change({ ...latest.current, indicators: { ...latest.current.indicators, [code]: v } });
  const setSection = (code: string, text: string) =>
    change({ ...latest.current, sections: { ...latest.current.sections, [code]: text } });
  const setTable = (code: string, rows: Record<string, TableCellValue>[]) =>
    change({ ...latest.current, tables: { ...latest.current.tables, [code]: rows } });

  /** Drops the edits restored from this device: back to the server's copy as the page opened. */
  const discardLocal = () => {
    setRestoredAt(null);
    setLockedDraft(false);
    if (!editable) {
      clearDraft();
      return;
    }
    change(initial.values);
  };

  const problems = useMemo(
    () =>
      editable
        ? mergeProblems(
            checkValues(def, values, submitAttempted),
            serverProblems,
            serverValues,
            values,
            submitAttempted,
          )
        : [],
    [editable, def, values, submitAttempted, serverProblems, serverValues],
  );
  /** Required fields still empty (the form says how many are left before it can be sent). */
  const missing = useMemo(() => {
    if (!editable) return 0;
    const partial = new Set(checkValues(def, values, false).map((p) => p.path));
    return checkValues(def, values, true).filter((p) => !partial.has(p.path) && isEmptyAt(values, p.path))
      .length;
  }, [editable, def, values]);
  const problemMap = useMemo(() => byPath(problems), [problems]);

  const afterChange = async (s: Submission, text: string) => {
    clearDraft();
    queryClient.setQueryData(submissionQuery(s.id).queryKey, s);
    void message.success(text);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['my-reports'] }),
      queryClient.invalidateQueries({ queryKey: ['report-board'] }),
      queryClient.invalidateQueries({ queryKey: ['report-consolidation'] }),
    ]);
  };

  const send = async () => {
    window.clearTimeout(timer.current);
    if (saving.current) await saving.current;
    setSubmitting(true);
    setSubmitError(null);
    try {
      const sentRevision = revision.current;
      const s = await submitSubmission(sub.id, normalizeValues(latest.current));
      savedRevision.current = sentRevision;
      await afterChange(s, t('reports.form.submitted'));
    } catch (e) {
      setSubmitAttempted(true);
      if (isApiError(e) && e.details.length > 0) {
        setServerProblems(fromServer(e.details));
        setServerValues(normalizeValues(latest.current));
      }
      setSubmitError(isApiError(e) ? e.message : t('errors.generic'));
      window.setTimeout(() => problemsRef.current?.focus(), 50);
      // What was typed is still only here: keep saving it as a draft.
      if (revision.current !== savedRevision.current)
        timer.current = window.setTimeout(() => void flush(), AUTOSAVE_MS);
    } finally {
      setSubmitting(false);
    }
  };

  const confirmSend = () => {
    const missing = checkValues(def, latest.current, true);
    if (missing.length > 0) {
      // The server will say the same; ask it, so that its list is the one shown.
      void send();
      return;
    }
    modal.confirm({
      title: t('reports.form.confirmSubmitTitle'),
      content: t('reports.form.confirmSubmitBody'),
      okText: t('reports.form.confirmSubmitOk'),
      cancelText: t('common.cancel'),
      onOk: () => send(),
    });
  };

  const accept = useMutation({
    mutationFn: () => acceptSubmission(sub.id),
    onSuccess: (s) => afterChange(s, t('reports.form.accepted')),
    onError: (e) => void message.error(isApiError(e) ? e.message : t('errors.generic')),
  });
  const [commentFor, setCommentFor] = useState<'return' | 'reopen' | null>(null);

  const unitLine = t('reports.form.intro', {
    unit: sub.unitName,
    period: sub.period.label,
    range: periodRange(sub.period),
    due: formatDate(sub.period.dueOn),
  });

  const groups = useMemo(() => groupIndicators(def.indicators), [def.indicators]);

  return (
    <>
      <PageHeader
        title={sub.scheduleTitle}
        intro={
          <>
            {unitLine}
            <br />
            {reportPermissions.oversee(user.role) ? (
              <Link
                to="/reports/board"
                search={{
                  year:
                    sub.period.to.slice(0, 4) === todayIso().slice(0, 4)
                      ? undefined
                      : Number(sub.period.to.slice(0, 4)),
                  scheduleId: sub.scheduleId,
                  period: sub.period.key,
                }}
              >
                {t('reports.form.backToBoard')}
              </Link>
            ) : (
              <Link to="/reports" search={{}}>
                {t('reports.form.backToList')}
              </Link>
            )}
          </>
        }
      />
      <div className="toolbar">
        <StatusTag status={sub.status} />
        <TimelinessTag timeliness={sub.timeliness} daysLate={sub.daysLate} />
        <span className="muted">
          {t('reports.form.formVersion', { name: sub.form.name, version: sub.form.version })}
        </span>
      </div>

      <LockNotice sub={sub} />
      {restoredAt ? (
        <LocalDraftAlert
          type={restoredConflict ? 'warning' : 'info'}
          title={t('reports.form.restored', { at: formatDateTime(restoredAt) })}
          description={restoredConflict ? t('reports.form.restoredConflict') : undefined}
          onDiscard={discardLocal}
          onClose={() => setRestoredAt(null)}
        />
      ) : null}
      {lockedDraft && restoredDraft ? (
        <LocalDraftAlert
          type="warning"
          title={t('reports.form.lockedLocal', { at: formatDateTime(restoredDraft.savedAt) })}
          onDiscard={discardLocal}
        />
      ) : null}
      {!storageOk ? <StorageFailedAlert /> : null}

      {problems.length > 0 || submitError ? (
        <div ref={problemsRef} tabIndex={-1} className="page-section">
          <Alert
            type={submitError ? 'error' : 'warning'}
            showIcon
            role={submitError ? 'alert' : undefined}
            title={
              submitError
                ? submitError
                : t('reports.form.problemsTitle', {
                    count: problems.length,
                    n: formatNumber(problems.length),
                  })
            }
            description={
              problems.length > 0 ? (
                <ul className="rp-problems">
                  {problems.map((p) => (
                    <li key={`${p.path}|${p.message}`}>
                      <Button type="link" className="rp-problem-link" onClick={() => focusField(p.path)}>
                        {p.message}
                      </Button>
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        </div>
      ) : null}

      <Form layout="vertical" component={false}>
        <div className="rp-form">
          {def.indicators.length > 0 ? (
            <Card
              title={
                <h2 className="card-title" id="rp-indicators">
                  {t('reports.form.indicators')}
                </h2>
              }
            >
              {groups.map((g) => (
                <fieldset key={g.name ?? ''} className="rp-fieldset">
                  {g.name ? <legend className="rp-legend">{g.name}</legend> : null}
                  <div className="rp-indicator-grid">
                    {g.items.map((ind) => (
                      <IndicatorField
                        key={ind.code}
                        ind={ind}
                        value={values.indicators[ind.code] ?? null}
                        errors={problemMap.get(`indicators.${ind.code}`)}
                        readOnly={!editable}
                        onChange={(v) => setIndicator(ind.code, v)}
                      />
                    ))}
                  </div>
                </fieldset>
              ))}
            </Card>
          ) : null}

          {def.sections.length > 0 ? (
            <Card
              title={
                <h2 className="card-title" id="rp-sections">
                  {t('reports.form.sections')}
                </h2>
              }
            >
              {def.sections.map((s) => (
                <SectionField
                  key={s.code}
                  section={s}
                  value={values.sections[s.code] ?? ''}
                  errors={problemMap.get(`sections.${s.code}`)}
                  readOnly={!editable}
                  onChange={(text) => setSection(s.code, text)}
                />
              ))}
            </Card>
          ) : null}

          {def.tables.map((tb) => (
            <Card
              key={tb.code}
              title={
                <h2 className="card-title" id={`rp-table-title-${tb.code}`}>
                  {tb.title}
                </h2>
              }
            >
              <TableField
                table={tb}
                rows={values.tables[tb.code] ?? []}
                problems={problemMap}
                readOnly={!editable}
                stacked={isPhone}
                onChange={(rows) => setTable(tb.code, rows)}
              />
            </Card>
          ))}
        </div>
      </Form>

      {editable || sub.may.decide || sub.may.reopen ? (
        <div className="rp-actions">
          {editable ? (
            <>
              <SaveStateText state={saveState} savedAt={savedAt} error={saveError} />
              {missing > 0 ? (
                <span className="rp-missing" data-testid="missing-count">
                  {t('reports.form.missingCount', { n: formatNumber(missing) })}
                </span>
              ) : null}
              <Button
                icon={<CloudUploadOutlined aria-hidden />}
                onClick={() => void flush()}
                loading={saveState === 'saving'}
                disabled={saveState === 'saved' || saveState === 'idle'}
              >
                {t('reports.form.saveNow')}
              </Button>
              {sub.may.submit ? (
                <Button
                  type="primary"
                  icon={<SendOutlined aria-hidden />}
                  loading={submitting}
                  onClick={confirmSend}
                >
                  {t('reports.form.submit')}
                </Button>
              ) : null}
            </>
          ) : null}
          {sub.may.decide ? (
            <>
              <span className="rp-save-state">{t('reports.form.decideHint')}</span>
              <Button icon={<RollbackOutlined aria-hidden />} onClick={() => setCommentFor('return')}>
                {t('reports.form.return')}
              </Button>
              <Button
                type="primary"
                icon={<CheckOutlined aria-hidden />}
                loading={accept.isPending}
                onClick={() =>
                  modal.confirm({
                    title: t('reports.form.confirmAcceptTitle', { unit: sub.unitName }),
                    okText: t('reports.form.accept'),
                    cancelText: t('common.cancel'),
                    onOk: () => accept.mutateAsync().then(() => undefined),
                  })
                }
              >
                {t('reports.form.accept')}
              </Button>
            </>
          ) : null}
          {sub.may.reopen ? (
            <Button icon={<UnlockOutlined aria-hidden />} onClick={() => setCommentFor('reopen')}>
              {t('reports.form.reopen')}
            </Button>
          ) : null}
        </div>
      ) : null}

      <History events={sub.history} />

      {commentFor ? (
        <CommentModal
          kind={commentFor}
          onClose={() => setCommentFor(null)}
          submit={(comment) =>
            (commentFor === 'return'
              ? returnSubmission(sub.id, comment)
              : reopenSubmission(sub.id, comment)
            ).then((s) =>
              afterChange(
                s,
                commentFor === 'return' ? t('reports.form.returned') : t('reports.form.reopened'),
              ),
            )
          }
        />
      ) : null}
    </>
  );
}

/** Why the form cannot be edited, and who can change that. */
function LockNotice({ sub }: { sub: Submission }) {
  const { t } = useTranslation();
  if (sub.status === 'returned' && sub.may.edit)
    return (
      <Alert
        type="warning"
        showIcon
        className="page-section"
        title={t('reports.form.returnedNotice')}
        description={sub.comment ? <span className="pre-line">{sub.comment}</span> : undefined}
      />
    );
  if (sub.may.edit) return null;
  let text: string;
  if (sub.status === 'submitted')
    text = t('reports.form.lockedSubmitted', { at: sub.submittedAt ? formatInstant(sub.submittedAt) : '' });
  else if (sub.status === 'accepted') text = t('reports.form.lockedAccepted');
  else text = t('reports.form.lockedOther', { unit: sub.unitName });
  return <Alert type="info" showIcon className="page-section" title={text} />;
}

function SaveStateText({
  state,
  savedAt,
  error,
}: {
  state: SaveState;
  savedAt: string | null;
  error: string | null;
}) {
  const { t } = useTranslation();
  let text = '';
  if (state === 'pending') text = t('reports.form.savePending');
  else if (state === 'saving') text = t('reports.form.saving');
  else if (state === 'saved') text = t('reports.form.savedAt', { at: formatInstant(savedAt) });
  else if (state === 'offline') text = t('reports.form.saveOffline');
  else if (state === 'error') text = t('reports.form.saveError', { message: error ?? '' });
  else text = t('reports.form.saveIdle');
  return (
    <span
      className={`rp-save-state${state === 'offline' || state === 'error' ? ' rp-save-error' : ''}`}
      role="status"
      data-testid="save-state"
    >
      {text}
    </span>
  );
}

function groupIndicators(list: readonly Indicator[]): { name: string | null; items: Indicator[] }[] {
  const out: { name: string | null; items: Indicator[] }[] = [];
  for (const ind of list) {
    const name = ind.group?.trim() || null;
    let g = out.find((x) => x.name === name);
    if (!g) {
      g = { name, items: [] };
      out.push(g);
    }
    g.items.push(ind);
  }
  return out;
}

const INTEGER_KINDS = new Set(['integer', 'money']);
const groupThousands = (v: string | number | undefined) => {
  if (v === undefined || v === '') return '';
  const [whole = '', frac] = String(v).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac !== undefined ? `${grouped},${frac}` : grouped;
};
const parseGrouped = (s: string | undefined) =>
  (s ?? '').replace(/\s/g, '').replace(/\./g, '').replace(',', '.');

/** A number input the Vietnamese way: `1.234` for counts and money, `12,5` for decimals. */
function NumberInput({
  id,
  kind,
  value,
  onChange,
  suffix,
  label,
  describedBy,
  invalid,
}: {
  id: string;
  kind: string;
  value: number | null;
  onChange: (v: number | null) => void;
  suffix?: string;
  label?: string;
  describedBy?: string;
  invalid?: boolean;
}) {
  const whole = INTEGER_KINDS.has(kind);
  return (
    <InputNumber<number>
      id={id}
      className="rp-number"
      value={value}
      onChange={(v) => onChange(typeof v === 'number' && Number.isFinite(v) ? v : null)}
      suffix={suffix || undefined}
      inputMode={whole ? 'numeric' : 'decimal'}
      {...(whole
        ? {
            // While typing, leave the text as typed (the caret stays put); group thousands once done.
            formatter: (v: number | string | undefined, info: { userTyping: boolean; input: string }) =>
              info.userTyping ? info.input : groupThousands(v),
            parser: (s?: string) => parseGrouped(s) as unknown as number,
          }
        : { decimalSeparator: ',' })}
      status={invalid ? 'error' : undefined}
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      controls={false}
    />
  );
}

function limitsText(ind: Indicator, t: TFunction): string | null {
  const min = ind.min ?? null;
  const max = ind.max ?? (ind.kind === 'percent' ? 100 : null);
  if (min !== null && max !== null)
    return t('reports.form.between', { min: formatNumber(min), max: formatNumber(max) });
  if (min !== null && min !== 0) return t('reports.form.atLeast', { min: formatNumber(min) });
  if (max !== null) return t('reports.form.atMost', { max: formatNumber(max) });
  return null;
}

function IndicatorField({
  ind,
  value,
  errors,
  readOnly,
  onChange,
}: {
  ind: Indicator;
  value: number | null;
  errors: string[] | undefined;
  readOnly: boolean;
  onChange: (v: number | null) => void;
}) {
  const { t } = useTranslation();
  const id = fieldId('ind', ind.code);
  const label = (
    <span>
      {ind.label}
      {ind.required ? (
        <>
          <span aria-hidden="true" className="rp-required">
            {' '}
            *
          </span>
          <span className="sr-only"> ({t('reports.form.required')})</span>
        </>
      ) : null}
    </span>
  );
  if (readOnly)
    return (
      <Form.Item label={ind.label}>
        <span className="rp-read-value">
          {value === null
            ? t('common.none')
            : `${formatNumber(value, ind.kind === 'integer' || ind.kind === 'money' ? 0 : undefined)} ${ind.unit}`}
        </span>
      </Form.Item>
    );
  const limits = limitsText(ind, t);
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      validateStatus={errors ? 'error' : undefined}
      help={errors ? <span id={`${id}-err`}>{errors.join(' ')}</span> : undefined}
      extra={limits ? <span id={`${id}-hint`}>{limits}</span> : undefined}
    >
      <NumberInput
        id={id}
        kind={ind.kind}
        value={value}
        onChange={onChange}
        suffix={ind.unit}
        describedBy={
          [errors ? `${id}-err` : null, limits ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined
        }
        invalid={Boolean(errors)}
      />
    </Form.Item>
  );
}

function SectionField({
  section,
  value,
  errors,
  readOnly,
  onChange,
}: {
  section: NarrativeSection;
  value: string;
  errors: string[] | undefined;
  readOnly: boolean;
  onChange: (text: string) => void;
}) {
  const { t } = useTranslation();
  const id = fieldId('sec', section.code);
  if (readOnly)
    return (
      <div className="page-section">
        <h3 className="rp-legend">{section.title}</h3>
        <p className="rp-section-text">{value.trim() ? value : t('common.none')}</p>
      </div>
    );
  return (
    <Form.Item
      label={
        <span>
          {section.title}
          {section.required ? <span className="sr-only"> ({t('reports.form.required')})</span> : null}
          {section.required ? <span aria-hidden="true"> *</span> : null}
        </span>
      }
      htmlFor={id}
      validateStatus={errors ? 'error' : undefined}
      help={errors ? <span id={`${id}-err`}>{errors.join(' ')}</span> : undefined}
      extra={section.hint ? <span id={`${id}-hint`}>{section.hint}</span> : undefined}
    >
      <Input.TextArea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoSize={{ minRows: 4, maxRows: 20 }}
        maxLength={20_000}
        aria-invalid={errors ? true : undefined}
        aria-describedby={
          [errors ? `${id}-err` : null, section.hint ? `${id}-hint` : null].filter(Boolean).join(' ') ||
          undefined
        }
      />
    </Form.Item>
  );
}

function TableField({
  table,
  rows,
  problems,
  readOnly,
  stacked,
  onChange,
}: {
  table: SmallTable;
  rows: Record<string, TableCellValue>[];
  problems: Map<string, string[]>;
  readOnly: boolean;
  stacked: boolean;
  onChange: (rows: Record<string, TableCellValue>[]) => void;
}) {
  const { t } = useTranslation();
  const tableErrors = problems.get(`tables.${table.code}`);
  const setCell = (r: number, col: string, v: TableCellValue) =>
    onChange(rows.map((row, i) => (i === r ? { ...row, [col]: v } : row)));
  const cellText = (v: TableCellValue | undefined, kind: string) =>
    v === null || v === undefined || v === ''
      ? ''
      : typeof v === 'number' && kind !== 'text'
        ? formatNumber(v)
        : String(v);

  if (readOnly && rows.length === 0) return <p className="muted">{t('reports.form.noRows')}</p>;
  return (
    <>
      {tableErrors ? (
        <p className="rp-cell-error" id={`${fieldId('tab', table.code)}-err`}>
          {tableErrors.join(' ')}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <div className="rp-table-scroll">
          <table
            className={`rp-edit-table${stacked ? ' rp-stack' : ''}`}
            aria-labelledby={`rp-table-title-${table.code}`}
          >
            <thead>
              <tr>
                <th scope="col" className="rp-row-number">
                  {t('reports.form.rowNumber')}
                </th>
                {table.columns.map((c) => (
                  <th scope="col" key={c.code}>
                    {c.label}
                  </th>
                ))}
                {readOnly ? null : (
                  <th scope="col" className="rp-row-actions">
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
                <tr key={r}>
                  <td className="rp-row-number">{t('reports.form.rowN', { n: r + 1 })}</td>
                  {table.columns.map((c) => {
                    const id = fieldId('tab', table.code, String(r), c.code);
                    const errs = problems.get(`tables.${table.code}.${r}.${c.code}`);
                    const label = t('reports.form.cellLabel', { column: c.label, n: r + 1 });
                    return (
                      <td key={c.code} data-label={c.label}>
                        {readOnly ? (
                          cellText(row[c.code], c.kind)
                        ) : c.kind === 'text' ? (
                          <Input.TextArea
                            id={id}
                            aria-label={label}
                            autoSize={{ minRows: 1, maxRows: 6 }}
                            maxLength={2000}
                            value={
                              typeof row[c.code] === 'string'
                                ? (row[c.code] as string)
                                : String(row[c.code] ?? '')
                            }
                            onChange={(e) => setCell(r, c.code, e.target.value)}
                            status={errs ? 'error' : undefined}
                            aria-invalid={errs ? true : undefined}
                            aria-describedby={errs ? `${id}-err` : undefined}
                          />
                        ) : (
                          <NumberInput
                            id={id}
                            kind={c.kind === 'integer' ? 'integer' : 'number'}
                            value={typeof row[c.code] === 'number' ? (row[c.code] as number) : null}
                            onChange={(v) => setCell(r, c.code, v)}
                            label={label}
                            invalid={Boolean(errs)}
                            describedBy={errs ? `${id}-err` : undefined}
                          />
                        )}
                        {errs ? (
                          <span className="rp-cell-error" id={`${id}-err`}>
                            {errs.join(' ')}
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                  {readOnly ? null : (
                    <td className="rp-row-actions">
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={t('reports.form.removeRow', { n: r + 1, table: table.title })}
                        onClick={() => onChange(rows.filter((_, i) => i !== r))}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {readOnly ? null : (
        <Button
          id={fieldId('tab', table.code)}
          icon={<PlusOutlined aria-hidden />}
          disabled={rows.length >= table.maxRows}
          onClick={() => onChange([...rows, {}])}
          aria-describedby={tableErrors ? `${fieldId('tab', table.code)}-err` : undefined}
        >
          {t('reports.form.addRow', { table: table.title })}
        </Button>
      )}
    </>
  );
}

/** Runs of autosaves are shown as one line. */
function collapseSaves(events: readonly SubmissionEvent[]): (SubmissionEvent & { times: number })[] {
  const out: (SubmissionEvent & { times: number })[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (last && last.action === 'save' && e.action === 'save' && last.by === e.by && !e.comment) {
      out[out.length - 1] = { ...e, times: last.times + 1 };
    } else out.push({ ...e, times: 1 });
  }
  return out;
}

function History({ events }: { events: readonly SubmissionEvent[] }) {
  const { t } = useTranslation();
  const list = collapseSaves([...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))).reverse();
  return (
    <section className="page-section" aria-labelledby="rp-history" style={{ marginTop: 24 }}>
      <h2 className="section-title" id="rp-history">
        {t('reports.form.history')}
      </h2>
      {list.length === 0 ? (
        <p className="muted">{t('reports.form.noHistory')}</p>
      ) : (
        <ol className="rp-history">
          {list.map((e) => (
            <li key={`${e.at}|${e.action}`} className={`rp-history-${e.action}`}>
              <strong>{t(`reports.actions.${e.action}`)}</strong>
              {e.times > 1 ? <span className="muted"> {t('reports.form.times', { n: e.times })}</span> : null}
              {' · '}
              <Instant value={e.at} />
              {e.by ? <span className="muted"> · {e.by}</span> : null}
              {e.comment ? <p className="rp-history-comment">{e.comment}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function CommentModal({
  kind,
  onClose,
  submit,
}: {
  kind: 'return' | 'reopen';
  onClose: () => void;
  submit: (comment: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const go = async () => {
    if (!comment.trim()) {
      setError(
        kind === 'return' ? t('reports.form.returnCommentRequired') : t('reports.form.reopenCommentRequired'),
      );
      return;
    }
    setBusy(true);
    try {
      await submit(comment.trim());
      onClose();
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };
  const title: ReactNode = t(`reports.form.${kind}Title`);
  return (
    <ActionModal
      title={title}
      okText={t(`reports.form.${kind}`)}
      onOk={() => void go()}
      onClose={onClose}
      busy={busy}
    >
      <Form layout="vertical" component={false}>
        <Form.Item
          label={t(`reports.form.${kind}Comment`)}
          htmlFor="rp-comment"
          validateStatus={error ? 'error' : undefined}
          help={error ?? undefined}
        >
          <Input.TextArea
            id="rp-comment"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={2000}
          />
        </Form.Item>
      </Form>
      <p className="muted">{t(`reports.form.${kind}Hint`)}</p>
    </ActionModal>
  );
}
