/**
 * `workbench`, the command line for case packages (issue 12), on the same shared/ code as the
 * app: for the 组长 who wants to check a stick before importing, and for an archive or an
 * auditor who must open a package without the app. Run as `npm run cli -- <command>`.
 *
 * Keys and passphrases come from a file (`--key FILE`, as written by `keygen`), the environment
 * (WORKBENCH_KEY, WORKBENCH_PASSPHRASE) or a prompt; never from the command line itself, where
 * other users of the machine and the shell history would see them.
 *
 * Exit status: 0 done; 1 the package failed verification; 2 bad input. A failure is one line
 * on stderr, never a stack trace.
 */
import { zh } from '../../shared/i18n/zh-CN';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { fingerprint } from '../../shared/package/fingerprint';
import { newLaptopKey, recipientOf } from '../../shared/package/keys';
import { PackageError, type PackageProblem } from '../../shared/package/seal';
import type { Manifest } from '../../shared/package/manifest';
import { isRecipient } from '../../shared/package/keys';
import { unpackContents } from '../../shared/package/contents';
import { mergePackages } from './merge';
import { demoPackages } from './demo';
import { writeUnpacked } from './unpack';
import { keyFileText } from './keyFile';
import { openPackageFile, writeNewFile } from './files';
import { Usage } from './usage';
import { reportFromPackage } from './report';

const USAGE = `用法：npm run cli -- <命令>
  keygen --out 文件          生成本机密钥，私钥写入文件（不覆盖已有文件），公钥和指纹打印出来
  inspect 文件 [--key 文件]   解密并显示数据包的清单：谁、何时、各表多少条
  verify 文件 [--key 文件]    解密并逐项核对哈希，不改动任何东西
  unpack 文件 --out 目录 [--key 文件]
                             解密并解开：清单、各表 JSON、修改历史和原始文件（供存档或审计）
  merge 文件… --out 文件 [--key 文件] [--to 公钥]…
                             把同一任务的几个数据包合并成一个（与软件导入相同的合并规则），
                             加密给 --to 给出的公钥（默认：所用私钥自己的公钥）
  report 文件 --kind 种类 --out 文件 [--key 文件] [--interview 编号] [--finding 编号] [--date 年-月-日]
                             由数据包生成文书，与软件导出的相同；种类：report 巡察情况报告、
                             feedback 反馈意见、interview 谈话笔录、draft 问题底稿、
                             clues 问题线索报告（仅限组长的数据包）、checklist 问题清单（Excel）、
                             ledger 整改台账（Excel）
  demo --out 目录 [--scale N] [--to 公钥]
                             生成虚构的示例任务：每名成员一个数据包和一把电脑私钥；
                             --to 再加一个收件公钥（如本机软件“巡察组成员”页的公钥）
私钥也可由环境变量 WORKBENCH_KEY 给出，口令由 WORKBENCH_PASSPHRASE 给出或在提示时输入。`;

/** Problems that mean the file is not what it claims (exit 1); the rest are bad input (2). */
const FAILED_VERIFICATION: readonly PackageProblem[] = [
  'damaged',
  'notMatchingManifest',
  'unsafeName',
  'tooLarge',
];

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'keygen':
      return keygen(required(rest, '--out'));
    case 'inspect':
    case 'verify': {
      const file = positional(rest)[0];
      if (!file) throw new Usage(`${command}：请给出数据包文件`);
      const opened = await open(file, await openingKey(option(rest, '--key')));
      if (command === 'inspect') print(describe(opened.manifest));
      else print(`通过：${file} 完整，${opened.entries.size} 个条目与清单一致`);
      return 0;
    }
    case 'unpack': {
      const file = positional(rest)[0];
      if (!file) throw new Usage('unpack：请给出数据包文件');
      const out = required(rest, '--out');
      const opened = await open(file, await openingKey(option(rest, '--key')));
      const written = await writeUnpacked(out, opened.manifest, await unpackContents(opened));
      print(`已解开到 ${out}：${written.tables} 个表，${written.files} 个文件`);
      return 0;
    }
    case 'merge': {
      const files = positional(rest);
      if (files.length === 0) throw new Usage('merge：请给出要合并的数据包文件');
      const out = required(rest, '--out');
      if (existsSync(out)) throw new Usage(`${out} 已存在，不会覆盖：请换一个文件名`);
      const key = await openingKey(option(rest, '--key'));
      const to = recipients(rest);
      if (to.length === 0) {
        if (!('identity' in key)) throw new Usage('用口令打开时请用 --to 给出收件公钥');
        to.push(await recipientOf(key.identity));
      }
      const opened = [];
      for (const file of files) opened.push(await open(file, key));
      const { file, summary } = await mergePackages(opened, to);
      await writeNewFile(out, file);
      print(`已合并 ${files.length} 个数据包到 ${out}：${summary}`);
      return 0;
    }
    case 'report': {
      const file = positional(rest)[0];
      if (!file) throw new Usage('report：请给出数据包文件');
      const out = required(rest, '--out');
      if (existsSync(out)) throw new Usage(`${out} 已存在，不会覆盖：请换一个文件名`);
      const kind = option(rest, '--kind');
      if (!kind) throw new Usage('report：请用 --kind 给出文书种类');
      const key = await openingKey(option(rest, '--key'));
      const opened = await open(file, key);
      const opener = 'identity' in key ? await recipientOf(key.identity) : undefined;
      const built = await reportFromPackage(await unpackContents(opened), opener, {
        kind,
        interviewId: option(rest, '--interview'),
        findingId: option(rest, '--finding'),
        date: option(rest, '--date'),
      });
      await writeNewFile(out, new Blob([built.bytes]).stream());
      print(`已生成 ${out}（${built.name}）`);
      return 0;
    }
    case 'demo': {
      const out = required(rest, '--out');
      const scale = Number(option(rest, '--scale') ?? 1);
      if (!Number.isInteger(scale) || scale < 1 || scale > 100) {
        throw new Usage('--scale 应为 1 到 100 的整数');
      }
      const made = await demoPackages(out, scale, recipients(rest));
      print(made);
      return 0;
    }
    case undefined:
    case '--help':
    case 'help':
      print(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new Usage(`不认识的命令“${command}”。${USAGE}`);
  }
}

async function keygen(out: string): Promise<number> {
  if (existsSync(out)) throw new Usage(`${out} 已存在，不会覆盖：请换一个文件名`);
  const key = await newLaptopKey();
  writeFileSync(out, keyFileText(key), { mode: 0o600, flag: 'wx' });
  print(
    `公钥：${key.recipient}\n指纹：${fingerprint(key.recipient)}\n私钥已写入 ${out}，请妥善保管`,
  );
  return 0;
}

const open = openPackageFile;

async function openingKey(
  keyFile: string | undefined,
): Promise<{ identity: string } | { passphrase: string }> {
  if (keyFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(keyFile, 'utf8');
    } catch {
      throw new Usage(`读不到密钥文件 ${keyFile}`);
    }
    const identity = text.split('\n').find((line) => line.startsWith('AGE-SECRET-KEY-1'));
    if (!identity) throw new Usage(`${keyFile} 里没有私钥（AGE-SECRET-KEY-1…）`);
    return { identity: await checked(identity) };
  }
  const fromEnv = process.env.WORKBENCH_KEY;
  if (fromEnv) return { identity: await checked(fromEnv.trim()) };
  const passphrase = process.env.WORKBENCH_PASSPHRASE ?? (await ask('口令：'));
  if (!passphrase) throw new Usage('需要私钥（--key 文件 或 WORKBENCH_KEY）或口令');
  return { passphrase };
}

async function checked(identity: string): Promise<string> {
  try {
    await recipientOf(identity);
    return identity;
  } catch {
    throw new Usage('私钥格式不对：应为 AGE-SECRET-KEY-1 开头的一行');
  }
}

async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY) return '';
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await prompt.question(question);
  } finally {
    prompt.close();
  }
}

/** Arguments that are neither options nor their values. */
function positional(args: string[]): string[] {
  return args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
}

/** Every `--to` recipient, each checked (public keys may be given on the command line). */
function recipients(args: string[]): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    if (a !== '--to') return;
    const r = args[i + 1] ?? '';
    if (!isRecipient(r)) throw new Usage(`--to ${r}：不是公钥（应以 age1 开头，共 62 个字符）`);
    out.push(r);
  });
  return out;
}

/** The value after `name`, if given. */
function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function required(args: string[], name: string): string {
  const value = option(args, name);
  if (value === undefined) throw new Usage(`请用 ${name} 给出文件`);
  return value;
}

function describe(m: Manifest): string {
  const counts = Object.entries(m.counts).map(([table, n]) => `  ${table}: ${n}`);
  return [
    `类型：${zh.exchange.kinds[m.kind]}（格式 ${m.format}，数据版本 ${m.schemaVersion}）`,
    `任务：${m.caseId}`,
    `导出：成员 ${m.exportedBy.memberId}，电脑 ${m.exportedBy.deviceId}，${m.createdAt}`,
    `条目：${Object.keys(m.entries).length} 个`,
    ...counts,
  ].join('\n');
}

const print = (text: string) => process.stdout.write(`${text}\n`);

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message.split('\n')[0]}\n`);
    if (error instanceof PackageError) {
      process.exitCode = FAILED_VERIFICATION.includes(error.problem) ? 1 : 2;
    } else {
      process.exitCode = error instanceof Usage ? 2 : 1;
    }
  },
);
