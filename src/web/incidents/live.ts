/**
 * The board's live feed: server-sent events from `GET /api/v1/incidents/stream` (`event: incident`,
 * data {kind, incidentId, status, at}). Each event refreshes the incident queries; the page decides
 * what else to do (beep, banner). EventSource reconnects by itself after a network error; when the
 * server refused the stream (the browser then gives up) we try again ourselves after a pause.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { INCIDENTS_KEY, STREAM_URL, type StreamEvent } from './api.ts';

export type StreamState = 'connecting' | 'live' | 'lost';

/** Pause before reopening a stream the browser has given up on. */
const RETRY_MS = 10_000;

function parseEvent(data: unknown): StreamEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const e = JSON.parse(data) as Partial<StreamEvent>;
    if (
      (e.kind === 'created' || e.kind === 'updated' || e.kind === 'report_added') &&
      typeof e.incidentId === 'number'
    )
      return e as StreamEvent;
  } catch {
    // not ours
  }
  return null;
}

export function useIncidentStream(onEvent?: (e: StreamEvent) => void): StreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setState('lost');
      return;
    }
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const open = () => {
      if (stopped) return;
      const es = new EventSource(STREAM_URL);
      source = es;
      es.onopen = () => {
        setState('live');
        // Whatever happened while we were away.
        void queryClient.invalidateQueries({ queryKey: INCIDENTS_KEY });
      };
      es.onerror = () => {
        setState('lost');
        if (es.readyState === EventSource.CLOSED) {
          es.close();
          retry = setTimeout(open, RETRY_MS);
        }
      };
      es.addEventListener('incident', (msg) => {
        const event = parseEvent((msg as MessageEvent).data);
        if (!event) return;
        void queryClient.invalidateQueries({ queryKey: INCIDENTS_KEY });
        handler.current?.(event);
      });
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [queryClient]);

  return state;
}

// ───────────── The alert sound: a short two-tone beep made with WebAudio (no audio file) ─────────────

type AudioContextClass = typeof AudioContext;
let audio: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (audio) return audio;
  const Ctor: AudioContextClass | undefined =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
  if (!Ctor) return null;
  try {
    audio = new Ctor();
  } catch {
    return null;
  }
  return audio;
}

/**
 * Browsers only let a page make sound after the user has touched it: the first click or key press on
 * the board wakes the audio up, so that later alerts can sound.
 */
export function useAudioUnlock(): void {
  useEffect(() => {
    const unlock = () => {
      const ctx = audioContext();
      if (ctx && ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    };
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);
}

export function beep(): void {
  const ctx = audioContext();
  if (!ctx) return;
  try {
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const start = ctx.currentTime + 0.01;
    const tone = (frequency: number, at: number) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.28);
      osc.connect(gain);
      gain.connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.3);
    };
    tone(880, start);
    tone(660, start + 0.35);
  } catch {
    // no sound is better than a broken board
  }
}

const SOUND_KEY = 'atgt.dispatch.sound';

/** Whether the board beeps on a new incident (on by default; the choice is kept on this device). */
export function useSoundSetting(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return window.localStorage.getItem(SOUND_KEY) !== 'off';
    } catch {
      return true;
    }
  });
  const set = (value: boolean) => {
    setOn(value);
    try {
      window.localStorage.setItem(SOUND_KEY, value ? 'on' : 'off');
    } catch {
      // private mode: for this page only
    }
  };
  return [on, set];
}

/** The current time, ticking every `intervalMs` (one clock for a whole page). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
