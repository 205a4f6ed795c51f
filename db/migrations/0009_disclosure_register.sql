CREATE TABLE "disclosure_releases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"domain" text NOT NULL,
	"set_hash" text NOT NULL,
	"members" uuid[] NOT NULL,
	"size" integer NOT NULL,
	"organization_id" uuid NOT NULL,
	"released_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_releases_domain_set_idx" ON "disclosure_releases" USING btree ("domain","set_hash");--> statement-breakpoint
CREATE INDEX "disclosure_releases_members_idx" ON "disclosure_releases" USING gin ("members");