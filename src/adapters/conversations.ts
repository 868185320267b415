/**
 * What a conversation is about, so a follow-up can be read with it: the
 * question last answered, kept under where a follow-up would come from — a
 * Discord thread, or the bot's answer a user replies to. By default in this
 * process's memory; the shared store's ConversationStore keeps them across
 * restarts and processes. Either forgets after CONVERSATION_TTL_MS, and a
 * fresh question never needs them.
 */
import { CONVERSATION_TTL_MS } from "../store/conversations.ts";

export interface ConversationKeeper {
  /** Remembers the question a conversation is about, under `key` (e.g. "discord:thread:123"). */
  save(key: string, question: string): Promise<void>;
  /** The question under `key`, or undefined when there is none or it expired. */
  load(key: string): Promise<string | undefined>;
}

/** How many conversations the in-memory keeper holds. */
const KEPT_IN_MEMORY = 2_000;

/** Conversations in this process's memory: lost on restart, unknown to other processes. */
export class MemoryConversations implements ConversationKeeper {
  private readonly kept = new Map<string, { question: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async save(key: string, question: string): Promise<void> {
    this.kept.delete(key);
    this.kept.set(key, { question, expiresAt: this.now() + CONVERSATION_TTL_MS });
    if (this.kept.size > KEPT_IN_MEMORY) this.kept.delete(this.kept.keys().next().value!);
  }

  async load(key: string): Promise<string | undefined> {
    const kept = this.kept.get(key);
    return kept && kept.expiresAt >= this.now() ? kept.question : undefined;
  }
}
