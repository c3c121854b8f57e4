/**
 * "Phát hiện điểm đen": runs the detection over a window of crashes, shows the candidates ranked with their
 * evidence and the criteria they meet, and saves them to the list on request.
 */
import { SaveOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, App, Button, DatePicker, Modal, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../platform/api.ts';
import { formatDate, formatNumber, todayIso } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { type Candidate, DETECT_MODES, type DetectMode, type DetectResult, detectSpots } from './api.ts';
import { KindTag, placeText } from './ui.tsx';

/** The default window: the last 12 months up to today. */
export function lastTwelveMonths(today = todayIso()): [string, string] {
  const to = dayjs(today);
  return [to.subtract(12, 'month').add(1, 'day').format('YYYY-MM-DD'), to.format('YYYY-MM-DD')];
}

type Row = Candidate & { rank: number };

export function DetectDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const [from, to] = lastTwelveMonths();
    return [dayjs(from), dayjs(to)];
  });
  const [mode, setMode] = useState<DetectMode>('both');
  const [result, setResult] = useState<DetectResult | null>(null);

  const body = (save: boolean) => ({
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
    mode,
    save,
  });
  const run = useMutation({
    mutationFn: () => detectSpots(body(false)),
    onSuccess: setResult,
  });
  const save = useMutation({
    mutationFn: () => detectSpots(body(true)),
    onSuccess: async (r) => {
      setResult(r);
      await queryClient.invalidateQueries({ queryKey: ['black-spots'] });
      void message.success(t('blackSpots.detectSaved', { count: r.saved, n: formatNumber(r.saved) }));
      onClose();
    },
  });
  const error = run.error ?? save.error;

  const rows: Row[] = (result?.candidates ?? []).map((c, i) => ({ ...c, rank: i + 1 }));
  const fresh = result?.newCandidates ?? 0;
  const columns: ColumnsType<Row> = [
    { title: t('blackSpots.rank'), dataIndex: 'rank', align: 'right', width: 48 },
    {
      title: t('blackSpots.place'),
      key: 'name',
      render: (_, c) => (
        <>
          <div>{c.name}</div>
          <span className="cell-secondary">{placeText(c) || t(`blackSpots.sources.${c.source}`)}</span>
        </>
      ),
    },
    {
      title: t('blackSpots.kind'),
      dataIndex: 'kind',
      render: (v: Candidate['kind']) => <KindTag kind={v} />,
    },
    {
      title: t('blackSpots.crashes'),
      dataIndex: 'crashes',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('blackSpots.fatalCrashes'),
      dataIndex: 'fatalCrashes',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('blackSpots.deaths'),
      dataIndex: 'deaths',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('blackSpots.injured'),
      dataIndex: 'injured',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('blackSpots.rule'),
      dataIndex: 'rule',
      render: (v: string) => <span className="cell-secondary">{v}</span>,
    },
    {
      title: t('blackSpots.existing'),
      key: 'existing',
      render: (_, c) =>
        c.existingSpotId ? (
          <Link to="/black-spots/$spotId" params={{ spotId: String(c.existingSpotId) }}>
            {t('blackSpots.spotNo', { id: c.existingSpotId })}
          </Link>
        ) : (
          t('blackSpots.new')
        ),
    },
  ];

  return (
    <Modal
      open
      width={1100}
      title={t('blackSpots.detect')}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      footer={
        <>
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button
            type="primary"
            icon={<SaveOutlined aria-hidden />}
            disabled={!result || fresh === 0}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            {t('blackSpots.saveCandidates')}
          </Button>
        </>
      }
    >
      <p>{t('blackSpots.detectHelp')}</p>
      <div className="filters">
        <fieldset className="filter-fieldset">
          <legend className="sr-only">{t('blackSpots.window')}</legend>
          <label htmlFor="detect-from" className="sr-only">
            {t('blackSpots.windowFrom')}
          </label>
          <label htmlFor="detect-to" className="sr-only">
            {t('blackSpots.windowTo')}
          </label>
          <DatePicker.RangePicker
            id={{ start: 'detect-from', end: 'detect-to' }}
            format="DD/MM/YYYY"
            allowClear={false}
            value={range}
            onChange={(r) => {
              if (r?.[0] && r[1]) {
                setRange([r[0], r[1]]);
                setResult(null);
              }
            }}
          />
        </fieldset>
        <Select<DetectMode>
          className="filter-select"
          aria-label={t('blackSpots.mode')}
          value={mode}
          onChange={(m) => {
            setMode(m);
            setResult(null);
          }}
          popupMatchSelectWidth={false}
          options={DETECT_MODES.map((m) => ({ value: m, label: t(`blackSpots.modes.${m}`) }))}
        />
        <Button icon={<SearchOutlined aria-hidden />} loading={run.isPending} onClick={() => run.mutate()}>
          {t('blackSpots.runDetect')}
        </Button>
      </div>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="detect-summary"
          title={isApiError(error) ? error.message : t('errors.generic')}
        />
      ) : null}
      {result ? (
        <>
          <div className="detect-summary" aria-live="polite" data-testid="detect-summary">
            <p>
              {t('blackSpots.detectSummary', {
                crashes: formatNumber(result.crashesConsidered),
                from: formatDate(result.window.from),
                to: formatDate(result.window.to),
                candidates: formatNumber(result.totalCandidates),
                fresh: formatNumber(fresh),
              })}
              {result.totalCandidates > result.candidates.length
                ? ` ${t('blackSpots.detectListed', { listed: formatNumber(result.candidates.length) })}`
                : ''}
            </p>
            <p className="cell-secondary">
              {t('blackSpots.criteria', {
                citation: result.criteria.citation,
                metres: formatNumber(result.criteria.segmentMetres),
              })}
              {result.criteria.verified ? ` ${t('blackSpots.verifiedOnly')}` : ''}
            </p>
          </div>
          <DataTable<Row>
            label={t('blackSpots.candidates')}
            rowKey={(r) => `${r.source}|${r.name}|${r.rank}`}
            columns={columns}
            dataSource={rows}
            pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          />
        </>
      ) : null}
    </Modal>
  );
}
