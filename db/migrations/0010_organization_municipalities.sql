CREATE TABLE "organization_municipalities" (
	"organization_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	CONSTRAINT "organization_municipalities_organization_id_municipality_code_pk" PRIMARY KEY("organization_id","municipality_code")
);
--> statement-breakpoint
ALTER TABLE "organization_municipalities" ADD CONSTRAINT "organization_municipalities_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Issue 11: TOL section Q ("Terveys- ja sosiaalipalvelut") was the same field as "sote"
-- ("Sosiaali- ja terveysala"); the list keeps sote and existing companies and applications move to it.
UPDATE "companies" SET "sector" = 'sote' WHERE "sector" = 'Q';
--> statement-breakpoint
UPDATE "applications" SET "sector" = 'sote' WHERE "sector" = 'Q';
