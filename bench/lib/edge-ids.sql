-- Active products whose JSON is easy to get wrong, for the check that every server returns the same JSON:
-- no description, a whole price, a price with a trailing zero (12.50), a price with four decimals.
(SELECT "Id" FROM catalog."Products" WHERE "Status" = 'Active' AND "Description" IS NULL LIMIT 1)
UNION ALL
(SELECT "Id" FROM catalog."Products" WHERE "Status" = 'Active' AND "Price" = trunc("Price") LIMIT 1)
UNION ALL
(SELECT "Id" FROM catalog."Products" WHERE "Status" = 'Active' AND "Price" * 10 = trunc("Price" * 10) AND "Price" <> trunc("Price") LIMIT 1)
UNION ALL
(SELECT "Id" FROM catalog."Products" WHERE "Status" = 'Active' AND "Price" * 100 <> trunc("Price" * 100) LIMIT 1);
