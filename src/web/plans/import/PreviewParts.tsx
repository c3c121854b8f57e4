/** The parts of the import preview: the items read, their units, and the problems found. */
import { WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../platform/format.ts';
import { DataTable } from '../../platform/ui/DataTable.tsx';
import type { ImportProblem, NameReading, PreviewItem, ReadingStatus } from '../api.ts';
import { ScheduleKindTag } from '../ui.tsx';

const READING_CLASS: Record<ReadingStatus, string> = {
  resolved: 'tag-ok',
  group: 'tag-info',
  ambiguous: 'tag-warning',
  unknown: 'tag-danger',
};

/** One unit name as read: green when found, blue for a group (with its size), orange/red when not. */
export function ReadingTag({ reading }: { reading: NameReading }) {
  const { t } = useTranslation();
  const n = reading.units.length;
  const unitNames = reading.units.map((u) => u.name).join(', ');
  let text = reading.display || reading.text;
  if (reading.status === 'group')
    text = t('import.groupOf', { name: text, count: n, units: formatNumber(n) });
  if (reading.status === 'ambiguous') text = t('import.ambiguousName', { name: text });
  if (reading.status === 'unknown') text = t('import.unknownName', { name: text });
  const title =
    reading.status === 'resolved' && reading.text !== reading.display
      ? t('import.readAs', { text: reading.text, name: reading.display })
      : reading.status === 'group'
        ? unitNames || t('import.groupEmpty')
        : reading.suggestions.length > 0
          ? t('import.closest', { names: reading.suggestions.map((s) => s.name).join(', ') })
          : undefined;
  return (
    <Tag className={READING_CLASS[reading.status]} title={title}>
      {reading.status === 'ambiguous' || reading.status === 'unknown' ? (
        <WarningOutlined aria-hidden />
      ) : null}{' '}
      {text}
      {reading.role ? <em> — {reading.role}</em> : null}
    </Tag>
  );
}

function Readings({ readings, fallback }: { readings: NameReading[]; fallback: string }) {
  if (readings.length === 0) return fallback ? <span className="muted">{fallback}</span> : null;
  return (
    <ul className="tag-list plain-list reading-list">
      {readings.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one name may be read twice in a cell
        <li key={`${r.text}-${i}`}>
          <ReadingTag reading={r} />
        </li>
      ))}
    </ul>
  );
}

const depthOf = (path: string) => Math.min(path.split('.').length, 4);

/** The items read from the appendix, indented by level, section rows in bold. */
export function PreviewTable({ items }: { items: PreviewItem[] }) {
  const { t } = useTranslation();
  const columns: ColumnsType<PreviewItem> = [
    {
      title: t('plans.stt'),
      dataIndex: 'path',
      className: 'nowrap',
      render: (path: string) => <span className={`item-path indent-${depthOf(path)}`}>{path}</span>,
    },
    {
      title: t('plans.content'),
      key: 'title',
      render: (_, it) => (
        <div className={`item-title indent-${depthOf(it.path)}`}>
          {it.kind === 'section' ? (
            <strong>{it.title || t('plans.untitled')}</strong>
          ) : (
            it.title || t('plans.untitled')
          )}
          {it.note ? <span className="cell-secondary">{t('import.noteLine', { note: it.note })}</span> : null}
          {it.uncertain.length > 0 ? (
            <ul className="uncertain-list" aria-label={t('import.uncertainLabel')}>
              {it.uncertain.map((u) => (
                <li key={u}>{u}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ),
    },
    {
      title: t('plans.timeframe'),
      key: 'timeframe',
      render: (_, it) => {
        if (!it.timeframeText && it.kind === 'section') return null;
        const shown = it.occurrences.slice(0, 3);
        return (
          <div className="timeframe-cell">
            {it.timeframeText ? <span style={{ display: 'block' }}>{it.timeframeText}</span> : null}
            <ScheduleKindTag kind={it.scheduleKind} />
            {it.scheduleInherited ? <span className="cell-secondary">{t('import.inherited')}</span> : null}
            {shown.length > 0 ? (
              <div className="occurrence-dates">
                {t('import.dues', {
                  dates: shown.map((o) => formatDate(o.dueOn)).join(', '),
                  count: it.occurrences.length,
                })}
                {it.occurrences.length > shown.length
                  ? ` ${t('import.moreDues', { count: it.occurrences.length - shown.length })}`
                  : ''}
              </div>
            ) : null}
          </div>
        );
      },
    },
    {
      title: t('plans.leadUnits'),
      key: 'leads',
      render: (_, it) => (
        <>
          <Readings readings={it.leads} fallback={it.leadText} />
          {it.jointLead ? <span className="cell-secondary">{t('import.jointLead')}</span> : null}
          {it.leadsInherited ? <span className="cell-secondary">{t('import.leadsInherited')}</span> : null}
        </>
      ),
    },
    {
      title: t('plans.coordinatingUnits'),
      key: 'coordinators',
      render: (_, it) => <Readings readings={it.coordinators} fallback={it.coordinatingText} />,
    },
    {
      title: t('import.sourceRows'),
      dataIndex: 'sourceRows',
      className: 'nowrap',
      render: (rows: number[]) =>
        rows.length === 0
          ? null
          : rows.length === 1
            ? formatNumber(rows[0])
            : `${formatNumber(rows[0])}–${formatNumber(rows[rows.length - 1])}`,
    },
  ];
  return (
    <DataTable<PreviewItem>
      label={t('import.itemsTable')}
      rowKey="path"
      columns={columns}
      dataSource={items}
      pagination={items.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      rowClassName={(it) =>
        [it.kind === 'section' ? 'row-section' : '', it.uncertain.length > 0 ? 'row-uncertain' : '']
          .join(' ')
          .trim()
      }
    />
  );
}

const SHOWN_PROBLEMS = 8;

/** Problems found while reading, errors first; long lists fold. */
export function ProblemList({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (problems.length === 0) return null;
  const sorted = [...problems].sort(
    (a, b) => Number(b.severity === 'error') - Number(a.severity === 'error') || a.row - b.row,
  );
  const errors = problems.filter((p) => p.severity === 'error').length;
  const shown = all ? sorted : sorted.slice(0, SHOWN_PROBLEMS);
  return (
    <Alert
      type={errors > 0 ? 'error' : 'warning'}
      showIcon
      className="page-section"
      title={t('import.problemsTitle', {
        errors: formatNumber(errors),
        warnings: formatNumber(problems.length - errors),
      })}
      description={
        <>
          <ul className="problem-list">
            {shown.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id
              <li key={i}>
                <Tag className={p.severity === 'error' ? 'tag-danger' : 'tag-warning'}>
                  {t(p.severity === 'error' ? 'import.error' : 'import.warning')}
                </Tag>
                <span className="problem-where">
                  {p.row > 0 ? t('import.where', { row: p.row, column: p.column }) : p.column}:
                </span>{' '}
                {p.message}
              </li>
            ))}
          </ul>
          {sorted.length > SHOWN_PROBLEMS ? (
            <Button type="link" style={{ paddingInline: 0 }} onClick={() => setAll(!all)} aria-expanded={all}>
              {all ? t('import.showFewer') : t('import.showAll', { count: sorted.length })}
            </Button>
          ) : null}
        </>
      }
    />
  );
}
