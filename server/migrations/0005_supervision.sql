CREATE TABLE "accountability_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"finding_id" bigint,
	"case_id" bigint,
	"unit_id" integer NOT NULL,
	"officer_id" integer,
	"fault" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"measure" text,
	"decision_note" text,
	"opened_by" integer NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "callbacks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"incident_id" bigint NOT NULL,
	"unit_id" integer NOT NULL,
	"reason" text NOT NULL,
	"created_on" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"satisfaction" text,
	"note" text,
	"called_by" integer,
	"called_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"follow_up_status" text DEFAULT 'none' NOT NULL,
	"follow_up_due_on" date,
	"follow_up_result" text,
	"follow_up_by" integer,
	"follow_up_closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "camera_checks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"sample_day" date NOT NULL,
	"incident_id" bigint NOT NULL,
	"unit_id" integer NOT NULL,
	"result" text DEFAULT 'pending' NOT NULL,
	"note" text,
	"checked_by" integer,
	"checked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "committee_meetings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"chair_id" integer,
	"attendee_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"topic_reports" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"case_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"recorded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "daily_job_runs" (
	"org_id" integer NOT NULL,
	"job" text NOT NULL,
	"day" date NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"result" jsonb,
	"error" text,
	"instance" text
);
--> statement-breakpoint
CREATE TABLE "evaluation_awards" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"unit_id" integer NOT NULL,
	"officer_id" integer,
	"rank" integer NOT NULL,
	"score" numeric(5, 1) NOT NULL,
	"consecutive_years" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" integer NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" integer,
	"approved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"rubric_id" integer NOT NULL,
	"per_unit" integer NOT NULL,
	"seed" integer NOT NULL,
	"status" text DEFAULT 'scoring' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evaluation_rubrics" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"full_score" integer DEFAULT 100 NOT NULL,
	"excellent_score" integer DEFAULT 90 NOT NULL,
	"effective_from" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_samples" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"round_id" integer NOT NULL,
	"case_id" bigint NOT NULL,
	"unit_id" integer NOT NULL,
	"officer_id" integer NOT NULL,
	"evaluator_id" integer,
	"status" text DEFAULT 'pending' NOT NULL,
	"deductions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vetoed" boolean DEFAULT false NOT NULL,
	"score" numeric(5, 1),
	"scored_at" timestamp with time zone,
	"dispute_reason" text,
	"disputed_by" integer,
	"disputed_at" timestamp with time zone,
	"dispute_outcome" text,
	"dispute_note" text,
	"dispute_decided_by" integer,
	"dispute_decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"finding_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"actor_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"finding_id" bigint NOT NULL,
	"event_id" bigint,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_inspections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"items" jsonb NOT NULL,
	"problems" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"rectification" text,
	"submitted_by" integer NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rectified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "supervision_documents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"doc_no" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"unit_id" integer,
	"period_from" date,
	"period_to" date,
	"finding_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"body" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"content" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"issued_by" integer NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_findings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"rule_code" text NOT NULL,
	"problem_key" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" bigint NOT NULL,
	"incident_id" bigint,
	"case_id" bigint,
	"unit_id" integer NOT NULL,
	"officer_id" integer,
	"severity" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"source" text DEFAULT 'scan' NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rectify_due_on" date NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" integer,
	"closed_reason" text,
	"confirmed_violation" boolean DEFAULT false NOT NULL,
	"return_count" integer DEFAULT 0 NOT NULL,
	"supervised_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"legal_basis" text NOT NULL,
	"severity" text NOT NULL,
	"scope" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"effective_from" date NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"rectify_days" integer DEFAULT 10 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_scans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"trigger" text NOT NULL,
	"mode" text NOT NULL,
	"scheduled_for" date,
	"since" timestamp with time zone,
	"status" text DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"started_by" integer,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"progress" numeric(4, 3) DEFAULT '0' NOT NULL,
	"error" text,
	"instance" text
);
--> statement-breakpoint
ALTER TABLE "accountability_records" ADD CONSTRAINT "accountability_records_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "camera_checks" ADD CONSTRAINT "camera_checks_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD CONSTRAINT "committee_meetings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_job_runs" ADD CONSTRAINT "daily_job_runs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_awards" ADD CONSTRAINT "evaluation_awards_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rubrics" ADD CONSTRAINT "evaluation_rubrics_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_samples" ADD CONSTRAINT "evaluation_samples_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_events" ADD CONSTRAINT "finding_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_files" ADD CONSTRAINT "finding_files_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspections" ADD CONSTRAINT "self_inspections_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_documents" ADD CONSTRAINT "supervision_documents_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_findings" ADD CONSTRAINT "supervision_findings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_rules" ADD CONSTRAINT "supervision_rules_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_scans" ADD CONSTRAINT "supervision_scans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accountability_org_status" ON "accountability_records" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "callbacks_incident" ON "callbacks" USING btree ("org_id","incident_id");--> statement-breakpoint
CREATE INDEX "callbacks_org_status" ON "callbacks" USING btree ("org_id","status","created_on");--> statement-breakpoint
CREATE INDEX "callbacks_org_follow_up" ON "callbacks" USING btree ("org_id","follow_up_status");--> statement-breakpoint
CREATE UNIQUE INDEX "camera_checks_incident" ON "camera_checks" USING btree ("org_id","incident_id");--> statement-breakpoint
CREATE INDEX "camera_checks_org_day" ON "camera_checks" USING btree ("org_id","sample_day");--> statement-breakpoint
CREATE INDEX "committee_meetings_org_held" ON "committee_meetings" USING btree ("org_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "daily_job_runs_key" ON "daily_job_runs" USING btree ("org_id","job","day");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_awards_key" ON "evaluation_awards" USING btree ("org_id","year","kind","unit_id","officer_id");--> statement-breakpoint
CREATE INDEX "evaluation_awards_org_year" ON "evaluation_awards" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rounds_org_period" ON "evaluation_rounds" USING btree ("org_id","year","quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rubrics_org_from" ON "evaluation_rubrics" USING btree ("org_id","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_samples_round_case" ON "evaluation_samples" USING btree ("round_id","case_id");--> statement-breakpoint
CREATE INDEX "evaluation_samples_round_unit" ON "evaluation_samples" USING btree ("round_id","unit_id");--> statement-breakpoint
CREATE INDEX "finding_events_finding" ON "finding_events" USING btree ("finding_id");--> statement-breakpoint
CREATE INDEX "finding_files_finding" ON "finding_files" USING btree ("finding_id");--> statement-breakpoint
CREATE UNIQUE INDEX "self_inspections_unit_period" ON "self_inspections" USING btree ("org_id","unit_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_documents_org_no" ON "supervision_documents" USING btree ("org_id","doc_no");--> statement-breakpoint
CREATE INDEX "supervision_documents_org_kind" ON "supervision_documents" USING btree ("org_id","kind","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_findings_problem" ON "supervision_findings" USING btree ("org_id","rule_code","problem_key");--> statement-breakpoint
CREATE INDEX "supervision_findings_org_status" ON "supervision_findings" USING btree ("org_id","status","rectify_due_on");--> statement-breakpoint
CREATE INDEX "supervision_findings_org_unit" ON "supervision_findings" USING btree ("org_id","unit_id","status");--> statement-breakpoint
CREATE INDEX "supervision_findings_org_occurred" ON "supervision_findings" USING btree ("org_id","occurred_on");--> statement-breakpoint
CREATE INDEX "supervision_findings_case" ON "supervision_findings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "supervision_findings_incident" ON "supervision_findings" USING btree ("incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_rules_org_code_from" ON "supervision_rules" USING btree ("org_id","code","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_scans_daily" ON "supervision_scans" USING btree ("org_id","scheduled_for");--> statement-breakpoint
CREATE INDEX "supervision_scans_org_started" ON "supervision_scans" USING btree ("org_id","started_at");