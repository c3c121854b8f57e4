/**
 * "Xếp hạng, khen thưởng": the participants ranked by score (of 100) with their classification and the award
 * level the rules suggest; the office picks the level to propose for each unit and writes its achievement,
 * saves the proposal list, and downloads the ranking (Excel), the list (Word) and the draft decision (Word).
 */
import { CheckOutlined, FileExcelOutlined, FileWordOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Select, Skeleton } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../platform/api.ts';
import { formatNumber } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { useIsPhone } from '../platform/ui/useMediaQuery.ts';
import {
  awardDecisionDocxUrl,
  awardsDocxUrl,
  type CampaignDetail,
  EMULATION_KEY,
  type Ranking,
  type RankingRow,
  rankingQuery,
  rankingXlsxUrl,
  saveAwards,
} from './api.ts';
import { ScoreChart } from './chart.tsx';
import { sameData } from './draft.ts';
import { formatPoints, proposalUnitOf } from './helpers.ts';
import { AssessmentStatusTag, ClassificationTag, classificationLabel } from './ui.tsx';

interface Pick {
  levelCode: string | null;
  achievement: string;
}
type Picks = Record<number, Pick>;

const picksOf = (r: Ranking): Picks =>
  Object.fromEntries(
    r.rows.map((row) => [
      row.orgUnitId,
      { levelCode: row.proposedLevel, achievement: row.achievement ?? '' },
    ]),
  );

export function RankingTab({ campaign }: { campaign: CampaignDetail }) {
  const query = useQuery(rankingQuery(campaign.id));
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  return <RankingView key={JSON.stringify(picksOf(query.data))} campaign={campaign} ranking={query.data} />;
}

function RankingView({ campaign, ranking }: { campaign: CampaignDetail; ranking: Ranking }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const editable = campaign.mayEdit && campaign.status !== 'draft';
  const [saved] = useState(() => picksOf(ranking));
  const [picks, setPicks] = useState<Picks>(saved);
  const [problems, setProblems] = useState<Map<number, string[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const dirty = !sameData(picks, saved);
  const levelTitle = (code: string | null) =>
    code ? (ranking.levels.find((l) => l.code === code)?.title ?? code) : '';

  const achievementFor = (row: RankingRow) =>
    t('emulation.ranking.achievementDefault', {
      score: formatPoints(row.score),
      rank: formatNumber(row.rank),
      classification: classificationLabel(t, row.classification),
    });

  const setPick = (row: RankingRow, patch: Partial<Pick>) =>
    setPicks((prev) => {
      const cur = prev[row.orgUnitId] ?? { levelCode: null, achievement: '' };
      const next = { ...cur, ...patch };
      if (patch.levelCode && !cur.achievement.trim()) next.achievement = achievementFor(row);
      return { ...prev, [row.orgUnitId]: next };
    });

  const fromSuggestions = () =>
    setPicks(
      Object.fromEntries(
        ranking.rows.map((row) => {
          const cur = picks[row.orgUnitId] ?? { levelCode: null, achievement: '' };
          return [
            row.orgUnitId,
            {
              levelCode: row.suggestedLevel,
              achievement:
                row.suggestedLevel && !cur.achievement.trim() ? achievementFor(row) : cur.achievement,
            },
          ];
        }),
      ),
    );

  const save = useMutation({
    mutationFn: () => {
      const items = ranking.rows
        .filter((row) => picks[row.orgUnitId]?.levelCode)
        .map((row) => {
          const p = picks[row.orgUnitId] as Pick;
          return {
            orgUnitId: row.orgUnitId,
            levelCode: p.levelCode as string,
            achievement: p.achievement.trim() || null,
          };
        });
      return saveAwards(campaign.id, { items }).catch((e: unknown) => {
        throw { error: e, sent: items.map((i) => i.orgUnitId) };
      });
    },
    onMutate: () => {
      setError(null);
      setProblems(new Map());
    },
    onSuccess: async (r) => {
      queryClient.setQueryData(rankingQuery(campaign.id).queryKey, r);
      void message.success(t('emulation.ranking.saved'));
      await queryClient.invalidateQueries({ queryKey: EMULATION_KEY });
    },
    onError: (x: unknown) => {
      const { error: e, sent } = x as { error: unknown; sent: number[] };
      if (!isApiError(e)) {
        setError(t('errors.generic'));
        return;
      }
      const byUnit = new Map<number, string[]>();
      const loose: string[] = [];
      for (const d of e.details) {
        const unit = proposalUnitOf(d.path, sent);
        if (unit === null) loose.push(d.message);
        else byUnit.set(unit, [...(byUnit.get(unit) ?? []), d.message]);
      }
      setProblems(byUnit);
      setError([e.message, ...loose].join(' '));
    },
  });

  const levelOptions = [
    { value: '', label: t('emulation.ranking.noAward') },
    ...ranking.levels.map((l) => ({ value: l.code, label: l.title })),
  ];

  const columns: ColumnsType<RankingRow> = [
    { title: t('emulation.ranking.rank'), dataIndex: 'rank', align: 'right', width: 64 },
    {
      title: t('emulation.campaign.unit'),
      dataIndex: 'name',
      className: 'em-wide',
      render: (v: string, row) => (
        <>
          {v}
          <span className="cell-secondary">
            <AssessmentStatusTag status={row.status} />
          </span>
        </>
      ),
    },
    {
      title: t('emulation.campaign.score'),
      dataIndex: 'score',
      align: 'right',
      className: 'nowrap',
      render: (v: number, row) => (
        <>
          <strong>{formatPoints(v)}</strong>
          <span className="cell-secondary">
            {t('emulation.pointsOf', { earned: formatPoints(row.earned), max: formatPoints(row.max) })}
          </span>
        </>
      ),
    },
    {
      title: t('emulation.ranking.classification'),
      dataIndex: 'classification',
      render: (v: string) => <ClassificationTag value={v} />,
    },
    // With the picks open, the suggestion sits under each pick (the table stays narrow enough for a laptop).
    ...(editable
      ? []
      : [
          {
            title: t('emulation.ranking.suggested'),
            dataIndex: 'suggestedLevel',
            render: (v: string | null) => levelTitle(v) || t('common.none'),
          },
        ]),
    {
      title: t('emulation.ranking.proposed'),
      key: 'proposed',
      className: 'em-proposal-cell',
      width: 250,
      render: (_, row) => {
        const p = picks[row.orgUnitId] ?? { levelCode: null, achievement: '' };
        const errs = problems.get(row.orgUnitId);
        if (!editable) return levelTitle(p.levelCode) || t('common.none');
        const errId = `em-award-err-${row.orgUnitId}`;
        return (
          <>
            <Select<string>
              className="em-level-select"
              aria-label={t('emulation.ranking.proposedFor', { unit: row.name })}
              value={p.levelCode ?? ''}
              status={errs ? 'error' : undefined}
              aria-describedby={errs ? errId : undefined}
              onChange={(v) => setPick(row, { levelCode: v || null })}
              options={levelOptions}
              popupMatchSelectWidth={false}
            />
            <span className="cell-secondary">
              {t('emulation.ranking.suggestedLine', {
                level: levelTitle(row.suggestedLevel) || t('emulation.ranking.noAward'),
              })}
            </span>
            {errs ? (
              <ul id={errId} className="em-field-error plain-list">
                {errs.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
          </>
        );
      },
    },
    {
      title: t('emulation.ranking.achievement'),
      key: 'achievement',
      className: 'em-achievement-cell',
      render: (_, row) => {
        const p = picks[row.orgUnitId] ?? { levelCode: null, achievement: '' };
        if (!editable) return p.achievement || t('common.none');
        return (
          <Input.TextArea
            aria-label={t('emulation.ranking.achievementFor', { unit: row.name })}
            value={p.achievement}
            disabled={!p.levelCode}
            onChange={(e) => setPick(row, { achievement: e.target.value })}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={1000}
          />
        );
      },
    },
  ];

  const chartRows = useMemo(
    () => ranking.rows.map((r) => ({ name: r.name, score: r.score })),
    [ranking.rows],
  );
  const chartLines = useMemo(
    () => ranking.levels.map((l) => ({ name: formatPoints(l.minScore), value: l.minScore })),
    [ranking.levels],
  );
  const proposed = Object.values(picks).filter((p) => p.levelCode).length;

  return (
    <section aria-labelledby="em-ranking-title">
      <h2 id="em-ranking-title" className="sr-only">
        {t('emulation.campaign.tabRanking')}
      </h2>
      <p className="muted em-help">{t('emulation.ranking.help')}</p>
      <div className="em-actions em-actions-top">
        <Button icon={<FileExcelOutlined aria-hidden />} href={rankingXlsxUrl(campaign.id)} download="">
          {t('emulation.ranking.excel')}
        </Button>
        <Button icon={<FileWordOutlined aria-hidden />} href={awardsDocxUrl(campaign.id)} download="">
          {t('emulation.ranking.awardsDocx')}
        </Button>
        <Button icon={<FileWordOutlined aria-hidden />} href={awardDecisionDocxUrl(campaign.id)} download="">
          {t('emulation.ranking.decisionDocx')}
        </Button>
      </div>
      {dirty ? (
        <Alert type="warning" showIcon className="em-note" title={t('emulation.ranking.unsaved')} />
      ) : null}
      {error ? <Alert type="error" showIcon role="alert" className="em-note" title={error} /> : null}
      <DataTable<RankingRow>
        label={t('emulation.campaign.tabRanking')}
        rowKey="orgUnitId"
        size="small"
        columns={columns}
        dataSource={ranking.rows}
        pagination={ranking.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t('emulation.ranking.empty') }}
      />
      {editable ? (
        <div className="em-actions">
          <span className="muted" role="status">
            {t('emulation.ranking.proposedCount', { n: formatNumber(proposed) })}
          </span>
          <Button icon={<CheckOutlined aria-hidden />} onClick={fromSuggestions}>
            {t('emulation.ranking.fromSuggestions')}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined aria-hidden />}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            {t('emulation.ranking.save')}
          </Button>
        </div>
      ) : null}
      {ranking.rows.length > 0 ? (
        <>
          <h3 className="section-title">{t('emulation.ranking.chartTitle')}</h3>
          <ScoreChart
            rows={chartRows}
            lines={chartLines}
            compact={isPhone}
            label={t('emulation.ranking.chartLabel', {
              list: ranking.rows
                .slice(0, 10)
                .map((r) => `${r.name}: ${formatPoints(r.score)}`)
                .join('; '),
            })}
          />
        </>
      ) : null}
    </section>
  );
}
