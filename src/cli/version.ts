// The version printed by --version and written into SARIF; esbuild inlines only this field.
import { version } from '../../package.json';

export const TOOL_NAME = 'entra-auth-lint';
export const TOOL_VERSION: string = version;
export const TOOL_INFORMATION_URI = 'https://github.com/entra-auth-lint/entra-auth-lint';
