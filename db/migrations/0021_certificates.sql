CREATE TABLE "certificates" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"holder_user_id" uuid,
	"holder_name" text,
	"holder_email" text,
	"achievement_kind" text NOT NULL,
	"title_fi" text NOT NULL,
	"title_sv" text DEFAULT '' NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"description_fi" text NOT NULL,
	"description_sv" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"criteria_fi" text NOT NULL,
	"criteria_sv" text DEFAULT '' NOT NULL,
	"criteria_en" text DEFAULT '' NOT NULL,
	"source_type" text,
	"source_id" uuid,
	"started_on" date NOT NULL,
	"ended_on" date NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" uuid,
	"verification_code" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revocation_reason" text,
	"show_name" text DEFAULT 'full' NOT NULL,
	"show_organization" boolean DEFAULT true NOT NULL,
	"show_email" boolean DEFAULT false NOT NULL,
	"credential_jwt" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificates_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "certificates_code_check" CHECK ("certificates"."verification_code" ~ '^[0-9A-HJKMNP-TV-Z]{10}$'),
	CONSTRAINT "certificates_kind_check" CHECK ("certificates"."achievement_kind" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "certificates_dates_check" CHECK ("certificates"."ended_on" >= "certificates"."started_on"),
	CONSTRAINT "certificates_show_name_check" CHECK ("certificates"."show_name" IN ('full', 'initials')),
	CONSTRAINT "certificates_source_check" CHECK (("certificates"."source_type" IS NULL) = ("certificates"."source_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_holder_user_id_users_id_fk" FOREIGN KEY ("holder_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_id_key" ON "certificates" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_verification_code_key" ON "certificates" USING btree ("verification_code");--> statement-breakpoint
CREATE INDEX "certificates_holder_idx" ON "certificates" USING btree ("holder_user_id");--> statement-breakpoint
CREATE INDEX "certificates_org_issued_idx" ON "certificates" USING btree ("organization_id","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_org_source_key" ON "certificates" USING btree ("organization_id","source_type","source_id","holder_user_id","achievement_kind") WHERE "certificates"."source_id" IS NOT NULL AND "certificates"."revoked_at" IS NULL;