// A short tone per sign-in outcome, so the clerk need not look at the screen: high for
// success, middle for a repeat, low and longer for a refusal. Best effort: no audio device,
// a blocked autoplay policy or no WebAudio at all is silently fine.

export type Tone = 'ok' | 'already' | 'refused';

const TONES: Record<Tone, { frequency: number; seconds: number; beeps: number }> = {
  ok: { frequency: 1320, seconds: 0.12, beeps: 1 },
  already: { frequency: 880, seconds: 0.08, beeps: 2 },
  refused: { frequency: 220, seconds: 0.4, beeps: 1 },
};

type AudioContextClass = typeof AudioContext;
let context: AudioContext | null | undefined;

function audio(): AudioContext | null {
  if (context !== undefined) return context;
  try {
    const Ctor = (globalThis as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass }).AudioContext ??
      (globalThis as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
    context = Ctor ? new Ctor() : null;
  } catch {
    context = null;
  }
  return context;
}

/** Creates (or resumes) the audio context; call from a user gesture so later tones may play. */
export function primeAudio(): void {
  try {
    const ctx = audio();
    if (ctx && ctx.state === 'suspended') void ctx.resume().catch(() => {});
  } catch {
    // No audio: the colours and the list still say everything.
  }
}

export function beep(tone: Tone): void {
  try {
    const ctx = audio();
    if (!ctx) return;
    if (ctx.state === 'suspended') void ctx.resume().catch(() => {});
    const { frequency, seconds, beeps } = TONES[tone];
    const start = ctx.currentTime + 0.01;
    for (let i = 0; i < beeps; i++) {
      const at = start + i * (seconds + 0.06);
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.type = tone === 'refused' ? 'square' : 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(at);
      oscillator.stop(at + seconds + 0.02);
    }
  } catch {
    // Best effort only.
  }
}
