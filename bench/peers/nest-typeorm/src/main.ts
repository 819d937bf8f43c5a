// Benchmark peer: NestJS and TypeORM serving Enterprise v2's two product reads.
//   PLATFORM=express (Nest's default) or fastify, PORT, DATABASE_URL (postgres://...), POOL_SIZE (default 20)
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { Server } from 'node:http';
import pg from 'pg';
import { keepAliveMilliseconds, timestampsAsText } from '../../shared/product-json.mjs';
import { AppModule } from './app.module.js';

timestampsAsText(pg.types);
const platform = process.env.PLATFORM ?? 'express';
if (platform !== 'express' && platform !== 'fastify') throw new Error(`PLATFORM must be express or fastify, not ${platform}`);
const app = platform === 'fastify'
  ? await NestFactory.create(AppModule, new FastifyAdapter({ keepAliveTimeout: keepAliveMilliseconds }), { logger: ['error', 'warn'] })
  : await NestFactory.create(AppModule, { logger: ['error', 'warn'] });
// Idle keep-alive connections stay open as long as Kestrel keeps them by default, so that the connections mode
// compares like with like (Node's own default closes them after 5 s).
(app.getHttpServer() as Server).keepAliveTimeout = keepAliveMilliseconds;
await app.listen(Number(process.env.PORT), '127.0.0.1');
