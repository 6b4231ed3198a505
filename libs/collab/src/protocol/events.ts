/** socket.io namespace of the co-editing engine. */
export const COLLAB_NAMESPACE = '/collab';

/** Event names of the /collab namespace: one typed contract for server and clients. */
export const CollabEvent = {
  /**
   * client → server, acknowledged: JoinRequest → JoinResult. With the client's state vector, the answer carries the
   * sync step 2 and (for writers) the server's state vector: no separate sync step 1.
   */
  join: 'doc:join',
  /** client → server, acknowledged: `{ doc }` → `{ ok: true }`. */
  leave: 'doc:leave',
  /** both ways: one binary frame (see frame.ts); client → server frames that carry edits are acknowledged with MessageAck. */
  message: 'doc:message',
  /** server → client: CollabError. */
  error: 'doc:error',
  /** server → client: the server closed a document for this client (`{ doc, code }`), e.g. access removed. */
  closed: 'doc:closed',
} as const;

/** Error and close codes: every refusal names one. */
export const CollabErrorCode = {
  frameTooLarge: 'frame_too_large',
  frameEmpty: 'frame_empty',
  frameTruncated: 'frame_truncated',
  notBinary: 'not_binary',
  unknownMessageType: 'unknown_message_type',
  invalidUpdate: 'invalid_update',
  rateLimited: 'rate_limited',
  documentFull: 'document_full',
  /** One account already has the most connections allowed on this document. */
  tooManyConnections: 'too_many_connections',
  /** The update would take the document past its size cap: nothing of it is applied. */
  documentTooLarge: 'document_too_large',
  /**
   * The update depends on changes the server does not have (e.g. an earlier edit it refused): nothing waits on the
   * server; the client resyncs (the server sends its state vector, sync step 1, and the client sends what it lacks).
   */
  missingDependencies: 'missing_dependencies',
  notJoined: 'not_joined',
  readOnly: 'read_only',
  invalidDocumentName: 'invalid_document_name',
  notFound: 'not_found',
  accessRevoked: 'access_revoked',
  /** The document was deleted with what it belongs to (a testimony, an analysis): closed for good. */
  documentDeleted: 'document_deleted',
  /** The caller's role changed: the client joins again to learn what it may do now. */
  roleChanged: 'role_changed',
  awarenessSpoofed: 'awareness_spoofed',
  /** The change is outside what this role may change (e.g. the diagnostic's sections, animateurs only). */
  notAllowed: 'not_allowed',
  /** The content is outside the document's schema (unknown node, mark, or an unsafe link). */
  invalidContent: 'invalid_content',
  unauthenticated: 'unauthenticated',
  originNotAllowed: 'origin_not_allowed',
  storageFailed: 'storage_failed',
  internal: 'internal_error',
} as const;
export type CollabErrorCode = (typeof CollabErrorCode)[keyof typeof CollabErrorCode];

export interface CollabError {
  code: CollabErrorCode;
  /** The document concerned, when known. */
  doc?: string;
  message: string;
}

/**
 * `stateVector`: the client's Yjs state vector (optional; a join without it is answered without the sync below, and
 * the client sends a sync step 1 as before). A malformed one is refused (`invalid_update`) and nothing is joined.
 */
export interface JoinRequest {
  doc: string;
  stateVector?: Uint8Array;
}

export type JoinResult =
  | {
      ok: true;
      doc: string;
      readOnly: boolean;
      user: CollabUser;
      /** The largest frame the server accepts (the client cuts what it sends to fit). */
      maxFrameBytes?: number;
      /** Answer to a join with a state vector: a sync frame, step 2, holding what the client lacks. */
      step2?: Uint8Array;
      /** With `step2`, for writers: a sync frame, step 1, the server's state vector (the client sends what it lacks). */
      stateVector?: Uint8Array;
    }
  | { ok: false; doc: string; code: CollabErrorCode; message: string };

/**
 * Acknowledgement of a frame that carried an edit: `durable` only once everything it carries is integrated in the
 * server's document (no missing dependency) and the transaction holding it has committed.
 */
export type MessageAck = { ok: true; durable: true } | { ok: false; code: CollabErrorCode; message: string };

/** The identity bound to a connection: awareness states always carry this, whatever the client claims. */
export interface CollabUser {
  id: string;
  name: string;
  color: string;
}

export interface DocumentClosed {
  doc: string;
  code: CollabErrorCode;
}
