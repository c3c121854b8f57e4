/** Small pieces shared by the dispatch pages: the status tag, the response clock, the place. */
import { Tag } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../platform/format.ts';
import type { IncidentItem, IncidentStatus } from './api.ts';
import { type ClockState, clockState, elapsedMs, formatElapsed, responseState } from './clock.ts';
import './incidents.css';

export function StatusTag({ status, label }: { status: IncidentStatus; label?: string }) {
  const { t } = useTranslation();
  return (
    <Tag className={`inc-status inc-status-${status}`}>{label ?? t(`incidents.statuses.${status}`)}</Tag>
  );
}

/** Latitude and longitude the Vietnamese way ("22,39012; 103,47021"). */
export const coordinatesText = (lat: number, lon: number) =>
  `${formatNumber(lat, 5)}; ${formatNumber(lon, 5)}`;

/** Where it is: the reporter's words, else the commune, else the coordinates. */
export function placeOf(i: Pick<IncidentItem, 'placeText' | 'adminUnitName' | 'lat' | 'lon'>): string {
  if (i.placeText) return i.placeText;
  if (i.adminUnitName) return i.adminUnitName;
  if (i.lat != null && i.lon != null) return coordinatesText(i.lat, i.lon);
  return '';
}

const OPEN: readonly IncidentStatus[] = ['received', 'dispatched', 'on_scene', 'transported'];

export interface ClockReading {
  /** What the clock shows: "12:05" running, "26 phút" once on scene, '' when there is nothing to time. */
  text: string;
  state: ClockState | 'none';
  /** Is it still running? */
  running: boolean;
  /** Words for screen readers and the tooltip. */
  description: string;
}

/** The clock of one incident at `now`. */
export function useClockReading() {
  const { t } = useTranslation();
  return useCallback(
    (i: Pick<IncidentItem, 'status' | 'firstReportedAt' | 'responseMinutes'>, now: number): ClockReading => {
      if (i.responseMinutes != null) {
        const state = responseState(i.responseMinutes);
        return {
          text: t('incidents.minutes', { n: formatNumber(i.responseMinutes) }),
          state,
          running: false,
          description: t(state === 'ok' ? 'incidents.clock.reachedInTime' : 'incidents.clock.reachedLate', {
            n: formatNumber(i.responseMinutes),
          }),
        };
      }
      if (!OPEN.includes(i.status)) return { text: '', state: 'none', running: false, description: '' };
      const ms = elapsedMs(i.firstReportedAt, now);
      const state = clockState(ms);
      const text = formatElapsed(ms);
      return { text, state, running: true, description: t(`incidents.clock.${state}`, { elapsed: text }) };
    },
    [t],
  );
}

/** The coloured clock: green, amber, red (with words, not colour alone). */
export function Clock({ reading, large }: { reading: ClockReading; large?: boolean }) {
  const { t } = useTranslation();
  if (reading.state === 'none') return <span className="muted">{t('common.none')}</span>;
  return (
    <span
      className={`inc-clock inc-clock-${reading.state}${large ? ' inc-clock-large' : ''}`}
      title={reading.description}
      data-testid="incident-clock"
    >
      <span aria-hidden="true">{reading.text}</span>
      <span className="sr-only">{reading.description}</span>
    </span>
  );
}

/** "3 người bị nạn · 1 mắc kẹt" with the trapped highlighted. */
export function VictimsText({ victims, trapped }: { victims: number; trapped: number }) {
  const { t } = useTranslation();
  return (
    <span className="inc-victims">
      {t('incidents.victimsN', { n: formatNumber(victims) })}
      {trapped > 0 ? (
        <>
          {' · '}
          <strong className="inc-trapped">{t('incidents.trappedN', { n: formatNumber(trapped) })}</strong>
        </>
      ) : null}
    </span>
  );
}
