-- Điểm đen, điểm tiềm ẩn TNGT và các nguy cơ khác: detected from crash history or entered by hand,
-- followed from candidate to evaluated.

CREATE TABLE black_spots (
  id serial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('black_spot', 'potential', 'hazard')),
  hazard_type text CHECK (hazard_type IN ('potential_location', 'illegal_crossing', 'landslide', 'other')),
  source text NOT NULL CHECK (source IN ('linear', 'spatial', 'manual')),
  status text NOT NULL DEFAULT 'candidate' CHECK (status IN
    ('candidate', 'confirmed', 'dismissed', 'surveyed', 'remedy_planned', 'remedied', 'evaluated')),
  name text NOT NULL,
  road_id integer REFERENCES roads(id),
  from_m integer,
  to_m integer,
  lat double precision,
  lon double precision,
  admin_unit_id text REFERENCES admin_units(id),
  criteria_id text,
  rule text,
  window_from date,
  window_to date,
  crashes integer NOT NULL DEFAULT 0,
  fatal_crashes integer NOT NULL DEFAULT 0,
  deaths integer NOT NULL DEFAULT 0,
  injured integer NOT NULL DEFAULT 0,
  dismiss_reason text,
  survey_on date,
  survey_findings text,
  remedy_measures text,
  remedy_cost_vnd bigint,
  remedy_lead_unit_id integer REFERENCES org_units(id),
  remedy_due date,
  remedy_task_id integer REFERENCES plan_tasks(id) ON DELETE SET NULL,
  remedied_on date,
  evaluation jsonb,
  created_by integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX black_spots_status ON black_spots(status);
CREATE INDEX black_spots_road ON black_spots(road_id, from_m);

CREATE TABLE black_spot_crashes (
  spot_id integer NOT NULL REFERENCES black_spots(id) ON DELETE CASCADE,
  crash_id bigint NOT NULL REFERENCES crashes(id) ON DELETE CASCADE,
  PRIMARY KEY (spot_id, crash_id)
);

CREATE TABLE black_spot_photos (
  id serial PRIMARY KEY,
  spot_id integer NOT NULL REFERENCES black_spots(id) ON DELETE CASCADE,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL,
  content bytea NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX black_spot_photos_spot ON black_spot_photos(spot_id);

-- Map data for a visible area: crashes by latitude band, then longitude, within a period.
CREATE INDEX crashes_located ON crashes(lat, lon) WHERE lat IS NOT NULL AND merged_into IS NULL;
