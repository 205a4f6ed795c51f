CREATE TABLE "observation_consents" (
	"organization_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"consented_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observation_consents_pkey" PRIMARY KEY("organization_id","meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "training_feedback" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"target" text NOT NULL,
	"useful" integer NOT NULL,
	"ready" integer NOT NULL,
	"comment" text,
	CONSTRAINT "training_feedback_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "training_feedback_useful_check" CHECK ("training_feedback"."useful" BETWEEN 1 AND 5),
	CONSTRAINT "training_feedback_ready_check" CHECK ("training_feedback"."ready" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "training_feedback_givers" (
	"organization_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"target" text NOT NULL,
	CONSTRAINT "training_feedback_givers_pkey" PRIMARY KEY("organization_id","enrolment_id","target")
);
--> statement-breakpoint
ALTER TABLE "observation_consents" ADD CONSTRAINT "observation_consents_meeting_fk" FOREIGN KEY ("organization_id","meeting_id") REFERENCES "public"."meetings"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_feedback" ADD CONSTRAINT "training_feedback_cohort_fk" FOREIGN KEY ("organization_id","cohort_id") REFERENCES "public"."cohorts"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_feedback_givers" ADD CONSTRAINT "training_feedback_givers_enrolment_fk" FOREIGN KEY ("organization_id","enrolment_id") REFERENCES "public"."enrolments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observation_consents_org_user_idx" ON "observation_consents" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "training_feedback_org_cohort_idx" ON "training_feedback" USING btree ("organization_id","cohort_id","target");--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_dropped_check" CHECK ("enrolments"."status" <> 'dropped' OR coalesce(length("enrolments"."dropped_reason"), 0) > 0);