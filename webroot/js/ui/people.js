// The people at the table, as presence reports them. Viewers and the projector join without
// a name; they are not people at the table.
import { roleLabel } from '../i18n.js';

export function namedParticipants(client) {
  return client.participants.filter((p) => p.name);
}

export function personName(client, participantId) {
  return client.participants.find((p) => p.participantId === participantId)?.name ?? '';
}

export function nameWithRole(name, role) {
  return role ? `${name} (${roleLabel(role)})` : name;
}
