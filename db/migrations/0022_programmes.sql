CREATE TABLE "programme_advice_sessions" (
	"organization_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"programme_organization_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_advice_sessions_pkey" PRIMARY KEY("organization_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "programme_events" (
	"organization_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"programme_organization_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_events_pkey" PRIMARY KEY("organization_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "programme_funders" (
	"organization_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_funders_pkey" PRIMARY KEY("organization_id","programme_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "programme_groups" (
	"organization_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"programme_organization_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_groups_pkey" PRIMARY KEY("organization_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "programme_organizations" (
	"organization_id" uuid NOT NULL,
	"programme_organization_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_organizations_pkey" PRIMARY KEY("organization_id","programme_organization_id","programme_id"),
	CONSTRAINT "programme_organizations_not_lead_check" CHECK ("programme_organizations"."organization_id" <> "programme_organizations"."programme_organization_id")
);
--> statement-breakpoint
CREATE TABLE "programme_participant_ends" (
	"organization_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"ended_on" date NOT NULL,
	"situations" text[] DEFAULT '{}'::text[] NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_participant_ends_pkey" PRIMARY KEY("organization_id","programme_id","user_id"),
	CONSTRAINT "programme_participant_ends_situations_check" CHECK ("programme_participant_ends"."situations" <@ ARRAY['job_searching', 'in_education', 'qualification', 'employed', 'other']::text[])
);
--> statement-breakpoint
CREATE TABLE "programme_participant_starts" (
	"organization_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"gender" text,
	"employment_status" text,
	"age_band" text,
	"age_band_source" text,
	"education" text,
	"disability" text,
	"minority" text,
	"third_country_national" text,
	"foreign_background" text,
	"homeless" text,
	"rural" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_participant_starts_pkey" PRIMARY KEY("organization_id","programme_id","user_id"),
	CONSTRAINT "programme_participant_starts_gender_check" CHECK ("programme_participant_starts"."gender" IN ('woman', 'man', 'non_binary', 'prefer_not')),
	CONSTRAINT "programme_participant_starts_employment_check" CHECK ("programme_participant_starts"."employment_status" IN ('unemployed', 'long_term_unemployed', 'inactive', 'employed')),
	CONSTRAINT "programme_participant_starts_age_band_check" CHECK ("programme_participant_starts"."age_band" IN ('under_18', '18_24', '25_29', '30_54', '55_plus')),
	CONSTRAINT "programme_participant_starts_age_source_check" CHECK (("programme_participant_starts"."age_band" IS NULL) = ("programme_participant_starts"."age_band_source" IS NULL) AND "programme_participant_starts"."age_band_source" IN ('birth_date', 'chosen')),
	CONSTRAINT "programme_participant_starts_education_check" CHECK ("programme_participant_starts"."education" IN ('isced_0_2', 'isced_3_4', 'isced_5_8')),
	CONSTRAINT "programme_participant_starts_special_check" CHECK ("programme_participant_starts"."disability" IN ('yes', 'no', 'prefer_not') AND "programme_participant_starts"."minority" IN ('yes', 'no', 'prefer_not') AND "programme_participant_starts"."third_country_national" IN ('yes', 'no', 'prefer_not') AND "programme_participant_starts"."foreign_background" IN ('yes', 'no', 'prefer_not') AND "programme_participant_starts"."homeless" IN ('yes', 'no', 'prefer_not') AND "programme_participant_starts"."rural" IN ('yes', 'no', 'prefer_not'))
);
--> statement-breakpoint
CREATE TABLE "programme_targets" (
	"organization_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"planned" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_targets_pkey" PRIMARY KEY("organization_id","programme_id","indicator_code"),
	CONSTRAINT "programme_targets_planned_check" CHECK ("programme_targets"."planned" BETWEEN 0 AND 1000000)
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"funder" text DEFAULT '' NOT NULL,
	"funding_programme" text DEFAULT '' NOT NULL,
	"indicator_set" text NOT NULL,
	"project_code" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"sole_trader_rule" text DEFAULT 'participant' NOT NULL,
	"asks_special_categories" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "programmes_indicator_set_check" CHECK ("programmes"."indicator_set" IN ('esf2014', 'esf2021')),
	CONSTRAINT "programmes_sole_trader_rule_check" CHECK ("programmes"."sole_trader_rule" IN ('participant', 'company')),
	CONSTRAINT "programmes_dates_check" CHECK ("programmes"."ends_on" >= "programmes"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "programme_advice_sessions" ADD CONSTRAINT "programme_advice_sessions_session_fk" FOREIGN KEY ("organization_id","session_id") REFERENCES "public"."advice_sessions"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_advice_sessions" ADD CONSTRAINT "programme_advice_sessions_programme_fk" FOREIGN KEY ("programme_organization_id","programme_id") REFERENCES "public"."programmes"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_events" ADD CONSTRAINT "programme_events_event_fk" FOREIGN KEY ("organization_id","event_id") REFERENCES "public"."events"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_events" ADD CONSTRAINT "programme_events_programme_fk" FOREIGN KEY ("programme_organization_id","programme_id") REFERENCES "public"."programmes"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_funders" ADD CONSTRAINT "programme_funders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_funders" ADD CONSTRAINT "programme_funders_programme_fk" FOREIGN KEY ("organization_id","programme_id") REFERENCES "public"."programmes"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_groups" ADD CONSTRAINT "programme_groups_group_fk" FOREIGN KEY ("organization_id","group_id") REFERENCES "public"."groups"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_groups" ADD CONSTRAINT "programme_groups_programme_fk" FOREIGN KEY ("programme_organization_id","programme_id") REFERENCES "public"."programmes"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_organizations" ADD CONSTRAINT "programme_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_organizations" ADD CONSTRAINT "programme_organizations_programme_fk" FOREIGN KEY ("programme_organization_id","programme_id") REFERENCES "public"."programmes"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_participant_ends" ADD CONSTRAINT "programme_participant_ends_start_fk" FOREIGN KEY ("organization_id","programme_id","user_id") REFERENCES "public"."programme_participant_starts"("organization_id","programme_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_participant_starts" ADD CONSTRAINT "programme_participant_starts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_participant_starts" ADD CONSTRAINT "programme_participant_starts_programme_fk" FOREIGN KEY ("organization_id","programme_id") REFERENCES "public"."programmes"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_targets" ADD CONSTRAINT "programme_targets_programme_fk" FOREIGN KEY ("organization_id","programme_id") REFERENCES "public"."programmes"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_advice_sessions_programme_idx" ON "programme_advice_sessions" USING btree ("programme_organization_id","programme_id");--> statement-breakpoint
CREATE INDEX "programme_events_programme_idx" ON "programme_events" USING btree ("programme_organization_id","programme_id");--> statement-breakpoint
CREATE INDEX "programme_funders_org_user_idx" ON "programme_funders" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "programme_groups_programme_idx" ON "programme_groups" USING btree ("programme_organization_id","programme_id");--> statement-breakpoint
CREATE INDEX "programme_organizations_programme_idx" ON "programme_organizations" USING btree ("programme_organization_id","programme_id");--> statement-breakpoint
CREATE INDEX "programme_participant_starts_org_user_idx" ON "programme_participant_starts" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "programmes_org_starts_idx" ON "programmes" USING btree ("organization_id","starts_on");