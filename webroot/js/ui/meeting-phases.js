// Which phases this meeting uses and where it is now. A template may leave phases out; the
// meeting can always be closed, and the phase it is in is always shown even if not listed.
import { PHASES, phasesOf as listedPhases } from '../board/meeting-rules.js';

export function meetingPhase(board) {
  return PHASES.includes(board.phase) ? board.phase : 'prepare';
}

export function phasesOf(board) {
  const used = new Set(listedPhases(board));
  used.add('closed');
  used.add(meetingPhase(board));
  return PHASES.filter((p) => used.has(p));
}
