-- For measuring the retention (docs/moderation.md, Retention) on PostgreSQL, in a database the service has migrated:
-- psql -v n=N -f scripts/lib/retention-fill.sql stores 2N comments of ~600 characters on one article of news.example,
-- published by the policy, each with its policy decision: N stored 60 days ago (past unreviewedDays 30) and N a day ago,
-- interleaved on disk. Then POST /tasks/retention deletes the first N; its log line says in how long and in how many batches.
INSERT INTO articles (id, local_id, title, created_at, site) VALUES ('bench-a', 'bench-a', 'bench', now(), 'news.example') ON CONFLICT DO NOTHING;
INSERT INTO comments (id, local_id, article_id, text, open_reports, toxicity, severe_toxicity, identity_attack, insult, profanity, threat,
    risk, top_attribute, spans, model_name, model_version, model_checksum, action, status, decided_by, version, created_at, updated_at, site)
SELECT 'bench-' || i, 'bench-' || i, 'bench-a', repeat('a comment of about six hundred characters ', 15), 0, 0.1, 0, 0, 0, 0, 0,
    0.1, 'TOXICITY', '[]', 'm', 'v1', 'sum', 'PUBLISH', 'PUBLISHED', 'RULE', 1, t, t, 'news.example'
FROM (SELECT i, now() - CASE WHEN i % 2 = 0 THEN interval '60 days' ELSE interval '1 day' END - i * interval '1 millisecond' AS t
      FROM generate_series(1, 2 * :n) i) s;
-- Counted before the decisions' foreign-key checks are planned: on statistics of an empty table each was a scan.
ANALYZE comments;
INSERT INTO decisions (comment_id, version, decision, status, actor, actor_kind, text, scores, model_version, model_checksum, decided_at)
SELECT id, 1, 'PUBLISH', 'PUBLISHED', 'policy', 'RULE', text, '{}', 'v1', 'sum', created_at FROM comments WHERE id LIKE 'bench-%';
ANALYZE;
