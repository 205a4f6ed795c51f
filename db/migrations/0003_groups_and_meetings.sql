CREATE TABLE "applications" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"company_name" text,
	"business_id" text,
	"sector" text,
	"size" text,
	"municipality" text,
	"birth_year" integer,
	"formats" text[] DEFAULT '{}'::text[] NOT NULL,
	"locale" text DEFAULT 'fi' NOT NULL,
	"availability" text,
	"hopes" text,
	"consent_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"contact_note" text,
	"group_id" uuid,
	"decline_message" text,
	"handled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "applications_status_check" CHECK ("applications"."status" IN ('new', 'contacted', 'assigned', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "group_agreements" (
	"organization_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"text_fi" text NOT NULL,
	"text_sv" text NOT NULL,
	"text_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_agreements_pkey" PRIMARY KEY("organization_id","version")
);
--> statement-breakpoint
CREATE TABLE "group_facilitators" (
	"organization_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "group_facilitators_pkey" PRIMARY KEY("organization_id","group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"organization_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone,
	"agreement_version" integer,
	"agreement_accepted_at" timestamp with time zone,
	"show_company" boolean DEFAULT true NOT NULL,
	"photo_path" text,
	CONSTRAINT "group_members_pkey" PRIMARY KEY("organization_id","group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'forming' NOT NULL,
	"format" text DEFAULT 'in_person' NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "groups_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "groups_status_check" CHECK ("groups"."status" IN ('forming', 'active', 'paused', 'ended'))
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text,
	"minutes" integer DEFAULT 15 NOT NULL,
	"expert_user_id" uuid,
	"topic" text,
	CONSTRAINT "agenda_items_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"organization_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"hours" numeric(4, 2),
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_pkey" PRIMARY KEY("organization_id","meeting_id","user_id"),
	CONSTRAINT "attendance_status_check" CHECK ("attendance"."status" IN ('present', 'late', 'absent', 'excused'))
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facilitator_notes" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facilitator_notes_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "live_meeting_states" (
	"organization_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"state" jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_meeting_states_pkey" PRIMARY KEY("organization_id","meeting_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_series" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"rule" jsonb NOT NULL,
	"time_zone" text DEFAULT 'Europe/Helsinki' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_series_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"series_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text DEFAULT 'Europe/Helsinki' NOT NULL,
	"theme" text,
	"format" text DEFAULT 'in_person' NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"venue_address" text,
	"venue_room" text,
	"venue_accessibility" text,
	"refreshments" text,
	"online_url" text,
	"meeting_point" text,
	"route" text,
	"length_km" numeric(5, 1),
	"what_to_wear" text,
	"summary" text,
	"summary_published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "meetings_status_check" CHECK ("meetings"."status" IN ('scheduled', 'cancelled')),
	CONSTRAINT "meetings_time_check" CHECK ("meetings"."ends_at" > "meetings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "reminders_sent" (
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"occasion" text DEFAULT '' NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_sent_pkey" PRIMARY KEY("organization_id","kind","target_id","user_id","occasion")
);
--> statement-breakpoint
CREATE TABLE "rsvps" (
	"organization_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"response" text NOT NULL,
	"reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rsvps_pkey" PRIMARY KEY("organization_id","meeting_id","user_id"),
	CONSTRAINT "rsvps_response_check" CHECK ("rsvps"."response" IN ('coming', 'not_coming'))
);
--> statement-breakpoint
CREATE TABLE "steps" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"meeting_id" uuid,
	"text" text NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"reflection" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "steps_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "steps_status_check" CHECK ("steps"."status" IN ('open', 'done', 'partly', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"user_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_entries_pkey" PRIMARY KEY("user_id","id")
);
--> statement-breakpoint
CREATE TABLE "person_keys" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "board_posts" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_posts_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "digest_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"frequency" text DEFAULT 'weekly' NOT NULL,
	"last_sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "materials" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"uploaded_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "materials_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_agreements" ADD CONSTRAINT "group_agreements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_facilitators" ADD CONSTRAINT "group_facilitators_group_fk" FOREIGN KEY ("organization_id","group_id") REFERENCES "public"."groups"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_fk" FOREIGN KEY ("organization_id","group_id") REFERENCES "public"."groups"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_fk" FOREIGN KEY ("organization_id","meeting_id") REFERENCES "public"."meetings"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_meeting_fk" FOREIGN KEY ("organization_id","meeting_id") REFERENCES "public"."meetings"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilitator_notes" ADD CONSTRAINT "facilitator_notes_meeting_fk" FOREIGN KEY ("organization_id","meeting_id") REFERENCES "public"."meetings"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_meeting_states" ADD CONSTRAINT "live_meeting_states_meeting_fk" FOREIGN KEY ("organization_id","meeting_id") REFERENCES "public"."meetings"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_group_fk" FOREIGN KEY ("organization_id","group_id") REFERENCES "public"."groups"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_group_fk" FOREIGN KEY ("organization_id","group_id") REFERENCES "public"."groups"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rsvps" ADD CONSTRAINT "rsvps_meeting_fk" FOREIGN KEY ("organization_id","meeting_id") REFERENCES "public"."meetings"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steps" ADD CONSTRAINT "steps_group_fk" FOREIGN KEY ("organization_id","group_id") REFERENCES "public"."groups"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_posts" ADD CONSTRAINT "board_posts_group_fk" FOREIGN KEY ("organization_id","group_id") REFERENCES "public"."groups"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_meeting_fk" FOREIGN KEY ("organization_id","meeting_id") REFERENCES "public"."meetings"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_org_status_idx" ON "applications" USING btree ("organization_id","status","created_at");--> statement-breakpoint
CREATE INDEX "group_facilitators_org_user_idx" ON "group_facilitators" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "group_members_org_user_idx" ON "group_members" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "groups_org_status_idx" ON "groups" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "agenda_items_org_meeting_idx" ON "agenda_items" USING btree ("organization_id","meeting_id","position");--> statement-breakpoint
CREATE INDEX "agenda_items_org_expert_idx" ON "agenda_items" USING btree ("organization_id","expert_user_id");--> statement-breakpoint
CREATE INDEX "attendance_org_user_idx" ON "attendance" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "facilitator_notes_org_meeting_idx" ON "facilitator_notes" USING btree ("organization_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meetings_org_group_start_idx" ON "meetings" USING btree ("organization_id","group_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_org_start_idx" ON "meetings" USING btree ("organization_id","starts_at");--> statement-breakpoint
CREATE INDEX "steps_org_user_idx" ON "steps" USING btree ("organization_id","user_id","status");--> statement-breakpoint
CREATE INDEX "steps_org_group_idx" ON "steps" USING btree ("organization_id","group_id","created_at");--> statement-breakpoint
CREATE INDEX "journal_entries_user_time_idx" ON "journal_entries" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "board_posts_org_group_time_idx" ON "board_posts" USING btree ("organization_id","group_id","created_at");--> statement-breakpoint
CREATE INDEX "materials_org_meeting_idx" ON "materials" USING btree ("organization_id","meeting_id");