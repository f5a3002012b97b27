ALTER TABLE "case_parties" ADD COLUMN "legal_representative" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "offence_penalties" jsonb;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "measures" jsonb;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "guilty_plea" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "revoke_ground" text;