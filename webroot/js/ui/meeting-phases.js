// Which phases this meeting uses and where it is now. A template may leave phases out; the
// meeting can always be closed, and the phase it is in is always shown even if not listed.
import { PHASES } from '../board/meeting-rules.js';

export function meetingPhase(board) {
  return PHASES.includes(board.phase) ? board.phase : 'prepare';
}

export function phasesOf(board) {
  const listed = String(board.phases ?? '').split(',').map((p) => p.trim()).filter((p) => PHASES.includes(p));
  const used = new Set(listed.length ? listed : PHASES);
  used.add('closed');
  used.add(meetingPhase(board));
  return PHASES.filter((p) => used.has(p));
}

export function isClosed(board) {
  return board.phase === 'closed';
}
