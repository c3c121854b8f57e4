-- Propaganda and education (tuyên truyền, phổ biến, giáo dục pháp luật về TTATGT): the sessions the units
-- hold, their photos, and the schools' three-party commitments (nhà trường – gia đình – học sinh).
-- Audience and channel codes are data in src/domain/propaganda/codes.ts.

-- Buổi, hoạt động tuyên truyền.
CREATE TABLE propaganda_sessions (
  id serial PRIMARY KEY,
  held_on date NOT NULL,
  org_unit_id integer NOT NULL REFERENCES org_units(id),     -- the unit that held it
  admin_unit_id text REFERENCES admin_units(id),             -- commune where it was held (valid on the day)
  place text NOT NULL,
  topic text NOT NULL,
  audiences text[] NOT NULL CHECK (cardinality(audiences) >= 1),
  channel text NOT NULL,
  participants integer NOT NULL CHECK (participants >= 0),
  materials text,                                            -- tài liệu, tờ rơi, pa-nô…
  materials_count integer CHECK (materials_count IS NULL OR materials_count >= 0),
  note text,
  created_by integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX propaganda_sessions_held ON propaganda_sessions(held_on);
CREATE INDEX propaganda_sessions_unit ON propaganda_sessions(org_unit_id, held_on);

CREATE TABLE propaganda_photos (
  id serial PRIMARY KEY,
  session_id integer NOT NULL REFERENCES propaganda_sessions(id) ON DELETE CASCADE,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX propaganda_photos_session ON propaganda_photos(session_id);

-- Cam kết ba bên về ATGT: one row per school and school year. The school is matched by its normalised
-- name (school_key: lower case, no diacritics, single spaces — "THPT Lai Châu" = "thpt  lai chau"), so the
-- same school cannot be recorded twice for a year under two spellings.
CREATE TABLE school_commitments (
  id serial PRIMARY KEY,
  org_unit_id integer NOT NULL REFERENCES org_units(id),     -- the unit recording it (Sở GD&ĐT, a commune)
  school text NOT NULL,
  school_key text NOT NULL,
  school_year text NOT NULL CHECK (school_year ~ '^\d{4}-\d{4}$'
    AND split_part(school_year, '-', 2)::int = split_part(school_year, '-', 1)::int + 1),
  students integer NOT NULL CHECK (students >= 0),
  signed integer NOT NULL CHECK (signed >= 0 AND signed <= students),
  signed_on date,
  note text,
  created_by integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_key, school_year)
);
CREATE INDEX school_commitments_year ON school_commitments(school_year);
