/**
 * The layered black-spot map: an offline basemap (the province's outline, its roads and its communes'
 * names as HTML labels — no tile or glyph server needed) or the configured raster tiles, crashes as
 * clusters, and the spots by category. Each layer can be switched off.
 */
import maplibregl, {
  type GeoJSONSource,
  type GeoJSONSourceSpecification,
  type MapGeoJSONFeature,
  type StyleSpecification,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrashGeoJson } from '../crashes/api.ts';
import { hasWebGL, PROVINCE_BOUNDS } from '../crashes/CrashMap.tsx';
import { formatNumber } from '../platform/format.ts';
import type { Basemap, SpotGeoJson } from './api.ts';

type GeoJSONData = Exclude<GeoJSONSourceSpecification['data'], string | undefined>;

export const LAYERS = ['crashes', 'candidates', 'confirmed', 'hazards'] as const;
export type LayerKey = (typeof LAYERS)[number];

const pointOf = (f: { geometry: unknown }) => (f.geometry as { coordinates: [number, number] }).coordinates;

function baseStyle(tileUrl: string | null): StyleSpecification {
  if (tileUrl)
    return {
      version: 8,
      sources: { tiles: { type: 'raster', tiles: [tileUrl], tileSize: 256 } },
      layers: [{ id: 'tiles', type: 'raster', source: 'tiles' }],
    };
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } }],
  };
}

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
  const ref = useRef<HTMLElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const supported = hasWebGL();
  const handlers = useRef({ onOpenSpot, t });
  handlers.current = { onOpenSpot, t };
  const tileUrl = basemap?.tileUrl ?? null;
  const locale = useMemo(
    () => ({
      'NavigationControl.ZoomIn': t('crashMap.zoomIn'),
      'NavigationControl.ZoomOut': t('crashMap.zoomOut'),
      'Popup.Close': t('common.close'),
    }),
    [t],
  );

  // The map, once the basemap is known.
  useEffect(() => {
    if (!supported || !ref.current || !basemap) return;
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container: ref.current,
        style: baseStyle(tileUrl),
        bounds: PROVINCE_BOUNDS,
        fitBoundsOptions: { padding: 24 },
        attributionControl: false,
        locale,
      });
    } catch {
      setFailed(true);
      return;
    }
    mapRef.current = map;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    const clusterMarkers = new Map<number, maplibregl.Marker>();
    const communeMarkers: maplibregl.Marker[] = [];

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

    /** Commune names only when zoomed in enough to read them. */
    const updateCommunes = () => {
      const show = map.getZoom() >= 9.5;
      for (const m of communeMarkers) m.getElement().style.display = show ? '' : 'none';
    };

    map.on('load', () => {
      if (!tileUrl) {
        if (basemap.province) {
          map.addSource('province', { type: 'geojson', data: basemap.province as unknown as GeoJSONData });
          map.addLayer({
            id: 'province-fill',
            type: 'fill',
            source: 'province',
            paint: { 'fill-color': '#f7f9f4', 'fill-opacity': 1 },
          });
          map.addLayer({
            id: 'province-line',
            type: 'line',
            source: 'province',
            paint: { 'line-color': '#7a8a99', 'line-width': 1.5, 'line-dasharray': [3, 2] },
          });
        }
        if (basemap.roads) {
          map.addSource('roads', { type: 'geojson', data: basemap.roads as unknown as GeoJSONData });
          map.addLayer({
            id: 'roads',
            type: 'line',
            source: 'roads',
            layout: { 'line-cap': 'round', 'line-join': 'round' },
            paint: {
              'line-color': [
                'case',
                ['==', ['slice', ['to-string', ['get', 'code']], 0, 2], 'QL'],
                '#8c6d1f',
                '#8c8c8c',
              ],
              'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.2, 12, 3],
            },
          });
        }
        for (const f of basemap.communes?.features ?? []) {
          const name = (f.properties as { name?: string } | null)?.name;
          if (!name || f.geometry.type !== 'Point') continue;
          const el = document.createElement('div');
          el.className = 'commune-label';
          el.setAttribute('aria-hidden', 'true');
          el.textContent = name;
          communeMarkers.push(
            new maplibregl.Marker({ element: el })
              .setLngLat(f.geometry.coordinates as [number, number])
              .addTo(map),
          );
        }
        updateCommunes();
      }

      map.addSource('crashes', {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
        cluster: true,
        clusterRadius: 44,
        clusterMaxZoom: 13,
        clusterProperties: { deaths: ['+', ['get', 'deaths']] },
      });
      map.addLayer({
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
      map.addLayer({
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

      map.addSource('spots', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      for (const key of ['candidates', 'confirmed', 'hazards'] as const) {
        map.addLayer({
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
        map.on('click', `spots-${key}`, (e) => {
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
        });
      }
      setReady(true);
    });
    map.on('render', updateCounts);
    map.on('zoomend', updateCommunes);
    map.on('click', 'clusters', (e) => {
      const f = e.features?.[0] as MapGeoJSONFeature | undefined;
      const cid = (f?.properties as { cluster_id?: number } | undefined)?.cluster_id;
      if (!f || cid === undefined) return;
      void (map.getSource('crashes') as GeoJSONSource)
        .getClusterExpansionZoom(cid)
        .then((zoom) => map.easeTo({ center: pointOf(f), zoom }));
    });
    map.on('error', () => undefined);
    return () => {
      for (const m of clusterMarkers.values()) m.remove();
      for (const m of communeMarkers) m.remove();
      map.remove();
      mapRef.current = null;
      setReady(false);
    };
  }, [supported, basemap, tileUrl, locale]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !crashes) return;
    (map.getSource('crashes') as GeoJSONSource | undefined)?.setData(crashes as unknown as GeoJSONData);
  }, [ready, crashes]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !spots) return;
    (map.getSource('spots') as GeoJSONSource | undefined)?.setData(spots as unknown as GeoJSONData);
  }, [ready, spots]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const set = (layer: string, on: boolean) => {
      if (map.getLayer(layer)) map.setLayoutProperty(layer, 'visibility', on ? 'visible' : 'none');
    };
    set('clusters', visible.crashes);
    set('crash-points', visible.crashes);
    set('spots-candidates', visible.candidates);
    set('spots-confirmed', visible.confirmed);
    set('spots-hazards', visible.hazards);
    map.triggerRepaint();
  }, [ready, visible]);

  if (!supported || failed) return <>{fallback}</>;
  return <section ref={ref} className="crash-map" aria-label={label} data-ready={ready || undefined} />;
}
