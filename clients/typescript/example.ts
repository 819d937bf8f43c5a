/**
 * What a TypeScript consumer of the Enterprise API writes: plain fetch, typed by the types generated from the
 * committed OpenAPI document of version 2 (types/v2.ts). Paths, methods, status codes, query, header and path
 * parameters and bodies are all checked against the contract, so a contract change that breaks this code fails
 * `tsc --noEmit` (scripts/contract.sh). It is type-checked, not run: the C# client's integration test drives a host.
 */
import type { components, paths } from "./types/v2";

type Schemas = components["schemas"];
export type Product = Schemas["ProductResponse"];
export type ProductWrite = Schemas["ProductWriteRequest"];
export type Order = Schemas["OrderResponse"];
export type OrderLine = Schemas["OrderLineRequest"];
export type Problem = Schemas["ProblemDetails"];

type Path = keyof paths;
type Method = "get" | "post" | "put" | "patch" | "delete";
/** The methods the document has for a path (absent ones are `never` there). */
type MethodOf<P extends Path> = { [M in Method]: paths[P][M] extends { responses: object } ? M : never }[Method];
type Operation<P extends Path, M extends MethodOf<P>> = Extract<paths[P][M], { responses: object }>;
type StatusOf<P extends Path, M extends MethodOf<P>> = keyof Operation<P, M>["responses"] & number;
type Json<T> = T extends { content: { "application/json": infer Body } } ? Body : undefined;
type Parameters<P extends Path, M extends MethodOf<P>> = Operation<P, M>["parameters"];

/** What one operation takes: its path, query and header parameters and its JSON body, as the document declares them. */
type Request<P extends Path, M extends MethodOf<P>> = {
  path?: NonNullable<Parameters<P, M>["path"]>;
  query?: NonNullable<Parameters<P, M>["query"]>;
  header?: NonNullable<Parameters<P, M>["header"]>;
  body?: Json<Operation<P, M>["requestBody"]>;
};

/** A successful answer: the JSON body the document declares for its status (undefined if none), and the headers. */
type Answer<P extends Path, M extends MethodOf<P>, S extends StatusOf<P, M>> = {
  body: Json<Operation<P, M>["responses"][S]>;
  headers: Headers;
};

export interface ApiConnection {
  /** Where the API runs, such as https://enterprise.example.internal. */
  readonly baseUrl: string;
  /** A JWT: writes need the module's scope (catalog:write, orders:write); catalog reads may go without. */
  readonly token?: string;
}

/** Any answer other than the expected one: a problem (RFC 9457) with its stable `code`, or a status without a body. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem & { code?: string; traceId?: string },
  ) {
    super(`${status} ${problem.title ?? "Unexpected status"}${problem.detail ? `: ${problem.detail}` : ""}`);
  }
}

/** Sends one request and answers the body of the expected status; any other status throws an {@link ApiProblem}. */
async function send<Body>(
  api: ApiConnection,
  method: string,
  url: URL,
  expected: number,
  init: { header?: object; body?: unknown },
): Promise<{ body: Body; headers: Headers }> {
  const headers = new Headers({ Accept: "application/json, application/problem+json" });
  for (const [name, value] of Object.entries(init.header ?? {})) {
    if (value !== undefined) headers.set(name, String(value));
  }
  if (api.token !== undefined) headers.set("Authorization", `Bearer ${api.token}`);
  if (init.body !== undefined) headers.set("Content-Type", "application/json");

  const body = init.body === undefined ? null : JSON.stringify(init.body);
  const response = await fetch(url, { method: method.toUpperCase(), headers, body });
  const text = await response.text();
  if (response.status !== expected) {
    const isProblem = response.headers.get("Content-Type")?.startsWith("application/problem+json") ?? false;
    throw new ApiProblem(response.status, isProblem ? JSON.parse(text) : { status: response.status });
  }
  return { body: (text === "" ? undefined : JSON.parse(text)) as Body, headers: response.headers };
}

/** One operation of the document: the path template and method pick it, and every argument is checked against it. */
async function call<P extends Path, M extends MethodOf<P>, S extends StatusOf<P, M>>(
  api: ApiConnection,
  method: M,
  path: P,
  expected: S,
  request: Request<P, M> = {},
): Promise<Answer<P, M, S>> {
  const filled = Object.entries(request.path ?? {}).reduce<string>(
    (template, [name, value]) => template.replace(`{${name}}`, encodeURIComponent(String(value))),
    path,
  );
  const url = new URL(filled, api.baseUrl);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return send(api, method, url, expected, request);
}

/** The URL of the next page, from a keyset page's `Link: <...>; rel="next"`, resolved against the request's URL. */
function nextPage(headers: Headers, current: URL): URL | undefined {
  const next = headers.get("Link")?.match(/<([^>]+)>\s*;\s*rel="next"/);
  return next?.[1] === undefined ? undefined : new URL(next[1], current);
}

/** Creates a product; the answer's ETag is what a later write to it sends in If-Match. */
export async function createProduct(
  api: ApiConnection,
  product: ProductWrite,
): Promise<{ product: Product; etag: string | null }> {
  const created = await call(api, "post", "/api/v2/products", 201, {
    // A retry after a lost answer (a timeout) sends the same key and gets the first answer, not a second product.
    header: { "Idempotency-Key": crypto.randomUUID() },
    body: product,
  });
  return { product: created.body, etag: created.headers.get("ETag") };
}

/** Every active product of a category, cheapest first, page by page: each next page is the `Link` given, as given. */
export async function* productsInCategory(api: ApiConnection, categoryId: string): AsyncGenerator<Product> {
  const query: NonNullable<Request<"/api/v2/products", "get">["query"]> = {
    categoryId,
    status: "active",
    sort: "price",
    limit: 50,
  };
  let page = await call(api, "get", "/api/v2/products", 200, { query });
  let url = new URL("/api/v2/products", api.baseUrl);
  while (true) {
    yield* page.body.items;
    const next = nextPage(page.headers, url);
    if (next === undefined) return;
    url = next;
    page = await send<Answer<"/api/v2/products", "get", 200>["body"]>(api, "get", next, 200, {});
  }
}

/** Places an order: it is pending until Catalog has tried to reserve the stock, so read it again to see the outcome. */
export async function placeOrder(api: ApiConnection, lines: OrderLine[]): Promise<Order> {
  const placed = await call(api, "post", "/api/v2/orders", 202, {
    header: { "Idempotency-Key": crypto.randomUUID() },
    body: { lines },
  });
  return placed.body;
}

/** Reads an order, to see whether it was confirmed or rejected (and why). */
export async function readOrder(api: ApiConnection, id: string): Promise<Order> {
  return (await call(api, "get", "/api/v2/orders/{id}", 200, { path: { id } })).body;
}

/**
 * The scenario end to end: a new product in a category, the category's products read back, and an order of two of the
 * cheapest one. A 409 (the SKU is taken) is the one problem this caller handles; any other goes up.
 */
export async function stockAndOrder(api: ApiConnection, categoryId: string): Promise<Order> {
  try {
    await createProduct(api, {
      sku: "BK-1042",
      name: "Field notebook",
      description: null,
      price: { amount: 12.5, currency: "EUR" },
      stockQuantity: 40,
      categoryId,
    });
  } catch (error) {
    if (!(error instanceof ApiProblem && error.status === 409)) throw error;
  }

  for await (const product of productsInCategory(api, categoryId)) {
    if (product.stockQuantity >= 2) {
      const order = await placeOrder(api, [{ productId: product.id, quantity: 2 }]);
      return order.status === "pending" ? await readOrder(api, order.id) : order;
    }
  }
  throw new Error(`No product in category ${categoryId} has two in stock.`);
}
