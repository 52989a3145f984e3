import { ANVIL_MNEMONIC, type Anvil, devnetChain, startAnvil } from '@ae/devnet';
import {
  type Abi,
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
  parseEventLogs,
  type Transport,
  type WalletClient,
} from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { protocolErrorsAbi } from '../generated/abi.js';
import { protocolArtifacts } from '../src/artifacts.js';
import type { ContractName } from '../src/contractNames.js';
import { deployProtocol, type ProtocolParams } from '../src/deploy/deployProtocol.js';

export interface DecodedEvent {
  contract: ContractName | undefined;
  eventName: string;
  args: Record<string, unknown>;
}

export type Wallet = WalletClient<Transport, Chain, Account>;

/** One anvil and one deployment per test file; accounts 0..19 of anvil's mnemonic. */
export interface Fixture {
  anvil: Anvil;
  pub: PublicClient;
  wallets: Wallet[];
  gov: Wallet;
  poster: Wallet;
  arbiter: Wallet;
  /** Named actors (anvil accounts 3..11). */
  curator: Wallet;
  contributor: Wallet;
  contributor2: Wallet;
  trainer: Wallet;
  provider: Wallet;
  user: Wallet;
  staker: Wallet;
  challenger: Wallet;
  outsider: Wallet;
  contracts: Record<ContractName, Address>;
  startBlock: number;
  write<N extends ContractName>(
    w: Wallet,
    name: N,
    functionName: string,
    args: unknown[],
    value?: bigint,
  ): Promise<Hex>;
  read<N extends ContractName>(name: N, functionName: string, args?: unknown[]): Promise<unknown>;
  /** The custom error name a call reverts with (simulated, so nothing is mined). */
  revertName(
    w: Wallet,
    name: ContractName,
    functionName: string,
    args: unknown[],
    value?: bigint,
  ): Promise<string>;
  increaseTime(seconds: number | bigint): Promise<void>;
  /** The protocol events of a mined transaction, decoded with every contract's ABI, in log order. */
  events(hash: Hex): Promise<DecodedEvent[]>;
  balance(a: Address): Promise<bigint>;
}

export async function setupProtocol(params: Partial<ProtocolParams> = {}): Promise<Fixture> {
  const anvil = await startAnvil();
  const chain = devnetChain(anvil.rpcUrl);
  const transport = http(anvil.rpcUrl);
  const pub = createPublicClient({ chain, transport, pollingInterval: 20 }) as PublicClient;
  const wallets = Array.from({ length: 20 }, (_, i) =>
    createWalletClient({ chain, transport, account: mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: i }) }),
  );
  const [
    gov,
    poster,
    arbiter,
    curator,
    contributor,
    contributor2,
    trainer,
    provider,
    user,
    staker,
    challenger,
    outsider,
  ] = wallets;
  const deployed = await deployProtocol({
    publicClient: pub,
    walletClient: gov,
    params,
    posters: [poster.account.address],
    arbiters: [arbiter.account.address],
  });
  const abiOf = (name: ContractName) => protocolArtifacts[name].abi as Abi;
  const f: Fixture = {
    anvil,
    pub,
    wallets,
    gov,
    poster,
    arbiter,
    curator,
    contributor,
    contributor2,
    trainer,
    provider,
    user,
    staker,
    challenger,
    outsider,
    ...deployed,
    async write(w, name, functionName, args, value) {
      const hash = await w.writeContract({
        address: deployed.contracts[name],
        abi: abiOf(name),
        functionName,
        args,
        value,
        gas: 500_000_000n,
      } as never);
      const r = await pub.waitForTransactionReceipt({ hash });
      if (r.status !== 'success') throw new Error(`${name}.${functionName} reverted`);
      return hash;
    },
    read: (name, functionName, args = []) =>
      pub.readContract({ address: deployed.contracts[name], abi: abiOf(name), functionName, args } as never),
    async revertName(w, name, functionName, args, value) {
      try {
        await pub.simulateContract({
          account: w.account,
          address: deployed.contracts[name],
          abi: [...abiOf(name), ...protocolErrorsAbi],
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
      throw new Error(`${name}.${functionName} did not revert`);
    },
    async increaseTime(seconds) {
      await pub.request({ method: 'evm_increaseTime' as never, params: [Number(seconds)] as never });
      await pub.request({ method: 'evm_mine' as never, params: [] as never });
    },
    balance: (a) => pub.getBalance({ address: a }),
    async events(hash) {
      const receipt = await pub.getTransactionReceipt({ hash });
      const byAddress = new Map(
        Object.entries(deployed.contracts).map(([n, a]) => [a.toLowerCase(), n as ContractName]),
      );
      const allAbi = Object.values(protocolArtifacts).flatMap((x) => x.abi as Abi);
      return parseEventLogs({ abi: allAbi, logs: receipt.logs, strict: true }).map((l) => ({
        contract: byAddress.get(l.address.toLowerCase()),
        eventName: l.eventName as string,
        args: l.args as Record<string, unknown>,
      }));
    },
  };
  return f;
}
