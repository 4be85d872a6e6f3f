import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { ApiError, ConnectionError, CredentialsError, describeError, EXIT, exitCodeFor, LookupError, UsageError } from './errors';

describe('exitCodeFor', () => {
  it.each([
    [new ApiError(403, 'forbidden', 'admins only'), EXIT.refused],
    [new LookupError('no room'), EXIT.refused],
    [new UsageError('bad date'), EXIT.usage],
    [new CommanderError(1, 'commander.unknownOption', 'unknown option'), EXIT.usage],
    [new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'), EXIT.ok],
    [new ConnectionError('ECONNREFUSED'), EXIT.unreachable],
    [new CredentialsError('bad_credentials'), EXIT.badCredentials],
    [new Error('boom'), EXIT.refused],
  ])('maps %o to %i', (error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });
});

describe('describeError', () => {
  it("includes the server's status, code and message", () => {
    expect(describeError(new ApiError(400, 'bad_request', 'url must be http or https'))).toBe(
      'pchat-admin: server refused (400 bad_request): url must be http or https',
    );
  });

  it('leaves commander errors to commander, which already printed them', () => {
    expect(describeError(new CommanderError(1, 'commander.missingArgument', 'x'))).toBeNull();
  });

  it('says what kind of failure it was', () => {
    expect(describeError(new ConnectionError('http://h:1: ECONNREFUSED'))).toMatch(/cannot reach the server: .*ECONNREFUSED/);
    expect(describeError(new CredentialsError('bad_credentials: nope'))).toMatch(/sign-in failed: bad_credentials/);
  });
});
