import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { connectionOptions } from '../../shared/product-json.mjs';
import { Product } from './product.entity.js';
import { ProductsController } from './products.controller.js';

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: 'postgres',
      url: process.env.DATABASE_URL,
      entities: [Product],
      synchronize: false,
      extra: { max: Number(process.env.POOL_SIZE ?? 20), options: connectionOptions },
    }),
    TypeOrmModule.forFeature([Product]),
  ],
  controllers: [ProductsController],
})
export class AppModule {}
