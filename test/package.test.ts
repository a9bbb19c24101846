// The npm packages as a user gets them: packs latinitsa and textlint-rule-latinitsa, installs them
// into fresh temporary projects from the tarballs (`npm install --omit=dev`, dependencies from the
// npm registry) and uses them there: import and require, the types, the CLI on its first run
// with the shipped lexicon, the checker, textlint with the rule. Prints the tarballs' size and
// the installed size per package. Skipped when the npm registry cannot be reached.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildWeb } from '../scripts/build-web.ts';
import { relativeLinks } from './support/markdown-links.ts';

const root = path.resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** The production install, lexicon included, must stay under this (apparent size of the files). */
const MAX_INSTALL_BYTES = 20e6;

/** Runs a command; its output, and the exit status (fails the test when it is not `status`). */
function run(cmd: string, args: string[], cwd: string, status: number | undefined = 0): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 180_000, env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });
  if (r.error !== undefined) throw r.error;
  if (status !== undefined && r.status !== status) assert.fail(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status}, not ${status}\n${r.stdout}\n${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Why the test cannot run here, if it cannot: it installs dependencies from the registry. */
function unreachable(): string | false {
  const r = spawnSync(npm, ['ping', '--fetch-timeout=15000', '--fetch-retries=0'], { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 ? false : `the npm registry is unreachable (npm ping: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}), so the package cannot be installed to be tried`;
}

/** Bytes of the files under a folder (apparent size; symbolic links not followed). */
function bytesUnder(dir: string): number {
  let sum = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) sum += bytesUnder(p);
    else if (entry.isFile()) sum += statSync(p).size;
  }
  return sum;
}

/** Installed size per package under node_modules (a scoped package counts as one). */
function sizesOf(nodeModules: string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const name of readdirSync(nodeModules)) {
    if (name.startsWith('.')) continue;
    const names = name.startsWith('@') ? readdirSync(path.join(nodeModules, name)).map((n) => `${name}/${n}`) : [name];
    for (const n of names) sizes.set(n, bytesUnder(path.join(nodeModules, n)));
  }
  return sizes;
}

/** Every file under a folder, relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

const mb = (n: number): string => `${(n / 1e6).toFixed(2)} MB`;

/** The module subpaths of package.json "exports" as a user imports them, with the source each is built from. */
function modules(): [string, string][] {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, string | { default: string }> };
  return Object.entries(manifest.exports).flatMap(([key, target]): [string, string][] =>
    typeof target === 'string' ? [] : [[key === '.' ? 'latinitsa' : `latinitsa/${key.slice(2)}`, target.default.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')]],
  );
}

it('README links name files of the repository (the registry page resolves them against package.json\'s repository)', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { repository: { url: string } };
  assert.match(manifest.repository.url, /^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
  for (const readme of ['README.md', 'packages/textlint-rule-latinitsa/README.md']) {
    const text = readFileSync(path.join(root, readme), 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      assert.ok(statSync(path.join(root, path.dirname(readme), target!), { throwIfNoEntry: false }) !== undefined, `${readme}: ${target} does not exist`);
    }
  }
});

describe('the npm packages, installed from their tarballs into fresh projects', { skip: unreachable() }, () => {
  const work = mkdtempSync(path.join(tmpdir(), 'latinitsa-package-'));
  let core: { file: string; size: number; unpackedSize: number; files: string[] };
  let rule: { file: string; size: number; unpackedSize: number; files: string[] };

  const pack = (dir: string): { file: string; size: number; unpackedSize: number; files: string[] } => {
    // Scripts off: `npm test` has just built dist/ (prepack would rebuild it under the other tests' feet).
    const [info] = JSON.parse(run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], dir).stdout) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
    return { file: path.join(work, info!.filename), size: info!.size, unpackedSize: info!.unpackedSize, files: info!.files.map((f) => f.path) };
  };

  before(async () => {
    // The page in the tarball: built now, so that it is current (written aside and renamed).
    await buildWeb();
    core = pack(root);
    rule = pack(path.join(root, 'packages', 'textlint-rule-latinitsa'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('the tarballs hold what a user needs and nothing of the repository\'s sources', (t) => {
    t.diagnostic(`latinitsa tarball: ${mb(core.size)} packed, ${mb(core.unpackedSize)} unpacked, ${core.files.length} files`);
    t.diagnostic(`textlint-rule-latinitsa tarball: ${(rule.size / 1e3).toFixed(1)} kB packed, ${rule.files.length} files`);
    for (const f of ['LICENSE', 'README.md', 'package.json', 'bin/latinitsa.js', 'dist/index.js', 'dist/index.d.ts', 'dist/io/index.js', 'dist/cli/index.js', 'dist/server/index.js', 'dist/schemes/scheme.schema.json', 'dist/schemes/language.schema.json', 'dist/web/index.html', 'data/lexicon/lexicon-ru.bin', 'data/lexicon/lexicon-uk.bin', 'data/lexicon/lexicon-bg.bin', 'data/lexicon/README.md', 'data/lexicon/COPYING-MPL-1.1.txt']) {
      assert.ok(core.files.includes(f), `${f} is missing from the tarball`);
    }
    // Compiled code only of sources that exist (no leftovers of an earlier build).
    const stale = (f: string): boolean => /^dist\/.*\.js$/.test(f) && !f.startsWith('dist/web/') && statSync(path.join(root, f.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts')), { throwIfNoEntry: false }) === undefined;
    const unwanted = core.files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || (f.endsWith('.ts') && !f.endsWith('.d.ts')) || /^dist\/web\/lexicon-[a-z]+\.bin$/.test(f) || stale(f));
    assert.deepEqual(unwanted, []);
    // Every page the installed README and docs link to is installed too (the thirty-fourth
    // session's audit: the README linked to 17 pages of docs/ that the package did not hold).
    const dead: string[] = [];
    for (const page of core.files.filter((f) => f.endsWith('.md'))) {
      for (const link of relativeLinks(readFileSync(path.join(root, page), 'utf8'))) {
        const target = link.split('#')[0]!;
        if (target === '') continue;
        const file = path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURIComponent(target)));
        if (!core.files.includes(file) && !core.files.some((f) => f.startsWith(file.endsWith('/') ? file : `${file}/`))) dead.push(`${page} → ${link}`);
      }
    }
    assert.deepEqual(dead, []);
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.ok(manifest['repository'] && manifest['homepage'] && manifest['bugs']);
    assert.equal((manifest['scripts'] as Record<string, string>)['prepare'], undefined, 'no prepare script: it would run for people installing the tarball');
    assert.deepEqual(rule.files.sort(), ['LICENSE', 'README.md', 'index.d.ts', 'index.js', 'package.json']);
  });

  describe('latinitsa alone, production dependencies only', () => {
    const project = path.join(work, 'app');
    const installed = path.join(project, 'node_modules', 'latinitsa');
    const cli = (args: string[], status = 0): { stdout: string; stderr: string } => run(npm, ['exec', '--no', '--', 'latinitsa', ...args], project, status);
    /** Writes a script of these lines into the project and runs it with node: its stdout. */
    const script = (name: string, lines: string[]): string => {
      writeFileSync(path.join(project, name), lines.join('\n'));
      return run(process.execPath, [name], project).stdout;
    };

    before(() => {
      mkdirSync(project);
      writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
      const install = run(npm, ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', core.file], project);
      // npm names packages whose install scripts it did not run; latinitsa must have none.
      assert.doesNotMatch(install.stderr, /install-scripts\s+latinitsa@/);
    });

    it('is at most 20 MB installed, lexicon included (sizes printed per package)', (t) => {
      const sizes = [...sizesOf(path.join(project, 'node_modules'))].sort((a, b) => b[1] - a[1]);
      const total = sizes.reduce((s, [, n]) => s + n, 0);
      t.diagnostic(`installed: ${mb(total)} in ${sizes.length} packages; ${sizes.slice(0, 12).map(([n, s]) => `${n} ${mb(s)}`).join(', ')}; ${sizes.length - 12} others ${mb(sizes.slice(12).reduce((s, [, n]) => s + n, 0))}`);
      assert.ok(total <= MAX_INSTALL_BYTES, `${mb(total)} installed`);
    });

    it('import and require work, for every exported subpath', async () => {
      const esm = script('esm.mjs', [
        "import { romanize, deromanize } from 'latinitsa';",
        "import { loadLexicon } from 'latinitsa/io';",
        "import { main } from 'latinitsa/cli';",
        "import { defaultStaticDir, runOperation } from 'latinitsa/server';",
        "import schema from 'latinitsa/scheme.schema.json' with { type: 'json' };",
        "import manifest from 'latinitsa/package.json' with { type: 'json' };",
        "const lexicon = await loadLexicon();",
        "const api = await runOperation('deromanize', JSON.stringify({ text: 'vesnushchaty' }));",
        "console.log(romanize('Киров'), deromanize('Zinoviev', { lexicon }), typeof main, typeof defaultStaticDir, typeof schema.$schema, manifest.name, api.text, api.lexicon);",
      ]);
      assert.equal(esm, 'Kirov Зиновьев function string string latinitsa веснушчаты true\n');
      writeFileSync(path.join(project, 'cjs.cjs'), "const { romanize } = require('latinitsa');\nconst io = require('latinitsa/io');\nconsole.log(romanize('Киров'), typeof io.loadLexicon);\n");
      assert.equal(run(process.execPath, ['cjs.cjs'], project).stdout, 'Kirov function\n');
      // Every module subpath of "exports", imported and required, exports what the repository's
      // source of it does (the lines above try only four; the audit of task 14a tried them all).
      const subpaths = modules();
      const all = script('all.mjs', [
        'const out = {};',
        ...subpaths.map(([name]) => `out[${JSON.stringify(name)}] = Object.keys(await import(${JSON.stringify(name)})).sort();`),
        'const { createRequire } = await import("node:module");',
        'const require = createRequire(import.meta.url);',
        ...subpaths.map(([name]) => `if (Object.keys(require(${JSON.stringify(name)})).sort().join() !== out[${JSON.stringify(name)}].join()) throw new Error(${JSON.stringify(`require('${name}') differs from import`)});`),
        "import languageSchema from 'latinitsa/language.schema.json' with { type: 'json' };",
        'out.languageSchema = typeof languageSchema.$schema;',
        'console.log(JSON.stringify(out));',
      ]);
      const expected: Record<string, unknown> = {};
      for (const [name, source] of subpaths) expected[name] = Object.keys(await import(path.join(root, source))).sort();
      expected['languageSchema'] = 'string';
      assert.deepEqual(JSON.parse(all), expected);
    });

    it('the installed server serves the shipped page, its API documentation and the API', async () => {
      const served = script('serve.mjs', [
        "import { startServer } from 'latinitsa/server';",
        'const server = await startServer({ port: 0, workers: 0 });',
        'try {',
        '  const page = await fetch(server.url);',
        "  const docs = await fetch(`${server.url}api`);",
        "  const api = await fetch(`${server.url}api/romanize`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Киров' }) });",
        "  console.log(page.status, page.headers.get('content-type'), (await page.text()).includes('<html'), docs.status, (await api.json()).output);",
        '} finally {',
        '  await server.close();',
        '}',
      ]);
      assert.equal(served, '200 text/html; charset=utf-8 true 200 Kirov\n');
    });

    it('a TypeScript file type-checks against the shipped types', () => {
      writeFileSync(
        path.join(project, 'check.ts'),
        [
          "import { romanize, deromanize, type Lexicon } from 'latinitsa';",
          "import { loadLexicon } from 'latinitsa/io';",
          "const lexicon: Lexicon | undefined = await loadLexicon();",
          "const out: string = romanize('Киров', { scheme: 'modified-loc' }) + deromanize('Kirov', lexicon === undefined ? {} : { lexicon });",
          "// @ts-expect-error: romanize takes a string",
          'romanize(42);',
          // Every module subpath has its types (a missing declaration file is an error under strict).
          ...modules().map(([name], k) => `import * as entry${k} from ${JSON.stringify(name)};`),
          `export { out, ${modules().map((_, k) => `entry${k}`).join(', ')} };`,
        ].join('\n'),
      );
      writeFileSync(
        path.join(project, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, types: ['node'], typeRoots: [path.join(root, 'node_modules', '@types')] }, files: ['check.ts'] }),
      );
      // The user's own package is ESM, as `await` at the top level needs.
      writeFileSync(path.join(project, 'package.json'), JSON.stringify({ ...JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')), type: 'module' }));
      run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
    });

    it('`npx latinitsa reverse` reads with the shipped lexicon on the first run: nothing built, nothing written', () => {
      const before = filesUnder(installed).sort();
      const r = cli(['reverse', 'vesnushchaty']);
      assert.equal(r.stdout, 'веснушчаты\n');
      assert.equal(r.stderr, '');
      assert.deepEqual(filesUnder(installed).sort(), before, 'the package folder is left as installed');
    });

    it('`npx latinitsa` runs the default command from its bundle, which finds the version in package.json', () => {
      assert.ok(core.files.includes('dist/cli/bin.cjs') && core.files.includes('bin/package.json'));
      assert.equal(cli(['Щукин']).stdout, 'Shchukin\n');
      const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as { version: string };
      assert.equal(cli(['--version']).stdout, `latinitsa ${manifest.version}\n`);
    });

    it('`npx latinitsa check` finds a variant pair', () => {
      writeFileSync(path.join(project, 'book.txt'), 'Zinoviev spoke first. Later Zinoviev and Kamenev wrote to Zinovyev.\n');
      const r = cli(['check', 'book.txt'], 1);
      assert.match(r.stdout, /book\.txt:1:\d+.*Zinovyev.*inconsistent-romanization/);
    });

    it('`npx latinitsa` convert, cite, bib and marc run from the installed package', () => {
      assert.equal(cli(['convert', '--from', 'bgn-pcgn', '--to', 'modified-loc', 'Yuriy']).stdout, 'Yury\n');
      writeFileSync(path.join(project, 'chapter.md'), 'See РГАСПИ. Ф. 17. Оп. 3. Д. 703. Л. 1-2.\n');
      assert.match(cli(['cite', 'chapter.md'], 1).stdout, /chapter\.md:1:\d+: warning: .*\[cite\/range-dash\]/);
      writeFileSync(path.join(project, 'refs.bib'), '@book{k, author={Зиновьев, Григорий}, title={Ленинизм}, year={1925}}\n');
      assert.equal(cli(['bib', 'refs.bib']).stdout, '@book{k, author={Zinov’ev, Grigorii}, title={Leninizm}, year={1925}}\n');
      const marc = cli(['marc', 'romanize', path.join(import.meta.dirname, 'fixtures', 'marc', 'real', 'records.mrc'), '-o', 'out.mrc']);
      assert.match(marc.stderr, /^latinitsa marc romanize: 23 records/m);
    });

    it('without its lexicon file the CLI says so in one line and still reads', () => {
      const file = path.join(installed, 'data', 'lexicon', 'lexicon-ru.bin');
      renameSync(file, `${file}.away`);
      try {
        const r = cli(['reverse', 'vesnushchaty']);
        assert.match(r.stdout, /^весну/);
        assert.match(r.stderr, /^latinitsa: warning: no Russian lexicon at .*lexicon-ru\.bin; readings are ranked by letter statistics only\n$/);
      } finally {
        renameSync(`${file}.away`, file);
      }
    });

    it('reads Ukrainian and Bulgarian with the installed lexicons of those languages (no "not checked" warning)', () => {
      const uk = cli(['reverse', '--all', '-s', 'uk-national', 'Kyiv']);
      assert.deepEqual([uk.stdout, uk.stderr], ['Київ\n', '']);
      const bg = cli(['reverse', '--all', '-s', 'bg-streamlined', 'Kazanlak']);
      assert.deepEqual([bg.stdout, bg.stderr], ['Казанлък\n', '']);
      writeFileSync(
        path.join(project, 'lexicons.mjs'),
        [
          "const io = await import('latinitsa/io');",
          "for (const language of ['uk', 'bg']) { const l = await io.loadLexicon({ language }); console.log(language, l.language, l.lookup(language === 'uk' ? 'київ' : 'казанлък') > 0); }",
        ].join('\n'),
      );
      assert.equal(run(process.execPath, ['lexicons.mjs'], project).stdout, 'uk uk true\nbg bg true\n');
    });

    it('reads a .docx with its own reader: no mammoth installed', () => {
      assert.equal(existsSync(path.join(project, 'node_modules', 'mammoth')), false);
      writeFileSync(
        path.join(project, 'docx.mjs'),
        [
          "import { readFileSync } from 'node:fs';",
          "const io = await import('latinitsa/io');",
          `console.log(JSON.stringify(await io.readDocxParagraphs(readFileSync(${JSON.stringify(path.join(import.meta.dirname, 'fixtures', 'docx', 'footnotes.docx'))}))));`,
        ].join('\n'),
      );
      assert.equal(run(process.execPath, ['docx.mjs'], project).stdout, '["Ouch."," A tachyon walks into a bar."," Fin."]\n');
    });
  });

  it('textlint with textlint-rule-latinitsa lints a file', () => {
    const project = path.join(work, 'docs');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'docs', version: '1.0.0', private: true }));
    // The rule's dependency on latinitsa is met by the core tarball installed with it.
    run(npm, ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', core.file, rule.file, 'textlint@15'], project);
    writeFileSync(path.join(project, '.textlintrc.json'), JSON.stringify({ rules: { latinitsa: { scheme: 'modified-loc' } } }));
    writeFileSync(path.join(project, 'book.md'), '# Chapter\n\nZinoviev spoke first. Later Zinoviev and Kamenev wrote to Zinovyev.\n');
    const r = run(npm, ['exec', '--no', '--', 'textlint', '--no-color', 'book.md'], project, 1);
    // `3:59  ✓ error  "Zinovyev" is not modified-loc romanization; … (scheme-mismatch)  latinitsa` (✓: fixable)
    assert.match(r.stdout, /3:\d+\s+(?:✓\s+)?error\s+.*Zinovyev.*latinitsa/);
  });
});
