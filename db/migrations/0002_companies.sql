CREATE TABLE "companies" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"business_id" text,
	"sector" text,
	"size" text,
	"municipality" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "companies_size_check" CHECK ("companies"."size" IS NULL OR "companies"."size" IN ('sole', 'micro', 'small', 'medium')),
	CONSTRAINT "companies_business_id_format" CHECK ("companies"."business_id" IS NULL OR "companies"."business_id" ~ '^[0-9]{7}-[0-9]$')
);
--> statement-breakpoint
CREATE TABLE "entrepreneur_profiles" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"company_id" uuid,
	"birth_year" integer,
	"gender" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entrepreneur_profiles_pkey" PRIMARY KEY("organization_id","user_id"),
	CONSTRAINT "entrepreneur_profiles_gender_check" CHECK ("entrepreneur_profiles"."gender" IS NULL OR "entrepreneur_profiles"."gender" IN ('female', 'male', 'other')),
	CONSTRAINT "entrepreneur_profiles_birth_year_check" CHECK ("entrepreneur_profiles"."birth_year" IS NULL OR "entrepreneur_profiles"."birth_year" BETWEEN 1900 AND 2100)
);
--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entrepreneur_profiles" ADD CONSTRAINT "entrepreneur_profiles_membership_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entrepreneur_profiles" ADD CONSTRAINT "entrepreneur_profiles_company_fk" FOREIGN KEY ("organization_id","company_id") REFERENCES "public"."companies"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "companies_org_business_id_key" ON "companies" USING btree ("organization_id","business_id") WHERE "companies"."business_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "entrepreneur_profiles_org_company_idx" ON "entrepreneur_profiles" USING btree ("organization_id","company_id");