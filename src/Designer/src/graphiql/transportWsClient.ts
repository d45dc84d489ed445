/**
 * A small client for the `graphql-transport-ws` protocol, in the shape GraphiQL's `wsClient` option expects
 * (`subscribe(payload, sink)` returning a function that stops the subscription). It stands in for the npm
 * `graphql-ws` client, which the designer does not depend on: one socket, opened on the first subscribe and
 * shared by every running operation, `connection_init` then `subscribe`s, `pong` to `ping`, `complete` when
 * an operation is stopped, and every running operation told when the socket closes.
 */

export interface OperationPayload {
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>> | null;
  readonly operationName?: string | null;
  readonly extensions?: Readonly<Record<string, unknown>> | null;
}

export interface Sink {
  next(value: unknown): void;
  error(error: unknown): void;
  complete(): void;
}

/** The part of the browser's WebSocket this client uses; tests pass a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onclose: ((event: { readonly code: number; readonly reason: string }) => void) | null;
}

export type SocketFactory = (url: string, protocol: string) => SocketLike;

export const transportWsProtocol = 'graphql-transport-ws';

const openState = 1;

// The DOM types its handlers' events as Event/MessageEvent/CloseEvent, which carry every field SocketLike's handlers read.
const browserSocket: SocketFactory = (url, protocol) => new WebSocket(url, protocol) as unknown as SocketLike;

export class TransportWsClient {
  private socket: SocketLike | null = null;
  private acknowledged = false;
  private nextId = 1;
  private readonly running = new Map<string, { readonly payload: OperationPayload; readonly sink: Sink }>();

  constructor(
    private readonly url: string,
    private readonly createSocket: SocketFactory = browserSocket,
    /** What `connection_init` carries: the server takes the caller's API key from it (`Authorization`). */
    private readonly connectionParams: () => Readonly<Record<string, unknown>> = () => ({}),
  ) {}

  subscribe(payload: OperationPayload, sink: Sink): () => void {
    const id = String(this.nextId++);
    this.running.set(id, { payload, sink });
    const socket = this.connect();
    if (this.acknowledged) {
      socket.send(JSON.stringify({ id, type: 'subscribe', payload }));
    }

    return () => {
      if (this.running.delete(id) && this.acknowledged && socket.readyState === openState) {
        socket.send(JSON.stringify({ id, type: 'complete' }));
      }
    };
  }

  private connect(): SocketLike {
    if (this.socket) {
      return this.socket;
    }

    const socket = this.createSocket(this.url, transportWsProtocol);
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: this.connectionParams() }));
    socket.onmessage = (event) => this.receive(socket, event.data);
    socket.onclose = (event) => {
      this.socket = null;
      this.acknowledged = false;
      const failed = [...this.running.values()];
      this.running.clear();
      const error = new Error(`The GraphQL WebSocket closed with ${event.code}${event.reason ? ` ${event.reason}` : ''}.`);
      failed.forEach(({ sink }) => sink.error(error));
    };
    return socket;
  }

  private receive(socket: SocketLike, data: unknown): void {
    const message = typeof data === 'string' ? (JSON.parse(data) as { type?: string; id?: string; payload?: unknown }) : {};
    const operation = message.id === undefined ? undefined : this.running.get(message.id);
    switch (message.type) {
      case 'connection_ack':
        this.acknowledged = true;
        this.running.forEach(({ payload }, id) => socket.send(JSON.stringify({ id, type: 'subscribe', payload })));
        break;
      case 'ping':
        socket.send(JSON.stringify({ type: 'pong' }));
        break;
      case 'next':
        operation?.sink.next(message.payload);
        break;
      case 'error':
        if (message.id !== undefined && this.running.delete(message.id)) {
          operation?.sink.error(message.payload);
        }
        break;
      case 'complete':
        if (message.id !== undefined && this.running.delete(message.id)) {
          operation?.sink.complete();
        }
        break;
      default:
        break;
    }
  }
}
