// npm start: `npm run build` has run. Launches the Electron app on the user's corpus (the sample corpus is
// imported on first start). Where the Electron runtime is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD, an
// offline install), says so and starts browser mode (`kurasi serve`) instead.
//
// better-sqlite3 must match Electron's ABI, but node_modules' build must keep matching Node's (tests, CLI). So the
// Electron build goes to .electron-native/<electron version>/better_sqlite3.node, made from a copy of the package;
// electron/engine/store/native-binding.ts loads it when running under Electron. node_modules is never touched.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);

function electronBinary() {
  const pkgDir = join(root, 'node_modules', 'electron');
  const pathTxt = join(pkgDir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const bin = join(pkgDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

/** Same folder Electron uses for app.getPath('userData') of an app named "kurasi", so both modes share the corpus. */
function userDataDir() {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'kurasi');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'kurasi');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'kurasi');
}

function run(cmd, cmdArgs, options = {}) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', ...options });
  return r.status === 0;
}

/** Builds better-sqlite3 for Electron's ABI into .electron-native/<version>/ (prebuilt download first, then node-gyp). */
function ensureElectronSqlite(version) {
  const target = join(root, '.electron-native', version, 'better_sqlite3.node');
  if (existsSync(target)) return true;
  console.log(`Kurasi: building better-sqlite3 for Electron ${version} (once; needs the internet for headers or a prebuilt binary)…`);
  const work = join(root, '.electron-native', version, 'build');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const src = dirname(require.resolve('better-sqlite3/package.json'));
  const copy = join(work, 'better-sqlite3');
  cpSync(src, copy, { recursive: true, filter: (p) => !p.includes(`${join(src, 'build')}`) });
  const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: version, npm_config_disturl: 'https://electronjs.org/headers' };
  const prebuild = join(root, 'node_modules', 'prebuild-install', 'bin.js');
  const gyp = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const ok =
    (existsSync(prebuild) && run(process.execPath, [prebuild, '--runtime', 'electron', '--target', version, '--arch', process.arch], { cwd: copy, env })) ||
    (existsSync(gyp) && run(process.execPath, [gyp, 'rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'], { cwd: copy, env }));
  const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!ok || !existsSync(built)) {
    console.error('Kurasi: could not build better-sqlite3 for Electron; see the messages above.');
    return false;
  }
  cpSync(built, target);
  rmSync(work, { recursive: true, force: true });
  return true;
}

function startBrowserMode(reason) {
  console.log(`Kurasi: ${reason} — starting browser mode instead (kurasi serve).`);
  const dir = userDataDir();
  mkdirSync(dir, { recursive: true });
  const db = process.env.KURASI_DB ?? join(dir, 'corpus.kurasi.db');
  const cli = join(root, 'bin', 'kurasi.js');
  const sample = join(root, 'resources', 'sample', 'sample.jsonl');
  if (!existsSync(db) && existsSync(sample)) {
    console.log(`Kurasi: first start — importing the sample corpus into ${db}`);
    run(process.execPath, [cli, 'import', sample, '--db', db, '--source', 'sample']);
  }
  const child = spawn(process.execPath, [cli, 'serve', '--db', db, ...args], { stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

const bin = electronBinary();
if (!bin) {
  startBrowserMode('the Electron runtime is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or an offline install)');
} else {
  const version = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  if (!ensureElectronSqlite(version)) startBrowserMode('better-sqlite3 could not be built for Electron');
  else {
    const child = spawn(bin, [root, ...args], { stdio: 'inherit', env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
