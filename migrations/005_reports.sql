-- Reporting regime (chế độ báo cáo): forms as data, schedules assigned to units, submissions, review reports.

-- Biểu mẫu báo cáo: the current definition; every version is kept so old submissions keep their form.
CREATE TABLE report_forms (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  description text,
  version integer NOT NULL DEFAULT 1,
  definition jsonb NOT NULL,                  -- indicators, sections, tables, rules (src/domain/reports/forms.ts)
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE report_form_versions (
  form_id integer NOT NULL REFERENCES report_forms(id) ON DELETE CASCADE,
  version integer NOT NULL,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by integer REFERENCES users(id) ON DELETE SET NULL,
  PRIMARY KEY (form_id, version)
);

-- Lịch báo cáo: periodic (monthly … yearly, on the regime's cut-off day) or ad hoc (đột xuất) with a deadline.
CREATE TABLE report_schedules (
  id serial PRIMARY KEY,
  form_id integer NOT NULL REFERENCES report_forms(id),
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('periodic', 'adhoc')),
  frequency text CHECK (frequency IN ('month', 'quarter', 'half', 'nine_months', 'year')),
  year integer NOT NULL,
  cutoff_day integer NOT NULL DEFAULT 14 CHECK (cutoff_day BETWEEN 1 AND 28),
  due_offset_days integer NOT NULL DEFAULT 0 CHECK (due_offset_days BETWEEN 0 AND 60),
  period_from date,
  period_to date,
  due_on date,
  active boolean NOT NULL DEFAULT true,
  created_by integer REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'periodic' OR frequency IS NOT NULL),
  CHECK (kind <> 'adhoc' OR (period_from IS NOT NULL AND period_to IS NOT NULL AND due_on IS NOT NULL AND period_from <= period_to))
);
CREATE INDEX report_schedules_year ON report_schedules(year);

-- Đơn vị phải báo cáo theo lịch.
CREATE TABLE report_schedule_units (
  schedule_id integer NOT NULL REFERENCES report_schedules(id) ON DELETE CASCADE,
  org_unit_id integer NOT NULL REFERENCES org_units(id),
  PRIMARY KEY (schedule_id, org_unit_id)
);
CREATE INDEX report_schedule_units_unit ON report_schedule_units(org_unit_id);

-- Báo cáo của một đơn vị cho một kỳ.
CREATE TABLE report_submissions (
  id serial PRIMARY KEY,
  schedule_id integer NOT NULL REFERENCES report_schedules(id) ON DELETE CASCADE,
  period_key text NOT NULL,                   -- '2026-Q1', '2026-M03', 'ADHOC' (src/domain/reports/schedule.ts)
  org_unit_id integer NOT NULL REFERENCES org_units(id),
  form_version integer NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
  values jsonb NOT NULL DEFAULT '{"indicators": {}, "sections": {}, "tables": {}}',
  first_submitted_at timestamptz,             -- timeliness is judged on this (a returned report keeps it)
  submitted_at timestamptz,
  decided_at timestamptz,
  comment text,                               -- the office's last comment (return / reopen)
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer REFERENCES users(id) ON DELETE SET NULL,
  UNIQUE (schedule_id, period_key, org_unit_id)
);
CREATE INDEX report_submissions_unit ON report_submissions(org_unit_id);

-- Lịch sử: lưu nháp, gửi, trả lại, duyệt, mở lại.
CREATE TABLE report_submission_events (
  id bigserial PRIMARY KEY,
  submission_id integer NOT NULL REFERENCES report_submissions(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  action text NOT NULL CHECK (action IN ('save', 'submit', 'return', 'accept', 'reopen')),
  user_id integer REFERENCES users(id) ON DELETE SET NULL,
  comment text
);
CREATE INDEX report_submission_events_submission ON report_submission_events(submission_id, at);

-- Báo cáo sơ kết / tổng kết: generated from the data, edited by the office, then issued.
CREATE TABLE review_reports (
  id serial PRIMARY KEY,
  schedule_id integer REFERENCES report_schedules(id) ON DELETE SET NULL,
  period_key text NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  content jsonb NOT NULL,                     -- src/domain/reports/review-document.ts
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
  number text NOT NULL,
  issued_on date,
  created_by integer REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
