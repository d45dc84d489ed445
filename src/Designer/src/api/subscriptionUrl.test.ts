import { describe, expect, it } from 'vitest';
import { subscriptionUrl } from './subscriptionUrl';

describe('subscriptionUrl', () => {
  it('opens ws: beside http: and wss: beside https:, on the same host and port', () => {
    expect(subscriptionUrl('/graphql', { href: 'http://localhost:5000/tasks#x' })).toBe('ws://localhost:5000/graphql');
    expect(subscriptionUrl('/graphql', { href: 'https://lowcode.example.com/instances' })).toBe('wss://lowcode.example.com/graphql');
  });
});
