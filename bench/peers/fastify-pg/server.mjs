// Benchmark peer: Fastify 5 and node-postgres with raw SQL, serving Enterprise v2's two product reads.
//   PORT, DATABASE_URL (postgres://...), POOL_SIZE (default 20)
import Fastify from 'fastify';
import pg from 'pg';
import {
  connectionOptions, entityTag, keepAliveMilliseconds, guidPattern, listOrder, pageLimit, productColumns, productResponse, timestampsAsText,
} from '../shared/product-json.mjs';

timestampsAsText(pg.types);
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 20),
  options: connectionOptions,
});

const price = {
  type: 'object',
  properties: { amount: { type: 'number' }, currency: { type: 'string' } },
};
const product = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    sku: { type: 'string' },
    name: { type: 'string' },
    description: { type: ['string', 'null'] },
    price,
    stockQuantity: { type: 'integer' },
    categoryId: { type: 'string' },
    status: { type: 'string' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
};
const page = { type: 'object', properties: { items: { type: 'array', items: product } } };

const byId = {
  name: 'product-by-id',
  text: `SELECT ${productColumns} FROM catalog."Products" WHERE "Id" = $1 AND "Status" = 'Active'`,
};
// One row more than the page holds tells whether a next page exists.
const firstPage = {
  name: 'product-first-page',
  text: `SELECT ${productColumns} FROM catalog."Products" WHERE "Status" = 'Active' ORDER BY ${listOrder} LIMIT $1`,
};

// Idle keep-alive connections stay open as long as Kestrel keeps them by default (130 s), so that the connections
// mode compares like with like.
const app = Fastify({ logger: false, keepAliveTimeout: keepAliveMilliseconds });

app.get('/api/v2/products/:id', { schema: { response: { 200: product } } }, async (request, reply) => {
  const { id } = request.params;
  if (!guidPattern.test(id)) return reply.code(404).send({ status: 404, code: 'Route.NotFound' });
  const { rows } = await pool.query({ ...byId, values: [id] });
  if (rows.length === 0) return reply.code(404).send({ status: 404, code: 'Product.NotFound' });
  reply.header('etag', entityTag(rows[0]));
  return productResponse(rows[0]);
});

app.get('/api/v2/products', { schema: { response: { 200: page } } }, async (request, reply) => {
  const limit = pageLimit(request.query.limit);
  if (limit === null) return reply.code(400).send({ status: 400, code: 'Validation.Failed' });
  const { rows } = await pool.query({ ...firstPage, values: [limit + 1] });
  if (rows.length > limit) {
    const last = rows[limit - 1];
    const cursor = Buffer.from(JSON.stringify([last.name, last.id])).toString('base64url');
    reply.header('link', `</api/v2/products?limit=${limit}&cursor=${cursor}>; rel="next"`);
  }
  return { items: rows.slice(0, limit).map(productResponse) };
});

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
