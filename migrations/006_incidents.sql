-- Crash quick-report and response (báo tin TNGT, ứng cứu trong 30 phút): citizens' reports, the incidents
-- they are grouped into, the registry of facilities help comes from, assignments and the status timeline.

-- Cơ sở ứng cứu: health stations, hospitals, 115, traffic police, commune police, rescue.
CREATE TABLE response_facilities (
  id serial PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('emergency_115', 'hospital', 'health_station', 'traffic_police', 'police_post', 'rescue')),
  admin_unit_id text REFERENCES admin_units(id),
  org_unit_id integer REFERENCES org_units(id),   -- the agency that runs it (its staff may dispatch)
  lat double precision NOT NULL,
  lon double precision NOT NULL,
  phone text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Sự cố: one event on the road, whatever the number of people who reported it.
CREATE TABLE incidents (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,                       -- 'SC-2026-00042'
  status text NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'dispatched', 'on_scene', 'transported', 'closed', 'dismissed')),
  first_reported_at timestamptz NOT NULL,          -- the clock of the 30 minutes starts here
  occurred_at timestamptz NOT NULL,
  lat double precision,
  lon double precision,
  accuracy_m double precision,
  place_text text,
  admin_unit_id text REFERENCES admin_units(id),   -- the commune the point falls in (nearest centre)
  victims integer NOT NULL DEFAULT 0,              -- the largest count any report gave
  trapped integer NOT NULL DEFAULT 0,
  dispatched_at timestamptz,
  on_scene_at timestamptz,
  transported_at timestamptz,
  closed_at timestamptz,
  crash_id bigint REFERENCES crashes(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Open incidents near a new report (grouping reports of one event); the board's open list.
CREATE INDEX incidents_open_place ON incidents(lat, occurred_at) WHERE status IN ('received', 'dispatched', 'on_scene', 'transported');
CREATE INDEX incidents_open ON incidents(first_reported_at) WHERE status IN ('received', 'dispatched', 'on_scene', 'transported');
CREATE INDEX incidents_reported ON incidents(first_reported_at);

-- Tin báo: what one phone sent; exactly once per client id.
CREATE TABLE incident_reports (
  id serial PRIMARY KEY,
  client_id uuid NOT NULL UNIQUE,
  tracking_code text NOT NULL UNIQUE,
  incident_id integer NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  received_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL,                 -- when the phone saved it (may be long before sending)
  occurred_at timestamptz NOT NULL,
  lat double precision,
  lon double precision,
  accuracy_m double precision,
  location_source text CHECK (location_source IN ('gps', 'map')),
  place_text text,
  victims integer NOT NULL,
  trapped integer NOT NULL,
  vehicles text[] NOT NULL DEFAULT '{}',
  phone text,                                      -- only with consent
  description text,
  source_ip text
);
CREATE INDEX incident_reports_incident ON incident_reports(incident_id);

CREATE TABLE incident_photos (
  id serial PRIMARY KEY,
  report_id integer NOT NULL REFERENCES incident_reports(id) ON DELETE CASCADE,
  position integer NOT NULL,
  media_type text NOT NULL,                        -- always image/jpeg after re-encoding
  width integer NOT NULL,
  height integer NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,                            -- of the stored bytes
  exif_lat double precision,
  exif_lon double precision,
  content bytea NOT NULL,
  UNIQUE (report_id, position)
);

-- Điều động: which facility was sent.
CREATE TABLE incident_assignments (
  id serial PRIMARY KEY,
  incident_id integer NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  facility_id integer NOT NULL REFERENCES response_facilities(id),
  note text,
  distance_km double precision,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  assigned_by integer REFERENCES users(id) ON DELETE SET NULL,
  UNIQUE (incident_id, facility_id)
);

-- Diễn biến: every status an incident passed through, with who and when.
CREATE TABLE incident_events (
  id serial PRIMARY KEY,
  incident_id integer NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  status text NOT NULL,
  at timestamptz NOT NULL,
  user_id integer REFERENCES users(id) ON DELETE SET NULL,
  note text
);
CREATE INDEX incident_events_incident ON incident_events(incident_id, at);
