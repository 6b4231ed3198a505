import * as Y from 'yjs';
import { FrameError, MessageType, SyncStep, awarenessFrame, decodeFrame, readAwarenessBody, readSyncBody, syncFrame, toBytes } from './frame.js';

describe('frames', () => {
  it('round-trips a sync message with its document name', () => {
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    const frame = decodeFrame(syncFrame('space/x/diagnostic', SyncStep.update, update));
    expect(frame.type).toBe(MessageType.sync);
    expect(frame.doc).toBe('space/x/diagnostic');
    expect(readSyncBody(frame.decoder)).toEqual({ step: SyncStep.update, payload: update });
  });

  it('round-trips an awareness message', () => {
    const frame = decodeFrame(awarenessFrame('d', new Uint8Array([1, 2, 3])));
    expect(frame.type).toBe(MessageType.awareness);
    expect(readAwarenessBody(frame.decoder)).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('accepts Buffers, ArrayBuffers and typed arrays, and nothing else', () => {
    const bytes = syncFrame('d', SyncStep.step1, new Uint8Array([0]));
    expect(toBytes(Buffer.from(bytes), 100)).toEqual(new Uint8Array(bytes));
    expect(toBytes(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), 100)).toEqual(bytes);
    expect(() => toBytes('text', 100)).toThrow(FrameError);
    expect(() => toBytes({ 0: 1, length: 1 }, 100)).toThrow(FrameError);
    expect(() => toBytes(new Uint8Array(0), 100)).toThrow(/Empty/);
    expect(() => toBytes(new Uint8Array(101), 100)).toThrow(/larger/);
  });

  it('names truncation and unknown types', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as FrameError).code;
      }
      return 'none';
    };
    expect(code(() => decodeFrame(new Uint8Array([0])))).toBe('frame_truncated');
    expect(code(() => decodeFrame(new Uint8Array([5, 1, 100, 0])))).toBe('unknown_message_type');
    const frame = syncFrame('d', SyncStep.update, new Uint8Array(20));
    expect(code(() => readSyncBody(decodeFrame(frame.slice(0, 8)).decoder))).toBe('frame_truncated');
  });
});
