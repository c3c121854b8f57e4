-- Cơ sở dữ liệu TNGT: the full crash record (MMUCC / CADaS core, Vietnamese practice), persons,
-- duplicates merged, health records linked, and an exact daily roll-up kept by a trigger.

ALTER TABLE crashes
  ADD COLUMN road_name text,                           -- route as written when not in the roads list
  ADD COLUMN place text,                               -- thôn, bản, address
  ADD COLUMN area text CHECK (area IN ('urban', 'rural')),
  ADD COLUMN weather text,                             -- clear | rain | fog | storm
  ADD COLUMN light text,                               -- day | dawn_dusk | dark_lit | dark_unlit
  ADD COLUMN surface text,                             -- dry | wet | muddy | damaged
  ADD COLUMN collision_type text,                      -- head_on | rear_end | side | single_vehicle | pedestrian | rollover | other
  ADD COLUMN causes text[] NOT NULL DEFAULT '{}',      -- every cause found (cause = the main one)
  ADD COLUMN commercial boolean NOT NULL DEFAULT false,  -- xe kinh doanh vận tải involved
  ADD COLUMN students integer NOT NULL DEFAULT 0 CHECK (students >= 0),  -- students among the victims
  ADD COLUMN severity_rule text,                       -- id of the dated rule that classed it
  ADD COLUMN merged_into bigint REFERENCES crashes(id),  -- a duplicate merged into another record
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Người liên quan: role, age, sex, injury, test results.
CREATE TABLE crash_persons (
  id bigserial PRIMARY KEY,
  crash_id bigint NOT NULL REFERENCES crashes(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('driver', 'passenger', 'pedestrian', 'other')),
  age integer CHECK (age BETWEEN 0 AND 120),
  sex text CHECK (sex IN ('male', 'female')),
  injury text NOT NULL CHECK (injury IN ('died_at_scene', 'died_later', 'serious', 'minor', 'none')),
  died_on date,
  student boolean NOT NULL DEFAULT false,
  vehicle text,                                        -- the vehicle type this person was in/on
  alcohol text NOT NULL DEFAULT 'not_tested' CHECK (alcohol IN ('positive', 'negative', 'not_tested')),
  drugs text NOT NULL DEFAULT 'not_tested' CHECK (drugs IN ('positive', 'negative', 'not_tested'))
);
CREATE INDEX crash_persons_crash ON crash_persons(crash_id);

-- Hồ sơ y tế: injury records from hospitals, linked to crashes by probabilistic matching.
CREATE TABLE health_records (
  id bigserial PRIMARY KEY,
  facility text NOT NULL,                              -- cơ sở y tế
  record_no text NOT NULL,                             -- số hồ sơ
  admitted_at timestamptz NOT NULL,
  admin_unit_id text REFERENCES admin_units(id),       -- where the injury happened, if known
  age integer CHECK (age BETWEEN 0 AND 120),
  sex text CHECK (sex IN ('male', 'female')),
  vehicle text,
  outcome text NOT NULL CHECK (outcome IN ('died', 'serious', 'minor', 'discharged')),
  crash_id bigint REFERENCES crashes(id) ON DELETE SET NULL,
  link_weight double precision,
  link_status text CHECK (link_status IN ('link', 'possible')),
  imported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (facility, record_no)
);
CREATE INDEX health_records_admitted ON health_records(admitted_at);

-- Số liệu theo ngày: the three criteria per local day (UTC+7), unit of the crash date, verification and
-- mode. Kept exact by the trigger below on every insert, edit, merge and delete.
CREATE TABLE crash_daily (
  day date NOT NULL,
  admin_unit_id text NOT NULL,
  verified boolean NOT NULL,
  mode text NOT NULL,
  crashes integer NOT NULL,
  deaths integer NOT NULL,
  injured integer NOT NULL,
  PRIMARY KEY (day, admin_unit_id, verified, mode)
);

-- The same by month (first day of the month): a year is 12 rows per unit instead of 365.
CREATE TABLE crash_monthly (
  month date NOT NULL,
  admin_unit_id text NOT NULL,
  verified boolean NOT NULL,
  mode text NOT NULL,
  crashes integer NOT NULL,
  deaths integer NOT NULL,
  injured integer NOT NULL,
  PRIMARY KEY (month, admin_unit_id, verified, mode)
);

CREATE FUNCTION crash_daily_apply(c crashes, sign integer) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  local_day date := ((c.occurred_at AT TIME ZONE 'UTC') + interval '7 hours')::date;
BEGIN
  IF c.merged_into IS NOT NULL THEN
    RETURN;
  END IF;
  INSERT INTO crash_daily AS d (day, admin_unit_id, verified, mode, crashes, deaths, injured)
  VALUES (local_day, c.admin_unit_id, c.verified, c.mode, sign, sign * c.deaths, sign * c.injured)
  ON CONFLICT (day, admin_unit_id, verified, mode) DO UPDATE
    SET crashes = d.crashes + EXCLUDED.crashes, deaths = d.deaths + EXCLUDED.deaths,
        injured = d.injured + EXCLUDED.injured;
  INSERT INTO crash_monthly AS m (month, admin_unit_id, verified, mode, crashes, deaths, injured)
  VALUES (date_trunc('month', local_day)::date, c.admin_unit_id, c.verified, c.mode, sign, sign * c.deaths, sign * c.injured)
  ON CONFLICT (month, admin_unit_id, verified, mode) DO UPDATE
    SET crashes = m.crashes + EXCLUDED.crashes, deaths = m.deaths + EXCLUDED.deaths,
        injured = m.injured + EXCLUDED.injured;
END
$fn$;

CREATE FUNCTION crash_daily_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM crash_daily_apply(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM crash_daily_apply(NEW, 1);
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER crashes_daily AFTER INSERT OR UPDATE OR DELETE ON crashes
  FOR EACH ROW EXECUTE FUNCTION crash_daily_trigger();

-- The crashes already there.
INSERT INTO crash_daily (day, admin_unit_id, verified, mode, crashes, deaths, injured)
SELECT ((occurred_at AT TIME ZONE 'UTC') + interval '7 hours')::date, admin_unit_id, verified, mode,
       count(*), sum(deaths), sum(injured)
  FROM crashes WHERE merged_into IS NULL
 GROUP BY 1, 2, 3, 4;

INSERT INTO crash_monthly (month, admin_unit_id, verified, mode, crashes, deaths, injured)
SELECT date_trunc('month', day)::date, admin_unit_id, verified, mode, sum(crashes), sum(deaths), sum(injured)
  FROM crash_daily GROUP BY 1, 2, 3, 4;

CREATE INDEX crashes_merged ON crashes(merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX crashes_road ON crashes(road_id, occurred_at);
