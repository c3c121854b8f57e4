/**
 * Picking the crash's place on a map. Loaded only when the citizen opens it (dynamic import), so MapLibre
 * is not part of the page's first load. The basemap is the province's own offline one (outline, roads,
 * communes) — no tile or glyph server — or the configured raster tiles.
 */
import maplibregl, { type GeoJSONSourceSpecification, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { S } from './strings.ts';

type GeoJSONData = Exclude<GeoJSONSourceSpecification['data'], string | undefined>;
type Pt = [number, number];
interface Basemap {
  tileUrl: string | null;
  province: { geometry: { type: string; coordinates: unknown } } | null;
  communes: { features: { geometry: { type: string; coordinates: unknown }; properties: unknown }[] } | null;
  roads: unknown;
}

/** Where the basemap may be found: a public route first, then the staff one (works when signed in). */
export const BASEMAP_URLS = ['/api/v1/public/basemap', '/api/v1/map/basemap'];
/** Việt Nam, when nothing better is known. */
const COUNTRY: [Pt, Pt] = [
  [102.1, 8.4],
  [109.5, 23.4],
];

async function loadBasemap(): Promise<Basemap | null> {
  for (const url of BASEMAP_URLS) {
    try {
      const res = await fetch(url, { headers: { Accept: 'application/json' } });
      if (res.ok) return (await res.json()) as Basemap;
    } catch {
      // offline and not cached: try the next, then go without
    }
  }
  return null;
}

function hasWebGL(): boolean {
  try {
    const c = document.createElement('canvas');
    return Boolean(c.getContext('webgl2') ?? c.getContext('webgl'));
  } catch {
    return false;
  }
}

function boundsOf(b: Basemap | null): [Pt, Pt] {
  const ring = (b?.province?.geometry.coordinates as Pt[][] | undefined)?.[0];
  if (!ring?.length) return COUNTRY;
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [
    [Math.min(...xs), Math.min(...ys)],
    [Math.max(...xs), Math.max(...ys)],
  ];
}

function styleOf(b: Basemap | null): StyleSpecification {
  if (b?.tileUrl)
    return {
      version: 8,
      sources: { tiles: { type: 'raster', tiles: [b.tileUrl], tileSize: 256 } },
      layers: [{ id: 'tiles', type: 'raster', source: 'tiles' }],
    };
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#e8edf1' } }],
  };
  if (b?.province) {
    style.sources.province = { type: 'geojson', data: b.province as unknown as GeoJSONData };
    style.layers.push(
      { id: 'province-fill', type: 'fill', source: 'province', paint: { 'fill-color': '#f7f9f4' } },
      {
        id: 'province-line',
        type: 'line',
        source: 'province',
        paint: { 'line-color': '#6b7b8a', 'line-width': 1.5, 'line-dasharray': [3, 2] },
      },
    );
  }
  if (b?.roads) {
    style.sources.roads = { type: 'geojson', data: b.roads as GeoJSONData };
    style.layers.push({
      id: 'roads',
      type: 'line',
      source: 'roads',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#8c6d1f', 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.2, 13, 4] },
    });
  }
  return style;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}) {
  return Object.assign(document.createElement(tag), props);
}

/**
 * Opens the picker as a modal dialog; resolves with the chosen point, or null when cancelled. Throws
 * when this browser cannot draw the map.
 */
export async function pickOnMap(
  start: { lat: number; lon: number } | null,
): Promise<{ lat: number; lon: number } | null> {
  if (!hasWebGL()) throw new Error('WebGL is not available');
  const dialog = el('dialog', { className: 'bt-map-dialog' });
  dialog.setAttribute('aria-labelledby', 'bt-map-title');
  const title = el('h2', { id: 'bt-map-title', textContent: S.mapTitle });
  const mapBox = el('div', { className: 'bt-map' });
  const note = el('p', { className: 'bt-map-note', textContent: S.mapLoading });
  note.setAttribute('role', 'status');
  const centre = el('button', { type: 'button', className: 'bt-btn', textContent: S.mapCentre });
  const use = el('button', { type: 'button', className: 'bt-btn bt-primary', textContent: S.mapUse });
  const cancel = el('button', { type: 'button', className: 'bt-btn', textContent: S.mapCancel });
  const actions = el('div', { className: 'bt-map-actions' });
  actions.append(centre, use, cancel);
  dialog.append(title, mapBox, note, actions);
  document.body.append(dialog);
  dialog.showModal();

  const basemap = await loadBasemap();
  let map: maplibregl.Map;
  try {
    map = new maplibregl.Map({
      container: mapBox,
      style: styleOf(basemap),
      ...(start
        ? { center: [start.lon, start.lat] as Pt, zoom: 14 }
        : { bounds: boundsOf(basemap), fitBoundsOptions: { padding: 16 } }),
      attributionControl: false,
      locale: { 'NavigationControl.ZoomIn': 'Phóng to', 'NavigationControl.ZoomOut': 'Thu nhỏ' },
    });
  } catch (e) {
    dialog.remove();
    throw e;
  }
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  const labels: maplibregl.Marker[] = [];
  for (const f of basemap?.communes?.features ?? []) {
    const name = (f.properties as { name?: string } | null)?.name;
    if (!name || f.geometry.type !== 'Point') continue;
    const label = el('div', { className: 'bt-commune', textContent: name });
    label.setAttribute('aria-hidden', 'true');
    labels.push(new maplibregl.Marker({ element: label }).setLngLat(f.geometry.coordinates as Pt).addTo(map));
  }
  const showLabels = () => {
    for (const m of labels) m.getElement().style.display = map.getZoom() >= 10 ? '' : 'none';
  };
  map.on('zoomend', showLabels);
  showLabels();
  note.textContent = basemap ? S.mapNoPoint : `${S.mapNoBasemap} ${S.mapNoPoint}`;

  let picked: { lat: number; lon: number } | null = null;
  const marker = new maplibregl.Marker({ color: '#c62828', draggable: true });
  const place = (lat: number, lon: number) => {
    picked = { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
    marker.setLngLat([lon, lat]).addTo(map);
    note.textContent = S.mapPicked(picked.lat, picked.lon);
  };
  if (start) place(start.lat, start.lon);
  map.on('click', (e) => place(e.lngLat.lat, e.lngLat.lng));
  marker.on('dragend', () => {
    const p = marker.getLngLat();
    place(p.lat, p.lng);
  });
  centre.addEventListener('click', () => {
    const c = map.getCenter();
    place(c.lat, c.lng);
  });

  return new Promise((resolve) => {
    const finish = (value: { lat: number; lon: number } | null) => {
      map.remove();
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    use.addEventListener('click', () => {
      if (!picked) {
        note.textContent = S.mapNoPoint;
        return;
      }
      finish(picked);
    });
    cancel.addEventListener('click', () => finish(null));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      finish(null);
    });
  });
}
