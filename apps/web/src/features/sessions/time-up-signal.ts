import { useEffect, useRef, useState } from 'react';

const MUTED_KEY = 'concerto.projection.muted';

/** Whether the room's screen stays silent, remembered on this device. */
export function useMutedSignal() {
  const [muted, setMuted] = useState(() => {
    try {
      return localStorage.getItem(MUTED_KEY) === '1';
    } catch {
      return false;
    }
  });
  const toggle = () =>
    setMuted((was) => {
      try {
        localStorage.setItem(MUTED_KEY, was ? '0' : '1');
      } catch {
        // Private browsing: the choice lasts for the page.
      }
      return !was;
    });
  return { muted, toggle };
}

/** Two short beeps made with the Web Audio API (no sound file). Resolves true once they were played. */
async function beep(context: AudioContext): Promise<boolean> {
  if (context.state === 'suspended') await context.resume().catch(() => undefined);
  if (context.state !== 'running') return false;
  const start = context.currentTime + 0.02;
  for (const offset of [0, 0.35]) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.4, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.3);
  }
  return true;
}

/**
 * Sounds once when an item's time runs out (again after its time was extended and ran out anew), unless muted.
 * Browsers only let a page play sound after someone interacted with it: the audio context starts at the first click
 * or key press on the page. Returns how many signals sounded (shown as `data-tones` on the projection).
 */
export function useTimeUpTone(signalKey: string | null, muted: boolean): number {
  const context = useRef<AudioContext | null>(null);
  const sounded = useRef<string | null>(null);
  const [tones, setTones] = useState(0);

  useEffect(() => {
    const unlock = () => {
      if (typeof AudioContext === 'undefined') return;
      context.current ??= new AudioContext();
      void context.current.resume().catch(() => undefined);
    };
    document.addEventListener('pointerdown', unlock);
    document.addEventListener('keydown', unlock);
    return () => {
      document.removeEventListener('pointerdown', unlock);
      document.removeEventListener('keydown', unlock);
      void context.current?.close().catch(() => undefined);
      context.current = null;
    };
  }, []);

  useEffect(() => {
    if (signalKey === null) {
      sounded.current = null;
      return;
    }
    if (sounded.current === signalKey) return;
    sounded.current = signalKey;
    if (muted || typeof AudioContext === 'undefined') return;
    context.current ??= new AudioContext();
    void beep(context.current).then((played) => {
      if (played) setTones((n) => n + 1);
    });
  }, [signalKey, muted]);

  return tones;
}
