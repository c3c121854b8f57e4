/**
 * MapLibre maps without any tile server (the system runs without internet): a plain background, the
 * province's roads as lines, and crashes as points (clustered on the overview map). When the browser has
 * no WebGL the caller's fallback is shown instead.
 */
import maplibregl, {
  type GeoJSONSource,
  type GeoJSONSourceSpecification,
  type MapGeoJSONFeature,
  type StyleSpecification,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../platform/format.ts';
import type { CrashGeoJson, RoadsGeoJson } from './api.ts';

/** The demo province's extent, used until the data says otherwise. */
export const PROVINCE_BOUNDS: [[number, number], [number, number]] = [
  [102.3, 21.8],
  [103.9, 22.8],
];

type GeoJSONData = Exclude<GeoJSONSourceSpecification['data'], string | undefined>;

/** A point feature's position. */
const pointOf = (f: { geometry: unknown }) => (f.geometry as { coordinates: [number, number] }).coordinates;

let webglCache: boolean | null = null;

/** Whether the browser can draw WebGL (headless browsers and old phones may not). */
export function hasWebGL(): boolean {
  if (webglCache !== null) return webglCache;
  try {
    const canvas = document.createElement('canvas');
    webglCache = Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    webglCache = false;
  }
  return webglCache;
}

const EMPTY_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } }],
};

function useMapLocale(): Record<string, string> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      'Map.Title': t('crashMap.mapTitle'),
      'NavigationControl.ZoomIn': t('crashMap.zoomIn'),
      'NavigationControl.ZoomOut': t('crashMap.zoomOut'),
      'NavigationControl.ResetBearing': t('crashMap.resetBearing'),
      'Popup.Close': t('common.close'),
      'ScaleControl.Meters': 'm',
      'ScaleControl.Kilometers': 'km',
    }),
    [t],
  );
}

function addRoads(map: maplibregl.Map, roads: RoadsGeoJson | undefined) {
  if (!roads || map.getSource('roads')) return;
  map.addSource('roads', { type: 'geojson', data: roads as unknown as GeoJSONData });
  map.addLayer({
    id: 'roads',
    type: 'line',
    source: 'roads',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': ['case', ['==', ['slice', ['get', 'code'], 0, 2], 'QL'], '#8c6d1f', '#8c8c8c'],
      'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.2, 12, 3],
    },
  });
}

function boundsOf(coords: [number, number][]): maplibregl.LngLatBounds | null {
  if (coords.length === 0) return null;
  const b = new maplibregl.LngLatBounds(coords[0], coords[0]);
  for (const c of coords) b.extend(c);
  return b;
}

/** A map that could not start shows the fallback. */
function useMapError() {
  const [failed, setFailed] = useState(false);
  const fail = useCallback(() => setFailed(true), []);
  return { failed, fail };
}

// ───────────── One crash's position ─────────────

export function CrashPointMap({
  lat,
  lon,
  roads,
  label,
  fallback,
}: {
  lat: number;
  lon: number;
  roads: RoadsGeoJson | undefined;
  label: string;
  fallback: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const locale = useMapLocale();
  const { failed, fail } = useMapError();
  const supported = hasWebGL();

  useEffect(() => {
    if (!supported || !ref.current) return;
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container: ref.current,
        style: EMPTY_STYLE,
        center: [lon, lat],
        zoom: 12,
        attributionControl: false,
        locale,
      });
    } catch {
      fail();
      return;
    }
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => {
      addRoads(map, roads);
      map.addSource('crash', {
        type: 'geojson',
        data: { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: {} },
      });
      map.addLayer({
        id: 'crash',
        type: 'circle',
        source: 'crash',
        paint: {
          'circle-radius': 8,
          'circle-color': '#cf1322',
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      });
    });
    map.on('error', () => undefined);
    return () => map.remove();
    // The map is built once per position; roads arrive before (the caller waits for them).
  }, [lat, lon, roads, supported, locale, fail]);

  if (!supported || failed) return <>{fallback}</>;
  return <section ref={ref} className="crash-map crash-map-small" aria-label={label} />;
}

// ───────────── The overview map ─────────────

export interface ClusterMapProps {
  crashes: CrashGeoJson | undefined;
  roads: RoadsGeoJson | undefined;
  label: string;
  fallback: ReactNode;
  onOpenCrash: (id: number) => void;
  severityLabel: (code: string | null) => string;
}

const CLUSTER_COLOR: maplibregl.ExpressionSpecification = [
  'step',
  ['get', 'deaths'],
  '#d48806',
  1,
  '#d4380d',
  10,
  '#a8071a',
];
const POINT_COLOR: maplibregl.ExpressionSpecification = [
  'step',
  ['get', 'deaths'],
  '#d48806',
  1,
  '#d4380d',
  2,
  '#820014',
];

export function ClusterMap({ crashes, roads, label, fallback, onOpenCrash, severityLabel }: ClusterMapProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const fitted = useRef(false);
  const locale = useMapLocale();
  const { failed, fail } = useMapError();
  const supported = hasWebGL();
  const [ready, setReady] = useState(false);
  const handlers = useRef({ onOpenCrash, severityLabel, t });
  handlers.current = { onOpenCrash, severityLabel, t };

  // Build the map once.
  useEffect(() => {
    if (!supported || !ref.current) return;
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container: ref.current,
        style: EMPTY_STYLE,
        bounds: PROVINCE_BOUNDS,
        fitBoundsOptions: { padding: 24 },
        attributionControl: false,
        locale,
      });
    } catch {
      fail();
      return;
    }
    mapRef.current = map;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    const markers = new Map<number, maplibregl.Marker>();

    /** Cluster counts as HTML (no font glyphs without a tile server). */
    const updateCounts = () => {
      if (!map.getSource('crashes')) return;
      const seen = new Set<number>();
      for (const f of map.querySourceFeatures('crashes')) {
        const p = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number };
        if (!p.cluster || p.cluster_id === undefined) continue;
        const id = p.cluster_id;
        if (seen.has(id)) continue;
        seen.add(id);
        if (!markers.has(id)) {
          const el = document.createElement('div');
          el.className = 'cluster-count';
          el.setAttribute('aria-hidden', 'true');
          el.textContent = formatNumber(p.point_count ?? 0);
          const coords = pointOf(f);
          markers.set(id, new maplibregl.Marker({ element: el }).setLngLat(coords).addTo(map));
        }
      }
      for (const [id, m] of markers)
        if (!seen.has(id)) {
          m.remove();
          markers.delete(id);
        }
    };

    map.on('load', () => {
      map.addSource('crashes', {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
        cluster: true,
        clusterRadius: 44,
        clusterMaxZoom: 13,
        clusterProperties: {
          deaths: ['+', ['get', 'deaths']],
          injured: ['+', ['get', 'injured']],
        },
      });
      map.addLayer({
        id: 'clusters',
        type: 'circle',
        source: 'crashes',
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': CLUSTER_COLOR,
          'circle-opacity': 0.85,
          'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 50, 23, 200, 29],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      });
      map.addLayer({
        id: 'points',
        type: 'circle',
        source: 'crashes',
        filter: ['!', ['has', 'point_count']],
        paint: {
          'circle-color': POINT_COLOR,
          'circle-radius': 6,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      });
      setReady(true);
    });
    map.on('render', updateCounts);

    map.on('click', 'clusters', (e) => {
      const f = e.features?.[0] as MapGeoJSONFeature | undefined;
      const id = (f?.properties as { cluster_id?: number } | undefined)?.cluster_id;
      if (!f || id === undefined) return;
      const center = pointOf(f);
      void (map.getSource('crashes') as GeoJSONSource)
        .getClusterExpansionZoom(id)
        .then((zoom) => map.easeTo({ center, zoom }));
    });
    map.on('click', 'points', (e) => {
      const f = e.features?.[0];
      if (!f) return;
      const p = f.properties as {
        id: number;
        deaths: number;
        injured: number;
        severity: string | null;
        occurredAt: string;
      };
      const { t: tr, severityLabel: sev, onOpenCrash: open } = handlers.current;
      const box = document.createElement('div');
      box.className = 'map-popup';
      const title = document.createElement('strong');
      title.textContent = tr('crashMap.popupTitle', { id: p.id });
      const when = document.createElement('div');
      when.textContent = formatDateTime(p.occurredAt);
      const what = document.createElement('div');
      what.textContent = tr('crashMap.popupCounts', {
        deaths: formatNumber(Number(p.deaths)),
        injured: formatNumber(Number(p.injured)),
      });
      const sevLine = document.createElement('div');
      sevLine.textContent = sev(p.severity === 'null' ? null : p.severity);
      const link = document.createElement('a');
      link.href = `/crashes/${p.id}`;
      link.textContent = tr('crashMap.openCrash');
      link.addEventListener('click', (ev) => {
        ev.preventDefault();
        open(Number(p.id));
      });
      box.append(title, when, what, sevLine, link);
      const coords = pointOf(f);
      new maplibregl.Popup({ closeButton: true, maxWidth: '260px' })
        .setLngLat(coords)
        .setDOMContent(box)
        .addTo(map);
    });
    for (const layer of ['clusters', 'points']) {
      map.on('mouseenter', layer, () => {
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', layer, () => {
        map.getCanvas().style.cursor = '';
      });
    }
    return () => {
      for (const m of markers.values()) m.remove();
      map.remove();
      mapRef.current = null;
    };
  }, [supported, locale, fail]);

  // Roads once they arrive.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    addRoads(map, roads);
    if (map.getLayer('roads') && map.getLayer('clusters')) map.moveLayer('roads', 'clusters');
  }, [ready, roads]);

  // Crashes whenever the period changes; the first data sets the view.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !crashes) return;
    (map.getSource('crashes') as GeoJSONSource | undefined)?.setData(crashes as unknown as GeoJSONData);
    if (!fitted.current) {
      const b = boundsOf(crashes.features.map((f) => f.geometry.coordinates));
      if (b) {
        map.fitBounds(b, { padding: 32, duration: 0, maxZoom: 12 });
        fitted.current = true;
      }
    }
  }, [ready, crashes]);

  if (!supported || failed) return <>{fallback}</>;
  return <section ref={ref} className="crash-map" aria-label={label} data-ready={ready || undefined} />;
}
