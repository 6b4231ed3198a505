import type { CollabEvent, CollabError, DocumentClosed, JoinRequest, JoinResult, MessageAck } from '@concerto/collab';
import type {
  EventsClientEvent,
  EventsServerEvent,
  ChangeNotice,
  JoinAck,
  JoinSessionMessage,
  JoinSpaceMessage,
  NOTIFICATION_EVENT,
  NotificationNotice,
} from '@concerto/domain';
import type { Socket } from 'socket.io-client';

/*
 * socket.io event maps of the two namespaces, keyed by the event names and typed by the payloads that the
 * shared contracts declare (libs/domain for /events, libs/collab for /collab): an event or payload that drifts
 * from the contract is a compile error here rather than a silent no-op in the browser.
 */

/** What the server pushes on `/events`. */
export interface EventsServerToClient {
  [EventsServerEvent.change]: (notice: ChangeNotice) => void;
  [EventsServerEvent.revoked]: (message: JoinSpaceMessage) => void;
  [EventsServerEvent.error]: (error: { code: string; message: string }) => void;
  /** The signed-in account's notifications changed: its unread count. */
  [NOTIFICATION_EVENT]: (notice: NotificationNotice) => void;
}

/** What the browser asks on `/events` (joins are acknowledged). */
export interface EventsClientToServer {
  [EventsClientEvent.join]: (message: JoinSpaceMessage, ack: (answer: JoinAck) => void) => void;
  [EventsClientEvent.leave]: (message: JoinSpaceMessage) => void;
  [EventsClientEvent.joinSession]: (message: JoinSessionMessage, ack: (answer: JoinAck) => void) => void;
  [EventsClientEvent.leaveSession]: (message: JoinSessionMessage) => void;
}

export type EventsSocket = Socket<EventsServerToClient, EventsClientToServer>;

/** What the server sends on `/collab`: binary frames (see libs/collab frame.ts), refusals and closings. */
export interface CollabServerToClient {
  [CollabEvent.message]: (frame: Uint8Array) => void;
  [CollabEvent.error]: (error: CollabError) => void;
  [CollabEvent.closed]: (closed: DocumentClosed) => void;
}

/** What the browser sends on `/collab` (joins, leaves and edits are acknowledged). */
export interface CollabClientToServer {
  [CollabEvent.join]: (message: JoinRequest, ack: (result: JoinResult) => void) => void;
  [CollabEvent.leave]: (message: { doc: string }, ack?: (answer: { ok: true }) => void) => void;
  [CollabEvent.message]: (frame: Uint8Array, ack?: (answer: MessageAck) => void) => void;
}

export type CollabSocket = Socket<CollabServerToClient, CollabClientToServer>;
