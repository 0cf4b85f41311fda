-- For scripts/benchmark-queue (PostgreSQL): multiplies the comments submitted through the API
-- (scripts/lib/queue-seed.py) into a news site's years of moderation, with the real rows' shape.
-- psql -v copies=K -v articles=A: each seed article's comments are copied K times, each copy into
-- one of A articles made over three years (popular ones get many copies: the largest some 2 % of
-- all comments). Each copy keeps its seed's text, scores, spans, stance and rules, and gets a history:
--   held by the policy (PENDING): 10 % still wait (made in the last 14 days), 1 % ESCALATED,
--     69 % approved and 20 % rejected by a moderator;
--   published: 0.5 % reported with reports still open (REPORTED), 2.5 % reported and then decided
--     (70 % approved, 30 % rejected), the rest untouched;
--   rejected by the policy: 5 % approved by a moderator.
-- Every copy has the policy's decision (version 1), its reports (each a version) and its
-- moderator's decision, as the service writes them. Ids: SEED~K.
-- -v sites=N: article g (and so each copy placed in it) is the seeds' site's when g % N = 0, else
-- bench-(1 + g % N).example's; with 1, every article is the seeds' site's, as before the option.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE seed AS
    SELECT c.*, dense_rank() OVER (ORDER BY c.article_id) AS thread FROM comments c;
CREATE TEMP TABLE seed_title AS SELECT row_number() OVER (ORDER BY id) AS n, title FROM articles;

-- Keyed by their local ids, as rows from before changeset 16 are (each g is one site's, so none is taken twice), and of
-- the site their comments go to: they are shown their titles.
INSERT INTO articles (id, local_id, title, created_at, site)
SELECT 'bench-' || g, 'bench-' || g, t.title || ' (' || g || ')', now() - interval '1095 days' * (1 - g::float8 / :articles),
       CASE WHEN g % :sites = 0 THEN (SELECT min(site) FROM seed) ELSE 'bench-' || (1 + g % :sites) || '.example' END
FROM generate_series(1, :articles) g
JOIN seed_title t ON t.n = 1 + g % (SELECT count(*) FROM seed_title);

-- Where each copy of a seed article goes: random()^2 favours a few articles; * 7919 (prime) spreads
-- the popular ones over the three years.
CREATE TEMP TABLE placement AS
SELECT s.thread, k, 'bench-' || (1 + (floor(:articles * power(random(), 2))::bigint * 7919) % :articles) AS article_id
FROM (SELECT DISTINCT thread FROM seed) s, generate_series(1, :copies) k;

CREATE TEMP TABLE fate AS
SELECT f.*, a.site, CASE WHEN seed_status = 'PENDING' AND u < 0.10 THEN now() - interval '14 days' * random()
                 ELSE LEAST(now() - interval '1 minute', a.created_at + interval '3 days' * power(random(), 3)) END AS created_at
FROM (SELECT s.id AS seed_id, s.id || '~' || p.k AS id, p.article_id, p.k, s.thread, s.status AS seed_status,
             random() AS u, 1 + floor(random() * 3)::int AS nreports
      FROM seed s JOIN placement p ON p.thread = s.thread) f
JOIN articles a ON a.id = f.article_id;

-- status, decided_by, reports (open or closed), and the moderator's verdict if any
CREATE TEMP TABLE outcome AS
SELECT f.*,
       CASE WHEN seed_status = 'PENDING' AND u < 0.10 THEN 'WAIT'
            WHEN seed_status = 'PENDING' AND u < 0.11 THEN 'ESCALATE'
            WHEN seed_status = 'PENDING' AND u < 0.80 THEN 'APPROVE'
            WHEN seed_status = 'PENDING' THEN 'REJECT'
            WHEN seed_status = 'PUBLISHED' AND u < 0.005 THEN 'OPEN'
            WHEN seed_status = 'PUBLISHED' AND u < 0.0225 THEN 'APPROVE'
            WHEN seed_status = 'PUBLISHED' AND u < 0.03 THEN 'REJECT'
            WHEN seed_status = 'REJECTED' AND u < 0.05 THEN 'APPROVE'
            ELSE 'NONE' END AS verdict,
       seed_status = 'PUBLISHED' AND u < 0.03 AS reported
FROM fate f;
ALTER TABLE outcome ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
UPDATE outcome SET decided_at = LEAST(now(), created_at + interval '2 days' * random())
WHERE verdict IN ('ESCALATE', 'APPROVE', 'REJECT');

INSERT INTO comments (id, local_id, article_id, number, parent_id, parent_number, author, text, quote, rating_up, rating_down,
    open_reports, toxicity, severe_toxicity, identity_attack, insult, profanity, threat, risk, top_attribute, spans,
    stance, model_name, model_version, model_checksum, action, status, decided_by, version, created_at, updated_at,
    language, parent_author, rules, site)
SELECT o.id, s.local_id || '~' || o.k, o.article_id, s.number + 10000 * (o.k * 64 + o.thread), s.parent_id || '~' || o.k,
       s.parent_number + 10000 * (o.k * 64 + o.thread), s.author, s.text, s.quote, s.rating_up, s.rating_down,
       CASE WHEN o.verdict = 'OPEN' THEN o.nreports ELSE 0 END,
       s.toxicity, s.severe_toxicity, s.identity_attack, s.insult, s.profanity, s.threat, s.risk, s.top_attribute,
       s.spans, s.stance, s.model_name, s.model_version, s.model_checksum, s.action,
       CASE o.verdict WHEN 'ESCALATE' THEN 'ESCALATED' WHEN 'APPROVE' THEN 'PUBLISHED' WHEN 'REJECT' THEN 'REJECTED'
                      ELSE s.status END,
       CASE WHEN o.verdict IN ('ESCALATE', 'APPROVE', 'REJECT') THEN 'MODERATOR' ELSE 'RULE' END,
       1 + CASE WHEN o.reported THEN o.nreports ELSE 0 END + CASE WHEN o.decided_at IS NULL THEN 0 ELSE 1 END,
       o.created_at, COALESCE(o.decided_at, o.created_at), s.language, s.parent_author, s.rules, o.site
FROM outcome o JOIN seed s ON s.id = o.seed_id;

INSERT INTO decisions (comment_id, version, decision, status, reason, note, actor, actor_kind, text, scores,
    model_version, model_checksum, decided_at)
SELECT o.id, 1, d.decision, d.status, d.reason, d.note, d.actor, d.actor_kind, d.text, d.scores,
       d.model_version, d.model_checksum, o.created_at
FROM outcome o JOIN decisions d ON d.comment_id = o.seed_id AND d.version = 1;

INSERT INTO decisions (comment_id, version, decision, status, reason, note, actor, actor_kind, text, scores,
    model_version, model_checksum, decided_at)
SELECT o.id, c.version, o.verdict, c.status, CASE WHEN o.verdict = 'REJECT' THEN lower(c.top_attribute) END,
       CASE WHEN o.verdict = 'ESCALATE' THEN 'for a senior moderator' END,
       'mod' || (1 + floor(random() * 12)), 'MODERATOR', c.text, d.scores, c.model_version, c.model_checksum, o.decided_at
FROM outcome o JOIN comments c ON c.id = o.id JOIN decisions d ON d.comment_id = o.seed_id AND d.version = 1
WHERE o.decided_at IS NOT NULL;

INSERT INTO reports (comment_id, reason, client, report_id, reported_at)
SELECT o.id, (ARRAY['abusive', 'spam', 'off topic', 'personal attack'])[1 + floor(random() * 4)::int], 'bench',
       o.id || '-' || r, o.created_at + (COALESCE(o.decided_at, now()) - o.created_at) * random()
FROM outcome o, generate_series(1, o.nreports) r
WHERE o.reported;
COMMIT;
VACUUM ANALYZE;
