/**
 * The dispatch maps, on the shared basemap (platform/map): open incidents on the board, one incident
 * with its GPS accuracy and the facilities near it, and the facility registry.
 */
import { useQuery } from '@tanstack/react-query';
import maplibregl, { type GeoJSONSource } from 'maplibre-gl';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { facilityGroupOf } from '../../domain/incidents/codes.ts';
import { formatNumber } from '../platform/format.ts';
import { circleRing } from '../platform/map/geo.ts';
import {
  basemapQuery,
  ensureLayer,
  ensureSource,
  fitPoints,
  type GeoJSONData,
  pointerOver,
  pointOf,
  useBaseMap,
} from '../platform/map/useBaseMap.ts';
import type { Facility, IncidentItem, NearestFacility } from './api.ts';
import { type ClockReading, placeOf } from './ui.tsx';

const STATE_COLOR: maplibregl.ExpressionSpecification = [
  'match',
  ['get', 'state'],
  'ok',
  '#389e0d',
  'warn',
  '#d48806',
  'late',
  '#cf1322',
  '#8c8c8c',
];

const GROUP_COLOR: maplibregl.ExpressionSpecification = [
  'match',
  ['get', 'group'],
  'health',
  '#08979c',
  'police',
  '#1d39c4',
  '#d46b08',
];

type PopupLine = string | { href: string; text: string; onClick: () => void };

/** A popup's content as DOM (no HTML strings: the texts come from citizens). */
function popupBox(title: string, lines: PopupLine[]): HTMLElement {
  const box = document.createElement('div');
  box.className = 'map-popup-box';
  const strong = document.createElement('strong');
  strong.textContent = title;
  box.append(strong);
  for (const line of lines) {
    if (typeof line === 'string') {
      if (!line) continue;
      const div = document.createElement('div');
      div.textContent = line;
      box.append(div);
    } else {
      const a = document.createElement('a');
      a.href = line.href;
      a.textContent = line.text;
      a.addEventListener('click', (ev) => {
        if (!line.href.startsWith('tel:')) {
          ev.preventDefault();
          line.onClick();
        }
      });
      box.append(a);
    }
  }
  return box;
}

interface FrameProps {
  label: string;
  fallback: ReactNode;
  small?: boolean;
}

const EMPTY: GeoJSONData = { type: 'FeatureCollection', features: [] };

// ───────────── The board ─────────────

export function BoardMap({
  incidents,
  now,
  reading,
  onOpen,
  label,
  fallback,
}: FrameProps & {
  incidents: IncidentItem[];
  now: number;
  reading: (i: IncidentItem, now: number) => ClockReading;
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  const basemap = useQuery(basemapQuery());
  const { ref, map, available } = useBaseMap({ basemap: basemap.data });
  const handlers = useRef({ onOpen, t });
  handlers.current = { onOpen, t };
  const fitted = useRef('');

  useEffect(() => {
    if (!map) return;
    fitted.current = '';
    ensureSource(map, 'incidents');
    ensureLayer(map, {
      id: 'incidents',
      type: 'circle',
      source: 'incidents',
      paint: {
        'circle-color': STATE_COLOR,
        'circle-radius': ['case', ['>', ['get', 'trapped'], 0], 10, 8],
        'circle-stroke-color': ['case', ['>', ['get', 'trapped'], 0], '#1f1f1f', '#ffffff'],
        'circle-stroke-width': 2.5,
      },
    });
    const click = (e: maplibregl.MapLayerMouseEvent) => {
      const f = e.features?.[0];
      if (!f) return;
      const p = f.properties as { id: number; code: string; status: string; place: string; clock: string };
      const { t: tr, onOpen: open } = handlers.current;
      new maplibregl.Popup({ closeButton: true, maxWidth: '260px' })
        .setLngLat(pointOf(f))
        .setDOMContent(
          popupBox(p.code, [
            p.status,
            p.place,
            p.clock,
            {
              href: `/dispatch/${p.id}`,
              text: tr('incidents.openIncident'),
              onClick: () => open(Number(p.id)),
            },
          ]),
        )
        .addTo(map);
    };
    map.on('click', 'incidents', click);
    const unpoint = pointerOver(map, ['incidents']);
    return () => {
      map.off('click', 'incidents', click);
      unpoint();
    };
  }, [map]);

  // The points, recoloured as the clocks run (every 15 s is enough for a colour).
  const tick = Math.floor(now / 15_000);
  useEffect(() => {
    if (!map) return;
    const at = tick * 15_000;
    const located = incidents.filter((i) => i.lat != null && i.lon != null);
    const data: GeoJSONData = {
      type: 'FeatureCollection',
      features: located.map((i) => {
        const r = reading(i, at);
        return {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [i.lon!, i.lat!] },
          properties: {
            id: i.id,
            code: i.code,
            status: i.statusLabel,
            place: placeOf(i),
            trapped: i.trapped,
            state: r.state,
            clock: r.description,
          },
        };
      }),
    };
    (map.getSource('incidents') as GeoJSONSource | undefined)?.setData(data);
    // The view follows the board: refitted when an incident joins or leaves it (a new report).
    const key = located
      .map((i) => i.id)
      .sort((a, b) => a - b)
      .join(',');
    if (key && key !== fitted.current) {
      fitPoints(
        map,
        located.map((i) => [i.lon!, i.lat!]),
        { maxZoom: 11, duration: fitted.current ? 600 : 0 },
      );
      fitted.current = key;
    }
  }, [map, incidents, tick, reading]);

  if (!available) return <>{fallback}</>;
  return (
    <section
      ref={ref}
      className="base-map inc-board-map"
      aria-label={label}
      data-ready={map ? true : undefined}
    />
  );
}

// ───────────── One incident ─────────────

export function IncidentPointMap({
  lat,
  lon,
  accuracyM,
  facilities,
  assignedIds,
  label,
  fallback,
}: FrameProps & {
  lat: number;
  lon: number;
  accuracyM: number | null;
  facilities: NearestFacility[];
  assignedIds: ReadonlySet<number>;
}) {
  const { t } = useTranslation();
  const basemap = useQuery(basemapQuery());
  const { ref, map, available } = useBaseMap({ basemap: basemap.data, center: [lon, lat], zoom: 12 });
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    if (!map) return;
    ensureSource(map, 'accuracy');
    ensureLayer(map, {
      id: 'accuracy-fill',
      type: 'fill',
      source: 'accuracy',
      paint: { 'fill-color': '#1677ff', 'fill-opacity': 0.12 },
    });
    ensureLayer(map, {
      id: 'accuracy-line',
      type: 'line',
      source: 'accuracy',
      paint: { 'line-color': '#1677ff', 'line-width': 1.5, 'line-dasharray': [2, 2] },
    });
    ensureSource(map, 'facilities');
    ensureLayer(map, {
      id: 'facilities',
      type: 'circle',
      source: 'facilities',
      paint: {
        'circle-color': GROUP_COLOR,
        'circle-radius': ['case', ['get', 'assigned'], 9, 7],
        'circle-stroke-color': ['case', ['get', 'assigned'], '#1f1f1f', '#ffffff'],
        'circle-stroke-width': ['case', ['get', 'assigned'], 3, 2],
      },
    });
    ensureSource(map, 'incident');
    ensureLayer(map, {
      id: 'incident',
      type: 'circle',
      source: 'incident',
      paint: {
        'circle-color': '#cf1322',
        'circle-radius': 10,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 3,
      },
    });
    return facilityPopups(map, 'distance');
  }, [map]);

  useEffect(() => {
    if (!map) return;
    const set = (id: string, data: GeoJSONData) =>
      (map.getSource(id) as GeoJSONSource | undefined)?.setData(data);
    set('incident', {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: {},
    });
    set(
      'accuracy',
      accuracyM && accuracyM > 0
        ? {
            type: 'Feature',
            geometry: { type: 'Polygon', coordinates: [circleRing([lon, lat], accuracyM)] },
            properties: {},
          }
        : EMPTY,
    );
    set('facilities', {
      type: 'FeatureCollection',
      features: facilities.map((f) =>
        facilityFeature(f, {
          id: f.id,
          distance: tRef.current('incidents.distanceKm', { km: formatNumber(f.distanceKm, 1) }),
          assigned: assignedIds.has(f.id),
        }),
      ),
    });
    fitPoints(map, [[lon, lat], ...facilities.map((f): [number, number] => [f.lon, f.lat])], {
      maxZoom: 13,
      padding: 48,
    });
  }, [map, lat, lon, accuracyM, facilities, assignedIds]);

  if (!available) return <>{fallback}</>;
  return (
    <section
      ref={ref}
      className="base-map base-map-small inc-detail-map"
      aria-label={label}
      data-ready={map ? true : undefined}
    />
  );
}

// ───────────── The registry ─────────────

export function FacilitiesMap({ facilities, label, fallback }: FrameProps & { facilities: Facility[] }) {
  const basemap = useQuery(basemapQuery());
  const { ref, map, available } = useBaseMap({ basemap: basemap.data });

  useEffect(() => {
    if (!map) return;
    ensureSource(map, 'facilities');
    ensureLayer(map, {
      id: 'facilities',
      type: 'circle',
      source: 'facilities',
      paint: {
        'circle-color': GROUP_COLOR,
        'circle-radius': 7,
        'circle-opacity': ['case', ['get', 'active'], 1, 0.35],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    });
    return facilityPopups(map, 'commune');
  }, [map]);

  useEffect(() => {
    if (!map) return;
    (map.getSource('facilities') as GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features: facilities.map((f) =>
        facilityFeature(f, { commune: f.adminUnitName ?? '', active: f.active }),
      ),
    });
    if (facilities.length > 0)
      fitPoints(
        map,
        facilities.map((f) => [f.lon, f.lat]),
        { maxZoom: 12 },
      );
  }, [map, facilities]);

  if (!available) return <>{fallback}</>;
  return (
    <section
      ref={ref}
      className="base-map base-map-small inc-facilities-map"
      aria-label={label}
      data-ready={map ? true : undefined}
    />
  );
}

/**
 * A facility's popup on click — name, kind, the distance or the commune, the phone as a link — and the
 * pointer cursor over facilities; returns what undoes both.
 */
function facilityPopups(map: maplibregl.Map, second: 'distance' | 'commune'): () => void {
  const click = (e: maplibregl.MapLayerMouseEvent) => {
    const f = e.features?.[0];
    if (!f) return;
    const p = f.properties as {
      name: string;
      kind: string;
      phone: string;
      distance?: string;
      commune?: string;
    };
    const lines: PopupLine[] = [p.kind, p[second] ?? ''];
    if (p.phone) lines.push({ href: `tel:${p.phone}`, text: p.phone, onClick: () => undefined });
    new maplibregl.Popup({ closeButton: true, maxWidth: '260px' })
      .setLngLat(pointOf(f))
      .setDOMContent(popupBox(p.name, lines))
      .addTo(map);
  };
  map.on('click', 'facilities', click);
  const unpoint = pointerOver(map, ['facilities']);
  return () => {
    map.off('click', 'facilities', click);
    unpoint();
  };
}

/** A facility as a map point: what its popup and colour need, and the page's own extras. */
function facilityFeature(f: Facility, extra: Record<string, string | number | boolean>) {
  return {
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [f.lon, f.lat] },
    properties: {
      name: f.name,
      kind: f.kindLabel,
      group: facilityGroupOf(f.kind) ?? f.group,
      phone: f.phone ?? '',
      ...extra,
    },
  };
}
