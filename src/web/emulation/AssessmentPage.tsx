/**
 * A unit's self-assessment against a campaign's criteria (/emulation/:id/units/:unitId), made for a phone
 * (journey 7): the criteria computed from the platform's records come filled in, with the figures behind
 * them ("Cập nhật số liệu" recomputes them); the others take the unit's points, its explanation and evidence
 * files. Totals stay in view. The unit saves a draft and sends it to the office; every edit is kept on the
 * device until the server has it. The office reviews each row (a changed score needs a comment), returns the
 * assessment or marks the review done. Why the form is locked is always said.
 */
import {
  CheckOutlined,
  DeleteOutlined,
  PaperClipOutlined,
  ReloadOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Alert, App, Button, Card, Input, InputNumber, Modal, Skeleton, Tag, Upload } from 'antd';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatNumber } from '../platform/format.ts';
import { NotFoundPage } from '../platform/layout/StatusPages.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  type Assessment,
  type AssessmentRow,
  assessmentQuery,
  computeUnit,
  deleteEvidence,
  EMULATION_KEY,
  EVIDENCE_ACCEPT,
  type Evidence,
  evidenceFileProblem,
  evidenceUrl,
  fileToBase64,
  returnAssessment,
  saveReview,
  saveSelfAssessment,
  submitAssessment,
  uploadEvidence,
} from './api.ts';
import { askPersistentStorage, clearDraft, loadDraft, sameData, saveDraft } from './draft.ts';
import {
  basePoints,
  codeOfPath,
  formatPoints,
  liveTotals,
  rowPoints,
  type ScoreEdits,
  uncommentedChanges,
} from './helpers.ts';
import { idParam } from './search.ts';
import {
  AssessmentStatusTag,
  ClassificationTag,
  formatInstant,
  periodText,
  pointsInputProps,
} from './ui.tsx';

const routeApi = getRouteApi('/_app/emulation/$campaignId/units/$unitId');

export function AssessmentPage() {
  const { t } = useTranslation();
  const { campaignId, unitId } = routeApi.useParams();
  const id = idParam(campaignId);
  const unit = idParam(unitId);
  const query = useQuery({ ...assessmentQuery(id ?? 0, unit ?? 0), enabled: Boolean(id && unit) });
  if (!id || !unit) return <NotFoundPage />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={t('emulation.assessment.title')} />
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  if (!query.data)
    return (
      <>
        <PageHeader title={t('emulation.assessment.title')} />
        <Skeleton active />
      </>
    );
  const a = query.data;
  // A change of status or of who may write starts the form again from the server's values.
  return (
    <AssessmentEditor
      key={`${a.campaignId}:${a.orgUnitId}:${a.status}:${a.campaignStatus}:${a.maySelfAssess}:${a.mayReview}`}
      a={a}
    />
  );
}

interface SelfContent {
  scores: ScoreEdits;
  comment: string;
}

const selfOf = (a: Assessment): SelfContent => ({
  scores: Object.fromEntries(
    a.rows
      .filter((r) => r.kind === 'manual' && r.applies)
      .map((r) => [r.code, { points: r.self.points, comment: r.self.comment ?? '' }]),
  ),
  comment: a.comment ?? '',
});

const reviewOf = (a: Assessment): ScoreEdits =>
  Object.fromEntries(
    a.rows
      .filter((r) => r.applies)
      .map((r) => [r.code, { points: r.review.points, comment: r.review.comment ?? '' }]),
  );

/** The row's problems, by leaf code. */
type RowProblems = Map<string, string[]>;

function AssessmentEditor({ a }: { a: Assessment }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const draftId = `${a.campaignId}.${a.orgUnitId}`;
  const selfEditable = a.maySelfAssess;
  const reviewEditable = a.mayReview;
  const codes = useMemo(() => a.rows.map((r) => r.code), [a.rows]);

  // ── the unit's scores, with the edits kept on this device ──
  const [serverSelf, setServerSelf] = useState(() => selfOf(a));
  const [selfRestored, setSelfRestored] = useState(() => {
    const d = loadDraft<SelfContent>('self', user.id, draftId);
    if (!d) return null;
    if (sameData(d.content, serverSelf)) {
      clearDraft('self', user.id, draftId);
      return null;
    }
    return d;
  });
  const [self, setSelf] = useState<SelfContent>(() =>
    selfEditable && selfRestored ? mergeSelf(selfOf(a), selfRestored.content) : selfOf(a),
  );

  // ── the office's review, likewise ──
  const [serverReview, setServerReview] = useState(() => reviewOf(a));
  const [reviewRestored, setReviewRestored] = useState(() => {
    if (!reviewEditable) return null;
    const d = loadDraft<ScoreEdits>('review', user.id, draftId);
    if (!d) return null;
    if (sameData(d.content, serverReview)) {
      clearDraft('review', user.id, draftId);
      return null;
    }
    return d;
  });
  const [review, setReview] = useState<ScoreEdits>(() =>
    reviewRestored ? { ...reviewOf(a), ...reviewRestored.content } : reviewOf(a),
  );

  const [storageOk, setStorageOk] = useState(true);
  const [problems, setProblems] = useState<RowProblems>(new Map());
  const [formError, setFormError] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  const totals = liveTotals(a.rows, selfEditable ? self.scores : null, reviewEditable ? review : null);
  const selfDirty = selfEditable && !sameData(self, serverSelf);
  const reviewDirty = reviewEditable && !sameData(review, serverReview);

  useEffect(() => {
    if (selfEditable || reviewEditable) askPersistentStorage();
  }, [selfEditable, reviewEditable]);
  // Nothing is lost on closing the tab when the browser keeps the draft; warn only when it does not.
  useEffect(() => {
    if (storageOk || !(selfDirty || reviewDirty)) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [storageOk, selfDirty, reviewDirty]);

  const changeSelf = (next: SelfContent) => {
    setSelf(next);
    setStorageOk(saveDraft('self', user.id, draftId, next));
  };
  const setSelfScore = (code: string, patch: Partial<{ points: number | null; comment: string }>) => {
    const cur = self.scores[code] ?? { points: null, comment: '' };
    changeSelf({ ...self, scores: { ...self.scores, [code]: { ...cur, ...patch } } });
    clearProblem(code);
  };
  const setReviewScore = (code: string, patch: Partial<{ points: number | null; comment: string }>) => {
    const cur = review[code] ?? { points: null, comment: '' };
    const next = { ...review, [code]: { ...cur, ...patch } };
    setReview(next);
    setStorageOk(saveDraft('review', user.id, draftId, next));
    clearProblem(code);
  };
  const clearProblem = (code: string) => {
    if (!problems.has(code)) return;
    const next = new Map(problems);
    next.delete(code);
    setProblems(next);
  };

  const showProblems = (text: string, list: RowProblems) => {
    setProblems(list);
    setFormError(text);
    window.setTimeout(() => errorRef.current?.focus(), 50);
  };
  /** The server's refusal as a message above the form and the details under their rows. */
  const showApiError = (e: unknown, sent: readonly string[] = []) => {
    if (!isApiError(e)) {
      showProblems(t('errors.generic'), new Map());
      return;
    }
    const list: RowProblems = new Map();
    const loose: string[] = [];
    for (const d of e.details) {
      const code = codeOfPath(d.path, codes, sent);
      if (code) list.set(code, [...(list.get(code) ?? []), d.message]);
      else loose.push(d.message);
    }
    showProblems([e.message, ...loose].join(' '), list);
  };

  const afterWrite = async (next: Assessment, text: string) => {
    queryClient.setQueryData(assessmentQuery(a.campaignId, a.orgUnitId).queryKey, next);
    void message.success(text);
    await queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] === EMULATION_KEY[0] && q.queryKey[1] !== 'assessment',
    });
  };

  const selfBody = (content: SelfContent) => {
    const rows = a.rows.filter((r) => r.kind === 'manual' && r.applies);
    return {
      scores: rows.map((r) => {
        const s = content.scores[r.code] ?? { points: null, comment: '' };
        return { code: r.code, points: s.points, comment: s.comment.trim() || null };
      }),
      comment: content.comment.trim() || null,
    };
  };

  /** PUT self; true when the server has the edits. */
  const writeSelf = async (): Promise<Assessment | null> => {
    const content = self;
    const body = selfBody(content);
    try {
      const saved = await saveSelfAssessment(a.campaignId, a.orgUnitId, body);
      clearDraft('self', user.id, draftId);
      setServerSelf(content);
      setSelfRestored(null);
      return saved;
    } catch (e) {
      showApiError(
        e,
        body.scores.map((s) => s.code),
      );
      return null;
    }
  };

  const saveDraftNow = useMutation({
    mutationFn: writeSelf,
    onMutate: () => {
      setFormError(null);
      setProblems(new Map());
    },
    onSuccess: (saved) => {
      if (saved) void afterWrite(saved, t('emulation.assessment.savedDraft'));
    },
  });

  const send = useMutation({
    mutationFn: async () => {
      const saved = selfDirty || a.status === 'not_started' ? await writeSelf() : a;
      if (!saved) return null;
      try {
        return await submitAssessment(a.campaignId, a.orgUnitId);
      } catch (e) {
        showApiError(e);
        return null;
      }
    },
    onMutate: () => {
      setFormError(null);
      setProblems(new Map());
    },
    onSuccess: (sent) => {
      if (sent) void afterWrite(sent, t('emulation.assessment.sent'));
    },
  });

  // What is missing before sending, as the server would say it (it checks again).
  const localMissing = (): RowProblems => {
    const list: RowProblems = new Map();
    for (const r of a.rows) {
      if (r.kind !== 'manual' || !r.applies) continue;
      const msgs: string[] = [];
      if ((self.scores[r.code]?.points ?? null) === null) msgs.push(t('emulation.assessment.missingPoints'));
      if (r.evidenceRequired && r.evidence.length === 0) msgs.push(t('emulation.assessment.missingEvidence'));
      if (msgs.length) list.set(r.code, msgs);
    }
    return list;
  };

  const confirmSend = () => {
    const missing = localMissing();
    if (missing.size > 0) {
      showProblems(t('emulation.assessment.fixBeforeSend', { n: formatNumber(missing.size) }), missing);
      return;
    }
    modal.confirm({
      title: t('emulation.assessment.confirmSendTitle'),
      content: t('emulation.assessment.confirmSendBody', {
        score: formatPoints(totals.score),
        classification: t(`emulation.classifications.${totals.classification}`),
      }),
      okText: t('emulation.assessment.send'),
      cancelText: t('common.cancel'),
      onOk: () => send.mutateAsync().then(() => undefined),
    });
  };

  const compute = useMutation({
    mutationFn: () => computeUnit(a.campaignId, a.orgUnitId),
    onSuccess: (next) => void afterWrite(next, t('emulation.assessment.computed')),
    onError: (e) => void message.error(isApiError(e) ? e.message : t('errors.generic')),
  });

  const writeReview = useMutation({
    mutationFn: async (done: boolean) => {
      const rows = a.rows.filter((r) => r.applies);
      const body = {
        scores: rows.map((r) => {
          const s = review[r.code] ?? { points: null, comment: '' };
          return { code: r.code, points: s.points, comment: s.comment.trim() || null };
        }),
        done,
      };
      try {
        const saved = await saveReview(a.campaignId, a.orgUnitId, body);
        clearDraft('review', user.id, draftId);
        setServerReview(review);
        setReviewRestored(null);
        return { saved, done };
      } catch (e) {
        showApiError(
          e,
          body.scores.map((s) => s.code),
        );
        return null;
      }
    },
    onMutate: () => {
      setFormError(null);
      setProblems(new Map());
    },
    onSuccess: (r) => {
      if (r)
        void afterWrite(
          r.saved,
          r.done ? t('emulation.assessment.reviewDone') : t('emulation.assessment.reviewSaved'),
        );
    },
  });

  const checkReview = (): boolean => {
    const flagged = uncommentedChanges(a.rows, review);
    if (flagged.length === 0) return true;
    showProblems(
      t('emulation.assessment.needCommentTitle', { n: formatNumber(flagged.length) }),
      new Map(flagged.map((code) => [code, [t('emulation.assessment.needComment')]])),
    );
    return false;
  };
  const saveReviewNow = () => {
    if (checkReview()) writeReview.mutate(false);
  };
  const finishReview = () => {
    if (!checkReview()) return;
    modal.confirm({
      title: t('emulation.assessment.confirmDoneTitle', { unit: a.unitName }),
      content: t('emulation.assessment.confirmDoneBody', { score: formatPoints(totals.score) }),
      okText: t('emulation.assessment.finishReview'),
      cancelText: t('common.cancel'),
      onOk: () => writeReview.mutateAsync(true).then(() => undefined),
    });
  };

  const groups = useMemo(() => groupRows(a.rows), [a.rows]);
  const busy = saveDraftNow.isPending || send.isPending || writeReview.isPending;
  const hasComputed = a.rows.some((r) => r.kind === 'computed' && r.applies);

  return (
    <>
      <PageHeader
        title={a.unitName}
        intro={
          <>
            <span className="em-intro-line">
              {t('emulation.assessment.intro', {
                campaign: a.campaignName,
                period: periodText(a),
                area: a.areaName,
              })}
            </span>
            <Link to="/emulation/$campaignId" params={{ campaignId: String(a.campaignId) }} search={{}}>
              {t('emulation.assessment.backToCampaign')}
            </Link>
          </>
        }
      />
      <div className="em-status-line">
        <AssessmentStatusTag status={a.status} />
        {a.submittedAt && (a.status === 'submitted' || a.status === 'reviewed') ? (
          <span className="muted">
            {t('emulation.assessment.submittedAt', { at: formatInstant(a.submittedAt) })}
          </span>
        ) : null}
        {a.reviewedAt ? (
          <span className="muted">
            {t('emulation.assessment.reviewedAt', { at: formatInstant(a.reviewedAt) })}
          </span>
        ) : null}
      </div>

      {a.lockedReason ? (
        <Alert
          type="info"
          showIcon
          className="page-section"
          title={a.lockedReason}
          data-testid="locked-reason"
        />
      ) : null}
      {a.returnComment && (a.status === 'draft' || a.status === 'not_started') ? (
        <Alert
          type="warning"
          showIcon
          className="page-section"
          title={t('emulation.assessment.returned')}
          description={<span className="pre-line">{a.returnComment}</span>}
        />
      ) : null}
      {selfRestored ? (
        <Alert
          type={selfEditable ? 'info' : 'warning'}
          showIcon
          className="page-section"
          title={
            selfEditable
              ? t('emulation.draft.restored', { at: formatInstant(selfRestored.savedAt) })
              : t('emulation.draft.lockedLocal', { at: formatInstant(selfRestored.savedAt) })
          }
          action={
            <Button
              size="small"
              onClick={() => {
                clearDraft('self', user.id, draftId);
                setSelf(serverSelf);
                setSelfRestored(null);
              }}
            >
              {t('emulation.draft.discard')}
            </Button>
          }
        />
      ) : null}
      {reviewRestored ? (
        <Alert
          type="info"
          showIcon
          className="page-section"
          title={t('emulation.draft.restored', { at: formatInstant(reviewRestored.savedAt) })}
          action={
            <Button
              size="small"
              onClick={() => {
                clearDraft('review', user.id, draftId);
                setReview(serverReview);
                setReviewRestored(null);
              }}
            >
              {t('emulation.draft.discard')}
            </Button>
          }
        />
      ) : null}
      {!storageOk ? (
        <Alert type="warning" showIcon className="page-section" title={t('emulation.draft.storageFailed')} />
      ) : null}
      {formError ? (
        <div ref={errorRef} tabIndex={-1} className="page-section">
          <Alert
            type="error"
            showIcon
            role="alert"
            title={formError}
            description={
              problems.size > 0 ? (
                <ul className="em-problems">
                  {[...problems].map(([code, msgs]) => (
                    <li key={code}>
                      <a href={`#em-row-${cssId(code)}`}>
                        {code}: {msgs.join(' ')}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        </div>
      ) : null}

      {hasComputed && (selfEditable || reviewEditable) ? (
        <div className="em-toolbar">
          <Button
            icon={<ReloadOutlined aria-hidden />}
            loading={compute.isPending}
            onClick={() => compute.mutate()}
          >
            {t('emulation.assessment.compute')}
          </Button>
          <span className="muted">
            {a.computedAt
              ? t('emulation.assessment.computedAt', { at: formatInstant(a.computedAt) })
              : t('emulation.assessment.notComputed')}
          </span>
        </div>
      ) : null}

      {groups.map((g) => (
        <Card
          key={g.code}
          className="page-section em-group"
          title={
            <h2 className="card-title">
              {g.code}. {g.title}
            </h2>
          }
          extra={
            <span className="muted nowrap">
              {t('emulation.pointsOf', {
                earned: formatPoints(
                  g.rows
                    .filter((r) => r.applies)
                    .reduce(
                      (s, r) =>
                        s + rowPoints(r, selfEditable ? self.scores : null, reviewEditable ? review : null),
                      0,
                    ),
                ),
                max: formatPoints(g.rows.filter((r) => r.applies).reduce((s, r) => s + r.maxPoints, 0)),
              })}
            </span>
          }
        >
          <ol className="plain-list em-rows">
            {g.rows.map((r) => (
              <RowItem
                key={r.code}
                a={a}
                row={r}
                self={self.scores[r.code] ?? { points: r.self.points, comment: r.self.comment ?? '' }}
                review={review[r.code] ?? { points: r.review.points, comment: r.review.comment ?? '' }}
                selfEditable={selfEditable}
                reviewEditable={reviewEditable}
                problems={problems.get(r.code)}
                onSelf={(patch) => setSelfScore(r.code, patch)}
                onReview={(patch) => setReviewScore(r.code, patch)}
                onEvidenceChange={() => clearProblem(r.code)}
              />
            ))}
          </ol>
        </Card>
      ))}

      <Card
        className="page-section"
        title={<h2 className="card-title">{t('emulation.assessment.overall')}</h2>}
      >
        {selfEditable ? (
          <>
            <label htmlFor="em-overall-comment" className="em-label">
              {t('emulation.assessment.overallComment')}
            </label>
            <Input.TextArea
              id="em-overall-comment"
              value={self.comment}
              onChange={(e) => changeSelf({ ...self, comment: e.target.value })}
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={4000}
            />
          </>
        ) : (
          <p className="pre-line em-readonly">{a.comment || t('emulation.assessment.noComment')}</p>
        )}
      </Card>

      <div className="em-sticky" data-testid="totals">
        <div className="em-totals" role="status" aria-live="polite">
          <span>
            {t('emulation.assessment.totalEarned', {
              earned: formatPoints(totals.earned),
              max: formatPoints(totals.max),
            })}
          </span>
          <strong className="em-score">
            {t('emulation.assessment.totalScore', { score: formatPoints(totals.score) })}
          </strong>
          <ClassificationTag value={totals.classification} />
          {selfDirty || reviewDirty ? (
            <span className="em-unsaved">{t('emulation.assessment.unsaved')}</span>
          ) : null}
        </div>
        {selfEditable || reviewEditable ? (
          <div className="em-sticky-actions">
            {selfEditable ? (
              <>
                <Button
                  icon={<SaveOutlined aria-hidden />}
                  loading={saveDraftNow.isPending}
                  disabled={busy && !saveDraftNow.isPending}
                  onClick={() => saveDraftNow.mutate()}
                >
                  {t('emulation.assessment.saveDraft')}
                </Button>
                <Button
                  type="primary"
                  icon={<SendOutlined aria-hidden />}
                  loading={send.isPending}
                  disabled={busy && !send.isPending}
                  onClick={confirmSend}
                >
                  {t('emulation.assessment.send')}
                </Button>
              </>
            ) : null}
            {reviewEditable ? (
              <>
                {a.status === 'submitted' || a.status === 'reviewed' ? (
                  <Button
                    icon={<RollbackOutlined aria-hidden />}
                    disabled={busy}
                    onClick={() => setReturning(true)}
                  >
                    {t('emulation.assessment.return')}
                  </Button>
                ) : null}
                <Button
                  icon={<SaveOutlined aria-hidden />}
                  loading={writeReview.isPending && writeReview.variables === false}
                  disabled={busy}
                  onClick={saveReviewNow}
                >
                  {t('emulation.assessment.saveReview')}
                </Button>
                <Button
                  type="primary"
                  icon={<CheckOutlined aria-hidden />}
                  loading={writeReview.isPending && writeReview.variables === true}
                  disabled={busy}
                  onClick={finishReview}
                >
                  {t('emulation.assessment.finishReview')}
                </Button>
              </>
            ) : null}
          </div>
        ) : null}
      </div>

      {returning ? (
        <ReturnDialog
          a={a}
          onClose={() => setReturning(false)}
          onDone={(next) => {
            setReturning(false);
            void afterWrite(next, t('emulation.assessment.returnedDone'));
          }}
        />
      ) : null}
    </>
  );
}

/** A restored draft over the server's scores: only the rows the form still has. */
function mergeSelf(server: SelfContent, draft: SelfContent): SelfContent {
  const scores: ScoreEdits = { ...server.scores };
  for (const code of Object.keys(scores)) {
    const d = draft.scores?.[code];
    if (d && typeof d === 'object')
      scores[code] = {
        points: typeof d.points === 'number' ? d.points : null,
        comment: typeof d.comment === 'string' ? d.comment : '',
      };
  }
  return { scores, comment: typeof draft.comment === 'string' ? draft.comment : server.comment };
}

function groupRows(rows: readonly AssessmentRow[]) {
  const out: { code: string; title: string; rows: AssessmentRow[] }[] = [];
  for (const r of rows) {
    let g = out.find((x) => x.code === r.groupCode);
    if (!g) {
      g = { code: r.groupCode, title: r.groupTitle, rows: [] };
      out.push(g);
    }
    g.rows.push(r);
  }
  return out;
}

/** A leaf code as a piece of an element id ("4.1" → "4-1"). */
const cssId = (code: string) => code.replace(/[^\p{L}\p{N}_-]/gu, '-');

function RowItem({
  a,
  row,
  self,
  review,
  selfEditable,
  reviewEditable,
  problems,
  onSelf,
  onReview,
  onEvidenceChange,
}: {
  a: Assessment;
  row: AssessmentRow;
  self: { points: number | null; comment: string };
  review: { points: number | null; comment: string };
  selfEditable: boolean;
  reviewEditable: boolean;
  problems: string[] | undefined;
  onSelf: (patch: Partial<{ points: number | null; comment: string }>) => void;
  onReview: (patch: Partial<{ points: number | null; comment: string }>) => void;
  onEvidenceChange: () => void;
}) {
  const { t } = useTranslation();
  const id = cssId(row.code);
  const errId = `em-row-${id}-err`;
  const max = formatPoints(row.maxPoints);
  const manual = row.kind === 'manual';
  const base = basePoints(row);

  return (
    <li
      id={`em-row-${id}`}
      className={`em-row${problems ? ' em-row-invalid' : ''}${row.applies ? '' : ' em-row-na'}`}
      data-code={row.code}
      aria-labelledby={`em-row-${id}-title`}
    >
      <div className="em-row-head">
        <h3 id={`em-row-${id}-title`} className="em-row-title">
          {row.code}. {row.title}
        </h3>
        <span className="em-row-max nowrap">{t('emulation.assessment.maxPoints', { max })}</span>
      </div>
      <div className="tag-list em-row-tags">
        <Tag className={manual ? 'em-tag-neutral' : 'em-tag-info'}>{t(`emulation.kinds.${row.kind}`)}</Tag>
        {manual && row.evidenceRequired ? (
          <Tag className="tag-warning">{t('emulation.rule.evidence')}</Tag>
        ) : null}
        {!row.applies ? (
          <Tag className="em-tag-neutral">{t('emulation.assessment.notApplicable')}</Tag>
        ) : null}
      </div>
      {row.guidance ? <p className="em-guidance">{row.guidance}</p> : null}

      {!row.applies ? null : manual ? (
        <>
          {selfEditable ? (
            <div className="em-fields">
              <div className="em-field em-field-points">
                <label htmlFor={`em-self-${id}`} className="em-label">
                  {t('emulation.assessment.selfPoints', { max })}
                </label>
                <InputNumber<number>
                  id={`em-self-${id}`}
                  className="em-points-input"
                  value={self.points}
                  min={0}
                  max={row.maxPoints}
                  step={0.5}
                  {...pointsInputProps}
                  inputMode="decimal"
                  status={problems ? 'error' : undefined}
                  aria-describedby={problems ? errId : undefined}
                  onChange={(v) => onSelf({ points: typeof v === 'number' && Number.isFinite(v) ? v : null })}
                />
              </div>
              <div className="em-field em-field-comment">
                <label htmlFor={`em-self-comment-${id}`} className="em-label">
                  {t('emulation.assessment.selfComment')}
                </label>
                <Input.TextArea
                  id={`em-self-comment-${id}`}
                  value={self.comment}
                  onChange={(e) => onSelf({ comment: e.target.value })}
                  autoSize={{ minRows: 1, maxRows: 6 }}
                  maxLength={2000}
                />
              </div>
            </div>
          ) : (
            <p className="em-readonly">
              {t('emulation.assessment.selfLine', {
                points:
                  row.self.points === null
                    ? t('emulation.assessment.noPoints')
                    : formatPoints(row.self.points),
                max,
              })}
              {row.self.comment ? <span className="pre-line em-comment">{row.self.comment}</span> : null}
            </p>
          )}
          <EvidenceList a={a} row={row} editable={selfEditable} onChange={onEvidenceChange} />
        </>
      ) : (
        <div className="em-computed">
          {row.computed ? (
            <>
              <p className="em-explanation">{row.computed.explanation}</p>
              <p className="em-computed-points">
                {t('emulation.assessment.computedLine', { points: formatPoints(row.computed.points), max })}
              </p>
            </>
          ) : (
            <p className="muted">{t('emulation.assessment.noData')}</p>
          )}
        </div>
      )}

      {row.applies && reviewEditable ? (
        <fieldset className="em-review">
          <legend>{t('emulation.assessment.reviewLegend')}</legend>
          <div className="em-fields">
            <div className="em-field em-field-points">
              <label htmlFor={`em-review-${id}`} className="em-label">
                {t('emulation.assessment.reviewPoints', { max })}
              </label>
              <InputNumber<number>
                id={`em-review-${id}`}
                className="em-points-input"
                value={review.points}
                min={0}
                max={row.maxPoints}
                step={0.5}
                {...pointsInputProps}
                inputMode="decimal"
                placeholder={base === null ? undefined : formatPoints(base)}
                status={problems ? 'error' : undefined}
                aria-describedby={problems ? errId : undefined}
                onChange={(v) => onReview({ points: typeof v === 'number' && Number.isFinite(v) ? v : null })}
              />
            </div>
            <div className="em-field em-field-comment">
              <label htmlFor={`em-review-comment-${id}`} className="em-label">
                {t('emulation.assessment.reviewComment')}
              </label>
              <Input.TextArea
                id={`em-review-comment-${id}`}
                value={review.comment}
                status={problems ? 'error' : undefined}
                onChange={(e) => onReview({ comment: e.target.value })}
                autoSize={{ minRows: 1, maxRows: 6 }}
                maxLength={2000}
              />
            </div>
          </div>
          <p className="muted em-help">
            {base === null
              ? t('emulation.assessment.reviewHelpNone')
              : t('emulation.assessment.reviewHelp', { points: formatPoints(base) })}
          </p>
        </fieldset>
      ) : row.applies && (row.review.points !== null || row.review.comment) ? (
        <div className="em-review em-review-readonly">
          <p className="em-readonly">
            {t('emulation.assessment.reviewLine', {
              points:
                row.review.points === null
                  ? t('emulation.assessment.unchanged')
                  : formatPoints(row.review.points),
              max,
            })}
            {row.review.by || row.review.at
              ? ` (${[row.review.by, formatInstant(row.review.at)].filter(Boolean).join(', ')})`
              : ''}
            {row.review.comment ? <span className="pre-line em-comment">{row.review.comment}</span> : null}
          </p>
        </div>
      ) : null}

      {problems ? (
        <ul id={errId} className="em-field-error plain-list">
          {problems.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} kB`;

/** A row's evidence files: download, delete (while editable) and upload (file → base64 → the server). */
function EvidenceList({
  a,
  row,
  editable,
  onChange,
}: {
  a: Assessment;
  row: AssessmentRow;
  editable: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const key = assessmentQuery(a.campaignId, a.orgUnitId).queryKey;
  const [uploading, setUploading] = useState(0);

  const setEvidence = (update: (list: Evidence[]) => Evidence[]) =>
    queryClient.setQueryData(key, (old) =>
      old
        ? {
            ...old,
            rows: old.rows.map((r) => (r.code === row.code ? { ...r, evidence: update(r.evidence) } : r)),
          }
        : old,
    );

  const upload = async (file: File) => {
    const problem = evidenceFileProblem(file);
    if (problem) {
      void message.error(t(`emulation.evidence.${problem}`, { name: file.name }));
      return;
    }
    setUploading((n) => n + 1);
    try {
      const ev = await uploadEvidence(a.campaignId, a.orgUnitId, {
        criterionCode: row.code,
        fileName: file.name,
        contentBase64: await fileToBase64(file),
      });
      setEvidence((list) => [...list, ev]);
      onChange();
      void message.success(t('emulation.evidence.uploaded', { name: file.name }));
    } catch (e) {
      void message.error(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const remove = (ev: Evidence) =>
    modal.confirm({
      title: t('emulation.evidence.confirmDelete', { name: ev.fileName }),
      okText: t('emulation.evidence.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await deleteEvidence(ev.id);
          setEvidence((list) => list.filter((x) => x.id !== ev.id));
          void message.success(t('emulation.evidence.deleted'));
        } catch (e) {
          void message.error(isApiError(e) ? e.message : t('errors.generic'));
        }
      },
    });

  if (!editable && row.evidence.length === 0) return null;
  const listId = `em-evidence-${cssId(row.code)}`;
  return (
    <div className="em-evidence">
      <h4 id={listId} className="em-evidence-title">
        {t('emulation.evidence.title', { n: formatNumber(row.evidence.length) })}
      </h4>
      {row.evidence.length > 0 ? (
        <ul className="plain-list em-evidence-list" aria-labelledby={listId}>
          {row.evidence.map((ev) => (
            <li key={ev.id}>
              <PaperClipOutlined aria-hidden />{' '}
              <a href={evidenceUrl(ev.id)} download="">
                {ev.fileName}
              </a>{' '}
              <span className="muted">({sizeText(ev.size)})</span>
              {editable ? (
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('emulation.evidence.deleteLabel', { name: ev.fileName })}
                  onClick={() => remove(ev)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted em-help">{t('emulation.evidence.none')}</p>
      )}
      {editable ? (
        <UploadButton
          loading={uploading > 0}
          label={t('emulation.evidence.upload')}
          ariaLabel={t('emulation.evidence.uploadFor', { code: row.code })}
          onFile={(f) => void upload(f)}
        />
      ) : null}
    </div>
  );
}

function UploadButton({
  loading,
  label,
  ariaLabel,
  onFile,
}: {
  loading: boolean;
  label: ReactNode;
  ariaLabel: string;
  onFile: (file: File) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Upload
        accept={EVIDENCE_ACCEPT}
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          onFile(file as File);
          return false;
        }}
      >
        <Button icon={<UploadOutlined aria-hidden />} loading={loading} aria-label={ariaLabel}>
          {label}
        </Button>
      </Upload>
      <p className="muted em-help">{t('emulation.evidence.help')}</p>
    </>
  );
}

/** Returns the assessment to the unit, with the office's reason (required). */
function ReturnDialog({
  a,
  onClose,
  onDone,
}: {
  a: Assessment;
  onClose: () => void;
  onDone: (next: Assessment) => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: () => returnAssessment(a.campaignId, a.orgUnitId, comment.trim()),
    onMutate: () => setError(null),
    onSuccess: onDone,
    onError: (e) =>
      setError(
        isApiError(e) ? [e.message, ...e.details.map((d) => d.message)].join(' ') : t('errors.generic'),
      ),
  });
  return (
    <Modal
      open
      title={t('emulation.assessment.returnTitle', { unit: a.unitName })}
      okText={t('emulation.assessment.return')}
      cancelText={t('common.cancel')}
      onOk={() => run.mutate()}
      okButtonProps={{ disabled: !comment.trim() }}
      confirmLoading={run.isPending}
      onCancel={onClose}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {error ? <Alert type="error" showIcon role="alert" title={error} className="em-note" /> : null}
      <label htmlFor="em-return-comment" className="em-label">
        {t('emulation.assessment.returnComment')}
      </label>
      <Input.TextArea
        id="em-return-comment"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={2000}
      />
    </Modal>
  );
}
