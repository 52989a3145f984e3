import { createTestDatabase, type TestDatabase } from '@ae/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiConfig } from '../config.js';
import { type RunningApi, startApiServer } from './startApiServer.js';

let tdb: TestDatabase;
let running: RunningApi;
beforeAll(async () => {
  tdb = await createTestDatabase({ prefix: 'api_server' });
  const config = loadApiConfig({
    DATABASE_URL: tdb.url,
    API_HOST: '127.0.0.1',
    API_CORS_ORIGIN: 'http://localhost:3000',
    DEPLOYMENT_FILE: '/nonexistent.json',
  });
  running = await startApiServer({ config, port: 0 });
});
afterAll(async () => {
  await running?.close();
  await tdb?.drop();
});

describe('startApiServer', () => {
  it('serves GraphQL over HTTP, GraphiQL to browsers and CORS to the explorer', async () => {
    const r = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ networkTotals { datanets flags } }' }),
    });
    expect(await r.json()).toEqual({ data: { networkTotals: { datanets: 0, flags: 0 } } });
    const page = await (await fetch(running.url, { headers: { accept: 'text/html' } })).text();
    expect(page).toMatch(/graphiql/i);
    // works offline: no script, style, worker or icon is fetched from another host
    expect(page).toContain('renderYogaGraphiQL');
    expect(page).not.toMatch(/(src|href)=["']?https?:/);
    expect(page).not.toMatch(/unpkg\.com|jsdelivr|githubusercontent/);
    const pre = await fetch(running.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });

  it('says clearly when flagging has no deployment', async () => {
    const r = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ flagDomain { chainId } }' }),
    });
    const body = await r.json();
    expect(body.errors[0]).toMatchObject({
      message: 'no deployment configured',
      extensions: { code: 'UNAVAILABLE' },
    });
  });
});

describe('loadApiConfig', () => {
  it('has the documented defaults and rejects bad values', () => {
    const c = loadApiConfig({});
    expect(c).toMatchObject({
      port: 4350,
      introspection: true,
      graphiql: true,
      limits: { defaultPageSize: 100, maxPageSize: 1000 },
    });
    expect(loadApiConfig({ API_INTROSPECTION: 'false' }).introspection).toBe(false);
    expect(() => loadApiConfig({ API_PORT: 'abc' })).toThrow(/API_PORT/);
    expect(() => loadApiConfig({ API_INTROSPECTION: 'maybe' })).toThrow(/API_INTROSPECTION/);
  });
});
