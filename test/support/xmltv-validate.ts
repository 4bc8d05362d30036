// Runs the two XMLTV validators on a document. Both come from Debian packages (`libxml2-utils` for xmllint,
// `xmltv-util` for tv_validate_file and the DTD); CI installs them, so there the DTD tests always run.
// Elsewhere a missing tool skips its tests and says so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const XMLTV_DTD = '/usr/share/xmltv/xmltv.dtd';

function runs(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error === undefined;
}

const hasDtd = existsSync(XMLTV_DTD);
export const hasXmllint = hasDtd && runs('xmllint', ['--version']);
export const hasTvValidateFile = hasDtd && runs('tv_validate_file', ['--help']);

/** Prints why validator tests are skipped; call once per test file. */
export function warnMissingValidators(): void {
  const missing = [
    hasDtd ? null : `${XMLTV_DTD} (apt-get install xmltv-util)`,
    hasXmllint || !hasDtd ? null : 'xmllint (apt-get install libxml2-utils)',
    hasTvValidateFile || !hasDtd ? null : 'tv_validate_file (apt-get install xmltv-util)',
  ].filter((m): m is string => m !== null);
  if (missing.length > 0 && process.env.REQUIRE_XMLTV_TOOLS) {
    // CI sets REQUIRE_XMLTV_TOOLS: there a missing validator is a failure, never a silent skip.
    throw new Error(`REQUIRE_XMLTV_TOOLS is set but these are missing: ${missing.join(', ')}`);
  }
  if (missing.length > 0) {
    console.warn(`XMLTV DTD validation SKIPPED, missing: ${missing.join(', ')}. CI installs these.`);
  }
}

export interface ValidationResult {
  ok: boolean;
  output: string;
}

function withFile<T>(xml: string, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'epgoat-xmltv-'));
  const file = join(dir, 'guide.xml');
  try {
    writeFileSync(file, xml, 'utf8');
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `xmllint --noout --dtdvalid xmltv.dtd`: well-formed and valid against the DTD, element order included. */
export function validateWithXmllint(xml: string): ValidationResult {
  return withFile(xml, (file) => {
    const r = spawnSync('xmllint', ['--noout', '--dtdvalid', XMLTV_DTD, file], { encoding: 'utf8' });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
  });
}

/**
 * `tv_validate_file`: the DTD plus XMLTV's own checks (channel ids like `a.b`, a `<channel>` for every
 * programme, non-empty titles and descs, time formats, C1 controls). XMLTV_SUPPLEMENT points it at the
 * local DTD instead of the network.
 */
export function validateWithTvValidateFile(xml: string): ValidationResult {
  return withFile(xml, (file) => {
    const r = spawnSync('tv_validate_file', [file], {
      encoding: 'utf8',
      env: { ...process.env, XMLTV_SUPPLEMENT: dirname(XMLTV_DTD) },
    });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
  });
}
