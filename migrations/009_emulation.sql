-- Emulation campaigns (phong trào thi đua): criteria, participants, self-assessment, review, awards.
-- The criteria tree and award levels are data of the campaign (src/domain/emulation/criteria.ts).

CREATE TABLE emulation_campaigns (
  id serial PRIMARY KEY,
  name text NOT NULL,                          -- 'Phong trào thi đua "Bảo đảm trật tự ATGT năm 2026"'
  document_number text,                        -- kế hoạch phát động: '27/QĐ-BATGT'
  issuing_body text NOT NULL,                  -- 'Ban An toàn giao thông tỉnh Lai Châu'
  area_admin_unit_id text NOT NULL REFERENCES admin_units(id),  -- địa bàn of the campaign
  from_date date NOT NULL,
  to_date date NOT NULL,
  self_assessment_due date,                    -- hạn tự chấm điểm
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'self_assessment', 'review', 'closed')),
  criteria jsonb NOT NULL,                     -- CriterionGroup[]
  award_levels jsonb NOT NULL,                 -- AwardLevel[]
  computed_at timestamptz,                     -- last time the data criteria were computed for all units
  created_by integer REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_date <= to_date)
);

-- Đơn vị tham gia and the state of its assessment.
CREATE TABLE emulation_participants (
  campaign_id integer NOT NULL REFERENCES emulation_campaigns(id) ON DELETE CASCADE,
  org_unit_id integer NOT NULL REFERENCES org_units(id),
  status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'draft', 'submitted', 'reviewed')),
  comment text,                                -- the unit's summary of its achievements
  return_comment text,                         -- the office's reason when it returned the assessment
  submitted_at timestamptz,
  reviewed_at timestamptz,
  reviewed_by integer REFERENCES users(id) ON DELETE SET NULL,
  computed_at timestamptz,
  PRIMARY KEY (campaign_id, org_unit_id)
);
CREATE INDEX emulation_participants_unit ON emulation_participants(org_unit_id);

-- Points of one leaf for one unit: computed from the records, given by the unit, reviewed by the office.
CREATE TABLE emulation_scores (
  campaign_id integer NOT NULL,
  org_unit_id integer NOT NULL,
  criterion_code text NOT NULL,
  computed_value double precision,
  computed_points numeric,
  computed_explanation text,
  self_points numeric,
  self_comment text,
  review_points numeric,
  review_comment text,
  reviewed_by integer REFERENCES users(id) ON DELETE SET NULL,
  reviewed_at timestamptz,
  PRIMARY KEY (campaign_id, org_unit_id, criterion_code),
  FOREIGN KEY (campaign_id, org_unit_id) REFERENCES emulation_participants(campaign_id, org_unit_id) ON DELETE CASCADE
);

-- Tệp minh chứng of a manual leaf.
CREATE TABLE emulation_evidence (
  id serial PRIMARY KEY,
  campaign_id integer NOT NULL,
  org_unit_id integer NOT NULL,
  criterion_code text NOT NULL,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by integer REFERENCES users(id) ON DELETE SET NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (campaign_id, org_unit_id) REFERENCES emulation_participants(campaign_id, org_unit_id) ON DELETE CASCADE
);
CREATE INDEX emulation_evidence_unit ON emulation_evidence(campaign_id, org_unit_id);

-- Đề nghị khen thưởng: one level per unit.
CREATE TABLE emulation_awards (
  campaign_id integer NOT NULL,
  org_unit_id integer NOT NULL,
  level_code text NOT NULL,
  achievement text,                            -- thành tích
  proposed_by integer REFERENCES users(id) ON DELETE SET NULL,
  proposed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, org_unit_id),
  FOREIGN KEY (campaign_id, org_unit_id) REFERENCES emulation_participants(campaign_id, org_unit_id) ON DELETE CASCADE
);
