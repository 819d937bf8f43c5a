// Types of product-json.mjs for the TypeScript peer.
export interface TypeParsers {
  setTypeParser(oid: number, parse: (text: string) => unknown): void;
}
export interface ProductRow {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  price: string;
  currency: string;
  stockQuantity: number;
  categoryId: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  version: string;
}
export declare function timestampsAsText(types: TypeParsers): void;
export declare const connectionOptions: string;
export declare function instant(text: string): string;
export declare function amount(text: string): number;
export declare function productResponse(product: ProductRow): Record<string, unknown>;
export declare function entityTag(product: ProductRow): string;
export declare const productColumns: string;
export declare const listOrder: string;
export declare const keepAliveMilliseconds: number;
export declare const guidPattern: RegExp;
export declare function pageLimit(value: string | undefined): number | null;
