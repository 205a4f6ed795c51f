CREATE TABLE "article_files" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "article_files_pkey" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "article_versions" (
	"organization_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"edited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "article_versions_pkey" PRIMARY KEY("organization_id","article_id","number")
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"slug" text NOT NULL,
	"language" text NOT NULL,
	"visibility" text DEFAULT 'organization' NOT NULL,
	"author_user_id" uuid,
	"state" text DEFAULT 'draft' NOT NULL,
	"latest_version" integer DEFAULT 1 NOT NULL,
	"published_version" integer,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"search" "tsvector",
	"review_note" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "articles_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "articles_language_check" CHECK ("articles"."language" IN ('fi', 'sv', 'en')),
	CONSTRAINT "articles_visibility_check" CHECK ("articles"."visibility" IN ('public', 'signed_in', 'organization')),
	CONSTRAINT "articles_state_check" CHECK ("articles"."state" IN ('draft', 'review', 'published')),
	CONSTRAINT "articles_slug_check" CHECK ("articles"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "articles_version_check" CHECK ("articles"."published_version" IS NULL OR "articles"."published_version" <= "articles"."latest_version")
);
--> statement-breakpoint
CREATE TABLE "knowledge_themes" (
	"code" text PRIMARY KEY NOT NULL,
	"name_fi" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "article_files" ADD CONSTRAINT "article_files_article_fk" FOREIGN KEY ("organization_id","article_id") REFERENCES "public"."articles"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_versions" ADD CONSTRAINT "article_versions_article_fk" FOREIGN KEY ("organization_id","article_id") REFERENCES "public"."articles"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "article_files_id_key" ON "article_files" USING btree ("id");--> statement-breakpoint
CREATE INDEX "article_files_org_article_idx" ON "article_files" USING btree ("organization_id","article_id");--> statement-breakpoint
CREATE INDEX "article_files_uploader_idx" ON "article_files" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "article_versions_editor_idx" ON "article_versions" USING btree ("edited_by");--> statement-breakpoint
CREATE UNIQUE INDEX "articles_slug_key" ON "articles" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "articles_id_key" ON "articles" USING btree ("id");--> statement-breakpoint
CREATE INDEX "articles_org_state_idx" ON "articles" USING btree ("organization_id","state","updated_at");--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search") WHERE "articles"."published_version" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "articles_published_idx" ON "articles" USING btree ("published_at") WHERE "articles"."published_version" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "articles_author_idx" ON "articles" USING btree ("author_user_id");--> statement-breakpoint
-- hand-written below
-- Trigram similarity on titles catches what the lexemes miss (typos, rare words). pg_trgm is a
-- trusted extension (PostgreSQL 13+): a database owner may create it without superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "articles_title_trgm_idx" ON "articles" USING gin (lower("title") gin_trgm_ops) WHERE "published_version" IS NOT NULL;--> statement-breakpoint
INSERT INTO "knowledge_themes" ("code", "name_fi", "name_sv", "name_en", "sort_order") VALUES
  ('recovery', 'Palautuminen ja jaksaminen', 'Återhämtning och ork', 'Recovery and coping', 10),
  ('time', 'Ajankäyttö', 'Tidsanvändning', 'Time management', 20),
  ('self-leadership', 'Itsensä johtaminen', 'Självledarskap', 'Self-leadership', 30),
  ('marketing', 'Markkinointi ja some', 'Marknadsföring och sociala medier', 'Marketing and social media', 40),
  ('data-protection', 'Tietosuoja', 'Dataskydd', 'Data protection', 50),
  ('finance', 'Talous ja hinnoittelu', 'Ekonomi och prissättning', 'Finances and pricing', 60),
  ('crisis', 'Kriisi ja tukitoimet', 'Kris och stödåtgärder', 'Crisis and support measures', 70),
  ('peer-group', 'Vertaisryhmä', 'Kamratgrupp', 'Peer group', 80),
  ('customers', 'Asiakkaat ja myynti', 'Kunder och försäljning', 'Customers and sales', 90);
