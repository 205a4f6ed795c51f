CREATE TABLE "exit_interviews" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"recorded_by" uuid,
	"interviewed_on" date NOT NULL,
	"what_changed" text DEFAULT '' NOT NULL,
	"what_helped" text DEFAULT '' NOT NULL,
	"what_was_hard" text DEFAULT '' NOT NULL,
	"what_next" text DEFAULT '' NOT NULL,
	"would_recommend" text DEFAULT '' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exit_interviews_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "stories" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"slug" text NOT NULL,
	"subject_user_id" uuid NOT NULL,
	"created_by" uuid,
	"title_fi" text NOT NULL,
	"title_sv" text DEFAULT '' NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"body_fi" text NOT NULL,
	"body_sv" text DEFAULT '' NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"display_name" text DEFAULT 'first' NOT NULL,
	"sector" text,
	"municipality" text,
	"content_sha256" text NOT NULL,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stories_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "stories_slug_check" CHECK ("stories"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "stories_display_name_check" CHECK ("stories"."display_name" IN ('full', 'first', 'anonymous'))
);
--> statement-breakpoint
CREATE TABLE "story_consents" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"story_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"content_sha256" text NOT NULL,
	"display_name" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "story_consents_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "story_consents_decision_check" CHECK ("story_consents"."decision" IN ('consented', 'declined', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "exit_interviews" ADD CONSTRAINT "exit_interviews_group_fk" FOREIGN KEY ("organization_id","group_id") REFERENCES "public"."groups"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_consents" ADD CONSTRAINT "story_consents_story_fk" FOREIGN KEY ("organization_id","story_id") REFERENCES "public"."stories"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exit_interviews_group_idx" ON "exit_interviews" USING btree ("organization_id","group_id","interviewed_on");--> statement-breakpoint
CREATE INDEX "exit_interviews_user_idx" ON "exit_interviews" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "exit_interviews_recorder_idx" ON "exit_interviews" USING btree ("recorded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "stories_slug_key" ON "stories" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "stories_id_key" ON "stories" USING btree ("id");--> statement-breakpoint
CREATE INDEX "stories_subject_idx" ON "stories" USING btree ("subject_user_id");--> statement-breakpoint
CREATE INDEX "stories_published_idx" ON "stories" USING btree ("published_at") WHERE "stories"."published_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "story_consents_story_idx" ON "story_consents" USING btree ("organization_id","story_id","decided_at");--> statement-breakpoint
CREATE INDEX "story_consents_user_idx" ON "story_consents" USING btree ("user_id");