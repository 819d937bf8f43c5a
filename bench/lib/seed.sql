-- The benchmark's catalog: 20 categories and :products products (every 50th archived), written straight into the
-- tables Enterprise's migrations create. Deterministic (ids from md5), so every run reads the same rows.
-- Values follow the domain's rules: SKUs are upper-case letter/digit groups joined by hyphens, NormalizedName is the
-- upper-cased name (ASCII here, so PostgreSQL's upper() folds as .NET does), prices have at most four decimals,
-- timestamps are UTC with microseconds.
BEGIN;

INSERT INTO catalog."Categories" ("Id", "Name", "Slug", "Version", "DeletedAt")
SELECT md5('category-' || c)::uuid, 'Category ' || c, 'category-' || c, 1, NULL
FROM generate_series(1, 20) AS c;

INSERT INTO catalog."Products" ("Id", "Sku", "Name", "NormalizedName", "Description", "Price", "Currency", "StockQuantity",
                        "CategoryId", "Status", "CreatedAt", "UpdatedAt", "Version")
SELECT md5('product-' || p)::uuid,
       'BK-' || lpad(p::text, 6, '0'),
       name,
       upper(name),
       CASE WHEN p % 10 = 0 THEN NULL ELSE 'A sturdy ' || lower(noun) || ' for everyday work, batch ' || p END,
       -- Mostly two decimals, some whole or with a trailing zero, every 7th with four.
       CASE WHEN p % 7 = 0 THEN (p % 5000) + 0.1234 ELSE ((p * 7919) % 100000) / 100.0 END,
       (ARRAY['EUR', 'USD', 'GBP'])[1 + p % 3],
       (p * 37) % 1000,
       md5('category-' || (1 + p % 20))::uuid,
       CASE WHEN p % 50 = 0 THEN 'Archived' ELSE 'Active' END,
       created,
       created + (p % 13) * interval '1 day 00:00:00.000001',
       1 + p % 4
FROM generate_series(1, :products) AS p,
     LATERAL (SELECT (ARRAY['Hammer', 'Wrench', 'Chisel', 'Saw', 'Drill', 'Level', 'Clamp', 'Pliers', 'File', 'Plane'])[1 + p % 10] AS noun) AS n,
     LATERAL (SELECT noun || ' ' || (ARRAY['Classic', 'Pro', 'Compact', 'Heavy', 'Mini'])[1 + (p / 10) % 5] || ' ' || p AS name) AS m,
     LATERAL (SELECT timestamptz '2026-01-01 08:00:00+00' + p * interval '17 minutes 3.123457 seconds' AS created) AS t;

COMMIT;
ANALYZE catalog."Categories";
ANALYZE catalog."Products";
