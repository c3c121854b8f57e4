/** A few lines of DOM building, instead of a UI framework: the page must load fast on a weak signal. */

type Child = Node | string | number | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined;

/**
 * Creates an element. Attributes: `on<event>` functions become listeners, `true` an empty attribute,
 * `false`/null/undefined are left out, anything else is set as text.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, AttrValue | ((e: Event) => void)> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (v === true) el.setAttribute(k, '');
    else if (v !== false && v !== null && v !== undefined) el.setAttribute(k, String(v));
  }
  for (const c of children.flat())
    if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeOnly = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit' });

/** 10:05 23/11/2026, in the phone's time zone. */
export function formatDateTime(at: string | number | Date): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? String(at) : dateTime.format(d);
}
export function formatTime(at: number): string {
  return timeOnly.format(new Date(at));
}

/** A random UUID v4, also on browsers without crypto.randomUUID. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
