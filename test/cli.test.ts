// The romanizing CLI, run in-process through main(argv, io) with in-memory streams and temp dirs.
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { main } from '../src/cli/main.ts';
import { commands } from '../src/cli/commands.ts';
import { getScheme, listSchemes, romanize } from '../src/index.ts';
import { DEMO_TEXT } from '../src/cli/commands/romanize.ts';
import { fixturesDir } from './support/fixtures.ts';
import { runCli, type CliResult } from './support/cli.ts';


/** Runs the CLI in-process; `stdin` is fed in the given chunks (a string or Buffer is one chunk). */

/** Asserts a usage/input error: exit 2, nothing on stdout, exactly one line on stderr matching `pattern`. */
function assertError(r: CliResult, pattern: RegExp): void {
  assert.equal(r.code, 2, `exit code (stderr: ${r.stderr})`);
  assert.match(r.stderr, /^latinitsa: [^\n]+\n$/, 'one line on stderr');
  assert.match(r.stderr, pattern);
}

const cliFixtures = path.join(fixturesDir, 'cli');
let dir = '';
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'latinitsa-cli-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('latinitsa (romanize): text and stdin', () => {
  it('counts every letter the scheme has no value for in the one-line warning, whatever the chunks', async () => {
    const text = 'ї Ў ᲀ ꙁ 𞀰 ґ Киев\n';
    const warning = 'latinitsa: warning: 6 letters have no value in modified-loc and were written in ISO 9 or kept (ї ×1, Ў ×1, ᲀ ×1, ꙁ ×1, 𞀰 ×1, ґ ×1); --json lists each one\n';
    const bytes = Buffer.from(text);
    // Whole, then cut after every byte (inside each letter), then one letter alone at the start.
    for (const chunks of [[bytes], [...bytes].map((b) => Buffer.from([b])), [Buffer.from('ї\n')]]) {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      const code = await main(['-s', 'modified-loc'], { stdin: Readable.from(chunks), stdout, stderr, cwd: dir, env: {} });
      assert.equal(code, 0);
      assert.equal(String(stderr.read() ?? ''), chunks.length === 1 && chunks[0]!.length === 3 ? warning.replace('6 letters have', '1 letter has').replace('were', 'was').replace(/\(ї.*\)/, '(ї ×1)') : warning);
    }
    // A letter at the start of a later chunk, after the engine has looked for such letters in a line.
    const stderr = new PassThrough();
    await main(['-s', 'modified-loc'], { stdin: Readable.from([Buffer.from('ї x\n'), Buffer.from('ї\n')]), stdout: new PassThrough(), stderr, cwd: dir, env: {} });
    assert.match(String(stderr.read()), /2 letters .*\(ї ×2\)/);
  });
  it('names a letter written decomposed (а + U+0306) or beside an invisible character as the letter it is, from stdin and from arguments', async () => {
    const text = 'а\u0306 ӥ\u200Dе\r\nҨе\n';
    const warning = /^latinitsa: warning: 3 letters have no value in modified-loc and were written in ISO 9 or kept \(ӑ ×1, ӥ ×1, Ҩ ×1\); --json lists each one\n$/u;
    const stdin = await runCli([], { stdin: text });
    assert.match(stdin.stderr, warning);
    const args = await runCli([text.trimEnd()]);
    assert.match(args.stderr, warning);
  });
  it('romanizes the done-when line of issue 2 from stdin', async () => {
    const r = await runCli([], { stdin: 'Сергей Миронович Киров, ЦК ВКП(б), Щёлково, Юрий, Зиновьев\n' });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'Sergei Mironovich Kirov, TsK VKP(b), Shchyolkovo, Yury, Zinoviev\n');
    assert.equal(r.stderr, '');
  });

  it('romanizes its arguments, joined by spaces, with a newline', async () => {
    const r = await runCli(['Сергей', 'Киров,', 'Щукин']);
    assert.deepEqual([r.code, r.stdout], [0, 'Sergei Kirov, Shchukin\n']);
  });

  it('takes text after -- even when it starts with a hyphen', async () => {
    const r = await runCli(['--', '-Киров']);
    assert.deepEqual([r.code, r.stdout], [0, '-Kirov\n']);
  });

  it('keeps CRLF, a missing final newline, and a byte-order mark', async () => {
    const r = await runCli([], { stdin: ['\uFEFFЩукин\r\nЦК', ' ВКП(б)'] });
    assert.equal(r.stdout, '\uFEFFShchukin\r\nTsK VKP(b)');
    // With --lang auto the text is read whole, not streamed: the same bytes come out.
    const auto = await runCli(['--lang', 'auto'], { stdin: ['\uFEFFЩукин\r\nЦК', ' ВКП(б)'] });
    assert.equal(auto.stdout, '\uFEFFShchukin\r\nTsK VKP(b)');
  });

  it('streams: each line comes out without waiting for the end of stdin', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const seen: string[] = [];
    stdout.on('data', (b: Buffer) => seen.push(b.toString()));
    const done = main([], { stdin, stdout, stderr: new PassThrough(), cwd: dir, env: {} });
    stdin.write('Киров\n');
    // The first line must come out while stdin is still open.
    for (let i = 0; i < 200 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    assert.equal(seen.join(''), 'Kirov\n');
    stdin.write('Щу');
    stdin.end('кин\n');
    assert.equal(await done, 0);
    assert.equal(seen.join(''), 'Kirov\nShchukin\n');
  });

  it('counts the byte offset of invalid UTF-8 from the start of the stream, not the chunk', async () => {
    const good = Buffer.from('Киров\n'.repeat(20000)); // 240,000 bytes: several blocks
    const r = await runCli([], { stdin: [good, Buffer.from([0x41, 0xff, 0x0a])] });
    assertError(r, new RegExp(`<stdin>: invalid UTF-8 at byte offset ${good.length + 1}\\b`));
  });

  it('--lang auto and --json (which read the text whole) report invalid UTF-8 as the streaming path does', async () => {
    // The fuzzer found `latinitsa -l auto` exiting 70 (internal error: TypeError) on such bytes.
    for (const args of [['--lang', 'auto'], ['--json'], []]) {
      const r = await runCli(args, { stdin: Buffer.from([0x33, 0xff, 0x41]) });
      assert.deepEqual([r.code, r.stderr], [2, 'latinitsa: <stdin>: invalid UTF-8 at byte offset 1\n'], args.join(' '));
    }
  });

  it('names windows-1251 and koi8-r when the bytes look like them, and reads them with --encoding', async () => {
    const text = 'Сергей Миронович Киров родился в Уржуме\n';
    const cp1251 = Buffer.from(new TextEncoderLegacy('windows-1251').encode(text));
    const koi8 = Buffer.from(new TextEncoderLegacy('koi8-r').encode(text));
    assertError(await runCli([], { stdin: cp1251 }), /invalid UTF-8 at byte offset 0 \(the bytes look like windows-1251: try --encoding windows-1251\)/);
    assertError(await runCli([], { stdin: koi8 }), /invalid UTF-8 at byte offset 0 \(the bytes look like koi8-r: try --encoding koi8-r\)/);
    const expected = 'Sergei Mironovich Kirov rodilsia v Urzhume\n';
    assert.equal((await runCli(['--encoding', 'windows-1251'], { stdin: cp1251 })).stdout, expected);
    assert.equal((await runCli(['-e', 'koi8-r'], { stdin: koi8 })).stdout, expected);
    assertError(await runCli(['--encoding', 'latin-9'], { stdin: cp1251 }), /unknown encoding "latin-9"/);
  });

  it('gives no encoding hint for damaged UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('Сергей Миронович Киров '), Buffer.from([0xd0]), Buffer.from(' родился\n')]);
    const r = await runCli([], { stdin: bytes });
    assertError(r, /invalid UTF-8 at byte offset 43$/m);
  });

  it('stops quietly when its reader goes away (EPIPE)', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    stdout.destroy();
    stdin.end('Киров\n'.repeat(100000));
    const code = await main([], { stdin, stdout, stderr: new PassThrough(), cwd: dir, env: {} });
    assert.equal(code, 0);
  });
});

describe('latinitsa (romanize): options', () => {
  it('--scheme, -s, and scheme options as generated flags, --option and -O', async () => {
    assert.equal((await runCli(['--scheme', 'ala-lc', 'Юрьев'])).stdout, 'I͡Urʹev\n');
    assert.equal((await runCli(['-s', 'ala-lc', 'Юрьев'])).stdout, 'I͡Urʹev\n');
    assert.equal((await runCli(['--sign-before-e', 'omit', 'Зиновьев'])).stdout, 'Zinovev\n');
    assert.equal((await runCli(['--sign-before-e=omit', 'Зиновьев'])).stdout, 'Zinovev\n');
    assert.equal((await runCli(['--option', 'signBeforeE=omit', 'Зиновьев'])).stdout, 'Zinovev\n');
    assert.equal((await runCli(['-O', 'sign-before-e=omit', 'Зиновьев'])).stdout, 'Zinovev\n');
  });

  it('every option of every scheme is a flag', async () => {
    for (const s of listSchemes()) {
      for (const [name, o] of Object.entries(s.options)) {
        for (const value of o.values) {
          const flag = `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
          const r = await runCli(['--scheme', s.id, flag, value, 'Щёлково Зиновьев']);
          // A value for given names only is a flag too, refused by name (docs/check.md).
          if (Object.keys(getScheme(s.id).options[name]!.values[value]!.givenNames ?? {}).length > 0) {
            assertError(r, new RegExp(`"${name}".*given names only`));
            continue;
          }
          assert.equal(r.code, 0, `${s.id} ${flag} ${value}: ${r.stderr}`);
          assert.equal(r.stdout, `${romanize('Щёлково Зиновьев', { scheme: s.id, [name]: value })}\n`);
        }
      }
    }
  });

  it('--all-caps, --pre-reform, --repair-homoglyphs', async () => {
    assert.equal((await runCli(['ЦК ВКП(б) решил'])).stdout, 'TsK VKP(b) reshil\n');
    assert.equal((await runCli(['--all-caps', 'upper', 'ЦК ВКП(б) решил'])).stdout, 'TSK VKP(b) reshil\n');
    assert.equal((await runCli(['--all-caps', 'acronym', 'ЩУКИН'])).stdout, 'ShchUKIN\n');
    assert.equal((await runCli(['--scheme', 'ala-lc', 'мѣсто'])).stdout, `${romanize('мѣсто', { scheme: 'ala-lc' })}\n`);
    assert.equal((await runCli(['--scheme', 'ala-lc', '--pre-reform', 'modernize', 'мѣсто'])).stdout, 'mesto\n');
    // "Мocква" with a Latin o and c (OCR): copied as written unless repaired (spec §1.1 item 6).
    assert.equal((await runCli(['Мocква'])).stdout, 'Mockva\n');
    assert.equal((await runCli(['--repair-homoglyphs', 'Мocква'])).stdout, 'Moskva\n');
    assert.equal((await runCli(['--repair-homoglyphs', 'iPhone Кирова'])).stdout, 'iPhone Kirova\n');
  });

  it('--join-line-break-hyphens joins a word broken across lines, also across stream chunks', async () => {
    const text = 'Андре-\nев и Ста-\r\nлин\n';
    assert.equal((await runCli([], { stdin: text })).stdout, romanize(text));
    const joined = await runCli(['--join-line-break-hyphens'], { stdin: [...Buffer.from(text)].map((b) => Buffer.from([b])) });
    assert.equal(joined.stdout, romanize(text, { joinLineBreakHyphens: true }));
    assert.notEqual(joined.stdout, romanize(text));
  });

  it('--exceptions reads a TSV or JSON lexicon', async () => {
    for (const file of ['names.tsv', 'names.json']) {
      const r = await runCli(['--exceptions', path.join(cliFixtures, file), 'Лев Толстой, ЧАЙКОВСКИЙ']);
      assert.equal(r.stdout, 'Lev Tolstoy, TCHAIKOVSKY\n');
      // The input's case pattern, lower included (docs/rules/options.md, step 1).
      assert.equal((await runCli(['-x', path.join(cliFixtures, file), 'толстой Толстой ТОЛСТОЙ'])).stdout, 'tolstoy Tolstoy TOLSTOY\n');
    }
    assertError(await runCli(['-x', path.join(cliFixtures, 'broken-json.json'), 'x']), /broken-json\.json: invalid JSON/);
  });

  it('refuses an option for given names only, which only the checker reads (docs/check.md)', async () => {
    for (const args of [['--first-name-signs', 'omit'], ['-O', 'firstNameSigns=omit']]) {
      assertError(await runCli(['-s', 'ala-lc-simplified', ...args, 'Татьяна Демьян']), /firstNameSigns.*given names only/);
    }
    assert.equal((await runCli(['-s', 'ala-lc-simplified', '--first-name-signs', 'keep', 'Татьяна Демьян'])).stdout, 'Tat’iana Dem’ian\n');
    const badTsv = path.join(dir, 'bad.tsv');
    await writeFile(badTsv, 'Толстой Tolstoy\n');
    assertError(await runCli(['-x', badTsv, 'x']), /bad\.tsv: line 1: expected "word<TAB>romanization"/);
    // A file named relative to the current folder is named so in the message, not by its full path.
    assertError(await runCli(['-x', 'bad.tsv', 'x'], { cwd: dir }), /^latinitsa: bad\.tsv: line 1: expected "word<TAB>romanization"/);
    assertError(await runCli(['-x', 'none.tsv', 'x'], { cwd: dir }), /^latinitsa: cannot read none\.tsv: no such file$/m);
  });

  it('--scheme-file loads a user scheme; errors name the file and the field', async () => {
    const r = await runCli(['--scheme-file', path.join(cliFixtures, 'house-scheme.json'), 'Сокольников Подъячев']);
    assert.deepEqual([r.code, r.stdout], [0, 'Sokolnikov Podiachev\n']);
    assert.equal((await runCli(['--scheme-file', path.join(cliFixtures, 'house-scheme.json'), '--signs', 'keep', 'Сокольников'])).stdout, `${romanize('Сокольников', { scheme: 'ala-lc-simplified' })}\n`);
    assertError(await runCli(['--scheme-file', 'test/fixtures/cli/bad-scheme.json', 'x']), /^latinitsa: test\/fixtures\/cli\/bad-scheme\.json: \/letters\/ж: /);
    assertError(await runCli(['--scheme-file', path.join(cliFixtures, 'broken-json.json'), 'x']), /invalid JSON/);
    assertError(await runCli(['--scheme-file', 'no-such.json', 'x'], { cwd: dir }), /^latinitsa: cannot read no-such\.json: no such file$/m);
    assertError(await runCli(['--scheme', 'ala-lc', '--scheme-file', 'x.json', 'x']), /either --scheme or --scheme-file/);
    // A file in another folder is named as written, not by its full path.
    assertError(await runCli(['--scheme-file', '../cli/bad-scheme.json', 'x'], { cwd: path.join(cliFixtures, '..', 'check') }), /^latinitsa: \.\.\/cli\/bad-scheme\.json: \/letters\/ж: /);
    // A scheme of one's own with a built-in id would pass for that standard in the output and its warnings.
    await writeFile(path.join(dir, 'mine.json'), JSON.stringify({ id: 'ala-lc', name: 'Mine', extends: 'ala-lc-simplified' }));
    assertError(await runCli(['--scheme-file', 'mine.json', 'x'], { cwd: dir }), /^latinitsa: mine\.json: \/id: "ala-lc" is a built-in scheme; choose another id$/m);
  });

  it('usage errors: exit 2 and one line', async () => {
    assertError(await runCli(['--scheme', 'no-such', 'x']), /unknown scheme "no-such"/);
    assertError(await runCli(['--sign-before-e', 'never', 'x']), /signBeforeE.*"never"/);
    assertError(await runCli(['--no-such-flag', 'x']), /unknown option --no-such-flag \(options of the scheme modified-loc: --sign-before-e/);
    // An unknown flag does not swallow the option after it as its value: --help still shows help.
    assert.match((await runCli(['--no-such-flag', '--help'])).stdout, /^Usage: latinitsa/);
    assertError(await runCli(['--sign-before-e']), /option --sign-before-e needs a value/);
    assertError(await runCli(['-Z']), /unknown option -Z/);
    assertError(await runCli(['--scheme']), /option --scheme needs a value/);
    assertError(await runCli(['--demo=yes']), /takes no value/);
    assertError(await runCli(['--all-caps', 'loud', 'x']), /--all-caps must be one of upper, acronym, auto/);
    assertError(await runCli(['-O', 'allCaps=upper', 'x']), /use --all-caps/);
    assertError(await runCli(['-O', 'nothing', 'x']), /NAME=VALUE/);
    assertError(await runCli(['--in-place']), /--in-place needs --input/);
    assertError(await runCli(['--in-place', '-i', 'a', '-o', 'b']), /either --in-place or --output/);
    assertError(await runCli(['-i', 'a', 'text']), /not several/);
    assertError(await runCli(['-i', '/no/such/file.txt']), /^latinitsa: cannot read \/no\/such\/file\.txt: no such file$/m);
    assertError(await runCli(['-i', dir]), /is a directory/);
    // A failed write says only why: no warning about unmapped letters of a text never written.
    assertError(await runCli(['-o', dir, 'Ѩ Київ']), /cannot write .*is a directory/);
    assertError(await runCli(['-o', dir, '--lang', 'auto'], { stdin: 'Ѩ Київ' }), /cannot write .*is a directory/);
  });

  it('--help lists the options, the scheme options, every command of the table, and examples', async () => {
    const r = await runCli(['--help']);
    assert.equal(r.code, 0);
    for (const flag of ['--scheme', '--scheme-file', '--option', '--in-place', '--output', '--encoding', '--all-caps', '--pre-reform', '--exceptions', '--join-line-break-hyphens', '--repair-homoglyphs', '--list-schemes', '--demo', '--version', '--sign-before-e', 'Examples:']) {
      assert.ok(r.stdout.includes(flag), flag);
    }
    for (const name of Object.keys(commands).filter((n) => n !== 'romanize')) assert.match(r.stdout, new RegExp(`^  ${name} `, 'm'));
    assert.match((await runCli(['--scheme', 'ala-lc', '--help'])).stdout, /Options of the scheme ala-lc/);
    // A scheme refused for the language (the run says so) lists no options as usable: help says why,
    // as for a scheme it cannot resolve; the run's own message is the same line.
    const refused = 'scheme "modified-loc" has no table for Ukrainian (lang "uk")';
    const help = (await runCli(['-s', 'modified-loc', '--lang', 'uk', '--help'])).stdout;
    assert.ok(help.includes(`Options of the scheme: not known (${refused}`), help);
    assert.doesNotMatch(help, /^ +--sign-before-e /mu);
    assertError(await runCli(['-s', 'modified-loc', '--lang', 'uk', 'Київ']), new RegExp(`^latinitsa: ${refused.replace(/[()]/gu, '\\$&')}`, 'mu'));
  });

  it('--version prints the package version; --list-schemes every scheme', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    assert.equal((await runCli(['--version'])).stdout, `latinitsa ${pkg.version}\n`);
    const list = (await runCli(['--list-schemes'])).stdout;
    for (const s of listSchemes()) assert.match(list, new RegExp(`^${s.id} `, 'm'));
  });

  it('--demo romanizes the embedded sample in modified-loc', async () => {
    const r = await runCli(['--demo']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, romanize(DEMO_TEXT));
    for (const expected of ['UBIISTVO V SMOLNOM', 'Sergei Mironovich Kirov', 'TsK VKP(b)', 'NKVD', 'G. G. Yagoda', 'Kremlyovskoi', 'Zinoviev', 'Shchyolkova', 'Petropavlovska-Kamchatskogo', 'Yury Olesha']) {
      assert.ok(r.stdout.includes(expected), expected);
    }
  });
});

describe('latinitsa (romanize): files', () => {
  it('-i FILE -o OUT; several inputs are concatenated; -o is written atomically', async () => {
    const a = path.join(dir, 'a.txt');
    const b = path.join(dir, 'b.txt');
    await writeFile(a, 'Киров\n');
    await writeFile(b, 'Щукин');
    const r = await runCli(['-i', 'a.txt', '--input', 'b.txt', '-o', 'out.txt'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(await readFile(path.join(dir, 'out.txt'), 'utf8'), 'Kirov\nShchukin');
    // A bad second input: the output file keeps its old content and no temporary file is left.
    await writeFile(b, Buffer.from([0xd0, 0x9a, 0xff]));
    assertError(await runCli(['-i', 'a.txt', '-i', 'b.txt', '-o', 'out.txt'], { cwd: dir }), /^latinitsa: b\.txt: invalid UTF-8 at byte offset 2$/m);
    assert.equal(await readFile(path.join(dir, 'out.txt'), 'utf8'), 'Kirov\nShchukin');
    assert.deepEqual((await readdir(dir)).filter((f) => f.endsWith('.tmp')), []);
  });

  // Fortieth session's audit: with --json or --lang auto (which read each input whole) every input
  // was written on its own: -o kept only the last one's result, stdout had one JSON per input.
  it('--json and --lang auto concatenate several inputs too: one JSON, one output file', async () => {
    await writeFile(path.join(dir, 'j1.txt'), 'Москва\n');
    await writeFile(path.join(dir, 'j2.txt'), 'Киев\n');
    await writeFile(path.join(dir, 'j3.txt'), 'Київ\n');
    const json = await runCli(['--json', '-i', 'j1.txt', '-i', 'j2.txt'], { cwd: dir });
    assert.equal(json.code, 0, json.stderr);
    assert.equal((JSON.parse(json.stdout) as { text: string }).text, 'Moskva\nKiev\n');
    // Київ in the Ukrainian national system (docs/languages.md): Kyiv.
    const auto = await runCli(['--lang', 'auto', '-i', 'j1.txt', '-i', 'j3.txt', '-o', 'auto.txt'], { cwd: dir });
    assert.equal(auto.code, 0, auto.stderr);
    assert.equal(await readFile(path.join(dir, 'auto.txt'), 'utf8'), 'Moskva\nKyiv\n');
    assert.equal((await runCli(['--json', '-i', 'j1.txt', '-i', 'j2.txt', '-o', 'out.json'], { cwd: dir })).code, 0);
    assert.equal((JSON.parse(await readFile(path.join(dir, 'out.json'), 'utf8')) as { text: string }).text, 'Moskva\nKiev\n');
  });

  // Fortieth session's audit: each input's byte-order mark was written where it came, so a second
  // file saved with one put a U+FEFF in the middle of the concatenated text.
  it('several inputs with byte-order marks: only the first starts the output', async () => {
    await writeFile(path.join(dir, 'b1.txt'), '\uFEFFМосква\r\n');
    await writeFile(path.join(dir, 'b2.txt'), '\uFEFFКиев\r\n');
    for (const extra of [[], ['--lang', 'auto']]) {
      const r = await runCli([...extra, '-i', 'b1.txt', '-i', 'b2.txt', '-o', 'bom-out.txt'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(await readFile(path.join(dir, 'bom-out.txt'), 'utf8'), '\uFEFFMoskva\r\nKiev\r\n', extra.join(' '));
    }
    const json = await runCli(['--json', '-i', 'b1.txt', '-i', 'b2.txt'], { cwd: dir });
    assert.equal((JSON.parse(json.stdout) as { text: string }).text, 'Moskva\r\nKiev\r\n');
  });

  it('-o - is stdout', async () => {
    const r = await runCli(['-o', '-', 'Киров'], { cwd: dir });
    assert.deepEqual([r.code, r.stdout], [0, 'Kirov\n']);
    assertError(await runCli(['-o', '', 'Киров'], { cwd: dir }), /--output needs a file name/);
  });

  it('-i - reads stdin among files', async () => {
    await writeFile(path.join(dir, 'c.txt'), 'Щукин\n');
    const r = await runCli(['-i', '-', '-i', 'c.txt'], { cwd: dir, stdin: 'Киров\n' });
    assert.equal(r.stdout, 'Kirov\nShchukin\n');
  });

  it('--in-place rewrites files atomically, keeping permissions, CRLF and the missing final newline', async () => {
    const f = path.join(dir, 'notes.txt');
    const text = 'ЩУКИН\r\nЦК ВКП(б) решил\r\n'.repeat(50000) + 'Юрий';
    await writeFile(f, text);
    await chmod(f, 0o640);
    const r = await runCli(['--in-place', '-i', 'notes.txt'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(await readFile(f, 'utf8'), romanize(text));
    assert.ok((await readFile(f, 'utf8')).startsWith('SHCHUKIN\r\nTsK VKP(b) reshil\r\n'));
    assert.equal((await stat(f)).mode & 0o777, 0o640);
    assert.deepEqual((await readdir(dir)).filter((x) => x.endsWith('.tmp')), []);
  });

  it('--in-place leaves a file untouched when it cannot be read as UTF-8', async () => {
    const f = path.join(dir, 'legacy.txt');
    const bytes = Buffer.from(new TextEncoderLegacy('windows-1251').encode('Киров\r\n'.repeat(30000)));
    await writeFile(f, bytes);
    assertError(await runCli(['--in-place', '-i', f], { cwd: dir }), /legacy\.txt: invalid UTF-8 at byte offset 0 \(the bytes look like windows-1251/);
    assert.deepEqual(await readFile(f), bytes);
    assert.deepEqual((await readdir(dir)).filter((x) => x.endsWith('.tmp')), []);
    assert.equal((await runCli(['--in-place', '-e', 'cp1251', '-i', f], { cwd: dir })).code, 0);
    assert.equal(await readFile(f, 'utf8'), 'Kirov\r\n'.repeat(30000));
  });

  it('--in-place with several files rewrites all or none: a read-only, missing or undecodable one stops it before any is rewritten', async () => {
    for (const [bad, make, why] of [
      ['ro.txt', async (f: string) => { await writeFile(f, 'Тула\n'); await chmod(f, 0o444); }, /cannot rewrite ro\.txt: it is read-only/],
      ['none.txt', async () => undefined, /cannot read none\.txt: no such file/],
      ['cp.txt', async (f: string) => writeFile(f, Buffer.from(new TextEncoderLegacy('windows-1251').encode('Тула\n'))), /cp\.txt: invalid UTF-8/],
    ] as const) {
      await make(path.join(dir, bad));
      await writeFile(path.join(dir, 'k1.txt'), 'Москва\n');
      await writeFile(path.join(dir, 'k3.txt'), 'Киров\n');
      for (const lang of [[], ['--lang', 'auto']]) {
        assertError(await runCli(['--in-place', ...lang, '-i', 'k1.txt', '-i', bad, '-i', 'k3.txt'], { cwd: dir }), why);
        assert.equal(await readFile(path.join(dir, 'k1.txt'), 'utf8'), 'Москва\n', `${bad} ${lang.join(' ')}`);
        assert.equal(await readFile(path.join(dir, 'k3.txt'), 'utf8'), 'Киров\n');
        assert.deepEqual((await readdir(dir)).filter((x) => x.endsWith('.tmp')), []);
      }
    }
    const r = await runCli(['--in-place', '-i', 'k1.txt', '-i', 'k3.txt'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual([await readFile(path.join(dir, 'k1.txt'), 'utf8'), await readFile(path.join(dir, 'k3.txt'), 'utf8')], ['Moskva\n', 'Kirov\n']);
  });
});

/** A minimal encoder for the two single-byte encodings (Node has decoders only), for test data. */
class TextEncoderLegacy {
  readonly #table = new Map<string, number>();
  constructor(encoding: 'windows-1251' | 'koi8-r') {
    const decoder = new TextDecoder(encoding);
    for (let b = 0; b < 256; b++) this.#table.set(decoder.decode(Uint8Array.of(b)), b);
  }
  encode(text: string): Uint8Array {
    return Uint8Array.from([...text].map((c) => {
      const b = this.#table.get(c);
      if (b === undefined) throw new Error(`cannot encode ${c}`);
      return b;
    }));
  }
}

describe('latinitsa schemes', () => {
  it('lists the schemes as text and as JSON', async () => {
    const text = await runCli(['schemes']);
    assert.equal(text.code, 0);
    assert.equal(text.stdout, (await runCli(['--list-schemes'])).stdout);
    const json = JSON.parse((await runCli(['schemes', '--json'])).stdout) as { id: string }[];
    assert.deepEqual(json.map((s) => s.id), listSchemes().map((s) => s.id));
    assertError(await runCli(['schemes', '--bogus']), /schemes: unknown option --bogus/);
    assertError(await runCli(['schemes', 'extra']), /schemes: unexpected argument "extra"/);
  });
});

describe('latinitsa (romanize): odd file names', () => {
  it('a file name with a NUL character is an input error, not a crash', async () => {
    assertError(await runCli(['-i', 'a\u0000b']), /cannot read "a\\u0000b": the file name contains a NUL character/);
  });
});
