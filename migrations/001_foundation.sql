-- Foundation: directory (administrative units, committee units, people), accounts, sessions, audit.

-- Đơn vị hành chính: tỉnh, huyện (đến 30/6/2025), xã/phường/thị trấn — each row valid over a date range.
CREATE TABLE admin_units (
  id text PRIMARY KEY,                        -- stable code, e.g. 'LC', 'LC-TD', 'LC-X-BINHLU'
  name text NOT NULL,                         -- 'Tam Đường', 'Bình Lư'
  level text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  kind text NOT NULL,                         -- tỉnh | huyện | thành phố | xã | phường | thị trấn
  parent_id text REFERENCES admin_units(id),
  valid_from date NOT NULL,
  valid_to date,                              -- last day valid; NULL = still valid
  lat double precision,
  lon double precision,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX admin_units_parent ON admin_units(parent_id);

-- Sắp xếp đơn vị hành chính: an old unit's area passed to a new unit on a date.
CREATE TABLE admin_unit_successions (
  old_id text NOT NULL REFERENCES admin_units(id),
  new_id text NOT NULL REFERENCES admin_units(id),
  effective_date date NOT NULL,
  is_primary boolean NOT NULL DEFAULT true,   -- where an old unit split, the part its records roll up to
  note text,
  PRIMARY KEY (old_id, new_id)
);

-- Every unit, old or current, with the current unit its records roll up to (follows primary successions).
CREATE VIEW admin_unit_rollup AS
WITH RECURSIVE chain(id, cur, depth) AS (
  SELECT id, id, 0 FROM admin_units
  UNION ALL
  SELECT c.id, s.new_id, c.depth + 1
  FROM chain c JOIN admin_unit_successions s ON s.old_id = c.cur AND s.is_primary
  WHERE c.depth < 10
)
SELECT DISTINCT ON (id) id, cur AS current_id FROM chain ORDER BY id, depth DESC;

-- Đơn vị của Ban ATGT: Ban ATGT tỉnh, cơ quan thành viên, phòng, Ban ATGT xã.
CREATE TABLE org_units (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,                  -- 'CA', 'SXD', 'BATGT-X-BINHLU'
  name text NOT NULL,                         -- 'Công an tỉnh'
  short_name text,                            -- 'CA tỉnh'
  kind text NOT NULL CHECK (kind IN ('committee', 'office', 'agency', 'division', 'commune_committee', 'locality')),
  parent_id integer REFERENCES org_units(id),
  admin_unit_id text REFERENCES admin_units(id),  -- for commune committees and localities
  is_member boolean NOT NULL DEFAULT false,   -- thành viên Ban ATGT tỉnh
  valid_from date NOT NULL DEFAULT DATE '2000-01-01',
  valid_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX org_units_parent ON org_units(parent_id);

-- Tên gọi khác: viết tắt, tên cũ (Sở GTVT → Sở Xây dựng), tên do văn phòng ánh xạ khi nhập.
CREATE TABLE org_unit_aliases (
  id serial PRIMARY KEY,
  org_unit_id integer NOT NULL REFERENCES org_units(id) ON DELETE CASCADE,
  alias text NOT NULL,
  normalized text NOT NULL,                   -- lower case, no diacritics, single spaces
  kind text NOT NULL CHECK (kind IN ('abbreviation', 'former_name', 'alias')),
  valid_to date,                              -- for a former name: last day it was the official name
  UNIQUE (normalized, org_unit_id)
);
CREATE INDEX org_unit_aliases_normalized ON org_unit_aliases(normalized);

CREATE TABLE people (
  id serial PRIMARY KEY,
  full_name text NOT NULL,
  position text,                              -- chức vụ
  org_unit_id integer REFERENCES org_units(id),
  phone text,
  email text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX people_org_unit ON people(org_unit_id);

CREATE TABLE users (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'office', 'agency', 'commune', 'leader')),
  display_name text NOT NULL,
  person_id integer REFERENCES people(id),
  org_unit_id integer REFERENCES org_units(id),      -- agency officer: its agency
  admin_unit_id text REFERENCES admin_units(id),     -- commune officer: its commune
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'agency' OR org_unit_id IS NOT NULL),
  CHECK (role <> 'commune' OR admin_unit_id IS NOT NULL)
);

CREATE TABLE sessions (
  id text PRIMARY KEY,                        -- sha256 of the cookie token; the token itself is never stored
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Nhật ký thay đổi: every write, who, when, what changed.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer REFERENCES users(id) ON DELETE SET NULL,
  username text,
  action text NOT NULL,                       -- create | update | delete | login | login_failed | lock | logout …
  entity text NOT NULL,                       -- 'org_unit', 'user', …
  entity_id text,
  before jsonb,
  after jsonb,
  ip text
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_at ON audit_log(at DESC);

-- Tuyến đường: quốc lộ, đường tỉnh, with km markers and coordinates (linear referencing).
CREATE TABLE roads (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,                  -- 'QL4D', 'ĐT128'
  name text NOT NULL,                         -- 'Quốc lộ 4D'
  kind text NOT NULL CHECK (kind IN ('national', 'provincial', 'urban', 'commune')),
  length_km double precision NOT NULL,
  -- [{ "km": 0, "lat": 22.4, "lon": 103.4 }, …] in increasing km
  markers jsonb NOT NULL DEFAULT '[]'
);

-- Vụ TNGT (minimal core; the crashes capability extends it).
CREATE TABLE crashes (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  admin_unit_id text NOT NULL REFERENCES admin_units(id),  -- the commune valid on the crash date
  road_id integer REFERENCES roads(id),
  km_m integer,                               -- km marker in metres: Km 12+300 = 12300
  lat double precision,
  lon double precision,
  mode text NOT NULL DEFAULT 'road' CHECK (mode IN ('road', 'rail', 'waterway')),
  deaths integer NOT NULL DEFAULT 0 CHECK (deaths >= 0),
  injured integer NOT NULL DEFAULT 0 CHECK (injured >= 0),
  cause text,                                 -- code of the main cause (violation type)
  vehicles text[] NOT NULL DEFAULT '{}',      -- vehicle type codes
  alcohol boolean NOT NULL DEFAULT false,
  severity text,                              -- class code per the rule in force on the date
  source text NOT NULL DEFAULT 'police',
  verified boolean NOT NULL DEFAULT true,
  description text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by integer REFERENCES users(id)
);
CREATE INDEX crashes_occurred ON crashes(occurred_at);
CREATE INDEX crashes_admin_unit ON crashes(admin_unit_id, occurred_at);

CREATE TABLE app_meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);

-- An org unit and all units under it (agency → its divisions).
CREATE FUNCTION org_unit_subtree(root integer) RETURNS TABLE (id integer) LANGUAGE sql STABLE AS $fn$
  WITH RECURSIVE t(id) AS (
    SELECT root
    UNION
    SELECT o.id FROM org_units o JOIN t ON o.parent_id = t.id
  )
  SELECT id FROM t
$fn$;
