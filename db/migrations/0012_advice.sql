CREATE TABLE "advice_availability" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"advisor_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"weekday" smallint,
	"on_date" date,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"valid_from" date,
	"valid_until" date,
	"mode" text NOT NULL,
	"online_url" text,
	"place" text,
	"topics" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "advice_availability_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "advice_availability_kind_check" CHECK (("advice_availability"."kind" = 'weekly' AND "advice_availability"."weekday" BETWEEN 1 AND 7 AND "advice_availability"."on_date" IS NULL) OR ("advice_availability"."kind" = 'single' AND "advice_availability"."on_date" IS NOT NULL AND "advice_availability"."weekday" IS NULL)),
	CONSTRAINT "advice_availability_mode_check" CHECK (("advice_availability"."mode" = 'remote' AND "advice_availability"."online_url" IS NOT NULL) OR ("advice_availability"."mode" = 'on_site' AND "advice_availability"."place" IS NOT NULL)),
	CONSTRAINT "advice_availability_time_check" CHECK ("advice_availability"."start_time" ~ '^[0-2][0-9]:[0-5][0-9]$' AND "advice_availability"."end_time" ~ '^[0-2][0-9]:[0-5][0-9]$' AND "advice_availability"."end_time" > "advice_availability"."start_time")
);
--> statement-breakpoint
CREATE TABLE "advice_leave" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"advisor_user_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advice_leave_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "advice_leave_days_check" CHECK ("advice_leave"."ends_on" >= "advice_leave"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "advice_notes" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advice_notes_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "advice_sessions" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"advisor_user_id" uuid NOT NULL,
	"availability_id" uuid,
	"user_id" uuid,
	"topic" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text DEFAULT 'Europe/Helsinki' NOT NULL,
	"mode" text NOT NULL,
	"online_url" text,
	"place" text,
	"status" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"locale" text DEFAULT 'fi' NOT NULL,
	"guest_name" text,
	"guest_email" text,
	"guest_company_name" text,
	"guest_business_id" text,
	"guest_municipality" text,
	"consent_at" timestamp with time zone,
	"confirm_token_hash" text,
	"hold_expires_at" timestamp with time zone,
	"company_id" uuid,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by_user_id" uuid,
	"attendance" text,
	"summary" text,
	"summary_shared_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advice_sessions_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "advice_sessions_status_check" CHECK ("advice_sessions"."status" IN ('held', 'booked', 'cancelled', 'expired')),
	CONSTRAINT "advice_sessions_attendance_check" CHECK ("advice_sessions"."attendance" IS NULL OR "advice_sessions"."attendance" IN ('attended', 'no_show')),
	CONSTRAINT "advice_sessions_time_check" CHECK ("advice_sessions"."ends_at" > "advice_sessions"."starts_at"),
	CONSTRAINT "advice_sessions_person_check" CHECK ("advice_sessions"."user_id" IS NOT NULL OR ("advice_sessions"."guest_name" IS NOT NULL AND "advice_sessions"."guest_email" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "advice_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"slot_minutes" integer DEFAULT 60 NOT NULL,
	"buffer_minutes" integer DEFAULT 15 NOT NULL,
	"min_notice_hours" integer DEFAULT 24 NOT NULL,
	"change_notice_hours" integer DEFAULT 24 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "steps" ALTER COLUMN "group_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "steps" ADD COLUMN "advice_session_id" uuid;--> statement-breakpoint
ALTER TABLE "advice_availability" ADD CONSTRAINT "advice_availability_advisor_fk" FOREIGN KEY ("organization_id","advisor_user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_leave" ADD CONSTRAINT "advice_leave_advisor_fk" FOREIGN KEY ("organization_id","advisor_user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_notes" ADD CONSTRAINT "advice_notes_session_fk" FOREIGN KEY ("organization_id","session_id") REFERENCES "public"."advice_sessions"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_sessions" ADD CONSTRAINT "advice_sessions_advisor_fk" FOREIGN KEY ("organization_id","advisor_user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_settings" ADD CONSTRAINT "advice_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advice_availability_org_advisor_idx" ON "advice_availability" USING btree ("organization_id","advisor_user_id");--> statement-breakpoint
CREATE INDEX "advice_leave_org_advisor_idx" ON "advice_leave" USING btree ("organization_id","advisor_user_id","starts_on");--> statement-breakpoint
CREATE INDEX "advice_notes_org_session_idx" ON "advice_notes" USING btree ("organization_id","session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "advice_sessions_active_slot_key" ON "advice_sessions" USING btree ("organization_id","advisor_user_id","starts_at") WHERE "advice_sessions"."status" IN ('held', 'booked');--> statement-breakpoint
CREATE UNIQUE INDEX "advice_sessions_confirm_token_key" ON "advice_sessions" USING btree ("confirm_token_hash") WHERE "advice_sessions"."confirm_token_hash" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "advice_sessions_org_user_idx" ON "advice_sessions" USING btree ("organization_id","user_id","starts_at");--> statement-breakpoint
CREATE INDEX "advice_sessions_org_start_idx" ON "advice_sessions" USING btree ("organization_id","starts_at");--> statement-breakpoint
CREATE INDEX "advice_sessions_user_idx" ON "advice_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "steps_org_advice_idx" ON "steps" USING btree ("organization_id","advice_session_id");