CREATE TABLE "clock_moves" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"clock_kind" text NOT NULL,
	"target_id" bigint NOT NULL,
	"case_id" bigint,
	"unit_id" integer NOT NULL,
	"officer_id" integer,
	"rule" text NOT NULL,
	"calendar_year" integer NOT NULL,
	"due_before" date NOT NULL,
	"due_after" date NOT NULL,
	"provisional_after" boolean NOT NULL,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" integer,
	CONSTRAINT "clock_moves_kind" CHECK (clock_kind in ('case', 'proceeding', 'publication', 'publication_withdraw'))
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "clock_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "proceedings" ADD COLUMN "due_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "due_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "withdraw_started_on" date;--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "withdraw_due_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clock_moves" ADD CONSTRAINT "clock_moves_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clock_moves_org_officer" ON "clock_moves" USING btree ("org_id","officer_id","acknowledged_at");--> statement-breakpoint
CREATE INDEX "clock_moves_org_unit" ON "clock_moves" USING btree ("org_id","unit_id","acknowledged_at");