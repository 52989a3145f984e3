import { type ContractName, deployProtocol, protocolArtifacts } from '@ae/contracts';
import { ANVIL_MNEMONIC, devnetChain } from '@ae/devnet';
import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import type { Deployment } from '../config.js';

export type Wallet = WalletClient<Transport, Chain, Account>;

/** Roles of anvil's accounts in the generated activity. */
export const ACTORS = {
  gov: 0,
  contributorA: 1,
  contributorB: 2,
  curator: 3,
  trainer: 4,
  provider: 5,
  user: 6,
  poster: 7,
  challenger: 8,
  staker: 9,
} as const;

/**
 * A thin viem client for the protocol on an anvil chain: tests and the benchmark use it to deploy and to
 * send transactions that emit every kind of event (see generateActivity), before the devnet scenario runs.
 */
export class ProtocolDriver {
  readonly pub: PublicClient;
  readonly wallets: Wallet[];

  private constructor(
    readonly rpcUrl: string,
    readonly chainId: number,
    readonly deployment: Deployment,
  ) {
    const chain = devnetChain(rpcUrl, chainId);
    const transport = http(rpcUrl);
    this.pub = createPublicClient({ chain, transport, pollingInterval: 20 }) as PublicClient;
    this.wallets = Array.from({ length: 10 }, (_, i) =>
      createWalletClient({
        chain,
        transport,
        account: mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: i }),
      }),
    );
  }

  /** Deploys the protocol (gov is poster and arbiter) and returns a driver for it. */
  static async deploy(rpcUrl: string, chainId: number): Promise<ProtocolDriver> {
    const chain = devnetChain(rpcUrl, chainId);
    const transport = http(rpcUrl);
    const pub = createPublicClient({ chain, transport }) as PublicClient;
    const gov = createWalletClient({
      chain,
      transport,
      account: mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: 0 }),
    });
    const poster = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: ACTORS.poster }).address;
    const d = await deployProtocol({
      publicClient: pub,
      walletClient: gov,
      posters: [poster, gov.account.address],
      arbiters: [gov.account.address],
    });
    const contracts = Object.fromEntries(
      Object.entries(d.contracts).map(([k, v]) => [k, v.toLowerCase()]),
    ) as Deployment['contracts'];
    return new ProtocolDriver(rpcUrl, chainId, { chainId, rpcUrl, startBlock: d.startBlock, contracts });
  }

  address(actor: keyof typeof ACTORS): Address {
    return this.wallets[ACTORS[actor]].account.address;
  }

  /** Sends a transaction and waits for its receipt; a revert throws with the contract's error. */
  async write(
    actor: keyof typeof ACTORS,
    contract: ContractName,
    functionName: string,
    args: unknown[],
    value?: bigint,
  ): Promise<Hex> {
    const w = this.wallets[ACTORS[actor]];
    const { abi } = protocolArtifacts[contract];
    const { request } = await this.pub.simulateContract({
      account: w.account,
      address: this.deployment.contracts[contract] as Address,
      abi,
      functionName,
      args,
      value,
    } as never);
    const hash = await w.writeContract(request as never);
    const r = await this.pub.waitForTransactionReceipt({ hash, timeout: 120_000, pollingInterval: 20 });
    if (r.status !== 'success') throw new Error(`${contract}.${functionName} reverted in ${hash}`);
    return hash;
  }

  async rpc<T>(method: string, params: unknown[] = []): Promise<T> {
    return (await this.pub.request({ method, params } as never)) as T;
  }

  async increaseTime(seconds: number): Promise<void> {
    await this.rpc('evm_increaseTime', [seconds]);
    await this.rpc('evm_mine');
  }

  async mine(blocks = 1): Promise<void> {
    await this.rpc('anvil_mine', [`0x${blocks.toString(16)}`]);
  }

  async blockNumber(): Promise<number> {
    return Number(await this.pub.getBlockNumber({ cacheTime: 0 }));
  }
}
