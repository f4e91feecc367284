// `pythonic check --format sarif|github` and `--statistics`, through the real CLI
// process. The SARIF log is checked by the official 2.1.0 JSON schema (with ajv)
// and by Microsoft's own validator, `Sarif.Multitool validate`.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './support/engine';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { RULES } from '../server/src/engine';
import { runCli, workspace } from './support/cli';

/** Several findings: an unsafe fix (PP401), a safe one (PP705, severity information), one on a line with é and an astral emoji (PP204), an error without a fix (PP801). */
const SAMPLE = [
  'class HauntedBus:',
  '    def __init__(self, passengers=[]):',
  '        self.passengers = passengers',
  '',
  's = "héllo 😀"; x = s == None',
  't = getattr(s, "text")',
  'hits = 0',
  '',
  'def record():',
  '    hits += 1',
  '',
].join('\n');

// The Linux build of @microsoft/sarif-multitool (an optional dependency) ships the official schema beside its validator.
const MULTITOOL_DIR = path.join(ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux');

/** The SARIF 2.1.0 schema (JSON Schema 2020-12). ajv-formats is not installed: its four formats are checked here instead. */
function sarifSchemaValidator() {
  const ajv = new Ajv2020({ allErrors: true });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/') && !/\s/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(MULTITOOL_DIR, 'sarif-2.1.0.json'), 'utf8')));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function sarifRun(files: Record<string, string>, args: string[] = []) {
  const dir = workspace(files);
  const result = runCli(['check', '--format', 'sarif', ...args, '.'], dir);
  assert.equal(result.stderr, '');
  return { dir, code: result.code, stdout: result.stdout, log: JSON.parse(result.stdout) as Json };
}

describe('pythonic check --format sarif', () => {
  it('passes the SARIF 2.1.0 schema, and the schema check itself rejects a broken log', () => {
    const { log } = sarifRun({ 'bus.py': SAMPLE, 'sub dir/ünï.py': SAMPLE });
    const validate = sarifSchemaValidator();
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
    const broken = structuredClone(log);
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validate(broken), false);
  });

  it('describes every rule once and points each result at its rule, region and fix in UTF-16 columns', () => {
    const { dir, code, log } = sarifRun({ 'bus.py': SAMPLE, 'sub dir/ünï.py': 'x = None == 1\n' });
    assert.equal(code, 1);
    const [run] = log.runs;
    assert.equal(log.version, '2.1.0');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(dir).href + '/' } });
    const { driver } = run.tool;
    assert.equal(driver.name, 'pythonic');
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepEqual(
      driver.rules.map((r: Json) => r.id),
      RULES.map((r) => r.meta.code),
    );
    const pp401 = driver.rules.find((r: Json) => r.id === 'PP401');
    const meta = RULES.find((r) => r.meta.code === 'PP401')!.meta;
    assert.equal(pp401.name, 'mutable-default-argument');
    assert.equal(pp401.shortDescription.text, meta.title);
    assert.equal(pp401.fullDescription.text, meta.docs.whatItDoes);
    assert.match(pp401.help.markdown, /^# PP401 mutable-default-argument\n/);
    assert.match(pp401.helpUri, /^https:\/\/.*\/docs\/rules\/PP401\.md$/);
    assert.equal(pp401.defaultConfiguration.level, 'warning');
    assert.equal(driver.rules.find((r: Json) => r.id === 'PP801').defaultConfiguration.level, 'error');
    assert.equal(driver.rules.find((r: Json) => r.id === 'PP705').defaultConfiguration.level, 'note');

    for (const result of run.results) assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
    const summary = run.results.map((r: Json) => {
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      return `${artifactLocation.uri} ${artifactLocation.uriBaseId} ${r.ruleId} ${r.level} ${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn}`;
    });
    assert.deepEqual(summary, [
      'bus.py %SRCROOT% PP401 warning 2:35-2:37',
      // `s = "héllo 😀"; x = ` is 20 UTF-16 code units (the emoji is two), 19 code points.
      'bus.py %SRCROOT% PP204 warning 5:21-5:30',
      'bus.py %SRCROOT% PP705 note 6:5-6:23',
      'bus.py %SRCROOT% PP801 error 10:5-10:9',
      'sub%20dir/%C3%BCn%C3%AF.py %SRCROOT% PP204 warning 1:5-1:14',
    ]);
    const getattr = run.results.find((r: Json) => r.ruleId === 'PP705');
    assert.equal(getattr.message.text, '`getattr` with the constant name `text` and no default is a plain attribute read: write `s.text`.');
    assert.deepEqual(getattr.fixes, [
      {
        description: { text: 'Use `s.text`.' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'bus.py', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 6, startColumn: 5, endLine: 6, endColumn: 23 }, insertedContent: { text: 's.text' } }],
          },
        ],
      },
    ]);
    // An insertion is an empty region: PP401's second edit adds two lines before line 3.
    const mutable = run.results.find((r: Json) => r.ruleId === 'PP401');
    assert.deepEqual(mutable.fixes[0].artifactChanges[0].replacements[1], {
      deletedRegion: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 1 },
      insertedContent: { text: '        if passengers is None:\n            passengers = []\n' },
    });
  });

  it('applying the SARIF fixes by their UTF-16 columns gives the text --fix --unsafe-fixes writes, on the non-ASCII line too', () => {
    const source = 's = "héllo 😀"; x = s == None\n';
    const { dir, log } = sarifRun({ 'one.py': source });
    const [result] = log.runs[0].results;
    const lines = source.split('\n');
    const { deletedRegion: region, insertedContent } = result.fixes[0].artifactChanges[0].replacements[0];
    const line = lines[region.startLine - 1];
    lines[region.startLine - 1] = line.slice(0, region.startColumn - 1) + insertedContent.text + line.slice(region.endColumn - 1);
    runCli(['check', '--fix', '--unsafe-fixes', 'one.py'], dir);
    assert.equal(lines.join('\n'), fs.readFileSync(path.join(dir, 'one.py'), 'utf8'));
  });

  it('has no errors or warnings from Sarif.Multitool validate', (t) => {
    const tool = path.join(MULTITOOL_DIR, 'Sarif.Multitool');
    if (!fs.existsSync(tool)) return t.skip(`no ${tool} on ${process.platform}: the validator ships for Linux only here`);
    const { dir, stdout } = sarifRun({ 'bus.py': SAMPLE, 'sub dir/ünï.py': SAMPLE });
    fs.writeFileSync(path.join(dir, 'log.sarif'), stdout);
    const validation = spawnSync(tool, ['validate', 'log.sarif', '--level', 'Error;Warning', '--output', 'validation.sarif'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    });
    assert.equal(validation.status, 0, validation.stdout + validation.stderr);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'validation.sarif'), 'utf8'));
    const findings = report.runs[0].results.map((r: Json) => `${r.level ?? 'warning'} ${r.ruleId}: ${JSON.stringify(r.message)}`);
    assert.deepEqual(findings, []);
    // The validator did look: a log without a version is an error to it.
    const broken = JSON.parse(stdout);
    delete broken.version;
    fs.writeFileSync(path.join(dir, 'broken.sarif'), JSON.stringify(broken));
    spawnSync(tool, ['validate', 'broken.sarif', '--level', 'Error;Warning', '--output', 'broken-validation.sarif'], { cwd: dir, timeout: 120_000 });
    const brokenReport = JSON.parse(fs.readFileSync(path.join(dir, 'broken-validation.sarif'), 'utf8'));
    assert.ok(brokenReport.runs[0].results.some((r: Json) => (r.level ?? 'warning') === 'error'));
  });
});

describe('pythonic check --format github', () => {
  it('prints one workflow command per finding, severity mapped, properties escaped', () => {
    const dir = workspace({ '50%,done: now.py': SAMPLE });
    const { code, stdout, stderr } = runCli(['check', '--format', 'github', '.'], dir);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    const file = 'file=50%25%2Cdone%3A now.py';
    assert.equal(
      stdout,
      [
        `::warning ${file},line=2,col=35,endLine=2,endColumn=37,title=PP401 (mutable-default-argument)::\`passengers\` defaults to a list \`[]\`, made once when \`__init__\` is defined and shared by every call that leaves the argument out`,
        `::warning ${file},line=5,col=21,endLine=5,endColumn=30,title=PP204 (none-comparison)::Compare with \`None\` using \`is\`: \`==\` asks the other object's \`__eq__\`, which may answer anything`,
        `::notice ${file},line=6,col=5,endLine=6,endColumn=23,title=PP705 (getattr-constant)::\`getattr\` with the constant name \`text\` and no default is a plain attribute read: write \`s.text\``,
        `::error ${file},line=10,col=5,endLine=10,endColumn=9,title=PP801 (unbound-local)::\`hits\` is read before \`record\` assigns it: an assignment anywhere in a function makes the name local to all of it, so this read raises UnboundLocalError instead of seeing the module-level \`hits\``,
        '',
      ].join('\n'),
    );
  });

  it('escapes line breaks in a file name, and prints nothing for a clean run', () => {
    const dir = workspace({ 'a\r\nb.py': 'x = None == 1\n', 'clean.py': 'x = 1\n' });
    const { stdout } = runCli(['check', '--format', 'github', '.'], dir);
    assert.match(stdout, /^::warning file=a%0D%0Ab\.py,line=1,col=5,endLine=1,endColumn=14,title=PP204 \(none-comparison\)::Compare with /);
    assert.equal(stdout.split('\n').length, 2);
    const clean = runCli(['check', '--format', 'github', 'clean.py'], dir);
    assert.deepEqual([clean.code, clean.stdout], [0, '']);
  });
});

describe('pythonic check --statistics', () => {
  const files = { 'a.py': 'x = None == 1\ny = 2 == None\nt = getattr(x, "text")\n', 'b.py': 'z = None != 3\n' };

  it('counts findings per code, most first, marking codes --fix can fix, then the summary', () => {
    const dir = workspace(files);
    const { code, stdout } = runCli(['check', '--statistics', '.'], dir);
    assert.equal(code, 1);
    assert.equal(stdout, ['3  PP204       none-comparison', '1  PP705  [*]  getattr-constant', '', 'Found 4 problems.', '[*] 1 fixable with --fix.', '3 more fixable with --fix --unsafe-fixes.', ''].join('\n'));
  });

  it('is a JSON array with --format json; fixable counts unsafe fixes only with --unsafe-fixes', () => {
    const dir = workspace(files);
    const safeOnly = JSON.parse(runCli(['check', '--statistics', '--format', 'json', '.'], dir).stdout);
    assert.deepEqual(safeOnly, [
      { code: 'PP204', name: 'none-comparison', count: 3, fixable: 0 },
      { code: 'PP705', name: 'getattr-constant', count: 1, fixable: 1 },
    ]);
    const unsafe = JSON.parse(runCli(['check', '--statistics', '--format', 'json', '--unsafe-fixes', '.'], dir).stdout);
    assert.equal(unsafe[0].fixable, 3);
    assert.deepEqual(JSON.parse(runCli(['check', '--statistics', '--format', 'json', '--select', 'PP401', '.'], dir).stdout), []);
  });

  it('refuses formats it has no shape for', () => {
    const dir = workspace(files);
    const { code, stderr } = runCli(['check', '--statistics', '--format', 'sarif', '.'], dir);
    assert.deepEqual([code, stderr], [2, "pythonic: --statistics works with --format text or json, not 'sarif'\n"]);
    const bad = runCli(['check', '--format', 'xml', '.'], dir);
    assert.deepEqual([bad.code, bad.stderr], [2, "pythonic: --format must be one of text, json, sarif, github, not 'xml'\n"]);
  });
});
