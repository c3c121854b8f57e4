-- Kế hoạch và phân công nhiệm vụ: plans, their tasks (the appendix), assignments to units,
-- dated occurrences, progress updates with files, directives/campaigns that activate
-- event-triggered tasks, and in-app notifications.

CREATE TABLE plans (
  id serial PRIMARY KEY,
  number text NOT NULL,                       -- số, ký hiệu: '68/KH-UBND'
  issued_on date NOT NULL,                    -- ngày ban hành
  issuing_body text NOT NULL,                 -- 'UBND tỉnh Lai Châu'
  issuing_unit_id integer REFERENCES org_units(id),
  owner_unit_id integer REFERENCES org_units(id),    -- the unit whose plan it is (cascade: a member's own plan)
  title text NOT NULL,                        -- trích yếu
  theme text,                                 -- chủ đề năm
  directives text[] NOT NULL DEFAULT '{}',    -- văn bản thực hiện: 'Chỉ thị 23-CT/TW' …
  goals text,                                 -- mục tiêu
  parent_id integer REFERENCES plans(id),     -- kế hoạch cấp trên
  ends_on date,                               -- last day of the plan's span (default: 31/12 of its year)
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'closed')),
  source_format text,                         -- 'tsv' | 'csv' | 'xlsx' | 'docx' | 'paste' | 'prose' | 'manual'
  created_by integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (number, issued_on)
);
CREATE INDEX plans_parent ON plans(parent_id);

-- Chỉ tiêu: e.g. deaths down 5–10 % against the previous year (reused by statistics and emulation).
CREATE TABLE plan_targets (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  indicator text NOT NULL CHECK (indicator IN ('crashes', 'deaths', 'injured', 'other')),
  direction text NOT NULL DEFAULT 'decrease' CHECK (direction IN ('decrease', 'increase')),
  min_percent numeric,                        -- 5 in "giảm 5–10 %"
  max_percent numeric,                        -- 10
  baseline text NOT NULL DEFAULT 'previous_year',
  description text NOT NULL
);
CREATE INDEX plan_targets_plan ON plan_targets(plan_id);

-- Nhiệm vụ: a section (I, II …) or a task (1, 3.1 …) of the appendix.
CREATE TABLE plan_tasks (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  parent_id integer REFERENCES plan_tasks(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('section', 'task')),
  number text NOT NULL,                       -- 'II', '3', '3.1'
  path text NOT NULL,                         -- 'II.3.1'
  position integer NOT NULL,                  -- order in the appendix
  title text NOT NULL,
  timeframe_text text NOT NULL DEFAULT '',    -- as written
  schedule jsonb,                             -- parseTimeframe() reading
  schedule_kind text NOT NULL DEFAULT 'unknown',
  needs_review boolean NOT NULL DEFAULT false,
  lead_text text NOT NULL DEFAULT '',
  coordinating_text text NOT NULL DEFAULT '',
  note text NOT NULL DEFAULT '',
  search_text text NOT NULL DEFAULT '',       -- normalized title + units, for search
  UNIQUE (plan_id, path)
);
CREATE INDEX plan_tasks_parent ON plan_tasks(parent_id);

-- Phân công: task × unit. Lead units (chủ trì) carry status and progress; coordinating units
-- (phối hợp) see the tasks they support.
CREATE TABLE task_assignments (
  id serial PRIMARY KEY,
  task_id integer NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
  org_unit_id integer NOT NULL REFERENCES org_units(id),
  role text NOT NULL CHECK (role IN ('lead', 'coordinating')),
  is_primary boolean NOT NULL DEFAULT false,  -- first of joint leads 'A/B'
  role_note text,                             -- '(tham mưu thành lập đoàn kiểm tra liên ngành)'
  status text NOT NULL DEFAULT 'not_started'
    CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  activated_on date,                          -- event-triggered: when a directive/campaign activated it
  completed_on date,
  next_due_on date,                           -- earliest open occurrence (kept by refresh_next_due), for fast lists
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (task_id, org_unit_id, role)
);
CREATE INDEX task_assignments_unit ON task_assignments(org_unit_id, next_due_on);
CREATE INDEX task_assignments_task ON task_assignments(task_id);

-- Chỉ đạo / đợt cao điểm: activates event-triggered tasks with its own deadline.
CREATE TABLE plan_triggers (
  id serial PRIMARY KEY,
  plan_id integer REFERENCES plans(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('directive', 'peak_campaign', 'ad_hoc')),
  reference text,                             -- số văn bản chỉ đạo
  title text NOT NULL,
  starts_on date NOT NULL,
  due_on date NOT NULL,
  created_by integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Kỳ thực hiện: each dated due of an assignment (one-off, recurring, or from a trigger).
CREATE TABLE task_occurrences (
  id serial PRIMARY KEY,
  assignment_id integer NOT NULL REFERENCES task_assignments(id) ON DELETE CASCADE,
  due_on date NOT NULL,
  starts_on date,
  label text NOT NULL,
  source text NOT NULL CHECK (source IN ('deadline', 'recurrence', 'trigger')),
  trigger_id integer REFERENCES plan_triggers(id) ON DELETE CASCADE,
  done_on date,
  UNIQUE (assignment_id, due_on, label)
);
CREATE INDEX task_occurrences_due ON task_occurrences(due_on) WHERE done_on IS NULL;
CREATE INDEX task_occurrences_assignment ON task_occurrences(assignment_id);

-- Báo cáo tiến độ.
CREATE TABLE task_progress (
  id serial PRIMARY KEY,
  assignment_id integer NOT NULL REFERENCES task_assignments(id) ON DELETE CASCADE,
  occurrence_id integer REFERENCES task_occurrences(id) ON DELETE SET NULL,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer REFERENCES users(id),
  text text NOT NULL,
  percent integer NOT NULL CHECK (percent BETWEEN 0 AND 100),
  status text NOT NULL
);
CREATE INDEX task_progress_assignment ON task_progress(assignment_id, at DESC);

CREATE TABLE task_attachments (
  id serial PRIMARY KEY,
  progress_id integer NOT NULL REFERENCES task_progress(id) ON DELETE CASCADE,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL
);
CREATE INDEX task_attachments_progress ON task_attachments(progress_id);

-- Thông báo trong ứng dụng: reminders before and after a due, activations, new assignments.
CREATE TABLE notifications (
  id serial PRIMARY KEY,
  org_unit_id integer NOT NULL REFERENCES org_units(id) ON DELETE CASCADE,
  kind text NOT NULL,                         -- 'due_soon' | 'overdue' | 'activated' | 'assigned'
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  link text,
  dedupe_key text NOT NULL UNIQUE,            -- one reminder per occurrence and kind
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  emailed_at timestamptz
);
CREATE INDEX notifications_unit ON notifications(org_unit_id, created_at DESC);

-- A plan and every implementing plan under it (cascade), for progress roll-up.
CREATE FUNCTION plan_subtree(root integer) RETURNS TABLE (id integer) LANGUAGE sql STABLE AS $fn$
  WITH RECURSIVE t(id) AS (
    SELECT root
    UNION
    SELECT p.id FROM plans p JOIN t ON p.parent_id = t.id
  )
  SELECT id FROM t
$fn$;
