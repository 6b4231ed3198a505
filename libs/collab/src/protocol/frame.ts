import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * A frame is `[varUint messageType][varString documentName][body]`, body being the y-protocols message:
 * - Sync: `[varUint syncStep (0 step 1, 1 step 2, 2 update)][varUint8Array payload]` (y-protocols/sync),
 * - Awareness: `[varUint8Array awarenessUpdate]` (y-protocols/awareness).
 */
export const MessageType = { sync: 0, awareness: 1 } as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

export const SyncStep = { step1: 0, step2: 1, update: 2 } as const;
export type SyncStep = (typeof SyncStep)[keyof typeof SyncStep];

export interface DecodedFrame {
  type: MessageType;
  doc: string;
  /** Decoder positioned at the start of the body. */
  decoder: decoding.Decoder;
}

export class FrameError extends Error {
  constructor(
    readonly code: 'frame_empty' | 'frame_truncated' | 'unknown_message_type' | 'not_binary' | 'frame_too_large',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Turns what socket.io delivered into bytes, refusing anything that is not binary
 * (a Node Buffer, a browser ArrayBuffer, or a typed array) before any decoding.
 */
export function toBytes(payload: unknown, maxBytes: number): Uint8Array {
  let bytes: Uint8Array;
  if (payload instanceof Uint8Array) bytes = payload;
  else if (payload instanceof ArrayBuffer) bytes = new Uint8Array(payload);
  else if (ArrayBuffer.isView(payload)) bytes = new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength);
  else throw new FrameError('not_binary', 'Expected a binary frame');
  if (bytes.byteLength === 0) throw new FrameError('frame_empty', 'Empty frame');
  if (bytes.byteLength > maxBytes) throw new FrameError('frame_too_large', `Frame larger than ${maxBytes} bytes`);
  return bytes;
}

export function encodeFrame(type: MessageType, doc: string, writeBody: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarString(encoder, doc);
  writeBody(encoder);
  return encoding.toUint8Array(encoder);
}

/** Reads the frame header; lib0 throws on truncated input, turned into a FrameError. */
export function decodeFrame(bytes: Uint8Array): DecodedFrame {
  const decoder = decoding.createDecoder(bytes);
  try {
    const type = decoding.readVarUint(decoder);
    if (type !== MessageType.sync && type !== MessageType.awareness) {
      throw new FrameError('unknown_message_type', `Unknown message type ${type}`);
    }
    const doc = decoding.readVarString(decoder);
    if (!decoding.hasContent(decoder)) throw new FrameError('frame_truncated', 'Frame without body');
    return { type, doc, decoder };
  } catch (error) {
    if (error instanceof FrameError) throw error;
    throw new FrameError('frame_truncated', 'Truncated frame');
  }
}

/** Reads a sync body `[step][payload]` fully, so that a truncated body is refused before anything is applied. */
export function readSyncBody(decoder: decoding.Decoder): { step: SyncStep; payload: Uint8Array } {
  try {
    const step = decoding.readVarUint(decoder);
    if (step !== SyncStep.step1 && step !== SyncStep.step2 && step !== SyncStep.update) {
      throw new FrameError('unknown_message_type', `Unknown sync step ${step}`);
    }
    const payload = decoding.readVarUint8Array(decoder);
    return { step, payload };
  } catch (error) {
    if (error instanceof FrameError) throw error;
    throw new FrameError('frame_truncated', 'Truncated sync message');
  }
}

export function readAwarenessBody(decoder: decoding.Decoder): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch {
    throw new FrameError('frame_truncated', 'Truncated awareness message');
  }
}

export function syncFrame(doc: string, step: SyncStep, payload: Uint8Array): Uint8Array {
  return encodeFrame(MessageType.sync, doc, (encoder) => {
    encoding.writeVarUint(encoder, step);
    encoding.writeVarUint8Array(encoder, payload);
  });
}

export function awarenessFrame(doc: string, update: Uint8Array): Uint8Array {
  return encodeFrame(MessageType.awareness, doc, (encoder) => encoding.writeVarUint8Array(encoder, update));
}
