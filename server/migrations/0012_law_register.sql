CREATE TABLE "law_versions" (
	"row_id" serial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"law" text NOT NULL,
	"title" text NOT NULL,
	"adopted_on" date NOT NULL,
	"effective_from" date NOT NULL,
	"effective_until" date,
	"general" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"unconfirmed" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "offence_versions" (
	"row_id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"law" text NOT NULL,
	"version" text NOT NULL,
	"article" text NOT NULL,
	"case_type" text NOT NULL,
	"tiers" jsonb NOT NULL,
	"organisations" boolean DEFAULT false NOT NULL,
	"publication_excluded" boolean DEFAULT false NOT NULL,
	"unconfirmed" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "act_date" date;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "law_basis" jsonb;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "law_notices" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "law_versions_current" ON "law_versions" USING btree ("id") WHERE superseded_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "offence_versions_current" ON "offence_versions" USING btree ("name","version") WHERE superseded_at is null;--> statement-breakpoint
CREATE INDEX "offence_versions_name" ON "offence_versions" USING btree ("name");