/**
 * The one MapLibre set-up every map of the app shares: the map itself (Vietnamese control labels, zoom
 * buttons, a metric scale), the basemap the server describes (`GET /api/v1/map/basemap`: configured
 * raster tiles, or the offline basemap drawn from the directory — the province's outline, its roads and
 * its communes' names as HTML labels, so no tile or glyph server is needed), and the WebGL check.
 *
 * A page's own layers go on top: wait for `map` (set once the style has loaded) and add them in an
 * effect that depends on it. The basemap is drawn under them whenever it arrives.
 *
 * MapLibre 5 bundles its worker inline (a blob: URL, allowed by the app's Content-Security-Policy
 * `worker-src 'self' blob:`), so no worker URL needs to be set here.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Feature, FeatureCollection } from 'geojson';
import maplibregl, { type GeoJSONSourceSpecification, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { boundsOfPoints, type LonLat } from './geo.ts';
import './map.css';

export type GeoJSONData = Exclude<GeoJSONSourceSpecification['data'], string | undefined>;

/** The demo province's extent, used until the data says otherwise. */
export const PROVINCE_BOUNDS: [LonLat, LonLat] = [
  [102.3, 21.8],
  [103.9, 22.8],
];

/** What the server says to draw under the data (see src/server/blackspots/basemap.ts). */
export interface Basemap {
  tileUrl: string | null;
  province: Feature | null;
  communes: FeatureCollection | null;
  roads: FeatureCollection | null;
}

export const basemapQuery = () =>
  queryOptions({
    queryKey: ['map', 'basemap'] as const,
    queryFn: ({ signal }) => api.get<Basemap>('/map/basemap', undefined, signal),
    staleTime: 60 * 60_000,
  });

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

/** A point feature's position. */
export const pointOf = (f: { geometry: unknown }) =>
  (f.geometry as { coordinates: [number, number] }).coordinates;

const EMPTY_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } }],
};

/** MapLibre's own texts, in the user's language. */
export function useMapLocale(): Record<string, string> {
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

/** Ids of the layers and sources the basemap adds (all start with `base-`). */
const BASE_PREFIX = 'base-';

/** The first layer above the basemap: where the basemap's own layers are slid in under. */
function firstDataLayer(map: maplibregl.Map): string | undefined {
  return map.getStyle().layers.find((l) => l.id !== 'background' && !l.id.startsWith(BASE_PREFIX))?.id;
}

/** National roads (QL…) brown, the others grey. */
const ROAD_PAINT: maplibregl.LineLayerSpecification['paint'] = {
  'line-color': ['case', ['==', ['slice', ['to-string', ['get', 'code']], 0, 2], 'QL'], '#8c6d1f', '#8c8c8c'],
  'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.2, 12, 3],
};

/** Commune names only when zoomed in enough to read them. */
const COMMUNE_LABEL_ZOOM = 9.5;

/**
 * Draws the basemap under whatever is on the map and returns what takes it away again.
 * `roads` stands in for the basemap's roads when there is no basemap (pages that only have the roads).
 */
export function addBasemap(
  map: maplibregl.Map,
  basemap: Basemap | null | undefined,
  roads?: FeatureCollection | null,
): () => void {
  const before = firstDataLayer(map);
  const layers: string[] = [];
  const sources: string[] = [];
  const markers: maplibregl.Marker[] = [];
  const addSource = (id: string, data: unknown) => {
    map.addSource(`${BASE_PREFIX}${id}`, { type: 'geojson', data: data as GeoJSONData });
    sources.push(`${BASE_PREFIX}${id}`);
  };
  const addLayer = (layer: maplibregl.AddLayerObject) => {
    map.addLayer(layer, before);
    layers.push(layer.id);
  };

  if (basemap?.tileUrl) {
    map.addSource(`${BASE_PREFIX}tiles`, { type: 'raster', tiles: [basemap.tileUrl], tileSize: 256 });
    sources.push(`${BASE_PREFIX}tiles`);
    addLayer({ id: `${BASE_PREFIX}tiles`, type: 'raster', source: `${BASE_PREFIX}tiles` });
  } else {
    if (basemap?.province) {
      addSource('province', basemap.province);
      addLayer({
        id: `${BASE_PREFIX}province-fill`,
        type: 'fill',
        source: `${BASE_PREFIX}province`,
        paint: { 'fill-color': '#f7f9f4', 'fill-opacity': 1 },
      });
      addLayer({
        id: `${BASE_PREFIX}province-line`,
        type: 'line',
        source: `${BASE_PREFIX}province`,
        paint: { 'line-color': '#7a8a99', 'line-width': 1.5, 'line-dasharray': [3, 2] },
      });
    }
    const roadData = basemap?.roads ?? roads;
    if (roadData) {
      addSource('roads', roadData);
      addLayer({
        id: `${BASE_PREFIX}roads`,
        type: 'line',
        source: `${BASE_PREFIX}roads`,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: ROAD_PAINT,
      });
    }
    for (const f of basemap?.communes?.features ?? []) {
      const name = (f.properties as { name?: string } | null)?.name;
      if (!name || f.geometry.type !== 'Point') continue;
      const el = document.createElement('div');
      el.className = 'map-commune-label';
      el.setAttribute('aria-hidden', 'true');
      el.textContent = name;
      markers.push(
        // Under the commune's centre, not on it: facilities and crashes often sit right there.
        new maplibregl.Marker({ element: el, anchor: 'top', offset: [0, 7] })
          .setLngLat(f.geometry.coordinates as LonLat)
          .addTo(map),
      );
    }
  }

  const updateLabels = () => {
    const show = map.getZoom() >= COMMUNE_LABEL_ZOOM;
    for (const m of markers) m.getElement().style.display = show ? '' : 'none';
  };
  if (markers.length > 0) {
    updateLabels();
    map.on('zoomend', updateLabels);
  }

  return () => {
    map.off('zoomend', updateLabels);
    for (const m of markers) m.remove();
    try {
      for (const id of layers) if (map.getLayer(id)) map.removeLayer(id);
      for (const id of sources) if (map.getSource(id)) map.removeSource(id);
    } catch {
      // the map itself is already gone
    }
  };
}

export interface BaseMapOptions {
  /** The basemap (from {@link basemapQuery}); drawn under the page's layers when it arrives. */
  basemap?: Basemap | null;
  /** Roads alone, for pages without the basemap. */
  roads?: FeatureCollection | null;
  /** The first view: a box, or a centre and zoom. Later changes are the caller's (fitBounds, easeTo). */
  bounds?: [LonLat, LonLat];
  center?: LonLat;
  zoom?: number;
  /** Show the metric scale (default true). */
  scale?: boolean;
}

export interface BaseMap {
  /** Give this to the element that holds the map (a `<section aria-label=…>`). */
  ref: (el: HTMLElement | null) => void;
  /** The map once its style has loaded; null before, after unmount, and when it could not start. */
  map: maplibregl.Map | null;
  /** The browser has WebGL and the map started: otherwise show a fallback instead of the element. */
  available: boolean;
}

/** Creates the map in the element given to `ref`, with the shared controls and the basemap. */
export function useBaseMap(options: BaseMapOptions = {}): BaseMap {
  const [container, setContainer] = useState<HTMLElement | null>(null);
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [failed, setFailed] = useState(false);
  const supported = hasWebGL();
  const locale = useMapLocale();
  const initial = useRef(options);
  initial.current = options;

  useEffect(() => {
    if (!supported || !container) return;
    const { bounds, center, zoom, scale = true } = initial.current;
    let m: maplibregl.Map;
    try {
      m = new maplibregl.Map({
        container,
        style: EMPTY_STYLE,
        ...(center
          ? { center, zoom: zoom ?? 12 }
          : { bounds: bounds ?? PROVINCE_BOUNDS, fitBoundsOptions: { padding: 24 } }),
        attributionControl: false,
        locale,
      });
    } catch {
      setFailed(true);
      return;
    }
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    if (scale) m.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    m.on('load', () => setMap(m));
    // Tiles that fail to load (no network) must not break the page.
    m.on('error', () => undefined);
    return () => {
      setMap(null);
      m.remove();
    };
  }, [supported, container, locale]);

  const { basemap, roads } = options;
  useEffect(() => {
    if (!map || (!basemap && !roads)) return;
    return addBasemap(map, basemap, roads);
  }, [map, basemap, roads]);

  return { ref: setContainer, map, available: supported && !failed };
}

/** An empty GeoJSON collection, to create a source before its data arrives. */
export const EMPTY_COLLECTION: GeoJSONData = { type: 'FeatureCollection', features: [] };

/**
 * Adds a GeoJSON source unless the map has it already (a page's layer effect may run twice on the
 * same map, e.g. under React's StrictMode).
 */
export function ensureSource(
  map: maplibregl.Map,
  id: string,
  options: Omit<GeoJSONSourceSpecification, 'type' | 'data'> & { data?: GeoJSONData } = {},
): void {
  if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: EMPTY_COLLECTION, ...options });
}

/** Adds a layer unless the map has it already. */
export function ensureLayer(map: maplibregl.Map, layer: maplibregl.AddLayerObject): void {
  if (!map.getLayer(layer.id)) map.addLayer(layer);
}

/** Moves the view to show all the points (one point: centred at `maxZoom`). */
export function fitPoints(
  map: maplibregl.Map,
  points: readonly LonLat[],
  options: { padding?: number; maxZoom?: number; duration?: number } = {},
): void {
  const box = boundsOfPoints(points);
  if (!box) return;
  map.fitBounds(box, {
    padding: options.padding ?? 40,
    maxZoom: options.maxZoom ?? 13,
    duration: options.duration ?? 0,
  });
}

/** Pointer cursor over the clickable layers. */
export function pointerOver(map: maplibregl.Map, layers: readonly string[]): () => void {
  const enter = () => {
    map.getCanvas().style.cursor = 'pointer';
  };
  const leave = () => {
    map.getCanvas().style.cursor = '';
  };
  for (const l of layers) {
    map.on('mouseenter', l, enter);
    map.on('mouseleave', l, leave);
  }
  return () => {
    for (const l of layers) {
      map.off('mouseenter', l, enter);
      map.off('mouseleave', l, leave);
    }
  };
}
