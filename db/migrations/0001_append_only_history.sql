-- Revisions and the audit log are history: rows are added, never changed or removed.
CREATE FUNCTION midad_refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER article_revisions_append_only BEFORE UPDATE OR DELETE ON article_revisions
  FOR EACH ROW EXECUTE FUNCTION midad_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER article_events_append_only BEFORE UPDATE OR DELETE ON article_events
  FOR EACH ROW EXECUTE FUNCTION midad_refuse_history_change();
