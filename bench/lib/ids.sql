-- :count active product ids in a fixed pseudo-random order: the ids the load generator picks from.
SELECT "Id" FROM catalog."Products" WHERE "Status" = 'Active' ORDER BY md5("Id"::text) LIMIT :count;
