CREATE TABLE "audit_legacy_unsealed" (
	"audit_id" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "key_id" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "mac" text;--> statement-breakpoint
ALTER TABLE "audit_seals" ADD COLUMN "key_id" text;--> statement-breakpoint
-- Hand-written below: the records already in the log but not yet sealed are the only records
-- without a MAC the sealer will ever take into the chain.
INSERT INTO "audit_legacy_unsealed" ("audit_id")
  SELECT a."id" FROM "audit_log" a
  WHERE NOT EXISTS (SELECT 1 FROM "audit_seals" s WHERE s."audit_id" = a."id");
--> statement-breakpoint
-- The one way the application writes an audit record. Run as its owner (SECURITY DEFINER), so the
-- application's database role needs EXECUTE on it and no privilege on audit_log but SELECT
-- (`fazhi db grant-app-role`); a record without its MAC is refused.
CREATE FUNCTION fazhi_audit_append(
  p_id bigint, p_org_id integer, p_at timestamptz, p_actor_id integer, p_actor_name text,
  p_actor_role text, p_unit_id integer, p_unit_name text, p_action text, p_target_type text,
  p_target_id text, p_outcome text, p_summary jsonb, p_client_ip text, p_key_id text, p_mac text
) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF p_key_id IS NULL OR p_mac IS NULL THEN
    RAISE EXCEPTION 'audit_log: a record needs its key id and MAC';
  END IF;
  INSERT INTO audit_log (id, org_id, at, actor_id, actor_name, actor_role, unit_id, unit_name,
    action, target_type, target_id, outcome, summary, client_ip, key_id, mac)
  VALUES (p_id, p_org_id, p_at, p_actor_id, p_actor_name, p_actor_role, p_unit_id, p_unit_name,
    p_action, p_target_type, p_target_id, p_outcome, p_summary, p_client_ip, p_key_id, p_mac);
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION fazhi_audit_append(bigint, integer, timestamptz, integer, text, text, integer,
  text, text, text, text, text, jsonb, text, text, text) FROM PUBLIC;
