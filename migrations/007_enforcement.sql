-- Enforcement (xử lý vi phạm): violations from patrols and cameras, patrol campaigns, notices to units.
-- The catalogue of violation types is dated data in src/domain/enforcement/catalogue.ts.

-- Đợt cao điểm: a patrol campaign with its focus and forces.
CREATE TABLE patrol_campaigns (
  id serial PRIMARY KEY,
  name text NOT NULL,
  from_date date NOT NULL,
  to_date date NOT NULL,
  focus text[] NOT NULL DEFAULT '{}',          -- violation codes
  forces text,                                 -- lực lượng tham gia
  lead_org_unit_id integer REFERENCES org_units(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (to_date >= from_date)
);

CREATE TABLE violations (
  id bigserial PRIMARY KEY,
  source text NOT NULL CHECK (source IN ('patrol', 'camera')),
  camera_id text,
  camera_event_id text,                        -- the camera's own id: a replayed event is stored once
  type_code text NOT NULL,
  rule_set text NOT NULL,                      -- the catalogue in force on the day (ND100-2019, ND168-2024)
  occurred_at timestamptz NOT NULL,
  place text,
  lat double precision,
  lon double precision,
  plate text,                                  -- matching key: 29A12345
  plate_display text,                          -- as printed: 29A-123.45
  vehicle_type text,
  speed_kmh integer,
  speed_limit_kmh integer,
  person_name text,                            -- personal data: shown only to roles that need it
  person_id_number text,
  person_org_unit_id integer REFERENCES org_units(id),   -- workplace (cơ quan, đơn vị công tác)
  person_school text,
  person_admin_unit_id text REFERENCES admin_units(id),  -- commune of residence
  fine_min bigint,
  fine_max bigint,
  fine_vnd bigint,                             -- decided fine
  points integer,                              -- licence points deducted
  status text NOT NULL DEFAULT 'recorded'
    CHECK (status IN ('recorded', 'notice_issued', 'paid', 'unpaid', 'forwarded', 'cancelled')),
  evidence jsonb NOT NULL DEFAULT '[]',        -- [{ "sha256": …, "url": …, "mediaType": … }]
  campaign_id integer REFERENCES patrol_campaigns(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX violations_camera_event ON violations(camera_id, camera_event_id) WHERE camera_event_id IS NOT NULL;
CREATE INDEX violations_plate ON violations(plate, occurred_at DESC);
CREATE INDEX violations_occurred ON violations(occurred_at);
CREATE INDEX violations_person_unit ON violations(person_org_unit_id, occurred_at) WHERE person_org_unit_id IS NOT NULL;
