import { BadRequestException, Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { entityTag, guidPattern, pageLimit, productResponse } from '../../shared/product-json.mjs';
import { Product } from './product.entity.js';

/** Headers are set through the platform's own response object, which differs between Express and Fastify. */
interface PlatformResponse {
  header(name: string, value: string): unknown;
}

@Controller('api/v2/products')
export class ProductsController {
  constructor(@InjectRepository(Product) private readonly products: Repository<Product>) {}

  @Get(':id')
  async get(@Param('id') id: string, @Res({ passthrough: true }) response: PlatformResponse) {
    if (!guidPattern.test(id)) throw new NotFoundException();
    const product = await this.products.findOneBy({ id, status: 'Active' });
    if (product === null) throw new NotFoundException();
    response.header('etag', entityTag(product));
    return productResponse(product);
  }

  @Get()
  async list(@Query('limit') limitParameter: string | undefined, @Res({ passthrough: true }) response: PlatformResponse) {
    const limit = pageLimit(limitParameter);
    if (limit === null) throw new BadRequestException();
    // One row more than the page holds tells whether a next page exists.
    const rows = await this.products.find({
      where: { status: 'Active' },
      order: { normalizedName: 'ASC', id: 'ASC' },
      take: limit + 1,
    });
    if (rows.length > limit) {
      const last = rows[limit - 1];
      const cursor = Buffer.from(JSON.stringify([last.name, last.id])).toString('base64url');
      response.header('link', `</api/v2/products?limit=${limit}&cursor=${cursor}>; rel="next"`);
    }
    return { items: rows.slice(0, limit).map(productResponse) };
  }
}
