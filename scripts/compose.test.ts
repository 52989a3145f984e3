import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadApiConfig } from '@ae/api/config';
import { loadConfig as devnetConfig } from '@ae/devnet/config';
import { loadConfig as explorerConfig } from '@ae/explorer/config';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from './start/config.js';
import { SERVICE_ENVS } from './start/help.js';
import { SERVICES, workspaceScripts } from './start/services.js';

/** No Docker engine runs here: the compose file is checked against the repository instead. */
interface Service {
  image?: string;
  build?: { context: string; target?: string };
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string; required?: boolean }>;
  profiles?: string[];
  healthcheck?: { test: string[] };
  restart?: string;
}
const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};
const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
const services = Object.entries(compose.services);
const built = services.filter(([, s]) => s.build);
const WORKSPACES = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { workspaces: string[] }
).workspaces;

/** What a command line in the app image refers to in the repository; throws when it does not exist. */
function checkCommand(argv: string[]): string {
  if (argv[0] === 'npm' && argv[1] === 'run') {
    const script = argv[2];
    const ws = argv[argv.indexOf('-w') + 1];
    expect(argv.indexOf('-w'), `${argv.join(' ')} names a workspace`).toBeGreaterThan(2);
    expect(WORKSPACES).toContain(ws);
    expect(Object.keys(workspaceScripts(ws)), `npm script "${script}" in ${ws}/package.json`).toContain(
      script,
    );
    return `${ws}:${script}`;
  }
  if (argv[0] === 'node') {
    const file = argv.slice(1).find((a, i, all) => !a.startsWith('-') && all[i - 1] !== '--import');
    expect(file, `${argv.join(' ')} runs a file`).toBeDefined();
    expect(existsSync(join(REPO_ROOT, file as string)), `${file} exists in the repository`).toBe(true);
    return file as string;
  }
  throw new Error(`unrecognised command ${JSON.stringify(argv)}`);
}

describe('services run compiled JavaScript', () => {
  it.each(Object.values(SERVICES))('$name: its npm script runs dist/ built from its own sources', (entry) => {
    const line = workspaceScripts(entry.workspace)[entry.script];
    const m =
      /^node (?:--[\w-]+(?:=\S+)? )*--conditions=ae-compiled (?:--[\w-]+(?:=\S+)? )*dist\/(src\/\S+)\.js$/.exec(
        line,
      );
    expect(m, `${entry.workspace} "${entry.script}": ${line}`).not.toBeNull();
    expect(existsSync(join(REPO_ROOT, entry.workspace, `${m?.[1]}.ts`))).toBe(true);
    const build = JSON.parse(readFileSync(join(REPO_ROOT, entry.workspace, 'tsconfig.build.json'), 'utf8'));
    expect(
      [...(build.include ?? []), ...(build.files ?? [])].some((p: string) => `${m?.[1]}.ts`.startsWith(p)),
    ).toBe(true);
    const root = JSON.parse(readFileSync(join(REPO_ROOT, 'tsconfig.build.json'), 'utf8'));
    expect(root.references).toContainEqual({ path: `./${entry.workspace}/tsconfig.build.json` });
  });
});

describe('docker-compose.yml', () => {
  it('has every service of the architecture', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['api', 'arbiter', 'chain', 'explorer', 'indexer', 'migrate', 'postgres', 'replay'].sort(),
    );
  });

  it('puts the devnet (chain and arbiter) in the devnet profile; the rest runs on any chain', () => {
    const profiled = services.filter(([, s]) => s.profiles).map(([n, s]) => [n, s.profiles]);
    expect(profiled).toEqual([
      ['chain', ['devnet']],
      ['arbiter', ['devnet']],
    ]);
    // without the profile nothing may require the chain service
    for (const [name, s] of services) {
      if (s.profiles) continue;
      const dep = s.depends_on?.chain;
      if (dep) expect(dep.required, `${name} depends on chain only when it runs`).toBe(false);
    }
    // the worker disputes as the devnet's named auditor: no key is written into the file
    expect(compose.services.replay.environment?.REPLAY_DISPUTE_AS).toBe(
      '${REPLAY_DISPUTE_AS-devnet-auditor}',
    );
    expect(JSON.stringify(compose)).not.toMatch(/0x[0-9a-fA-F]{64}/);
  });

  it.each(built)('%s runs a command that exists in the repository', (_, s) => {
    expect(s.entrypoint).toBeUndefined();
    expect(Array.isArray(s.command)).toBe(true);
    checkCommand(s.command as string[]);
    expect(dockerfile).toMatch(new RegExp(`^FROM .* AS ${s.build?.target}$`, 'm'));
  });

  it.each(services.filter(([, s]) => s.healthcheck))('%s has a healthcheck that exists', (_, s) => {
    const [form, ...argv] = s.healthcheck?.test ?? [];
    expect(form).toBe('CMD');
    if (s.build) checkCommand(argv);
    else expect(argv[0]).toBe('pg_isready');
  });

  it('runs the same entries as npm start', () => {
    const same = {
      chain: SERVICES.devnet,
      migrate: SERVICES.migrate,
      indexer: SERVICES.indexer,
      api: SERVICES.api,
      replay: SERVICES.replay,
      arbiter: SERVICES.arbiter,
      explorer: SERVICES.explorer,
    };
    for (const [name, entry] of Object.entries(same)) {
      expect(checkCommand(compose.services[name].command as string[]), name).toBe(
        `${entry.workspace}:${entry.script}`,
      );
    }
  });

  it('depends only on services that exist, healthy ones on a healthcheck, completed ones on a one-shot', () => {
    for (const [name, s] of services) {
      for (const [target, { condition }] of Object.entries(s.depends_on ?? {})) {
        const t = compose.services[target];
        expect(t, `${name} depends on ${target}`).toBeDefined();
        if (condition === 'service_healthy')
          expect(t.healthcheck, `${target} has a healthcheck`).toBeDefined();
        else if (condition === 'service_completed_successfully') expect(t.restart).toBe('no');
        else expect(condition).toBe('service_started');
      }
    }
  });

  it('publishes the ports the services listen on by default', () => {
    const published = (name: string) => compose.services[name].ports?.map((p) => p.split(':').map(Number));
    expect(published('api')).toEqual([[loadApiConfig({}).port, loadApiConfig({}).port]]);
    expect(published('explorer')).toEqual([[explorerConfig({}).port, explorerConfig({}).port]]);
    expect(published('chain')).toEqual([[devnetConfig({}).rpcPort, devnetConfig({}).rpcPort]]);
    expect(compose.services.api.environment?.API_PORT).toBe(String(loadApiConfig({}).port));
    expect(compose.services.explorer.environment?.API_URL).toBe(
      `http://api:${loadApiConfig({}).port}/graphql`,
    );
    // RPC_URL of the environment, else the devnet profile's chain
    expect(compose.services.indexer.environment?.RPC_URL).toBe(
      `\${RPC_URL:-http://chain:${devnetConfig({}).rpcPort}}`,
    );
  });

  it('sets only variables that some service reads', () => {
    const known = new Set(SERVICE_ENVS.flatMap((s) => Object.keys(s.vars)));
    for (const [name, s] of built) {
      for (const key of Object.keys(s.environment ?? {}))
        expect(known.has(key), `${name}: ${key} is read by a service`).toBe(true);
    }
  });

  it('is built from one Dockerfile on node:20-bookworm-slim that installs with npm ci and skips the CUDA download', () => {
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim AS deps$/m);
    expect(dockerfile).toMatch(/ENV ONNXRUNTIME_NODE_INSTALL=skip/);
    expect(dockerfile).toMatch(/RUN npm ci /);
    for (const m of dockerfile.matchAll(/^COPY (?!\. )(.+) \S+$/gm))
      for (const src of m[1].split(' ')) expect(existsSync(join(REPO_ROOT, src)), `${src} exists`).toBe(true);
    for (const ws of WORKSPACES) expect(dockerfile).toContain(`COPY ${ws}/package.json ${ws}/`);
    const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toContain('node_modules');
    expect(ignored).toContain('.data');
  });
});
