// What the console layout shares with the inbox page (InboxPage.vue) through provide/inject: the unread count shown
// next to 消息 in the header, and a way to read it again. Types only (the key is the string below, spelled out in both
// files): a shared runtime module would become a chunk of its own, named in the entry chunk every phone downloads.
import type { Ref } from 'vue';

/** provide/inject key: 'consoleInbox' */
export interface ConsoleInbox {
  unread: Ref<number>;
  refresh(): void;
}
