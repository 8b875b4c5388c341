-- Generates a member import file for scripts/bench-member-import.sh: :rows rows over the booths of state :state,
-- with about 1 in 200 bad mobile numbers, 1 in 300 unknown booths and 1 in 500 mobile numbers repeated from an earlier line.
-- Mobile numbers are spread over valid Indian mobile ranges starting 6, 7, 8 and 9, unique but for the repeats.
-- psql -v rows=1000000 -v state=MP -v out=FILE -f scripts/member-csv.sql
\set ON_ERROR_STOP on
CREATE TEMP TABLE bench_booths AS
SELECT row_number() OVER (ORDER BY t.id) - 1 AS k, a.number AS ac, t.part_number AS part
FROM territories t JOIN assembly_constituencies a ON a.id = t.assembly_constituency_id
WHERE t.level = 6 AND t.state_id = (SELECT id FROM territories WHERE code = :'state' AND level = 1);
SELECT count(*) AS booth_count FROM bench_booths \gset
\o :out
COPY (SELECT CASE WHEN i % 2 = 0 THEN 'Member ' || i ELSE 'सदस्य ' || i END AS name, CASE WHEN i % 200 = 0 THEN '98765' ELSE ((ARRAY[60, 69, 70, 74, 84, 85, 94, 98])[j % 8 + 1] * 100000000::bigint + (j * 7919::bigint) % 100000000)::text END AS mobile, CASE WHEN i % 300 = 0 THEN 9999 ELSE b.ac END AS ac_number, b.part AS part_number, CASE WHEN i % 3 = 0 THEN 'F' ELSE 'M' END AS gender, 1960 + i % 45 AS birth_year, CASE WHEN i % 4 = 0 THEN 'online' ELSE 'paper' END AS channel, to_char(date '2026-10-01' + (i % 50), 'YYYY-MM-DD') AS enrolled_on, 'Worker ' || (i % 1000) AS enrolled_by FROM generate_series(1, :rows) AS i CROSS JOIN LATERAL (SELECT CASE WHEN i % 500 = 0 THEN i - 7 ELSE i END AS j) AS x JOIN bench_booths b ON b.k = (i * 48271::bigint) % :booth_count ORDER BY i) TO STDOUT WITH (FORMAT csv, HEADER);
\o
