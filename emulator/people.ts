import type { AccountState } from './store.js';
import type { SeededPerson } from './types.js';

export interface PeopleFilter {
  flex?: boolean;
  conversations?: boolean;
  extraChat?: boolean;
  deactivated?: boolean;
  limit?: number;
}

/**
 * The people of an account as the store holds them now, keyed by identity (= Flex username):
 * Flex users first, then Conversations users, then Chat users of other services, each in creation
 * order, so the order is stable between calls.
 */
export function listPeople(account: AccountState, filter: PeopleFilter = {}): SeededPerson[] {
  const byIdentity = new Map<string, SeededPerson>();
  const personFor = (identity: string): SeededPerson => {
    let person = byIdentity.get(identity);
    if (person === undefined) {
      person = {
        accountSid: account.record.sid,
        identity,
        flexUserSid: null,
        deactivated: false,
        userSid: null,
        chatServiceSids: [],
      };
      byIdentity.set(identity, person);
    }
    return person;
  };
  for (const user of account.flexUsers.values()) {
    const person = personFor(user.username);
    person.flexUserSid = user.flexUserSid;
    person.deactivated = user.deactivated;
  }
  for (const record of account.services.values()) {
    const service = account.servicesBySid.get(record.sid);
    if (service === undefined) continue;
    for (const user of service.users.values()) {
      const person = personFor(user.identity);
      if (service.isDefault) person.userSid = user.sid;
      person.chatServiceSids.push(record.sid);
    }
  }
  const defaultSid = account.record.defaultChatServiceSid;
  const matches = (person: SeededPerson): boolean =>
    (filter.flex === undefined || (person.flexUserSid !== null) === filter.flex) &&
    (filter.conversations === undefined || (person.userSid !== null) === filter.conversations) &&
    (filter.extraChat === undefined ||
      person.chatServiceSids.some((sid) => sid !== defaultSid) === filter.extraChat) &&
    (filter.deactivated === undefined || person.deactivated === filter.deactivated);
  const people: SeededPerson[] = [];
  for (const person of byIdentity.values()) {
    if (filter.limit !== undefined && people.length >= filter.limit) break;
    if (matches(person)) people.push(person);
  }
  return people;
}
