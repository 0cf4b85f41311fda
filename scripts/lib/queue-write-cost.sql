-- For scripts/benchmark-queue (PostgreSQL): what the comments table's indexes cost each write, in the
-- database alone. 5,000 published comments are rejected as a moderator's decision does (an UPDATE that
-- moves each in every queue index), then copied as new comments (an INSERT each), all rolled back.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE pick AS SELECT id FROM comments WHERE status = 'PUBLISHED' ORDER BY md5(id) LIMIT 5000;
DO $$
DECLARE r record; c comments; t timestamptz; n int := (SELECT COUNT(*) FROM pick);
BEGIN
  t := clock_timestamp();
  FOR r IN SELECT id FROM pick LOOP
    UPDATE comments SET status = 'REJECTED', decided_by = 'MODERATOR', open_reports = 0, version = version + 1,
        updated_at = now() WHERE id = r.id;
  END LOOP;
  RAISE NOTICE 'UPDATE as a decision: % us each (% comments)', round(extract(epoch FROM clock_timestamp() - t) * 1e6 / n), n;
  CREATE TEMP TABLE copy AS SELECT * FROM comments WHERE id IN (SELECT id FROM pick);
  UPDATE copy SET id = id || '#copy', local_id = local_id || '#copy';
  t := clock_timestamp();
  FOR c IN SELECT * FROM copy LOOP
    INSERT INTO comments SELECT c.*;
  END LOOP;
  RAISE NOTICE 'INSERT of a comment: % us each', round(extract(epoch FROM clock_timestamp() - t) * 1e6 / n);
END $$;
ROLLBACK;
