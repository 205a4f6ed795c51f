CREATE TABLE "event_feedback" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"overall" integer NOT NULL,
	"usefulness" integer NOT NULL,
	"comment" text,
	CONSTRAINT "event_feedback_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "event_feedback_overall_check" CHECK ("event_feedback"."overall" BETWEEN 1 AND 5),
	CONSTRAINT "event_feedback_usefulness_check" CHECK ("event_feedback"."usefulness" BETWEEN 1 AND 5)
);
--> statement-breakpoint
ALTER TABLE "event_registrations" ADD COLUMN "attended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD COLUMN "reminder_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD COLUMN "feedback_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD COLUMN "feedback_token_hash" text;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD COLUMN "feedback_given_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "event_feedback" ADD CONSTRAINT "event_feedback_event_fk" FOREIGN KEY ("organization_id","event_id") REFERENCES "public"."events"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_feedback_org_event_idx" ON "event_feedback" USING btree ("organization_id","event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_feedback_token_key" ON "event_registrations" USING btree ("feedback_token_hash") WHERE "event_registrations"."feedback_token_hash" IS NOT NULL;--> statement-breakpoint
-- hand-written below
-- Attendance ticked before this column existed: the event's start stands in for the tick's time.
UPDATE "event_registrations" r SET "attended_at" = e."starts_at"
  FROM "events" e
  WHERE r."attended" AND r."attended_at" IS NULL AND e."organization_id" = r."organization_id" AND e."id" = r."event_id";--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_attended_check" CHECK ("attended" = ("attended_at" IS NOT NULL));
