CREATE TABLE "custom_instruments" (
	"organization_id" uuid NOT NULL,
	"id" text NOT NULL,
	"definition" jsonb NOT NULL,
	"ask_in" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_instruments_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "custom_instruments_id_check" CHECK ("custom_instruments"."id" LIKE 'custom-%'),
	CONSTRAINT "custom_instruments_ask_in_check" CHECK ("custom_instruments"."ask_in" IN ('full', 'pulse', 'both')),
	CONSTRAINT "custom_instruments_status_check" CHECK ("custom_instruments"."status" IN ('active', 'retired'))
);
--> statement-breakpoint
ALTER TABLE "custom_instruments" ADD CONSTRAINT "custom_instruments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;