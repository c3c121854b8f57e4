/**
 * The public crash quick-report page (/bao-tin): no login, Vietnamese, built for a phone with a weak or
 * no signal. A report is saved on the phone first (IndexedDB, with its shrunk photos) and sent after;
 * whatever is not sent yet is shown with its state and retried on its own.
 */
import './styles.css';
import { VEHICLE_TYPES } from '../../../domain/crashes/codes.ts';
import { incidentPublicLabel, OPEN_STATUSES, REPORT_LIMITS } from '../../../domain/incidents/codes.ts';
import { OUTBOX_CHANNEL, SW_SCOPE, SW_URL, SYNC_TAG } from './constants.ts';
import { formatDateTime, formatTime, h, uuid } from './dom.ts';
import {
  buildPayload,
  type Draft,
  type FieldError,
  type FieldKey,
  type Receipt,
  type ShrunkPhoto,
  toLocalInputValue,
  validateDraft,
} from './form.ts';
import { lookupReceipt } from './lookup.ts';
import { hasUnsent, nextWake, type QueuedReport, ReportQueue, sharedLock } from './queue.ts';
import { IdbStore } from './store.ts';
import { S } from './strings.ts';

interface SyncRegistration extends ServiceWorkerRegistration {
  sync?: { register(tag: string): Promise<void> };
}

const app = document.getElementById('bt-app');
if (!app) throw new Error('#bt-app is missing from bao-tin.html');

// ---------------------------------------------------------------------------------------------------
// State

const emptyDraft = (): Draft => ({
  location: null,
  placeText: '',
  occurredLocal: toLocalInputValue(new Date()),
  victims: 0,
  trapped: 0,
  vehicles: [],
  phone: '',
  phoneConsent: false,
  description: '',
  photos: [],
});

let draft = emptyDraft();
/** The clientId of a refused report being corrected in the form, if any. */
let editing: string | null = null;
let locating = false;
let locationNote: string | null = null;
let photoBusy = 0;
let photoErrors: string[] = [];
let photoUrls: string[] = [];
let errors: FieldError[] = [];
let formNote: string | null = null;
let reports: QueuedReport[] = [];
/** The report just saved from the form, whose receipt is shown open. */
let justSaved: string | null = null;
let sendingNow = false;
let syncSupported = false;

const queue = new ReportQueue({
  store: new IdbStore(),
  fetch: (url, init) => fetch(url, init),
  lock: sharedLock(),
  online: () => navigator.onLine,
  onChange: () => scheduleRefresh(),
});

// ---------------------------------------------------------------------------------------------------
// The page's frame

const live = h('div', { class: 'bt-sr', 'aria-live': 'polite', role: 'status' });
const offlineBanner = h('p', { class: 'bt-offline', role: 'status' }, S.offlineBanner);
const outbox = h('section', { class: 'bt-outbox', 'aria-labelledby': 'bt-outbox-h', hidden: true });
const form = h('form', { class: 'bt-form', novalidate: true, 'aria-labelledby': 'bt-form-h' });
const lookup = h('section', { class: 'bt-lookup', 'aria-labelledby': 'bt-lookup-h' });

app.append(
  h(
    'header',
    { class: 'bt-header' },
    h('h1', {}, S.title),
    h('p', { class: 'bt-lead' }, S.lead),
    h(
      'p',
      { class: 'bt-emergency' },
      h('span', {}, S.emergency),
      h('a', { class: 'bt-call', href: 'tel:115' }, S.call115),
      h('a', { class: 'bt-call', href: 'tel:113' }, S.call113),
    ),
  ),
  h('main', { class: 'bt-main' }, offlineBanner, outbox, form, lookup),
  live,
);

const announce = (text: string) => {
  live.textContent = '';
  // A fresh text node after a tick, so that screen readers read the same message twice in a row too.
  setTimeout(() => {
    live.textContent = text;
  }, 50);
};

// ---------------------------------------------------------------------------------------------------
// The form

const ids: Record<FieldKey, string> = {
  location: 'bt-locate',
  placeText: 'bt-place',
  occurredAt: 'bt-when',
  victims: 'bt-victims',
  trapped: 'bt-trapped',
  phone: 'bt-phone',
  phoneConsent: 'bt-consent',
  description: 'bt-description',
  photos: 'bt-photo-camera',
};
const errorSlot = (field: FieldKey) =>
  h('p', { class: 'bt-field-error', id: `${ids[field]}-err`, hidden: true });

// Location
const locateBtn = h(
  'button',
  { type: 'button', id: ids.location, class: 'bt-btn bt-grow bt-primary-outline' },
  S.locate,
);
const mapBtn = h('button', { type: 'button', class: 'bt-btn bt-grow' }, S.pickOnMap);
const clearLocBtn = h('button', { type: 'button', class: 'bt-link', hidden: true }, S.clearLocation);
const locStatus = h('div', { class: 'bt-loc-status', role: 'status', 'aria-live': 'polite' });
const placeInput = h('input', {
  id: ids.placeText,
  type: 'text',
  class: 'bt-input',
  maxlength: REPORT_LIMITS.maxPlaceText,
  autocomplete: 'off',
  'aria-describedby': `${ids.placeText}-hint`,
});

// Time
const whenInput = h('input', {
  id: ids.occurredAt,
  type: 'datetime-local',
  class: 'bt-input',
  required: true,
});
const nowBtn = h('button', { type: 'button', class: 'bt-btn bt-small' }, S.whenNow);

// People
function stepper(field: 'victims' | 'trapped', label: string) {
  const input = h('input', {
    id: ids[field],
    type: 'number',
    class: 'bt-input bt-count',
    inputmode: 'numeric',
    min: 0,
    max: REPORT_LIMITS.maxVictims,
    step: 1,
    value: 0,
  });
  const less = h('button', { type: 'button', class: 'bt-step', 'aria-label': S.less(label) }, '−');
  const more = h('button', { type: 'button', class: 'bt-step', 'aria-label': S.more(label) }, '+');
  const box = h(
    'div',
    { class: 'bt-stepper-row' },
    h('label', { for: ids[field], class: 'bt-label' }, label),
    h('div', { class: 'bt-stepper' }, less, input, more),
    errorSlot(field),
  );
  return { box, input, less, more };
}
const victims = stepper('victims', S.victims);
const trapped = stepper('trapped', S.trapped);

// Vehicles
const vehicleBoxes = VEHICLE_TYPES.map((v) =>
  h('input', { type: 'checkbox', value: v.code, class: 'bt-chip-input', id: `bt-veh-${v.code}` }),
);

// Photos
const photoInput = (id: string, capture: boolean) =>
  h('input', {
    id,
    type: 'file',
    accept: 'image/*',
    capture: capture ? 'environment' : false,
    multiple: !capture,
    class: 'bt-file',
  });
const cameraInput = photoInput(ids.photos, true);
const galleryInput = photoInput('bt-photo-pick', false);
const photoList = h('ul', { class: 'bt-photos', 'aria-label': S.photosHeading });
const photoStatus = h('div', { class: 'bt-photo-status', 'aria-live': 'polite' });

// Description, phone
const descInput = h('textarea', {
  id: ids.description,
  class: 'bt-input',
  rows: 3,
  maxlength: REPORT_LIMITS.maxDescription,
  placeholder: S.descriptionHint,
});
const phoneInput = h('input', {
  id: ids.phone,
  type: 'tel',
  class: 'bt-input',
  inputmode: 'tel',
  autocomplete: 'tel',
  maxlength: 20,
});
const consentInput = h('input', { id: ids.phoneConsent, type: 'checkbox', class: 'bt-check' });

// Sending
const summary = h('div', { class: 'bt-summary', id: 'bt-summary', tabindex: -1, hidden: true });
const sendBtn = h('button', { type: 'submit', class: 'bt-btn bt-send' }, S.send);
const editNote = h('p', { class: 'bt-edit-note', hidden: true });
const cancelEditBtn = h('button', { type: 'button', class: 'bt-link', hidden: true }, S.cancelEdit);

form.append(
  h('h2', { id: 'bt-form-h', class: 'bt-visually-hidden' }, S.title),
  editNote,
  cancelEditBtn,
  h(
    'fieldset',
    { class: 'bt-card bt-group' },
    h('legend', {}, S.locationHeading),
    h('div', { class: 'bt-row' }, locateBtn, mapBtn),
    locStatus,
    clearLocBtn,
    errorSlot('location'),
    h('label', { for: ids.placeText, class: 'bt-label' }, S.placeText),
    placeInput,
    h('p', { class: 'bt-hint', id: `${ids.placeText}-hint` }, S.placeTextHint),
    errorSlot('placeText'),
  ),
  h(
    'fieldset',
    { class: 'bt-card bt-group' },
    h('legend', {}, S.whenHeading),
    h(
      'div',
      { class: 'bt-row' },
      h('label', { for: ids.occurredAt, class: 'bt-visually-hidden' }, S.whenHeading),
      whenInput,
      nowBtn,
    ),
    errorSlot('occurredAt'),
  ),
  h('fieldset', { class: 'bt-card bt-group' }, h('legend', {}, S.peopleHeading), victims.box, trapped.box),
  h(
    'fieldset',
    { class: 'bt-card bt-group' },
    h('legend', {}, S.vehiclesHeading),
    h(
      'div',
      { class: 'bt-chips' },
      VEHICLE_TYPES.map((v, i) =>
        h('label', { class: 'bt-chip', for: `bt-veh-${v.code}` }, vehicleBoxes[i], h('span', {}, v.label)),
      ),
    ),
  ),
  h(
    'fieldset',
    { class: 'bt-card bt-group' },
    h('legend', {}, S.photosHeading),
    h(
      'div',
      { class: 'bt-row' },
      h('label', { class: 'bt-btn bt-file-btn' }, cameraInput, h('span', {}, S.takePhoto)),
      h('label', { class: 'bt-btn bt-file-btn' }, galleryInput, h('span', {}, S.choosePhoto)),
    ),
    h('p', { class: 'bt-hint' }, S.photosHint),
    photoStatus,
    photoList,
    errorSlot('photos'),
  ),
  h(
    'fieldset',
    { class: 'bt-card bt-group' },
    h('legend', {}, S.descriptionHeading),
    h('label', { for: ids.description, class: 'bt-visually-hidden' }, S.descriptionHeading),
    descInput,
    errorSlot('description'),
    h('label', { for: ids.phone, class: 'bt-label' }, S.phone),
    phoneInput,
    errorSlot('phone'),
    h('label', { class: 'bt-consent', for: ids.phoneConsent }, consentInput, h('span', {}, S.phoneConsent)),
    errorSlot('phoneConsent'),
  ),
  summary,
  sendBtn,
);

function syncInputsFromDraft() {
  placeInput.value = draft.placeText;
  whenInput.value = draft.occurredLocal;
  victims.input.value = String(draft.victims);
  trapped.input.value = String(draft.trapped);
  for (const box of vehicleBoxes) box.checked = draft.vehicles.includes(box.value);
  descInput.value = draft.description;
  phoneInput.value = draft.phone;
  consentInput.checked = draft.phoneConsent;
  for (const u of photoUrls) URL.revokeObjectURL(u);
  photoUrls = draft.photos.map((p) => URL.createObjectURL(p.blob));
}

function renderLocation() {
  locateBtn.textContent = locating ? S.locating : draft.location?.source === 'gps' ? S.relocate : S.locate;
  locateBtn.disabled = locating;
  const loc = draft.location;
  locStatus.replaceChildren();
  locStatus.className = 'bt-loc-status';
  if (loc) {
    const poor = loc.source === 'gps' && (loc.accuracyM ?? 0) > REPORT_LIMITS.poorAccuracyM;
    if (poor) locStatus.classList.add('bt-warn');
    else locStatus.classList.add('bt-ok');
    locStatus.append(
      h(
        'p',
        {},
        loc.source === 'map'
          ? S.locationMap
          : poor
            ? S.locationPoor(loc.accuracyM ?? 0)
            : S.locationGps(loc.accuracyM ?? 0),
      ),
      h('p', { class: 'bt-coords' }, S.locationCoords(loc.lat, loc.lon)),
    );
  } else if (locationNote) {
    locStatus.classList.add('bt-warn');
    locStatus.append(h('p', {}, locationNote));
  }
  clearLocBtn.hidden = !loc;
}

function renderPhotos() {
  photoList.replaceChildren(
    ...draft.photos.map((p, i) =>
      h(
        'li',
        { class: 'bt-photo' },
        h('img', { src: photoUrls[i] ?? '', alt: S.photoAlt(i + 1), width: 96, height: 96 }),
        p.exifLat !== null ? h('span', { class: 'bt-photo-gps' }, S.photoHasGps) : null,
        h(
          'button',
          { type: 'button', class: 'bt-btn bt-small', 'data-remove': i, 'aria-label': S.removePhoto(i + 1) },
          '✕',
        ),
      ),
    ),
  );
  const full = draft.photos.length + photoBusy >= REPORT_LIMITS.maxPhotos;
  cameraInput.disabled = full;
  galleryInput.disabled = full;
  photoStatus.replaceChildren(
    ...(photoBusy > 0 ? [h('p', {}, S.photoWorking)] : []),
    ...photoErrors.map((m) => h('p', { class: 'bt-field-error', role: 'alert' }, m)),
  );
}

function renderErrors() {
  for (const field of Object.keys(ids) as FieldKey[]) {
    const slot = document.getElementById(`${ids[field]}-err`);
    const mine = errors.filter((e) => e.field === field);
    if (slot) {
      slot.textContent = mine.map((e) => e.message).join(' ');
      slot.hidden = mine.length === 0;
    }
    const input = document.getElementById(ids[field]);
    if (input && field !== 'location') {
      // The error is read with the field: its id joins the field's own description (a hint, if any).
      input.dataset.hint ??= input.getAttribute('aria-describedby') ?? '';
      const described = [input.dataset.hint, mine.length ? `${ids[field]}-err` : '']
        .filter(Boolean)
        .join(' ');
      if (described) input.setAttribute('aria-describedby', described);
      else input.removeAttribute('aria-describedby');
      if (mine.length) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  }
  summary.replaceChildren();
  if (errors.length === 0 && !formNote) {
    summary.hidden = true;
    summary.removeAttribute('role');
    return;
  }
  summary.hidden = false;
  summary.setAttribute('role', 'alert');
  if (formNote) summary.append(h('p', {}, formNote));
  if (errors.length)
    summary.append(
      h('p', {}, S.fixErrors),
      h(
        'ul',
        {},
        errors.map((e) => h('li', {}, h('a', { href: `#${ids[e.field]}` }, e.message))),
      ),
    );
}

function renderForm() {
  renderLocation();
  renderPhotos();
  renderErrors();
  editNote.hidden = editing === null;
  cancelEditBtn.hidden = editing === null;
  sendBtn.disabled = photoBusy > 0;
}

/** Re-checks live once the citizen has tried to send, so a fixed field stops being flagged. */
function recheck() {
  if (errors.length) {
    errors = validateDraft(draft);
    renderErrors();
  }
}

// Location events
function locate() {
  if (!('geolocation' in navigator)) {
    locationNote = S.geoUnsupported;
    renderLocation();
    return;
  }
  locating = true;
  locationNote = null;
  renderLocation();
  navigator.geolocation.getCurrentPosition(
    (pos) => {
      locating = false;
      draft.location = {
        lat: Math.round(pos.coords.latitude * 1e6) / 1e6,
        lon: Math.round(pos.coords.longitude * 1e6) / 1e6,
        accuracyM: Math.round(pos.coords.accuracy * 10) / 10,
        source: 'gps',
      };
      renderLocation();
      recheck();
    },
    (err) => {
      locating = false;
      locationNote =
        err.code === err.PERMISSION_DENIED
          ? S.geoDenied
          : err.code === err.TIMEOUT
            ? S.geoTimeout
            : S.geoUnavailable;
      renderLocation();
    },
    { enableHighAccuracy: true, timeout: 20_000, maximumAge: 10_000 },
  );
}
locateBtn.addEventListener('click', locate);

mapBtn.addEventListener('click', async () => {
  mapBtn.disabled = true;
  try {
    const { pickOnMap } = await import('./map-picker.ts');
    const start = draft.location ? { lat: draft.location.lat, lon: draft.location.lon } : null;
    const p = await pickOnMap(start);
    if (p) {
      draft.location = { lat: p.lat, lon: p.lon, accuracyM: null, source: 'map' };
      locationNote = null;
    }
  } catch {
    locationNote = S.mapFailed;
  } finally {
    mapBtn.disabled = false;
    renderLocation();
    recheck();
    mapBtn.focus();
  }
});
clearLocBtn.addEventListener('click', () => {
  draft.location = null;
  renderLocation();
  locateBtn.focus();
});
placeInput.addEventListener('input', () => {
  draft.placeText = placeInput.value;
  recheck();
});

// Time events
whenInput.addEventListener('input', () => {
  draft.occurredLocal = whenInput.value;
  recheck();
});
nowBtn.addEventListener('click', () => {
  draft.occurredLocal = toLocalInputValue(new Date());
  whenInput.value = draft.occurredLocal;
  recheck();
});

// People events: a trapped person is a victim too, so the two counts move together.
const clampCount = (v: number) => Math.max(0, Math.min(REPORT_LIMITS.maxVictims, v));
function setCounts(v: number, t: number) {
  draft.victims = v;
  draft.trapped = t;
  victims.input.value = Number.isNaN(v) ? '' : String(v);
  trapped.input.value = Number.isNaN(t) ? '' : String(t);
  recheck();
}
const num = (v: number) => (Number.isNaN(v) ? 0 : v);
victims.more.addEventListener('click', () =>
  setCounts(clampCount(num(draft.victims) + 1), num(draft.trapped)),
);
victims.less.addEventListener('click', () => {
  const v = clampCount(num(draft.victims) - 1);
  setCounts(v, Math.min(num(draft.trapped), v));
});
trapped.more.addEventListener('click', () => {
  const t = clampCount(num(draft.trapped) + 1);
  setCounts(Math.max(num(draft.victims), t), t);
});
trapped.less.addEventListener('click', () =>
  setCounts(num(draft.victims), clampCount(num(draft.trapped) - 1)),
);
victims.input.addEventListener('input', () => {
  draft.victims = victims.input.valueAsNumber;
  recheck();
});
trapped.input.addEventListener('input', () => {
  draft.trapped = trapped.input.valueAsNumber;
  recheck();
});

// Vehicles
for (const box of vehicleBoxes)
  box.addEventListener('change', () => {
    draft.vehicles = vehicleBoxes.filter((b) => b.checked).map((b) => b.value);
  });

// Photos
async function addPhotos(input: HTMLInputElement) {
  const files = [...(input.files ?? [])];
  input.value = '';
  if (!files.length) return;
  photoErrors = [];
  const room = REPORT_LIMITS.maxPhotos - draft.photos.length - photoBusy;
  if (files.length > room) photoErrors.push(S.photoTooMany);
  const take = files.slice(0, Math.max(0, room));
  photoBusy += take.length;
  renderForm();
  let shrinkPhoto: typeof import('./photo.ts')['shrinkPhoto'];
  try {
    ({ shrinkPhoto } = await import('./photo.ts'));
  } catch {
    // The photo code could not be loaded (first visit cut short, storage cleared): say so, keep the form.
    photoBusy -= take.length;
    photoErrors.push(S.photoCodeMissing);
    renderForm();
    return;
  }
  for (const file of take) {
    let photo: ShrunkPhoto | null = null;
    try {
      photo = await shrinkPhoto(file);
    } catch {
      photoErrors.push(S.photoUnreadable(file.name));
    }
    photoBusy -= 1;
    if (photo && draft.photos.length < REPORT_LIMITS.maxPhotos) {
      draft.photos.push(photo);
      photoUrls.push(URL.createObjectURL(photo.blob));
    }
    renderForm();
  }
  recheck();
}
cameraInput.addEventListener('change', () => void addPhotos(cameraInput));
galleryInput.addEventListener('change', () => void addPhotos(galleryInput));
photoList.addEventListener('click', (e) => {
  const btn = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-remove]');
  if (!btn) return;
  const i = Number(btn.dataset.remove);
  draft.photos.splice(i, 1);
  const [url] = photoUrls.splice(i, 1);
  if (url) URL.revokeObjectURL(url);
  photoErrors = [];
  renderPhotos();
  cameraInput.focus();
});

// Description, phone
descInput.addEventListener('input', () => {
  draft.description = descInput.value;
  recheck();
});
phoneInput.addEventListener('input', () => {
  draft.phone = phoneInput.value;
  recheck();
});
consentInput.addEventListener('change', () => {
  draft.phoneConsent = consentInput.checked;
  recheck();
});

function resetForm() {
  draft = emptyDraft();
  editing = null;
  errors = [];
  formNote = null;
  photoErrors = [];
  locationNote = null;
  syncInputsFromDraft();
  renderForm();
}
cancelEditBtn.addEventListener('click', () => {
  resetForm();
  outbox.scrollIntoView({ block: 'start' });
});

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  if (photoBusy > 0) return;
  errors = validateDraft(draft);
  formNote = null;
  renderErrors();
  if (errors.length) {
    summary.focus();
    return;
  }
  sendBtn.disabled = true;
  sendBtn.textContent = S.saving;
  const clientId = editing ?? uuid();
  try {
    await queue.save(buildPayload(draft, clientId, new Date()), draft.photos);
  } catch {
    formNote = S.saveFailed;
    renderErrors();
    summary.focus();
    return;
  } finally {
    sendBtn.disabled = false;
    sendBtn.textContent = S.send;
  }
  justSaved = clientId;
  resetForm();
  await refreshList();
  document.getElementById(`bt-card-${clientId}`)?.focus();
  void askPersistentStorage();
  void registerSync();
  void flushNow({ force: true });
});

// ---------------------------------------------------------------------------------------------------
// The outbox: every report on this phone with its state

function placeOf(r: QueuedReport): string {
  const p = r.payload;
  if (p.placeText) return p.placeText;
  if (p.location)
    return p.location.source === 'map'
      ? S.locationMap
      : `${S.locationCoords(p.location.lat, p.location.lon)} (±${Math.round(p.location.accuracyM ?? 0)} m)`;
  return '';
}

function receiptBlock(receipt: Receipt, clientId: string | null) {
  const copyNote = h('span', { class: 'bt-copy-note', 'aria-live': 'polite' });
  return h(
    'div',
    { class: 'bt-receipt' },
    h('p', { class: 'bt-receipt-label' }, S.trackingCode),
    h('p', { class: 'bt-code', 'data-testid': 'tracking-code' }, receipt.trackingCode),
    h(
      'div',
      { class: 'bt-row' },
      h(
        'button',
        {
          type: 'button',
          class: 'bt-btn bt-small',
          onclick: () => void copyCode(receipt.trackingCode, copyNote),
        },
        S.copy,
      ),
      copyNote,
    ),
    h('p', { class: 'bt-status' }, S.statusNow(receipt.statusLabel || incidentPublicLabel(receipt.status))),
    clientId ? h('p', { class: 'bt-hint' }, S.keepCode) : null,
    receipt.timeline.length
      ? h(
          'div',
          {},
          h('h4', {}, S.timelineHeading),
          h(
            'ol',
            { class: 'bt-timeline' },
            receipt.timeline.map((t) =>
              h(
                'li',
                {},
                h('span', { class: 'bt-tl-label' }, t.label),
                ' ',
                h('time', { datetime: t.at }, formatDateTime(t.at)),
              ),
            ),
          ),
        )
      : null,
  );
}

async function copyCode(code: string, note: HTMLElement) {
  try {
    await navigator.clipboard.writeText(code);
    note.textContent = S.copied;
  } catch {
    note.textContent = S.copyFailed;
  }
}

const btn = (action: string, id: string, label: string, primary = false) =>
  h(
    'button',
    {
      type: 'button',
      class: `bt-btn bt-small${primary ? ' bt-primary' : ''}`,
      'data-action': action,
      'data-id': id,
    },
    label,
  );

function card(r: QueuedReport) {
  const p = r.payload;
  const body: (Node | null)[] = [];
  switch (r.state) {
    case 'pending':
      body.push(
        h(
          'p',
          { class: 'bt-reason' },
          [
            r.lastError,
            S.pendingAuto,
            r.nextAttemptAt && r.attempts > 0 ? S.nextTry(formatTime(r.nextAttemptAt)) : null,
          ]
            .filter(Boolean)
            .join(' '),
        ),
        r.attempts > 0 ? h('p', { class: 'bt-hint' }, S.attempts(r.attempts)) : null,
        h(
          'div',
          { class: 'bt-row' },
          btn('send', r.clientId, S.sendNow, true),
          btn('remove', r.clientId, S.remove),
        ),
      );
      break;
    case 'sending':
      body.push(h('p', { class: 'bt-reason' }, S.stateLabel.sending));
      break;
    case 'needs_fix': {
      // The server's detail lines, without repeating its headline.
      const details = [...new Set(r.fieldErrors.map((d) => d.message))].filter((m) => m !== r.lastError);
      body.push(
        h(
          'div',
          { class: 'bt-fix', role: 'alert' },
          h('p', {}, h('strong', {}, r.lastError ?? S.needsFixHint)),
          details.length
            ? h(
                'ul',
                {},
                details.map((m) => h('li', {}, m)),
              )
            : null,
          h('p', { class: 'bt-hint' }, S.needsFixHint),
        ),
        h(
          'div',
          { class: 'bt-row' },
          btn('edit', r.clientId, S.edit, true),
          btn('resend', r.clientId, S.resend),
          btn('remove', r.clientId, S.remove),
        ),
      );
      break;
    }
    case 'sent':
      if (r.receipt) body.push(receiptBlock(r.receipt, r.clientId === justSaved ? r.clientId : null));
      body.push(
        h(
          'div',
          { class: 'bt-row' },
          btn('refresh', r.clientId, S.refresh),
          btn('remove', r.clientId, S.remove),
        ),
      );
      break;
  }
  return h(
    'article',
    {
      class: `bt-card bt-report bt-${r.state}${r.clientId === justSaved ? ' bt-just' : ''}`,
      id: `bt-card-${r.clientId}`,
      tabindex: -1,
      'aria-labelledby': `bt-card-h-${r.clientId}`,
      'data-state': r.state,
    },
    h(
      'h3',
      { id: `bt-card-h-${r.clientId}` },
      h('span', { class: `bt-badge bt-badge-${r.state}` }, S.stateLabel[r.state]),
      ' ',
      h('span', { class: 'bt-place' }, placeOf(r)),
    ),
    h(
      'p',
      { class: 'bt-meta' },
      `${S.savedAt(formatDateTime(r.savedAt))} · ${S.summaryLine(p.victims, p.trapped, r.photoCount)}`,
    ),
    ...body,
  );
}

function renderOutbox() {
  outbox.hidden = reports.length === 0;
  const waiting = reports.filter((r) => r.state === 'pending').length;
  const focusedAction = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-action]');
  const focusKey = focusedAction ? `${focusedAction.dataset.action}:${focusedAction.dataset.id}` : null;
  outbox.replaceChildren(
    h('h2', { id: 'bt-outbox-h' }, S.queueHeading),
    ...(hasUnsent(reports) ? [h('p', { class: 'bt-hint' }, S.queueKeep)] : []),
    ...(waiting > 1
      ? [h('div', { class: 'bt-row' }, btn('send-all', '', `${S.sendNow} (${waiting})`, true))]
      : []),
    ...reports.map(card),
  );
  if (focusKey) {
    const [action, id] = focusKey.split(':');
    outbox.querySelector<HTMLElement>(`[data-action="${action}"][data-id="${id}"]`)?.focus();
  }
  offlineBanner.hidden = navigator.onLine;
}

let known = new Map<string, QueuedReport['state']>();
async function refreshList() {
  try {
    reports = (await queue.all()).sort((a, b) => b.savedAt - a.savedAt);
  } catch {
    reports = [];
  }
  for (const r of reports) {
    const before = known.get(r.clientId);
    if (before && before !== r.state) {
      if (r.state === 'sent' && r.receipt)
        announce(`${S.receiptHeading}. ${S.trackingCode}: ${r.receipt.trackingCode}`);
      else if (r.state === 'needs_fix') announce(`${S.stateLabel.needs_fix}: ${r.lastError ?? ''}`);
    } else if (!before && r.clientId === justSaved && r.state === 'pending')
      announce(`${S.stateLabel.pending}. ${S.pendingAuto}`);
  }
  known = new Map(reports.map((r) => [r.clientId, r.state]));
  renderOutbox();
}
let refreshQueued = false;
function scheduleRefresh() {
  if (refreshQueued) return;
  refreshQueued = true;
  queueMicrotask(() => {
    refreshQueued = false;
    void refreshList();
  });
}

outbox.addEventListener('click', async (e) => {
  const target = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
  if (!target) return;
  const id = target.dataset.id ?? '';
  const r = reports.find((x) => x.clientId === id);
  switch (target.dataset.action) {
    case 'send':
      await flushNow({ force: true, only: id });
      break;
    case 'send-all':
      await flushNow({ force: true });
      break;
    case 'resend':
      await queue.requeue(id);
      await flushNow({ force: true, only: id });
      break;
    case 'edit':
      if (r) editReport(r);
      break;
    case 'remove':
      if (r && (r.state === 'sent' || window.confirm(S.removeConfirm))) {
        await queue.remove(id);
        if (justSaved === id) justSaved = null;
        await refreshList();
      }
      break;
    case 'refresh':
      if (r?.receipt) {
        const res = await lookupReceipt(r.receipt.trackingCode);
        if (res.ok) await queue.update({ ...r, receipt: { ...res.receipt, duplicate: r.receipt.duplicate } });
        else announce(res.message);
      }
      break;
  }
});

/** Puts a refused report back into the form, under the same clientId, with the server's messages. */
function editReport(r: QueuedReport) {
  const p = r.payload;
  const occurred = new Date(p.occurredAt);
  draft = {
    location: p.location
      ? {
          lat: p.location.lat,
          lon: p.location.lon,
          accuracyM: p.location.accuracyM ?? null,
          source: p.location.source,
        }
      : null,
    placeText: p.placeText ?? '',
    occurredLocal: toLocalInputValue(Number.isNaN(occurred.getTime()) ? new Date(r.savedAt) : occurred),
    victims: p.victims,
    trapped: p.trapped,
    vehicles: [...(p.vehicles ?? [])],
    phone: p.phone ?? '',
    phoneConsent: p.phoneConsent ?? false,
    description: p.description ?? '',
    photos: [...r.photos],
  };
  editing = r.clientId;
  errors = r.fieldErrors.map((d) => ({ field: fieldOfPath(d.path), message: d.message }));
  // The headline, unless it only repeats a field's own message.
  formNote = r.lastError && !errors.some((e) => e.message === r.lastError) ? r.lastError : null;
  editNote.textContent = S.editing(formatDateTime(r.savedAt));
  syncInputsFromDraft();
  renderForm();
  form.scrollIntoView({ block: 'start' });
  summary.focus();
}

/** The form field a server error path ("trapped", "photos.0", "location.lat") belongs to. */
function fieldOfPath(path: string): FieldKey {
  const head = path.split('.')[0] ?? '';
  if (head === 'occurredAt' || head === 'createdAt') return 'occurredAt';
  if (head === 'photoMeta') return 'photos';
  return head in ids ? (head as FieldKey) : 'location';
}

// ---------------------------------------------------------------------------------------------------
// Sending and retrying

let timer: ReturnType<typeof setTimeout> | undefined;
let chain: Promise<void> = Promise.resolve();

function flushNow(opts: { force?: boolean; only?: string } = {}): Promise<void> {
  const run = async () => {
    sendingNow = true;
    try {
      await queue.flush(opts);
    } catch {
      // storage unavailable: the list shows what is there
    } finally {
      sendingNow = false;
    }
    await refreshList();
    schedule();
  };
  chain = chain.then(run, run);
  return chain;
}

/** Wakes up when the earliest waiting report is due again (the backoff is in the queue). */
function schedule() {
  clearTimeout(timer);
  const wake = nextWake(reports);
  if (wake === null) return;
  timer = setTimeout(() => void flushNow(), Math.min(5 * 60_000, Math.max(1_000, wake - Date.now())));
}

window.addEventListener('online', () => {
  renderOutbox();
  void flushNow({ force: true });
});
window.addEventListener('offline', () => renderOutbox());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void flushNow();
});
window.addEventListener('beforeunload', (e) => {
  // Without Background Sync, nothing sends the outbox while the page is closed.
  if (sendingNow || (hasUnsent(reports) && !syncSupported)) {
    e.preventDefault();
    e.returnValue = S.leaveWarning; // older browsers want a value
  }
});

async function askPersistentStorage() {
  try {
    if (navigator.storage?.persist && !(await navigator.storage.persisted()))
      await navigator.storage.persist();
  } catch {
    // not offered by this browser
  }
}

// ---------------------------------------------------------------------------------------------------
// Service worker (offline shell + Background Sync)

let registration: Promise<SyncRegistration | null> = Promise.resolve(null);
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  registration = navigator.serviceWorker
    .register(SW_URL, { scope: SW_SCOPE })
    .then((reg: SyncRegistration) => {
      syncSupported = Boolean(reg.sync);
      return reg;
    })
    .catch(() => null);
}

async function registerSync() {
  try {
    const reg = await registration;
    await reg?.sync?.register(SYNC_TAG);
  } catch {
    // no Background Sync here: the page's own retries (online event, timer, next visit) do the work
  }
}

if ('BroadcastChannel' in window) new BroadcastChannel(OUTBOX_CHANNEL).onmessage = () => scheduleRefresh();

// ---------------------------------------------------------------------------------------------------
// Tracking-code lookup

const lookupInput = h('input', {
  id: 'bt-lookup-code',
  type: 'text',
  class: 'bt-input bt-code-input',
  autocapitalize: 'characters',
  autocomplete: 'off',
  spellcheck: 'false',
  maxlength: 20,
});
const lookupResult = h('div', { class: 'bt-lookup-result', 'aria-live': 'polite' });
const lookupForm = h(
  'form',
  { class: 'bt-row', novalidate: true },
  h('label', { for: 'bt-lookup-code', class: 'bt-visually-hidden' }, S.lookupLabel),
  lookupInput,
  h('button', { type: 'submit', class: 'bt-btn' }, S.lookupButton),
);
lookup.append(h('h2', { id: 'bt-lookup-h' }, S.lookupHeading), lookupForm, lookupResult);

async function runLookup(code: string) {
  lookupResult.replaceChildren(h('p', {}, '…'));
  const res = await lookupReceipt(code);
  lookupResult.replaceChildren(
    res.ok
      ? h(
          'div',
          { class: 'bt-card' },
          receiptBlock({ ...res.receipt, duplicate: false }, null),
          h('p', { class: 'bt-hint' }, S.receivedAt(formatDateTime(res.receipt.receivedAt))),
        )
      : h('p', { class: 'bt-field-error', role: 'alert' }, res.message),
  );
}
lookupForm.addEventListener('submit', (e) => {
  e.preventDefault();
  void runLookup(lookupInput.value);
});

// ---------------------------------------------------------------------------------------------------
// Start

/** Brings the status behind recent tracking codes up to date (responders on scene, …). */
async function refreshReceipts() {
  if (!navigator.onLine) return;
  const open = new Set<string>(OPEN_STATUSES);
  const recent = reports
    .filter((r) => r.state === 'sent' && r.receipt && open.has(r.receipt.status))
    .filter((r) => Date.now() - (r.sentAt ?? 0) < 14 * 24 * 3600_000)
    .slice(0, 5);
  for (const r of recent) {
    if (!r.receipt) continue;
    const res = await lookupReceipt(r.receipt.trackingCode);
    if (res.ok) await queue.update({ ...r, receipt: { ...res.receipt, duplicate: r.receipt.duplicate } });
  }
}

syncInputsFromDraft();
renderForm();
void (async () => {
  await refreshList();
  if (hasUnsent(reports)) void askPersistentStorage();
  await flushNow({ force: true });
  void refreshReceipts();
})();
const code = new URLSearchParams(location.search).get('ma');
if (code) {
  lookupInput.value = code;
  void runLookup(code);
}
