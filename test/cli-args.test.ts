// The one argument layer of the CLI: every command refuses an unknown option, a missing value and
// an option given twice the same way (exit 2, one line on stderr), answers --help, and is one
// entry of the command table, loaded only when it runs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commands } from '../src/cli/commands.ts';
import { defineCommand, parseCommandArgs, parseOptionPairs, runCommand } from '../src/cli/args.ts';
import { runCli, type CliResult } from './support/cli.ts';
import { PassThrough } from 'node:stream';

function assertUsage(r: CliResult, pattern: RegExp): void {
  assert.equal(r.code, 2, `exit code (stderr: ${r.stderr})`);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^latinitsa: [^\n]+\n$/, 'one line on stderr');
  assert.match(r.stderr, pattern);
}

describe('every command', () => {
  for (const name of Object.keys(commands)) {
    it(`${name}: an unknown option exits 2 with one line; --help prints help and exits 0`, async () => {
      assertUsage(await runCli([name, '--bogus']), new RegExp(`^latinitsa: ${name}: unknown option --bogus\\b.*\\(see latinitsa ${name} --help\\)`));
      const help = await runCli([name, '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: latinitsa/);
      // --help wins wherever it stands, even after a mistake.
      assert.equal((await runCli([name, '--bogus', '-h'])).code, 0);
    });
  }

  it('serve --bogus exits 2 with one line (it used to be an internal error, exit 70)', async () => {
    assertUsage(await runCli(['serve', '--bogus']), /^latinitsa: serve: unknown option --bogus \(see latinitsa serve --help\)\n$/);
    assertUsage(await runCli(['serve', 'extra']), /serve: unexpected argument "extra"/);
    assertUsage(await runCli(['serve', '--port']), /serve: option --port needs a value/);
  });

  it('an option given twice, a value for a flag, a missing value', async () => {
    assertUsage(await runCli(['check', '--scheme', 'ala-lc', '--scheme', 'iso-9', 'a.md']), /check: option --scheme given more than once/);
    assertUsage(await runCli(['cite', '--fix=yes', 'a.md']), /cite: option --fix takes no value/);
    assertUsage(await runCli(['reverse', '--scheme']), /reverse: option --scheme needs a value/);
    assertUsage(await runCli(['convert', '--from', '-x']), /convert: option --from needs a value/);
    assertUsage(await runCli(['--scheme', 'ala-lc', '-s', 'iso-9', 'x']), /^latinitsa: option --scheme given more than once \(see latinitsa --help\)/);
  });
});

describe('-O NAME=VALUE', () => {
  it('one parser: kebab or camel names, each once, NAME=VALUE or a usage error', async () => {
    assert.deepEqual(parseOptionPairs('reverse', ['tie=halves', 'sign-before-e=omit']), { tie: 'halves', signBeforeE: 'omit' });
    assert.throws(() => parseOptionPairs('reverse', ['tie']), /reverse: --option expects NAME=VALUE, found "tie"/);
    assert.throws(() => parseOptionPairs('reverse', ['tie=a', 'tie=b']), /option "tie" given more than once/);
    assert.throws(() => parseOptionPairs('reverse', ['__proto__=x']), /invalid option name/);
    assertUsage(await runCli(['reverse', '-O', 'nothing', 'x']), /reverse: --option expects NAME=VALUE/);
    assertUsage(await runCli(['convert', '--from', 'ala-lc', '--to', 'iso-9', '--to-option', 'x', 'y']), /convert: --to-option expects NAME=VALUE/);
  });

  it('names and values of the properties every object has are unknown options and values, not found ones', async () => {
    for (const command of [[], ['reverse']]) {
      for (const name of ['constructor', 'toString', 'hasOwnProperty']) {
        const run = await runCli([...command, '-O', `${name}=x`, 'Kirov']);
        assert.equal(run.code, 2, run.stderr);
        assert.match(run.stderr, new RegExp(`unknown option "${name}"`, 'u'));
      }
      for (const value of ['toString', '__proto__', 'constructor']) {
        const run = await runCli([...command, '-O', `sign-before-e=${value}`, 'Kirov']);
        assert.equal(run.code, 2, run.stderr);
        assert.match(run.stderr, new RegExp(`option "signBeforeE" of scheme "modified-loc" must be one of "i", "omit", found "${value}"`, 'u'));
      }
    }
  });
});

describe('the command table', () => {
  it('a command is one entry: its module is loaded when it runs, through the same layer', async () => {
    const seen: string[] = [];
    const command = defineCommand({
      help: 'Usage: latinitsa hello [--loud] NAME\n',
      options: { loud: { type: 'boolean' } },
      run: async ({ values, positionals }, io) => {
        io.stdout.write(`${values.loud === true ? 'HELLO' : 'hello'} ${positionals.join(' ')}\n`);
        return 0;
      },
    });
    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), cwd: '.', env: {} };
    io.stdout.on('data', (b: Buffer) => seen.push(b.toString()));
    assert.equal(await runCommand('hello', command, ['--loud', 'Kirov'], io, []), 0);
    assert.deepEqual(seen, ['HELLO Kirov\n']);
    await assert.rejects(runCommand('hello', command, ['--quiet'], io, []), /hello: unknown option --quiet/);
    for (const [name, entry] of Object.entries(commands)) {
      assert.equal(typeof entry.summary, 'string', name);
      assert.equal(typeof (await entry.load()).command.run, 'function', name);
    }
  });

  it('parseCommandArgs is strict and typed by the options', () => {
    const { values, positionals } = parseCommandArgs('x', ['-a', 'Tchaikovsky', '--allow', 'Tolstoy', 'f.md'], { allow: { type: 'string', short: 'a', multiple: true } });
    assert.deepEqual([values.allow, positionals], [['Tchaikovsky', 'Tolstoy'], ['f.md']]);
  });
  it('check -O sets an option of the house scheme: a declared modification of LC is the scheme, the table form a deviation', async () => {
    const text = 'Yakovlev spoke. Later Iakovlev wrote.\n';
    const flagged = async (args: string[]) => (JSON.parse((await runCli(['check', '-s', 'ala-lc-simplified', ...args, '--format', 'json', '-'], { stdin: text })).stdout) as { actual: string }[]).map((d) => d.actual);
    // ala-lc-simplified writes я at the start of a word ia (Iakovlev); with initial=y, ya (Yakovlev).
    assert.deepEqual(await flagged([]), ['Yakovlev']);
    assert.deepEqual(await flagged(['-O', 'initial=y']), ['Iakovlev']);
    // The message names the scheme with the options it was given.
    const told = await runCli(['check', '-s', 'ala-lc-simplified', '-O', 'initial=y', '-'], { stdin: text });
    assert.match(told.stdout, /"Iakovlev" is not ala-lc-simplified \(initial=y\) romanization; ala-lc-simplified \(initial=y\) writes "Yakovlev"/u);
    const bad = await runCli(['check', '-s', 'ala-lc-simplified', '-O', 'initial=q', '-'], { stdin: text });
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /option "initial" of scheme "ala-lc-simplified" must be one of "lc", "y", found "q"/u);
  });
});

describe('the docs name only options the commands have', () => {
  it('every `COMMAND [SUBCOMMAND] --flag` in docs/ and README.md is an option of COMMAND', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const files = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    const unknown: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/`(?:latinitsa )?([a-z]+)(?: [a-z]+)? (--[a-z-]+)/gu)) {
        const [, name, flag] = m as unknown as [string, string, string];
        if (!Object.hasOwn(commands, name) || flag === '--help') continue;
        const { command } = await commands[name]!.load();
        if (!Object.hasOwn(command.options, flag.slice(2))) unknown.push(`${file}: ${m[0]}`);
      }
    }
    // An option the command lacks, named in a doc, sends the reader to a usage error (docs/cli.md).
    assert.deepEqual(unknown, []);
  });
});

describe('every command\'s --help keeps its columns', () => {
  for (const name of Object.keys(commands)) {
    it(`${name}: flags without a short form at one indent, descriptions at one column`, async () => {
      const indents = new Set<number>();
      const columns = new Set<number>();
      const lines = (await runCli([name, '--help'])).stdout.split('\n');
      const options = lines.map((line) => /^( +)(-[A-Za-z], )?--[a-z][\w-]*(?:[ =]\S+)?( +)\S/u.exec(line)).filter((m) => m !== null);
      for (const m of options) {
        if (m[2] === undefined) indents.add(m[1]!.length);
        if (m[3]!.length >= 2) columns.add(m[0].length - 1);
      }
      // A flag too long for the column pushes its own description along (one space after it, as
      // after each flag of a list of them): the column is the first one.
      const column = Math.min(...columns);
      for (const m of options.filter((o) => o[3]!.length >= 2)) assert.ok(m[0].length - 1 === column || m[0].length - m[3]!.length - 1 >= column - 1, `${name}: ${JSON.stringify(m.input)}`);
      assert.ok(indents.size <= 1, `${name}: flags without a short form at ${[...indents].join(' and ')}`);
    });
  }
});

// Fortieth session's audit: `cite`, `bib` and `marc --help` described their text reports as
// `message [rule, band]`, but only the checker's findings carry a confidence band.
describe('--help describes the text report as the command prints it', () => {
  for (const name of ['check', 'cite', 'bib', 'marc']) {
    it(`${name}: [rule${name === 'check' ? ', band' : ''}]`, async () => {
      const help = (await runCli([name, '--help'])).stdout;
      assert.match(help, name === 'check' ? /message \[rule, band\]/u : /message \[rule\]/u);
    });
  }
});
