import type { ConversationRecord, ParticipantRecord } from './conversation-records.js';
import { SeqList } from './seq-list.js';
import { SID_PATTERNS } from './sids.js';

/** One service's conversations, indexed by SID, by unique name and by participant identity. */
export class ConversationsState {
  readonly list = new SeqList<ConversationRecord>();
  private readonly bySid = new Map<string, ConversationRecord>();
  private readonly byUniqueName = new Map<string, ConversationRecord>();
  /** Each identity's participations in creation order: the user-conversation list's order. */
  private readonly byIdentity = new Map<string, SeqList<ParticipantRecord>>();

  add(conversation: ConversationRecord): void {
    this.list.push(conversation);
    this.bySid.set(conversation.sid, conversation);
    if (conversation.uniqueName !== null) {
      this.byUniqueName.set(conversation.uniqueName, conversation);
    }
  }

  /** Participants are added in ascending seq, across conversations too (SeqList's rule). */
  addParticipant(conversation: ConversationRecord, participant: ParticipantRecord): void {
    conversation.participants.push(participant);
    conversation.participantsBySid.set(participant.sid, participant);
    if (participant.identity === null) return;
    let mine = this.byIdentity.get(participant.identity);
    if (mine === undefined) {
      mine = new SeqList<ParticipantRecord>();
      this.byIdentity.set(participant.identity, mine);
    }
    mine.push(participant);
  }

  /** `{Sid}` of a conversation path: a CH SID, or the conversation's unique name (the spec). */
  find(key: string): ConversationRecord | undefined {
    return SID_PATTERNS.conversation.test(key) ? this.bySid.get(key) : this.byUniqueName.get(key);
  }

  bySidOnly(sid: string): ConversationRecord | undefined {
    return this.bySid.get(sid);
  }

  /** `{Sid}` of a participant path: an MB SID, or the participant's identity (the spec). */
  findParticipant(conversation: ConversationRecord, key: string): ParticipantRecord | undefined {
    if (SID_PATTERNS.participant.test(key)) return conversation.participantsBySid.get(key);
    return conversation.participants.values().find((p) => p.identity === key);
  }

  participationsOf(identity: string): SeqList<ParticipantRecord> {
    return this.byIdentity.get(identity) ?? EMPTY;
  }
}

const EMPTY = new SeqList<ParticipantRecord>();
