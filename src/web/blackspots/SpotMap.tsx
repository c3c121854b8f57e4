/**
 * The layered black-spot map, on the shared basemap set-up (platform/map: the offline basemap — the
 * province's outline, its roads and its communes' names as HTML labels — or the configured raster
 * tiles): crashes as clusters, and the spots by category. Each layer can be switched off.
 */
import maplibregl, { type GeoJSONSource, type MapGeoJSONFeature } from 'maplibre-gl';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrashGeoJson } from '../crashes/api.ts';
import { formatNumber } from '../platform/format.ts';
import type { Basemap } from '../platform/map/useBaseMap.ts';
import {
  ensureLayer,
  ensureSource,
  type GeoJSONData,
  pointOf,
  useBaseMap,
} from '../platform/map/useBaseMap.ts';
import type { SpotGeoJson } from './api.ts';

export const LAYERS = ['crashes', 'candidates', 'confirmed', 'hazards'] as const;
export type LayerKey = (typeof LAYERS)[number];

/** Which layer a spot belongs to. */
const SPOT_LAYER_FILTER: Record<Exclude<LayerKey, 'crashes'>, maplibregl.FilterSpecification> = {
  candidates: ['all', ['!=', ['get', 'kind'], 'hazard'], ['==', ['get', 'status'], 'candidate']],
  confirmed: [
    'all',
    ['!=', ['get', 'kind'], 'hazard'],
    ['!', ['in', ['get', 'status'], ['literal', ['candidate', 'dismissed']]]],
  ],
  hazards: ['all', ['==', ['get', 'kind'], 'hazard'], ['!=', ['get', 'status'], 'dismissed']],
};
const SPOT_COLOR: Record<Exclude<LayerKey, 'crashes'>, string> = {
  candidates: '#faad14',
  confirmed: '#a8071a',
  hazards: '#1d39c4',
};

export interface SpotMapProps {
  basemap: Basemap | undefined;
  crashes: CrashGeoJson | undefined;
  spots: SpotGeoJson | undefined;
  visible: Record<LayerKey, boolean>;
  label: string;
  fallback: ReactNode;
  onOpenSpot: (id: number) => void;
}

export function SpotMap({ basemap, crashes, spots, visible, label, fallback, onOpenSpot }: SpotMapProps) {
  const { t } = useTranslation();
  const { ref, map, available } = useBaseMap({ basemap });
  const handlers = useRef({ onOpenSpot, t });
  handlers.current = { onOpenSpot, t };

  // The data layers, once the map has loaded (the basemap slides in under them when it arrives).
  useEffect(() => {
    if (!map) return;
    const clusterMarkers = new Map<number, maplibregl.Marker>();

    const updateCounts = () => {
      if (!map.getSource('crashes')) return;
      const seen = new Set<number>();
      const shown = map.getLayoutProperty('clusters', 'visibility') !== 'none';
      if (shown)
        for (const f of map.querySourceFeatures('crashes')) {
          const p = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number };
          if (!p.cluster || p.cluster_id === undefined || seen.has(p.cluster_id)) continue;
          seen.add(p.cluster_id);
          if (!clusterMarkers.has(p.cluster_id)) {
            const el = document.createElement('div');
            el.className = 'cluster-count';
            el.setAttribute('aria-hidden', 'true');
            el.textContent = formatNumber(p.point_count ?? 0);
            clusterMarkers.set(
              p.cluster_id,
              new maplibregl.Marker({ element: el }).setLngLat(pointOf(f)).addTo(map),
            );
          }
        }
      for (const [cid, m] of clusterMarkers)
        if (!seen.has(cid)) {
          m.remove();
          clusterMarkers.delete(cid);
        }
    };

    ensureSource(map, 'crashes', {
      cluster: true,
      clusterRadius: 44,
      clusterMaxZoom: 13,
      clusterProperties: { deaths: ['+', ['get', 'deaths']] },
    });
    ensureLayer(map, {
      id: 'clusters',
      type: 'circle',
      source: 'crashes',
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': ['step', ['get', 'deaths'], '#d48806', 1, '#d4380d', 10, '#a8071a'],
        'circle-opacity': 0.75,
        'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 50, 23, 200, 29],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    });
    ensureLayer(map, {
      id: 'crash-points',
      type: 'circle',
      source: 'crashes',
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': ['step', ['get', 'deaths'], '#d48806', 1, '#d4380d', 2, '#820014'],
        'circle-radius': 5,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    });

    ensureSource(map, 'spots');
    const openSpot = (e: maplibregl.MapLayerMouseEvent) => {
      const f = e.features?.[0];
      if (!f) return;
      const p = f.properties as {
        id: number;
        name: string;
        crashes: number;
        deaths: number;
        status: string;
      };
      const { t: tr, onOpenSpot: open } = handlers.current;
      const box = document.createElement('div');
      box.className = 'map-popup';
      const title = document.createElement('strong');
      title.textContent = p.name;
      const status = document.createElement('div');
      status.textContent = tr(`blackSpots.statuses.${p.status}` as 'blackSpots.statuses.candidate');
      const counts = document.createElement('div');
      counts.textContent = tr('blackSpots.popupCounts', {
        crashes: formatNumber(Number(p.crashes)),
        deaths: formatNumber(Number(p.deaths)),
      });
      const link = document.createElement('a');
      link.href = `/black-spots/${p.id}`;
      link.textContent = tr('blackSpots.openSpot');
      link.addEventListener('click', (ev) => {
        ev.preventDefault();
        open(Number(p.id));
      });
      box.append(title, status, counts, link);
      new maplibregl.Popup({ closeButton: true, maxWidth: '280px' })
        .setLngLat(pointOf(f))
        .setDOMContent(box)
        .addTo(map);
    };
    for (const key of ['candidates', 'confirmed', 'hazards'] as const) {
      ensureLayer(map, {
        id: `spots-${key}`,
        type: 'circle',
        source: 'spots',
        filter: SPOT_LAYER_FILTER[key],
        paint: {
          'circle-color': SPOT_COLOR[key],
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 7, 13, 11],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2.5,
        },
      });
      map.on('click', `spots-${key}`, openSpot);
    }
    const openCluster = (e: maplibregl.MapLayerMouseEvent) => {
      const f = e.features?.[0] as MapGeoJSONFeature | undefined;
      const cid = (f?.properties as { cluster_id?: number } | undefined)?.cluster_id;
      if (!f || cid === undefined) return;
      void (map.getSource('crashes') as GeoJSONSource)
        .getClusterExpansionZoom(cid)
        .then((zoom) => map.easeTo({ center: pointOf(f), zoom }));
    };
    map.on('render', updateCounts);
    map.on('click', 'clusters', openCluster);
    return () => {
      map.off('render', updateCounts);
      map.off('click', 'clusters', openCluster);
      for (const key of ['candidates', 'confirmed', 'hazards'] as const)
        map.off('click', `spots-${key}`, openSpot);
      for (const m of clusterMarkers.values()) m.remove();
    };
  }, [map]);

  useEffect(() => {
    if (!map || !crashes) return;
    (map.getSource('crashes') as GeoJSONSource | undefined)?.setData(crashes as unknown as GeoJSONData);
  }, [map, crashes]);

  useEffect(() => {
    if (!map || !spots) return;
    (map.getSource('spots') as GeoJSONSource | undefined)?.setData(spots as unknown as GeoJSONData);
  }, [map, spots]);

  useEffect(() => {
    if (!map) return;
    const set = (layer: string, on: boolean) => {
      if (map.getLayer(layer)) map.setLayoutProperty(layer, 'visibility', on ? 'visible' : 'none');
    };
    set('clusters', visible.crashes);
    set('crash-points', visible.crashes);
    set('spots-candidates', visible.candidates);
    set('spots-confirmed', visible.confirmed);
    set('spots-hazards', visible.hazards);
    map.triggerRepaint();
  }, [map, visible]);

  if (!available) return <>{fallback}</>;
  return <section ref={ref} className="crash-map" aria-label={label} data-ready={map ? true : undefined} />;
}
