/**
 * The chaos rig's network (issue 13 #2): a bridge in the root namespace and three network
 * namespaces of their own (server, kiosk, agent), each joined to the bridge by a veth pair, on a
 * private /24 chosen per run. The root namespace holds the bridge's address (.1), so the test
 * process reaches every member; the members reach each other over the bridge as hosts on one LAN.
 * A member's link is cut at the host end of its veth (`ip link set … down`: the namespace sees its
 * carrier drop, as when a cable or Wi-Fi goes) or by dropping every packet on the member's veth with
 * iptables inside its namespace (the link stays up and nothing passes, as when the upstream dies;
 * a local send is refused at once rather than lost). This kernel has no netem nor tc classifiers,
 * so `tc … netem loss 100%` is not used.
 *
 * Everything is named after this process's PID. teardown() kills every process left inside the
 * namespaces (all of them started by this run), deletes the namespaces, veths and bridge; it is
 * synchronous, idempotent, and runs at process exit and on SIGINT/SIGTERM as well. Leftovers of
 * an earlier run whose process is gone are swept at creation. Vitest-free (the bench uses it).
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Member = 'server' | 'kiosk' | 'agent';
export const members: readonly Member[] = ['server', 'kiosk', 'agent'];

/** How a link is cut: the veth's host end down, or every packet on it dropped (iptables in the namespace). */
export type CutMode = 'down' | 'drop';

/** One member's namespace and link. */
export interface MemberNet {
  ns: string;
  /** The veth end in the root namespace (on the bridge), and the one inside the namespace. */
  hostIf: string;
  nsIf: string;
  addr: string;
}

/** Namespaces cannot be made here (not root, no `ip`, no veth support): the reason, in words. */
export class NetnsUnavailableError extends Error {
  constructor(reason: string) {
    super(`network namespaces cannot be made here, so the chaos test cannot run: ${reason}`);
    this.name = 'NetnsUnavailableError';
  }
}

const PREFIX_NS = 'rvwchaos-';
const PREFIX_IF = 'rvc';

function run(cmd: string, args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 15_000 });
  return { ok: r.status === 0, out: r.stdout ?? '', err: (r.stderr || r.error?.message || '').trim() };
}

function must(cmd: string, args: string[]): string {
  const r = run(cmd, args);
  if (!r.ok) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.err}`);
  return r.out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Kills (SIGKILL, by PID) every process inside namespace `ns`. */
function killAllIn(ns: string): void {
  const r = run('ip', ['netns', 'pids', ns]);
  for (const pid of r.out.split(/\s+/).filter(Boolean).map(Number)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

function removeNetwork(namespaces: string[], links: string[]): void {
  for (const ns of namespaces) killAllIn(ns);
  for (const ns of namespaces) run('ip', ['netns', 'del', ns]);
  for (const link of links) run('ip', ['link', 'del', link]);
}

/** Namespaces and links of an earlier run of this rig whose process has exited. */
function sweepStale(): void {
  const nsList = run('ip', ['netns', 'list']).out;
  for (const line of nsList.split('\n')) {
    const m = /^(rvwchaos-(\d+)-\w+)/.exec(line.trim());
    if (m && !alive(Number(m[2]))) removeNetwork([m[1]!], []);
  }
  const links = run('ip', ['-o', 'link', 'show']).out;
  for (const line of links.split('\n')) {
    const m = /^\d+:\s+(rvc(\d+)[bska]h?)[@:]/.exec(line);
    if (m && !alive(Number(m[2]))) run('ip', ['link', 'del', m[1]!]);
  }
}

/** A /24 of 10.0.0.0/8 derived from the PID that no address or route of the root namespace uses. */
function pickSubnet(tag: number): string {
  const used = run('ip', ['-o', '-4', 'addr', 'show']).out + run('ip', ['-4', 'route', 'show']).out;
  const a = 160 + (tag % 40);
  for (let i = 0; i < 256; i++) {
    const b = (Math.floor(tag / 40) + i) % 256;
    const prefix = `10.${a}.${b}.`;
    if (!used.includes(prefix)) return prefix;
  }
  throw new Error('no free /24 for the chaos rig');
}

/** The rig's network; see the file's comment. */
export class NetnsRig {
  readonly tag = process.pid;
  readonly bridge = `${PREFIX_IF}${this.tag}b`;
  readonly subnet: string;
  /** The bridge's address in the root namespace (where the test process reaches the members). */
  readonly hostAddr: string;
  readonly net: Record<Member, MemberNet>;
  private readonly cuts = new Map<Member, CutMode>();
  private torndown = false;
  private readonly onExit = () => this.teardown();
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.teardown();
    process.kill(process.pid, signal);
  };

  private constructor() {
    this.subnet = pickSubnet(this.tag);
    this.hostAddr = `${this.subnet}1`;
    const net = {} as Record<Member, MemberNet>;
    members.forEach((m, i) => {
      const letter = m[0]!;
      net[m] = {
        ns: `${PREFIX_NS}${this.tag}-${m}`,
        hostIf: `${PREFIX_IF}${this.tag}${letter}h`,
        nsIf: `${PREFIX_IF}${this.tag}${letter}`,
        addr: `${this.subnet}${i + 2}`,
      };
    });
    this.net = net;
  }

  /**
   * Checks that namespaces can be made, sweeps leftovers of dead runs, and builds the network.
   * Throws NetnsUnavailableError (with the reason) where it cannot; removes whatever it made when
   * a later step fails.
   */
  static create(): NetnsRig {
    if (process.platform !== 'linux') throw new NetnsUnavailableError(`the platform is ${process.platform}`);
    if (typeof process.getuid === 'function' && process.getuid() !== 0)
      throw new NetnsUnavailableError(`the test runs as uid ${process.getuid()}, not root`);
    const probe = run('ip', ['-V']);
    if (!probe.ok) throw new NetnsUnavailableError(`the \`ip\` command does not run (${probe.err})`);
    sweepStale();
    const rig = new NetnsRig();
    process.once('exit', rig.onExit);
    process.once('SIGINT', rig.onSignal);
    process.once('SIGTERM', rig.onSignal);
    try {
      rig.build();
    } catch (e) {
      rig.teardown();
      const message = (e as Error).message;
      if (/Operation not permitted|Permission denied|not supported|Cannot create namespace/i.test(message))
        throw new NetnsUnavailableError(message);
      throw e;
    }
    return rig;
  }

  private build(): void {
    must('ip', ['link', 'add', 'name', this.bridge, 'type', 'bridge']);
    // Bridged frames must not meet the host's iptables FORWARD rules (br_netfilter); older kernels lack the option.
    run('ip', ['link', 'set', this.bridge, 'type', 'bridge', 'nf_call_iptables', '0']);
    must('ip', ['addr', 'add', `${this.hostAddr}/24`, 'dev', this.bridge]);
    must('ip', ['link', 'set', this.bridge, 'up']);
    for (const m of members) {
      const n = this.net[m];
      must('ip', ['netns', 'add', n.ns]);
      must('ip', ['link', 'add', n.hostIf, 'type', 'veth', 'peer', 'name', n.nsIf, 'netns', n.ns]);
      must('ip', ['link', 'set', n.hostIf, 'master', this.bridge]);
      must('ip', ['link', 'set', n.hostIf, 'up']);
      must('ip', ['netns', 'exec', n.ns, 'ip', 'link', 'set', 'lo', 'up']);
      must('ip', ['netns', 'exec', n.ns, 'ip', 'addr', 'add', `${n.addr}/24`, 'dev', n.nsIf]);
      must('ip', ['netns', 'exec', n.ns, 'ip', 'link', 'set', n.nsIf, 'up']);
    }
  }

  /** Spawns `cmd args` inside `member`'s namespace (`ip netns exec` execs it: the PID is the command's). */
  spawnIn(member: Member, cmd: string, args: string[], options: SpawnOptions = {}): ChildProcess {
    return spawn('ip', ['netns', 'exec', this.net[member].ns, cmd, ...args], options);
  }

  /** Writes an executable that runs `binary` inside `member`'s namespace (for playwright's executablePath). */
  wrapper(member: Member, binary: string, dir: string): string {
    const path = join(dir, `${member}-in-netns`);
    writeFileSync(path, `#!/bin/sh\nexec ip netns exec ${this.net[member].ns} ${binary} "$@"\n`);
    chmodSync(path, 0o755);
    return path;
  }

  /** Cuts `member`'s link (no-op if it is cut already). */
  cut(member: Member, mode: CutMode = 'down'): void {
    if (this.cuts.has(member)) return;
    const n = this.net[member];
    if (mode === 'down') must('ip', ['link', 'set', n.hostIf, 'down']);
    else this.dropAll(n, '-I');
    this.cuts.set(member, mode);
  }

  /** Restores `member`'s link as it was before cut(). */
  restore(member: Member): void {
    const mode = this.cuts.get(member);
    if (!mode) return;
    const n = this.net[member];
    if (mode === 'down') must('ip', ['link', 'set', n.hostIf, 'up']);
    else this.dropAll(n, '-D');
    this.cuts.delete(member);
  }

  private dropAll(n: MemberNet, op: '-I' | '-D'): void {
    must('ip', ['netns', 'exec', n.ns, 'iptables', op, 'INPUT', '-i', n.nsIf, '-j', 'DROP']);
    must('ip', ['netns', 'exec', n.ns, 'iptables', op, 'OUTPUT', '-o', n.nsIf, '-j', 'DROP']);
  }

  /** Kills what is left in the namespaces, removes them, the veths and the bridge. Idempotent. */
  teardown(): void {
    if (this.torndown) return;
    this.torndown = true;
    process.removeListener('exit', this.onExit);
    process.removeListener('SIGINT', this.onSignal);
    process.removeListener('SIGTERM', this.onSignal);
    removeNetwork(
      members.map((m) => this.net[m].ns),
      [...members.map((m) => this.net[m].hostIf), this.bridge],
    );
  }

  /** What of this rig still exists (names of namespaces and links): [] after teardown. */
  leftovers(): string[] {
    const ns = run('ip', ['netns', 'list']).out;
    const links = run('ip', ['-o', 'link', 'show']).out;
    return [
      ...members.map((m) => this.net[m].ns).filter((name) => ns.includes(name)),
      ...[...members.map((m) => this.net[m].hostIf), this.bridge].filter((name) => links.includes(`${name}`)),
    ];
  }
}
