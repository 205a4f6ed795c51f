CREATE TABLE "expert_hours" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"worked_at" timestamp with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_hours_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "expert_hours_minutes_check" CHECK ("expert_hours"."minutes" BETWEEN 0 AND 1440)
);
--> statement-breakpoint
CREATE TABLE "expert_invitations" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"invited_by" uuid,
	"meeting_id" uuid,
	"agenda_item_id" uuid,
	"agenda_position" integer,
	"event_id" uuid,
	"minutes" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"response_note" text,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_invitations_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "expert_invitations_status_check" CHECK ("expert_invitations"."status" IN ('pending', 'accepted', 'declined', 'withdrawn')),
	CONSTRAINT "expert_invitations_target_check" CHECK (("expert_invitations"."meeting_id" IS NOT NULL AND "expert_invitations"."agenda_position" IS NOT NULL AND "expert_invitations"."event_id" IS NULL) OR ("expert_invitations"."meeting_id" IS NULL AND "expert_invitations"."event_id" IS NOT NULL)),
	CONSTRAINT "expert_invitations_minutes_check" CHECK ("expert_invitations"."minutes" BETWEEN 0 AND 1440)
);
--> statement-breakpoint
CREATE TABLE "expert_profiles" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"public_in_directory" boolean DEFAULT true NOT NULL,
	"photo_storage_key" text,
	"photo_media_type" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_profiles_pkey" PRIMARY KEY("organization_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "expert_hours" ADD CONSTRAINT "expert_hours_invitation_fk" FOREIGN KEY ("organization_id","invitation_id") REFERENCES "public"."expert_invitations"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD CONSTRAINT "expert_invitations_membership_fk" FOREIGN KEY ("organization_id","expert_user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD CONSTRAINT "expert_invitations_meeting_fk" FOREIGN KEY ("organization_id","meeting_id") REFERENCES "public"."meetings"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD CONSTRAINT "expert_invitations_event_fk" FOREIGN KEY ("organization_id","event_id") REFERENCES "public"."events"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_membership_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expert_hours_invitation_key" ON "expert_hours" USING btree ("organization_id","invitation_id");--> statement-breakpoint
CREATE INDEX "expert_hours_org_worked_idx" ON "expert_hours" USING btree ("organization_id","worked_at");--> statement-breakpoint
CREATE INDEX "expert_hours_org_expert_idx" ON "expert_hours" USING btree ("organization_id","expert_user_id");--> statement-breakpoint
CREATE INDEX "expert_invitations_org_expert_idx" ON "expert_invitations" USING btree ("organization_id","expert_user_id","status");--> statement-breakpoint
CREATE INDEX "expert_invitations_org_meeting_idx" ON "expert_invitations" USING btree ("organization_id","meeting_id");--> statement-breakpoint
CREATE INDEX "expert_invitations_org_event_idx" ON "expert_invitations" USING btree ("organization_id","event_id");