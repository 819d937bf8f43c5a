import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProductRow } from '../../shared/product-json.mjs';

/**
 * The catalog."Products" table as Enterprise's migrations create it; read only, so the schema is never synchronised.
 * Price and the timestamps are declared as text: node-postgres hands them over as PostgreSQL's text (see main.ts),
 * and TypeORM would otherwise turn the timestamps into Dates and drop their microseconds.
 */
@Entity({ schema: 'catalog', name: 'Products' })
export class Product implements ProductRow {
  @PrimaryColumn({ name: 'Id', type: 'uuid' })
  id: string;

  @Column({ name: 'Sku', type: 'varchar' })
  sku: string;

  @Column({ name: 'Name', type: 'varchar' })
  name: string;

  @Column({ name: 'NormalizedName', type: 'varchar', select: false })
  normalizedName: string;

  @Column({ name: 'Description', type: 'varchar', nullable: true })
  description: string | null;

  @Column({ name: 'Price', type: 'varchar' })
  price: string;

  @Column({ name: 'Currency', type: 'varchar' })
  currency: string;

  @Column({ name: 'StockQuantity', type: 'int' })
  stockQuantity: number;

  @Column({ name: 'CategoryId', type: 'uuid' })
  categoryId: string;

  @Column({ name: 'Status', type: 'varchar' })
  status: string;

  @Column({ name: 'CreatedAt', type: 'varchar' })
  createdAt: string;

  @Column({ name: 'UpdatedAt', type: 'varchar' })
  updatedAt: string;

  @Column({ name: 'Version', type: 'varchar' })
  version: string;
}
