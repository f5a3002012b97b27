ALTER TABLE "officers" ADD COLUMN "personnel_kind" text DEFAULT 'police' NOT NULL;--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_personnel_kind" CHECK (personnel_kind in ('police', 'auxiliary', 'civilian', 'lawyer'));--> statement-breakpoint
-- The stationed lawyer (驻所律师) was an account holding the mediator role and nothing else. Not
-- a police officer: databases made before this migration stop counting that account as one.
UPDATE "officers" SET "personnel_kind" = 'lawyer'
WHERE "id" IN (SELECT "officer_id" FROM "officer_roles" WHERE "role_code" = 'mediator')
  AND "id" NOT IN (SELECT "officer_id" FROM "officer_roles" WHERE "role_code" <> 'mediator');
