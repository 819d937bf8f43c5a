// Enterprise v2's product representation, shared by the Node peers so that every server sends the same JSON.
// Rows come from node-postgres with timestamptz left as PostgreSQL's text (see timestampsAsText): a JavaScript Date
// would cut Enterprise's microseconds to milliseconds. numeric arrives as text by default.
const TIMESTAMPTZ_OID = 1184;

/** Makes node-postgres (its `pg.types`) hand timestamptz over as text; call before the first query. */
export function timestampsAsText(types) {
  types.setTypeParser(TIMESTAMPTZ_OID, (text) => text);
}

/** Session settings for every connection: timestamps are written in UTC, as Enterprise writes them. */
export const connectionOptions = '-c TimeZone=UTC';

/**
 * '2026-01-01 10:00:00.1234+00' (a UTC session's text) as .NET's System.Text.Json writes a UTC DateTime:
 * '2026-01-01T10:00:00.1234Z'. Both drop trailing zeros of the fraction, and the dot when none is left.
 */
export function instant(text) {
  return `${text.slice(0, 10)}T${text.slice(11, text.length - 3)}Z`;
}

/** numeric(18,4) text such as '12.5000' as the JSON number Enterprise writes (12.5): exact, no trailing zeros. */
export function amount(text) {
  return Number(text);
}

/**
 * A product (the Products row with camelCase names; price, createdAt and updatedAt as PostgreSQL's text) as
 * Enterprise v2's ProductResponse.
 */
export function productResponse(product) {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    price: { amount: amount(product.price), currency: product.currency },
    stockQuantity: product.stockQuantity,
    categoryId: product.categoryId,
    // Stored as the enum's name (Active), sent camelCase like every enum in Enterprise's JSON.
    status: product.status.charAt(0).toLowerCase() + product.status.slice(1),
    createdAt: instant(product.createdAt),
    updatedAt: instant(product.updatedAt),
  };
}

/** A product's strong entity tag, as Enterprise sends it: its version in quotes. */
export function entityTag(product) {
  return `"${product.version}"`;
}

/** The Products columns productResponse and entityTag read, named as they expect. */
export const productColumns = [
  ['Id', 'id'], ['Sku', 'sku'], ['Name', 'name'], ['Description', 'description'], ['Price', 'price'],
  ['Currency', 'currency'], ['StockQuantity', 'stockQuantity'], ['CategoryId', 'categoryId'], ['Status', 'status'],
  ['CreatedAt', 'createdAt'], ['UpdatedAt', 'updatedAt'], ['Version', 'version'],
].map(([column, name]) => `"${column}" AS "${name}"`).join(', ');

/** Enterprise's default list order: the folded name, then the id. */
export const listOrder = '"NormalizedName", "Id"';

/** How long an idle keep-alive connection stays open: Kestrel's default, which Enterprise keeps. */
export const keepAliveMilliseconds = 130_000;

/** Route ids are GUIDs; anything else is 404 there, as in Enterprise ({id:guid}). */
export const guidPattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** `limit` as Enterprise v2 reads it: 1 to 100, 20 when absent; null for anything else (400). */
export function pageLimit(value) {
  if (value === undefined) return 20;
  if (!/^\d{1,3}$/.test(value)) return null;
  const limit = Number(value);
  return limit >= 1 && limit <= 100 ? limit : null;
}
