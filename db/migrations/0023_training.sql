CREATE TABLE "cohort_mentors" (
	"organization_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "cohort_mentors_pkey" PRIMARY KEY("organization_id","cohort_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cohort_sessions" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"online_url" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "cohort_sessions_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "cohort_sessions_time_check" CHECK ("cohort_sessions"."ends_at" > "cohort_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "cohorts" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"name" text NOT NULL,
	"capacity" integer DEFAULT 15 NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"applications_open" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohorts_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "cohorts_status_check" CHECK ("cohorts"."status" IN ('planned', 'running', 'finished')),
	CONSTRAINT "cohorts_capacity_check" CHECK ("cohorts"."capacity" BETWEEN 1 AND 40)
);
--> statement-breakpoint
CREATE TABLE "course_assignments" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"instructions" jsonb NOT NULL,
	"due_days_after" integer DEFAULT 7 NOT NULL,
	CONSTRAINT "course_assignments_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "course_assignments_kind_check" CHECK ("course_assignments"."kind" IN ('reflection', 'plan', 'self_assessment')),
	CONSTRAINT "course_assignments_due_check" CHECK ("course_assignments"."due_days_after" BETWEEN 0 AND 90)
);
--> statement-breakpoint
CREATE TABLE "course_materials" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"url" text,
	"file_name" text,
	"media_type" text,
	"size_bytes" integer,
	"storage_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_materials_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "course_materials_kind_check" CHECK ("course_materials"."kind" IN ('text', 'file', 'video')),
	CONSTRAINT "course_materials_shape_check" CHECK (("course_materials"."kind" = 'video' AND "course_materials"."url" IS NOT NULL) OR ("course_materials"."kind" = 'file' AND "course_materials"."storage_key" IS NOT NULL) OR "course_materials"."kind" = 'text')
);
--> statement-breakpoint
CREATE TABLE "course_sessions" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	CONSTRAINT "course_sessions_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"completion_rules" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "courses_slug_check" CHECK ("courses"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"user_id" uuid,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"mentor_user_id" uuid,
	"application_id" uuid,
	"practice_group_id" uuid,
	"status" text DEFAULT 'invited' NOT NULL,
	"completed_at" timestamp with time zone,
	"completion_confirmed_by" uuid,
	"dropped_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrolments_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "enrolments_status_check" CHECK ("enrolments"."status" IN ('invited', 'active', 'completed', 'dropped')),
	CONSTRAINT "enrolments_completed_check" CHECK (("enrolments"."status" = 'completed') = ("enrolments"."completed_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "mentoring_meetings" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"mentor_user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"online_url" text,
	"topic" text DEFAULT '' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentoring_meetings_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "mentoring_meetings_time_check" CHECK ("mentoring_meetings"."ends_at" > "mentoring_meetings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "mentoring_participants" (
	"organization_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	CONSTRAINT "mentoring_participants_pkey" PRIMARY KEY("organization_id","meeting_id","enrolment_id")
);
--> statement-breakpoint
CREATE TABLE "rubric_criteria" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"levels" jsonb NOT NULL,
	CONSTRAINT "rubric_criteria_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "submission_feedback" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"mentor_user_id" uuid,
	"decision" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submission_feedback_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "submission_feedback_decision_check" CHECK ("submission_feedback"."decision" IN ('revision_requested', 'accepted'))
);
--> statement-breakpoint
CREATE TABLE "submission_versions" (
	"organization_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"body" text NOT NULL,
	"levels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	CONSTRAINT "submission_versions_pkey" PRIMARY KEY("organization_id","submission_id","version")
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"latest_version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submissions_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "submissions_status_check" CHECK ("submissions"."status" IN ('submitted', 'revision_requested', 'accepted'))
);
--> statement-breakpoint
CREATE TABLE "training_applications" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"locale" text DEFAULT 'fi' NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"motivation" text DEFAULT '' NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"decline_message" text,
	"handled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_applications_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "training_applications_status_check" CHECK ("training_applications"."status" IN ('new', 'accepted', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "training_session_attendance" (
	"organization_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"cohort_session_id" uuid NOT NULL,
	"status" text NOT NULL,
	"compensation" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_session_attendance_pkey" PRIMARY KEY("organization_id","enrolment_id","cohort_session_id"),
	CONSTRAINT "training_attendance_status_check" CHECK ("training_session_attendance"."status" IN ('present', 'absent', 'compensated')),
	CONSTRAINT "training_attendance_compensation_check" CHECK ("training_session_attendance"."status" <> 'compensated' OR coalesce(length("training_session_attendance"."compensation"), 0) > 0)
);
--> statement-breakpoint
ALTER TABLE "cohort_mentors" ADD CONSTRAINT "cohort_mentors_cohort_fk" FOREIGN KEY ("organization_id","cohort_id") REFERENCES "public"."cohorts"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_mentors" ADD CONSTRAINT "cohort_mentors_membership_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_sessions" ADD CONSTRAINT "cohort_sessions_cohort_fk" FOREIGN KEY ("organization_id","cohort_id") REFERENCES "public"."cohorts"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_sessions" ADD CONSTRAINT "cohort_sessions_session_fk" FOREIGN KEY ("organization_id","session_id") REFERENCES "public"."course_sessions"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_course_fk" FOREIGN KEY ("organization_id","course_id") REFERENCES "public"."courses"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_assignments" ADD CONSTRAINT "course_assignments_session_fk" FOREIGN KEY ("organization_id","session_id") REFERENCES "public"."course_sessions"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_materials" ADD CONSTRAINT "course_materials_session_fk" FOREIGN KEY ("organization_id","session_id") REFERENCES "public"."course_sessions"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_course_fk" FOREIGN KEY ("organization_id","course_id") REFERENCES "public"."courses"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_cohort_fk" FOREIGN KEY ("organization_id","cohort_id") REFERENCES "public"."cohorts"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_membership_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_practice_group_fk" FOREIGN KEY ("organization_id","practice_group_id") REFERENCES "public"."groups"("organization_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_meetings" ADD CONSTRAINT "mentoring_meetings_mentor_fk" FOREIGN KEY ("organization_id","mentor_user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_meetings" ADD CONSTRAINT "mentoring_meetings_cohort_fk" FOREIGN KEY ("organization_id","cohort_id") REFERENCES "public"."cohorts"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_participants" ADD CONSTRAINT "mentoring_participants_meeting_fk" FOREIGN KEY ("organization_id","meeting_id") REFERENCES "public"."mentoring_meetings"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_participants" ADD CONSTRAINT "mentoring_participants_enrolment_fk" FOREIGN KEY ("organization_id","enrolment_id") REFERENCES "public"."enrolments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_criteria" ADD CONSTRAINT "rubric_criteria_course_fk" FOREIGN KEY ("organization_id","course_id") REFERENCES "public"."courses"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_feedback" ADD CONSTRAINT "submission_feedback_version_fk" FOREIGN KEY ("organization_id","submission_id","version") REFERENCES "public"."submission_versions"("organization_id","submission_id","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_feedback" ADD CONSTRAINT "submission_feedback_enrolment_fk" FOREIGN KEY ("organization_id","enrolment_id") REFERENCES "public"."enrolments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD CONSTRAINT "submission_versions_submission_fk" FOREIGN KEY ("organization_id","submission_id") REFERENCES "public"."submissions"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD CONSTRAINT "submission_versions_enrolment_fk" FOREIGN KEY ("organization_id","enrolment_id") REFERENCES "public"."enrolments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_enrolment_fk" FOREIGN KEY ("organization_id","enrolment_id") REFERENCES "public"."enrolments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_assignment_fk" FOREIGN KEY ("organization_id","assignment_id") REFERENCES "public"."course_assignments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_applications" ADD CONSTRAINT "training_applications_cohort_fk" FOREIGN KEY ("organization_id","cohort_id") REFERENCES "public"."cohorts"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_attendance" ADD CONSTRAINT "training_attendance_enrolment_fk" FOREIGN KEY ("organization_id","enrolment_id") REFERENCES "public"."enrolments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_attendance" ADD CONSTRAINT "training_attendance_session_fk" FOREIGN KEY ("organization_id","cohort_session_id") REFERENCES "public"."cohort_sessions"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cohort_mentors_org_user_idx" ON "cohort_mentors" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_sessions_key" ON "cohort_sessions" USING btree ("organization_id","cohort_id","session_id");--> statement-breakpoint
CREATE INDEX "cohorts_org_course_idx" ON "cohorts" USING btree ("organization_id","course_id");--> statement-breakpoint
CREATE INDEX "course_assignments_org_session_idx" ON "course_assignments" USING btree ("organization_id","session_id");--> statement-breakpoint
CREATE INDEX "course_materials_org_session_idx" ON "course_materials" USING btree ("organization_id","session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "course_sessions_position_key" ON "course_sessions" USING btree ("organization_id","course_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "courses_slug_key" ON "courses" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_email_key" ON "enrolments" USING btree ("organization_id","cohort_id","email");--> statement-breakpoint
CREATE INDEX "enrolments_org_user_idx" ON "enrolments" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "enrolments_org_mentor_idx" ON "enrolments" USING btree ("organization_id","mentor_user_id");--> statement-breakpoint
CREATE INDEX "mentoring_meetings_org_cohort_idx" ON "mentoring_meetings" USING btree ("organization_id","cohort_id","starts_at");--> statement-breakpoint
CREATE INDEX "mentoring_participants_org_enrolment_idx" ON "mentoring_participants" USING btree ("organization_id","enrolment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rubric_criteria_position_key" ON "rubric_criteria" USING btree ("organization_id","course_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_feedback_version_key" ON "submission_feedback" USING btree ("organization_id","submission_id","version");--> statement-breakpoint
CREATE INDEX "submission_feedback_org_enrolment_idx" ON "submission_feedback" USING btree ("organization_id","enrolment_id");--> statement-breakpoint
CREATE INDEX "submission_versions_org_enrolment_idx" ON "submission_versions" USING btree ("organization_id","enrolment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_key" ON "submissions" USING btree ("organization_id","enrolment_id","assignment_id");--> statement-breakpoint
CREATE INDEX "training_applications_org_cohort_idx" ON "training_applications" USING btree ("organization_id","cohort_id","status");--> statement-breakpoint
-- hand-written below
-- A group is the practice group of one enrolment at most.
CREATE UNIQUE INDEX "enrolments_practice_group_key" ON "enrolments" USING btree ("organization_id","practice_group_id") WHERE "practice_group_id" IS NOT NULL;
