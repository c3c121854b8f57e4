-- Enforcement, continued: daily tallies of patrol campaigns recorded by hand, the commune where a patrol
-- violation happened, and the registered owner (chủ phương tiện) the police look up for a notice (phạt nguội).

ALTER TABLE violations
  ADD COLUMN owner_name text,                  -- personal data: the police only
  ADD COLUMN owner_address text,
  ADD COLUMN admin_unit_id text REFERENCES admin_units(id),   -- commune where it happened (valid on the day)
  ADD COLUMN recorded_by integer REFERENCES users(id),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX violations_campaign ON violations(campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX violations_type_occurred ON violations(type_code, occurred_at);

ALTER TABLE patrol_campaigns
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Kết quả từng ngày của đợt cao điểm, nhập tay: one row per campaign, day and violation type.
CREATE TABLE patrol_campaign_tallies (
  campaign_id integer NOT NULL REFERENCES patrol_campaigns(id) ON DELETE CASCADE,
  day date NOT NULL,
  type_code text NOT NULL,
  count integer NOT NULL CHECK (count >= 0),
  fines_vnd bigint NOT NULL DEFAULT 0 CHECK (fines_vnd >= 0),   -- tiền phạt đã thu
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, day, type_code)
);
