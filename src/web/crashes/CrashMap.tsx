/**
 * MapLibre maps without any tile server (the system runs without internet): the shared basemap set-up
 * (platform/map) with the province's roads as lines, and crashes as points (clustered on the overview
 * map). When the browser has no WebGL the caller's fallback is shown instead.
 */
import maplibregl, { type GeoJSONSource, type MapGeoJSONFeature } from 'maplibre-gl';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../platform/format.ts';
import {
  ensureLayer,
  ensureSource,
  fitPoints,
  type GeoJSONData,
  pointerOver,
  pointOf,
  useBaseMap,
} from '../platform/map/useBaseMap.ts';
import type { CrashGeoJson, RoadsGeoJson } from './api.ts';

// Kept here too for the pages that import them from the crash map.
export { hasWebGL, PROVINCE_BOUNDS } from '../platform/map/useBaseMap.ts';

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
  const { ref, map, available } = useBaseMap({ roads, center: [lon, lat], zoom: 12, scale: false });

  useEffect(() => {
    if (!map) return;
    ensureSource(map, 'crash');
    ensureLayer(map, {
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
  }, [map]);

  useEffect(() => {
    if (!map) return;
    (map.getSource('crash') as GeoJSONSource | undefined)?.setData({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: {},
    });
    map.jumpTo({ center: [lon, lat] });
  }, [map, lat, lon]);

  if (!available) return <>{fallback}</>;
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
  const { ref, map, available } = useBaseMap({ roads });
  const fitted = useRef(false);
  const handlers = useRef({ onOpenCrash, severityLabel, t });
  handlers.current = { onOpenCrash, severityLabel, t };

  // The crash layers, once the map has loaded.
  useEffect(() => {
    if (!map) return;
    fitted.current = false;
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

    ensureSource(map, 'crashes', {
      cluster: true,
      clusterRadius: 44,
      clusterMaxZoom: 13,
      clusterProperties: {
        deaths: ['+', ['get', 'deaths']],
        injured: ['+', ['get', 'injured']],
      },
    });
    ensureLayer(map, {
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
    ensureLayer(map, {
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

    const openCluster = (e: maplibregl.MapLayerMouseEvent) => {
      const f = e.features?.[0] as MapGeoJSONFeature | undefined;
      const id = (f?.properties as { cluster_id?: number } | undefined)?.cluster_id;
      if (!f || id === undefined) return;
      const center = pointOf(f);
      void (map.getSource('crashes') as GeoJSONSource)
        .getClusterExpansionZoom(id)
        .then((zoom) => map.easeTo({ center, zoom }));
    };
    const openPoint = (e: maplibregl.MapLayerMouseEvent) => {
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
    };
    map.on('render', updateCounts);
    map.on('click', 'clusters', openCluster);
    map.on('click', 'points', openPoint);
    const unpoint = pointerOver(map, ['clusters', 'points']);
    return () => {
      map.off('render', updateCounts);
      map.off('click', 'clusters', openCluster);
      map.off('click', 'points', openPoint);
      unpoint();
      for (const m of markers.values()) m.remove();
    };
  }, [map]);

  // Crashes whenever the period changes; the first data sets the view.
  useEffect(() => {
    if (!map || !crashes) return;
    (map.getSource('crashes') as GeoJSONSource | undefined)?.setData(crashes as unknown as GeoJSONData);
    if (!fitted.current && crashes.features.length > 0) {
      fitPoints(
        map,
        crashes.features.map((f) => f.geometry.coordinates),
        { padding: 32, maxZoom: 12 },
      );
      fitted.current = true;
    }
  }, [map, crashes]);

  if (!available) return <>{fallback}</>;
  return <section ref={ref} className="crash-map" aria-label={label} data-ready={map ? true : undefined} />;
}
