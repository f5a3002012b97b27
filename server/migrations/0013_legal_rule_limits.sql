ALTER TABLE "legal_rules" ADD COLUMN "max_times" integer;--> statement-breakpoint
ALTER TABLE "legal_rules" ADD COLUMN "hearing_excluded" boolean DEFAULT false NOT NULL;