CREATE TABLE "newsletter_deliveries" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"newsletter_id" uuid NOT NULL,
	"email" text NOT NULL,
	"user_id" uuid,
	"locale" text DEFAULT 'fi' NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"sent_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_deliveries_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "newsletter_deliveries_status_check" CHECK ("newsletter_deliveries"."status" IN ('queued', 'sent', 'failed', 'skipped'))
);
--> statement-breakpoint
CREATE TABLE "newsletter_opt_outs" (
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_opt_outs_pkey" PRIMARY KEY("organization_id","email"),
	CONSTRAINT "newsletter_opt_outs_lower_check" CHECK ("newsletter_opt_outs"."email" = lower("newsletter_opt_outs"."email"))
);
--> statement-breakpoint
CREATE TABLE "newsletter_subscribers" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"email" text NOT NULL,
	"locale" text DEFAULT 'fi' NOT NULL,
	"consent_version" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"confirm_token_hash" text,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_subscribers_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "newsletters" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"subject_fi" text NOT NULL,
	"subject_sv" text DEFAULT '' NOT NULL,
	"subject_en" text DEFAULT '' NOT NULL,
	"body_fi" text NOT NULL,
	"body_sv" text DEFAULT '' NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"audience_kind" text NOT NULL,
	"audience_target_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "newsletters_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "newsletters_status_check" CHECK ("newsletters"."status" IN ('draft', 'sending', 'sent')),
	CONSTRAINT "newsletters_audience_check" CHECK ("newsletters"."audience_kind" IN ('entrepreneurs', 'group', 'event', 'subscribers')),
	CONSTRAINT "newsletters_target_check" CHECK (("newsletters"."audience_kind" IN ('group', 'event')) = ("newsletters"."audience_target_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "dev_mailbox" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "newsletter_deliveries" ADD CONSTRAINT "newsletter_deliveries_newsletter_fk" FOREIGN KEY ("organization_id","newsletter_id") REFERENCES "public"."newsletters"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_opt_outs" ADD CONSTRAINT "newsletter_opt_outs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_subscribers" ADD CONSTRAINT "newsletter_subscribers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletters" ADD CONSTRAINT "newsletters_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_deliveries_recipient_key" ON "newsletter_deliveries" USING btree ("newsletter_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_deliveries_id_key" ON "newsletter_deliveries" USING btree ("id");--> statement-breakpoint
CREATE INDEX "newsletter_deliveries_queue_idx" ON "newsletter_deliveries" USING btree ("newsletter_id","status");--> statement-breakpoint
CREATE INDEX "newsletter_deliveries_user_idx" ON "newsletter_deliveries" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "newsletter_deliveries_email_idx" ON "newsletter_deliveries" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "newsletter_opt_outs_email_idx" ON "newsletter_opt_outs" USING btree ("email");--> statement-breakpoint
CREATE INDEX "newsletter_opt_outs_user_idx" ON "newsletter_opt_outs" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_subscribers_email_key" ON "newsletter_subscribers" USING btree ("organization_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_subscribers_token_key" ON "newsletter_subscribers" USING btree ("confirm_token_hash") WHERE "newsletter_subscribers"."confirm_token_hash" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "newsletter_subscribers_email_idx" ON "newsletter_subscribers" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "newsletters_id_key" ON "newsletters" USING btree ("id");--> statement-breakpoint
CREATE INDEX "newsletters_org_created_idx" ON "newsletters" USING btree ("organization_id","created_at");