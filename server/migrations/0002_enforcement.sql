CREATE TABLE "case_offences" (
	"org_id" integer NOT NULL,
	"case_id" bigint NOT NULL,
	"penalty_item_code" text NOT NULL,
	CONSTRAINT "case_offences_case_id_penalty_item_code_pk" PRIMARY KEY("case_id","penalty_item_code")
);
--> statement-breakpoint
CREATE TABLE "case_parties" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"case_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"id_number" text,
	"credit_code" text,
	"phone" text,
	"address" text
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"case_no" text NOT NULL,
	"case_type" text NOT NULL,
	"incident_id" bigint,
	"unit_id" integer NOT NULL,
	"lead_officer_id" integer NOT NULL,
	"co_officer_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"proposed_decision" text,
	"current_gate" text,
	"review_round" integer DEFAULT 0 NOT NULL,
	"major" boolean DEFAULT false NOT NULL,
	"in_centre" boolean DEFAULT false NOT NULL,
	"complex" boolean DEFAULT false NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"clock_rule" text,
	"clock_start" date,
	"clock_due" date,
	"accepted_at" timestamp with time zone,
	"period_extended_days" integer DEFAULT 0 NOT NULL,
	"appraisal_days" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"case_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"doc_no" text NOT NULL,
	"fine_amount" numeric(12, 2),
	"detention_days" integer,
	"confiscation" text,
	"penalty_item_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"party_id" bigint,
	"facts" text DEFAULT '' NOT NULL,
	"reasoning" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"decided_by" integer NOT NULL,
	"status" text DEFAULT 'effective' NOT NULL,
	"status_changed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "discussions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"case_id" bigint NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"chair_id" integer NOT NULL,
	"opinions" jsonb NOT NULL,
	"conclusion" text NOT NULL,
	"dissent" text,
	"recorded_by" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"case_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"description" text,
	"uploaded_by" integer NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_categories" (
	"org_id" integer NOT NULL,
	"code" text NOT NULL,
	"parent_code" text,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"needs_case" boolean DEFAULT false NOT NULL,
	"camera_required" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "incident_categories_org_id_code_pk" PRIMARY KEY("org_id","code")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"incident_no" text NOT NULL,
	"source" text NOT NULL,
	"source_id" text,
	"received_at" timestamp with time zone NOT NULL,
	"caller_name" text,
	"caller_phone" text,
	"category_code" text NOT NULL,
	"place" text NOT NULL,
	"narrative" text NOT NULL,
	"unit_id" integer NOT NULL,
	"officer_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"disposal" text DEFAULT 'pending' NOT NULL,
	"disposal_note" text,
	"disposed_at" timestamp with time zone,
	"camera_recorded" boolean,
	"camera_evidence_ref" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"amount" integer NOT NULL,
	"unit" text NOT NULL,
	"custody" boolean DEFAULT false NOT NULL,
	"effective_from" date NOT NULL,
	"citation" text NOT NULL,
	"unconfirmed" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_sequences" (
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"next" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "number_sequences_org_id_kind_year_pk" PRIMARY KEY("org_id","kind","year")
);
--> statement-breakpoint
CREATE TABLE "offline_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"case_id" bigint,
	"case_type" text NOT NULL,
	"title" text NOT NULL,
	"reason" text NOT NULL,
	"reported_by" integer NOT NULL,
	"reported_on" date NOT NULL,
	"approved_by" integer
);
--> statement-breakpoint
CREATE TABLE "penalty_items" (
	"org_id" integer NOT NULL,
	"code" text NOT NULL,
	"case_type" text NOT NULL,
	"name" text NOT NULL,
	"law" text NOT NULL,
	"article" text NOT NULL,
	"penalties" text[] DEFAULT '{}'::text[] NOT NULL,
	"power_list_code" text,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "penalty_items_org_id_code_pk" PRIMARY KEY("org_id","code")
);
--> statement-breakpoint
CREATE TABLE "proceedings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"case_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"started_on" date NOT NULL,
	"clock_rule" text,
	"due_on" date,
	"closed_on" date,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"outcome" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"decision_id" bigint NOT NULL,
	"case_id" bigint NOT NULL,
	"unit_id" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"clock_rule" text NOT NULL,
	"due_on" date NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" integer,
	"content" jsonb,
	"search_text" text,
	"withdraw_due_on" date,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	CONSTRAINT "publications_decision_id_unique" UNIQUE("decision_id")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"case_id" bigint NOT NULL,
	"round" integer NOT NULL,
	"gate" text NOT NULL,
	"reviewer_id" integer NOT NULL,
	"outcome" text NOT NULL,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reasons" text,
	"acted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_offences" ADD CONSTRAINT "case_offences_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_lead_officer_id_officers_id_fk" FOREIGN KEY ("lead_officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussions" ADD CONSTRAINT "discussions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_categories" ADD CONSTRAINT "incident_categories_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_sequences" ADD CONSTRAINT "number_sequences_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offline_reports" ADD CONSTRAINT "offline_reports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_items" ADD CONSTRAINT "penalty_items_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proceedings" ADD CONSTRAINT "proceedings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_parties_case" ON "case_parties" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_org_no" ON "cases" USING btree ("org_id","case_no");--> statement-breakpoint
CREATE INDEX "cases_org_unit_status" ON "cases" USING btree ("org_id","unit_id","status");--> statement-breakpoint
CREATE INDEX "cases_org_gate" ON "cases" USING btree ("org_id","current_gate");--> statement-breakpoint
CREATE INDEX "cases_incident" ON "cases" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "cases_clock_due" ON "cases" USING btree ("org_id","clock_due");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_org_doc_no" ON "decisions" USING btree ("org_id","doc_no");--> statement-breakpoint
CREATE INDEX "decisions_case" ON "decisions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "discussions_case" ON "discussions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "evidence_case" ON "evidence" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_org_no" ON "incidents" USING btree ("org_id","incident_no");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_org_source_id" ON "incidents" USING btree ("org_id","source_id");--> statement-breakpoint
CREATE INDEX "incidents_org_unit_received" ON "incidents" USING btree ("org_id","unit_id","received_at");--> statement-breakpoint
CREATE INDEX "incidents_org_received" ON "incidents" USING btree ("org_id","received_at");--> statement-breakpoint
CREATE INDEX "incidents_updated" ON "incidents" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_rules_code_from" ON "legal_rules" USING btree ("code","effective_from");--> statement-breakpoint
CREATE INDEX "offline_reports_org_date" ON "offline_reports" USING btree ("org_id","reported_on");--> statement-breakpoint
CREATE INDEX "proceedings_case" ON "proceedings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "proceedings_org_due" ON "proceedings" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "publications_org_status_due" ON "publications" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "publications_published" ON "publications" USING btree ("org_id","published_at");--> statement-breakpoint
CREATE INDEX "reviews_case" ON "reviews" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_case_round_gate" ON "reviews" USING btree ("case_id","round","gate");