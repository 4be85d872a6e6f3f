// Where the Electron executable is, or null: the electron package's main export is that path,
// and requiring it throws when its binary was never downloaded (DESIGN §7: these build machines).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const SKIP_MESSAGE = 'Electron binary not installed — desktop e2e skipped';

export function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
