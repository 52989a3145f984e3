import { deployProtocol, type ProtocolParams, protocolArtifacts, protocolErrorsAbi } from '@ae/contracts';
import type { ContractName, Deployment } from '@ae/core';
import { ANVIL_MNEMONIC, type Anvil, devnetChain, startAnvil } from '@ae/devnet';
import {
  type Abi,
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  getAddress,
  type Hex,
  http,
  type PublicClient,
  parseEventLogs,
  type Transport,
  type WalletClient,
} from 'viem';
import { mnemonicToAccount } from 'viem/accounts';

export type Wallet = WalletClient<Transport, Chain, Account>;

/** The roles tests give anvil's accounts (index in its mnemonic). Poster and arbiter are the protocol's. */
export const ACTORS = {
  gov: 0,
  poster: 1,
  arbiter: 2,
  curator: 3,
  contributor: 4,
  contributor2: 5,
  trainer: 6,
  provider: 7,
  user: 8,
  staker: 9,
  challenger: 10,
  outsider: 11,
} as const;
export type Actor = keyof typeof ACTORS;

export interface DecodedEvent {
  contract: ContractName | undefined;
  eventName: string;
  args: Record<string, unknown>;
}

export interface StartOptions {
  /** An existing chain (a fault proxy in front of anvil, say); unset starts an anvil the driver owns. */
  rpcUrl?: string;
  chainId?: number;
  params?: Partial<ProtocolParams>;
  /** Whether `gov` keeps DEFAULT_ADMIN_ROLE next to the Timelock (default true: tests set up worlds fast). */
  deployerKeepsAdmin?: boolean;
}

/**
 * The one protocol driver of the tests and benchmarks: deploys the protocol on anvil with named actors and
 * sends the transactions that emit every kind of event. Contract, indexer, API and replay tests all use it,
 * so an ABI or role change is made here once.
 */
export class ProtocolDriver implements Record<Actor, Wallet> {
  readonly pub: PublicClient;
  readonly wallets: Wallet[];
  declare readonly gov: Wallet;
  declare readonly poster: Wallet;
  declare readonly arbiter: Wallet;
  declare readonly curator: Wallet;
  declare readonly contributor: Wallet;
  declare readonly contributor2: Wallet;
  declare readonly trainer: Wallet;
  declare readonly provider: Wallet;
  declare readonly user: Wallet;
  declare readonly staker: Wallet;
  declare readonly challenger: Wallet;
  declare readonly outsider: Wallet;

  private constructor(
    readonly rpcUrl: string,
    readonly chainId: number,
    /** Checksummed addresses, as deployed. */
    readonly contracts: Record<ContractName, Address>,
    readonly startBlock: number,
    /** The anvil this driver started (undefined when it was given a chain). */
    readonly anvil: Anvil | undefined,
  ) {
    const chain = devnetChain(rpcUrl, chainId);
    const transport = http(rpcUrl);
    this.pub = createPublicClient({ chain, transport, pollingInterval: 20 }) as PublicClient;
    this.wallets = Array.from({ length: 20 }, (_, i) =>
      createWalletClient({
        chain,
        transport,
        account: mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: i }),
      }),
    );
    for (const [name, i] of Object.entries(ACTORS)) Object.assign(this, { [name]: this.wallets[i] });
  }

  /** Deploys the protocol (posters: poster; arbiters: arbiter; approved compute provider: provider) on `rpcUrl`, or on a new anvil. */
  static async start(opts: StartOptions = {}): Promise<ProtocolDriver> {
    const anvil = opts.rpcUrl ? undefined : await startAnvil();
    const rpcUrl = opts.rpcUrl ?? (anvil as Anvil).rpcUrl;
    const chainId = opts.chainId ?? anvil?.chainId ?? 1612;
    const chain = devnetChain(rpcUrl, chainId);
    const transport = http(rpcUrl);
    const account = (i: number) => mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: i });
    const d = await deployProtocol({
      publicClient: createPublicClient({ chain, transport }) as PublicClient,
      walletClient: createWalletClient({ chain, transport, account: account(ACTORS.gov) }),
      params: opts.params,
      deployerKeepsAdmin: opts.deployerKeepsAdmin ?? true,
      posters: [account(ACTORS.poster).address],
      arbiters: [account(ACTORS.arbiter).address],
      providers: [account(ACTORS.provider).address],
    });
    return new ProtocolDriver(rpcUrl, chainId, d.contracts, d.startBlock, anvil);
  }

  /**
   * A driver for a protocol already deployed on a running chain (a scenario's devnet, an end-to-end
   * pipeline): the same actors and calls, nothing deployed. `stop()` leaves that chain running.
   */
  static attach(rpcUrl: string, deployment: Deployment): ProtocolDriver {
    const contracts = Object.fromEntries(
      Object.entries(deployment.contracts).map(([k, a]) => [k, getAddress(a)]),
    ) as Record<ContractName, Address>;
    return new ProtocolDriver(rpcUrl, deployment.chainId, contracts, deployment.startBlock, undefined);
  }

  /** What the indexer and the other services read: lowercase addresses, as in deployment.json. */
  get deployment(): Deployment {
    const contracts = Object.fromEntries(
      Object.entries(this.contracts).map(([k, a]) => [k, a.toLowerCase()]),
    ) as Deployment['contracts'];
    return { chainId: this.chainId, rpcUrl: this.rpcUrl, startBlock: this.startBlock, contracts };
  }

  address(actor: Actor): Address {
    return this.wallets[ACTORS[actor]].account.address;
  }

  private wallet(who: Actor | Wallet): Wallet {
    return typeof who === 'string' ? this.wallets[ACTORS[who]] : who;
  }

  /** Sends a transaction and waits for its receipt; a revert throws naming the call and the transaction. */
  async write(
    who: Actor | Wallet,
    contract: ContractName,
    functionName: string,
    args: unknown[],
    value?: bigint,
  ) {
    const hash = await this.wallet(who).writeContract({
      address: this.contracts[contract],
      abi: protocolArtifacts[contract].abi as Abi,
      functionName,
      args,
      value,
      gas: 500_000_000n,
    } as never);
    const r = await this.pub.waitForTransactionReceipt({ hash, timeout: 120_000, pollingInterval: 20 });
    if (r.status !== 'success') throw new Error(`${contract}.${functionName} reverted in ${hash}`);
    return hash;
  }

  read(contract: ContractName, functionName: string, args: unknown[] = []): Promise<unknown> {
    const abi = protocolArtifacts[contract].abi as Abi;
    return this.pub.readContract({ address: this.contracts[contract], abi, functionName, args } as never);
  }

  /** The custom error name a call reverts with (simulated, so nothing is mined). */
  async revertName(
    who: Actor | Wallet,
    contract: ContractName,
    functionName: string,
    args: unknown[],
    value?: bigint,
  ) {
    try {
      await this.pub.simulateContract({
        account: this.wallet(who).account,
        address: this.contracts[contract],
        abi: [...(protocolArtifacts[contract].abi as Abi), ...protocolErrorsAbi],
        functionName,
        args,
        value,
      } as never);
    } catch (e) {
      const err = e as { walk?: (fn: (x: unknown) => boolean) => unknown };
      const found = err.walk?.(
        (x) => (x as { data?: { errorName?: string } }).data?.errorName !== undefined,
      ) as { data: { errorName: string } } | undefined;
      if (found) return found.data.errorName;
      throw e;
    }
    throw new Error(`${contract}.${functionName} did not revert`);
  }

  /** The protocol events of a mined transaction, decoded with every contract's ABI, in log order. */
  async events(hash: Hex): Promise<DecodedEvent[]> {
    const receipt = await this.pub.getTransactionReceipt({ hash });
    const byAddress = new Map(
      Object.entries(this.contracts).map(([n, a]) => [a.toLowerCase(), n as ContractName]),
    );
    const allAbi = Object.values(protocolArtifacts).flatMap((x) => x.abi as Abi);
    return parseEventLogs({ abi: allAbi, logs: receipt.logs, strict: true }).map((l) => ({
      contract: byAddress.get(l.address.toLowerCase()),
      eventName: l.eventName as string,
      args: l.args as Record<string, unknown>,
    }));
  }

  balance(a: Address): Promise<bigint> {
    return this.pub.getBalance({ address: a });
  }

  async rpc<T>(method: string, params: unknown[] = []): Promise<T> {
    return (await this.pub.request({ method, params } as never)) as T;
  }

  async increaseTime(seconds: number | bigint): Promise<void> {
    await this.rpc('evm_increaseTime', [Number(seconds)]);
    await this.rpc('evm_mine');
  }

  async mine(blocks = 1): Promise<void> {
    await this.rpc('anvil_mine', [`0x${blocks.toString(16)}`]);
  }

  async blockNumber(): Promise<number> {
    return Number(await this.pub.getBlockNumber({ cacheTime: 0 }));
  }

  /** Stops the anvil this driver started (nothing when it was given a chain). */
  async stop(): Promise<void> {
    await this.anvil?.stop();
  }
}
