-- Chia sẻ dữ liệu với cơ quan khác (Công an, Sở Xây dựng, Sở Y tế, Tài chính, bảo hiểm…): API clients with
-- a hashed bearer token and scopes, an audit row for every call, and change tracking of the shared
-- datasets (crashes, black spots, violations) for an incremental feed.

-- Ứng dụng đối tác: one row per partner system. Only the SHA-256 of the token is stored.
CREATE TABLE api_clients (
  id serial PRIMARY KEY,
  name text NOT NULL,
  partner_org_unit_id integer REFERENCES org_units(id),   -- the partner agency, when it is in the directory
  contact text,                                           -- who runs the partner system (name, phone, e-mail)
  scopes text[] NOT NULL DEFAULT '{}',                    -- 'crashes:read', 'black_spots:read', 'violations:read', 'crashes:write'
  rate_per_minute integer NOT NULL DEFAULT 60 CHECK (rate_per_minute BETWEEN 1 AND 100000),
  token_hash text NOT NULL UNIQUE,                        -- sha256 (hex) of the bearer token
  token_prefix text NOT NULL,                             -- its first characters, to recognise it
  created_by integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  rotated_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);

-- Nhật ký gọi API: every call of a known client, refused ones included.
CREATE TABLE api_client_calls (
  id bigserial PRIMARY KEY,
  client_id integer NOT NULL REFERENCES api_clients(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  method text NOT NULL,
  path text NOT NULL,
  query text,
  status integer NOT NULL,
  rows_returned integer,
  duration_ms integer NOT NULL,
  ip text
);
CREATE INDEX api_client_calls_client ON api_client_calls(client_id, at DESC, id DESC);

-- Change tracking: one sequence orders every change of a shared dataset. A writer takes a transaction-level
-- advisory lock before it draws a number, so numbers become visible in the order they were drawn: a reader
-- that has seen number n can never later find a smaller one committed (no change is skipped by a feed).
CREATE SEQUENCE share_change_seq;

CREATE FUNCTION share_next_seq() RETURNS bigint LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_advisory_xact_lock(4242011);
  RETURN nextval('share_change_seq');
END
$fn$;

CREATE FUNCTION share_change_stamp() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.change_seq := share_next_seq();
  RETURN NEW;
END
$fn$;

-- Xóa: what a feed reports as op 'delete'.
CREATE TABLE share_deletions (
  dataset text NOT NULL CHECK (dataset IN ('crashes', 'black_spots', 'violations')),
  id bigint NOT NULL,
  seq bigint NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (dataset, seq)
);

CREATE FUNCTION share_deletion_record() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO share_deletions (dataset, id, seq) VALUES (TG_ARGV[0], OLD.id, share_next_seq());
  RETURN NULL;
END
$fn$;

-- The rows already there get a number now (a volatile default fills every row without firing triggers).
ALTER TABLE crashes ADD COLUMN change_seq bigint NOT NULL DEFAULT nextval('share_change_seq');
ALTER TABLE black_spots ADD COLUMN change_seq bigint NOT NULL DEFAULT nextval('share_change_seq');
ALTER TABLE violations ADD COLUMN change_seq bigint NOT NULL DEFAULT nextval('share_change_seq');
CREATE INDEX crashes_change_seq ON crashes(change_seq);
CREATE INDEX black_spots_change_seq ON black_spots(change_seq);
CREATE INDEX violations_change_seq ON violations(change_seq);

CREATE TRIGGER crashes_share_stamp BEFORE INSERT OR UPDATE ON crashes
  FOR EACH ROW EXECUTE FUNCTION share_change_stamp();
CREATE TRIGGER black_spots_share_stamp BEFORE INSERT OR UPDATE ON black_spots
  FOR EACH ROW EXECUTE FUNCTION share_change_stamp();
CREATE TRIGGER violations_share_stamp BEFORE INSERT OR UPDATE ON violations
  FOR EACH ROW EXECUTE FUNCTION share_change_stamp();

CREATE TRIGGER crashes_share_delete AFTER DELETE ON crashes
  FOR EACH ROW EXECUTE FUNCTION share_deletion_record('crashes');
CREATE TRIGGER black_spots_share_delete AFTER DELETE ON black_spots
  FOR EACH ROW EXECUTE FUNCTION share_deletion_record('black_spots');
CREATE TRIGGER violations_share_delete AFTER DELETE ON violations
  FOR EACH ROW EXECUTE FUNCTION share_deletion_record('violations');
