// How long what a person types into a form may be, as the server checks it: the meeting's name when it is set up
// (web.BoardApi), one's name when joining (sync.JoinRequest), an e-mail address (web.MailApi). The shared rule
// vectors (rule-vectors.json, group inputLimits) hold these to the server's, so a form never takes more.
export const INPUT_LIMITS = Object.freeze({ boardTitle: 200, joinName: 60, email: 254 });
