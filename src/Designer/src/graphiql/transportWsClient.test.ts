import { describe, expect, it } from 'vitest';
import { subscriptionUrl } from './subscriptionUrl';
import { type SocketLike, TransportWsClient } from './transportWsClient';

class FakeSocket implements SocketLike {
  readyState = 0;
  readonly sent: unknown[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { readonly data: unknown }) => void) | null = null;
  onclose: ((event: { readonly code: number; readonly reason: string }) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocol: string,
  ) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  receive(message: object): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

function recorder() {
  const events: unknown[] = [];
  return {
    events,
    sink: {
      next: (value: unknown) => events.push({ next: value }),
      error: (error: unknown) => events.push({ error: error instanceof Error ? error.message : error }),
      complete: () => events.push('complete'),
    },
  };
}

function connected() {
  const sockets: FakeSocket[] = [];
  const client = new TransportWsClient('ws://host/graphql', (url, protocol) => {
    const socket = new FakeSocket(url, protocol);
    sockets.push(socket);
    return socket;
  });
  return { client, sockets };
}

describe('subscriptionUrl', () => {
  it('uses ws: beside http:, keeping host and port', () => {
    expect(subscriptionUrl('/graphql', { href: 'http://localhost:5000/graphql' })).toBe('ws://localhost:5000/graphql');
  });

  it('uses wss: beside https:', () => {
    expect(subscriptionUrl('/graphql', { href: 'https://lowcode.example/graphiql.html#x' })).toBe('wss://lowcode.example/graphql');
  });
});

describe('TransportWsClient', () => {
  it('sends its connection params, such as the API key, in connection_init', () => {
    const sockets: FakeSocket[] = [];
    const client = new TransportWsClient(
      'ws://host/graphql',
      (url, protocol) => {
        const socket = new FakeSocket(url, protocol);
        sockets.push(socket);
        return socket;
      },
      () => ({ Authorization: 'Bearer lc_key' }),
    );

    client.subscribe({ query: 'subscription { a }' }, recorder().sink);
    sockets[0]!.open();

    expect(sockets[0]!.sent).toEqual([{ type: 'connection_init', payload: { Authorization: 'Bearer lc_key' } }]);
  });

  it('opens one graphql-transport-ws socket, initialises, and subscribes after the ack', () => {
    const { client, sockets } = connected();
    const { sink } = recorder();

    client.subscribe({ query: 'subscription { a }' }, sink);
    const socket = sockets[0]!;
    socket.open();
    expect(socket.protocol).toBe('graphql-transport-ws');
    expect(socket.sent).toEqual([{ type: 'connection_init', payload: {} }]);

    socket.receive({ type: 'connection_ack' });
    client.subscribe({ query: 'subscription { b }' }, sink);

    expect(sockets).toHaveLength(1);
    expect(socket.sent.slice(1)).toEqual([
      { id: '1', type: 'subscribe', payload: { query: 'subscription { a }' } },
      { id: '2', type: 'subscribe', payload: { query: 'subscription { b }' } },
    ]);
  });

  it('delivers next and complete to the operation they name, and answers ping with pong', () => {
    const { client, sockets } = connected();
    const first = recorder();
    const second = recorder();
    client.subscribe({ query: 'subscription { a }' }, first.sink);
    client.subscribe({ query: 'subscription { b }' }, second.sink);
    const socket = sockets[0]!;
    socket.open();
    socket.receive({ type: 'connection_ack' });

    socket.receive({ id: '2', type: 'next', payload: { data: { b: 1 } } });
    socket.receive({ type: 'ping' });
    socket.receive({ id: '2', type: 'complete' });
    socket.receive({ id: '1', type: 'error', payload: [{ message: 'bad' }] });

    expect(second.events).toEqual([{ next: { data: { b: 1 } } }, 'complete']);
    expect(first.events).toEqual([{ error: [{ message: 'bad' }] }]);
    expect(socket.sent).toContainEqual({ type: 'pong' });
  });

  it('sends complete when an operation is stopped, and fails the running ones when the socket closes', () => {
    const { client, sockets } = connected();
    const stopped = recorder();
    const running = recorder();
    const stop = client.subscribe({ query: 'subscription { a }' }, stopped.sink);
    client.subscribe({ query: 'subscription { b }' }, running.sink);
    const socket = sockets[0]!;
    socket.open();
    socket.receive({ type: 'connection_ack' });

    stop();
    socket.onclose?.({ code: 4400, reason: 'Invalid message received' });

    expect(socket.sent).toContainEqual({ id: '1', type: 'complete' });
    expect(stopped.events).toEqual([]);
    expect(running.events).toEqual([{ error: 'The GraphQL WebSocket closed with 4400 Invalid message received.' }]);
  });
});
