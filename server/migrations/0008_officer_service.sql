ALTER TABLE "officers" ADD COLUMN "joined_on" date;--> statement-breakpoint
ALTER TABLE "officers" ADD COLUMN "left_on" date;