CREATE TABLE "check_in_answers" (
	"organization_id" uuid NOT NULL,
	"check_in_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"item_id" text NOT NULL,
	"value_number" numeric,
	"value_code" text,
	CONSTRAINT "check_in_answers_pkey" PRIMARY KEY("organization_id","check_in_id","instrument_id","item_id"),
	CONSTRAINT "check_in_answers_one_value_check" CHECK (("check_in_answers"."value_number" IS NULL) <> ("check_in_answers"."value_code" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "check_in_scores" (
	"organization_id" uuid NOT NULL,
	"check_in_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"group_id" uuid,
	"kind" text NOT NULL,
	"wave" integer,
	"meeting_id" uuid,
	"score" numeric NOT NULL,
	"band" text,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "check_in_scores_pkey" PRIMARY KEY("organization_id","check_in_id","instrument_id")
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"group_id" uuid,
	"kind" text NOT NULL,
	"wave" integer,
	"due_on" date NOT NULL,
	"meeting_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "check_ins_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "check_ins_kind_check" CHECK ("check_ins"."kind" IN ('baseline', 'pulse', 'full', 'exit')),
	CONSTRAINT "check_ins_status_check" CHECK ("check_ins"."status" IN ('draft', 'submitted')),
	CONSTRAINT "check_ins_submitted_check" CHECK (("check_ins"."status" = 'submitted') = ("check_ins"."submitted_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "measurement_consents" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_choice" text,
	CONSTRAINT "measurement_consents_pkey" PRIMARY KEY("organization_id","user_id"),
	CONSTRAINT "measurement_consents_choice_check" CHECK ("measurement_consents"."withdrawal_choice" IS NULL OR "measurement_consents"."withdrawal_choice" IN ('keep', 'erase'))
);
--> statement-breakpoint
CREATE TABLE "meeting_feedback" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"useful" integer,
	"safe" integer,
	"comment" text,
	CONSTRAINT "meeting_feedback_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "meeting_feedback_useful_check" CHECK ("meeting_feedback"."useful" IS NULL OR "meeting_feedback"."useful" BETWEEN 1 AND 5),
	CONSTRAINT "meeting_feedback_safe_check" CHECK ("meeting_feedback"."safe" IS NULL OR "meeting_feedback"."safe" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "meeting_feedback_givers" (
	"organization_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "meeting_feedback_givers_pkey" PRIMARY KEY("organization_id","meeting_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "check_in_answers" ADD CONSTRAINT "check_in_answers_check_in_fk" FOREIGN KEY ("organization_id","check_in_id") REFERENCES "public"."check_ins"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_scores" ADD CONSTRAINT "check_in_scores_check_in_fk" FOREIGN KEY ("organization_id","check_in_id") REFERENCES "public"."check_ins"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_consents" ADD CONSTRAINT "measurement_consents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_in_scores_org_user_idx" ON "check_in_scores" USING btree ("organization_id","user_id","instrument_id","submitted_at");--> statement-breakpoint
CREATE INDEX "check_in_scores_org_group_idx" ON "check_in_scores" USING btree ("organization_id","group_id","instrument_id","wave");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_org_user_kind_due_key" ON "check_ins" USING btree ("organization_id","user_id","kind","due_on");--> statement-breakpoint
CREATE INDEX "check_ins_org_group_idx" ON "check_ins" USING btree ("organization_id","group_id","kind","wave");--> statement-breakpoint
CREATE INDEX "meeting_feedback_org_group_idx" ON "meeting_feedback" USING btree ("organization_id","group_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_feedback_givers_org_user_idx" ON "meeting_feedback_givers" USING btree ("organization_id","user_id");