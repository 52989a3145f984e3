import { runMigrations } from '@ae/indexer';
import pg from 'pg';
import { fillSynthetic, LARGE } from './syntheticData.js';

const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
await admin.query('DROP DATABASE IF EXISTS api_bench_keep WITH (FORCE)');
await admin.query('CREATE DATABASE api_bench_keep');
await admin.end();
const url = 'postgres://postgres@127.0.0.1:5432/api_bench_keep';
await runMigrations(url);
const p = new pg.Pool({ connectionString: url, max: 2 });
const t = performance.now();
console.log(await fillSynthetic(p, { ...LARGE }), (performance.now() - t) / 1000);
await p.end();
