import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { describeError } from './client.js';

const gqlError = (code: string, message = 'm') =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions: { code } }] } as never);

describe('describeError', () => {
  it('shows a caller mistake as a 4xx with the API message, by the shared code table', () => {
    expect(describeError(gqlError('BAD_USER_INPUT', 'limit must be at most 1000'))).toEqual({
      status: 400,
      message: 'limit must be at most 1000',
    });
    expect(describeError(gqlError('LIMIT_EXCEEDED')).status).toBe(400);
    expect(describeError(gqlError('NOT_FOUND')).status).toBe(404);
    expect(describeError(gqlError('FORBIDDEN')).status).toBe(403);
  });

  it('separates an unreachable or busy API from an API error', () => {
    expect(describeError(gqlError('API_UNAVAILABLE')).message).toMatch(/unreachable/);
    expect(describeError(gqlError('OVERLOADED')).status).toBe(503);
    expect(describeError(gqlError('INTERNAL')).status).toBe(502);
    expect(describeError(gqlError('SOMETHING_NEW')).status).toBe(502);
  });
});
