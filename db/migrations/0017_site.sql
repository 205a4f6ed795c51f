CREATE TABLE "accessibility_statement" (
	"id" text PRIMARY KEY DEFAULT 'installation' NOT NULL,
	"conformance" text DEFAULT 'partial' NOT NULL,
	"assessment" text DEFAULT 'self' NOT NULL,
	"prepared_on" date NOT NULL,
	"reviewed_on" date NOT NULL,
	"feedback_email" text NOT NULL,
	"feedback_phone" text,
	"authority_name_fi" text NOT NULL,
	"authority_name_sv" text NOT NULL,
	"authority_name_en" text NOT NULL,
	"authority_url" text NOT NULL,
	"authority_email" text NOT NULL,
	"authority_phone" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accessibility_statement_single_row" CHECK ("accessibility_statement"."id" = 'installation'),
	CONSTRAINT "accessibility_statement_conformance_check" CHECK ("accessibility_statement"."conformance" IN ('full', 'partial', 'none')),
	CONSTRAINT "accessibility_statement_assessment_check" CHECK ("accessibility_statement"."assessment" IN ('self', 'external'))
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "public_email" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "public_phone" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "public_address" text;--> statement-breakpoint
-- hand-written below
-- The accessibility statement's facts as data (an admin edits them on /admin/accessibility). The
-- supervising authority: since 1.1.2026 the Lupa- ja valvontavirasto took over the regional state
-- administrative agencies' (aluehallintovirasto) tasks, accessibility supervision included; the
-- contacts below are those published by the supervision unit (saavutettavuusvaatimukset.fi).
INSERT INTO "accessibility_statement" ("id", "conformance", "assessment", "prepared_on", "reviewed_on", "feedback_email", "feedback_phone",
  "authority_name_fi", "authority_name_sv", "authority_name_en", "authority_url", "authority_email", "authority_phone")
VALUES ('installation', 'partial', 'self', '2026-12-03', '2026-12-03', 'saavutettavuus@tyopeili.localhost', NULL,
  'Lupa- ja valvontavirasto, saavutettavuusvalvonta (ent. Etelä-Suomen aluehallintovirasto)',
  'Tillstånds- och tillsynsverket, tillgänglighetstillsynen (tidigare Regionförvaltningsverket i Södra Finland)',
  'Finnish Licensing and Supervisory Agency, accessibility supervision (formerly the Regional State Administrative Agency for Southern Finland)',
  'https://www.saavutettavuusvaatimukset.fi', 'saavutettavuus@avi.fi', '0295 016 000')
ON CONFLICT ("id") DO NOTHING;
