/**
 * Follow-ups on Discord. An answer in a server channel carries a "Follow up
 * in a thread" button; pressing it opens a thread on the answer, and every
 * message there (or an /ask in it) is read with the question the thread is
 * about. A reply to one of the bot's answers is read with that answer's
 * question. What each answer and thread is about is kept in the
 * ConversationKeeper (the shared store in production) for a day.
 */
import { ActionRowBuilder, type APIChannel, ButtonBuilder, type ButtonInteraction, ButtonStyle, type Message, MessageFlags, Routes } from "discord.js";
import type { ConversationKeeper } from "../conversations.ts";

/** The custom id of the button that opens a thread on an answer. */
export const THREAD_BUTTON = "thread:open";
const THREAD_NAME_CHARS = 90;
/** Threads archive after a day without messages, as conversations expire. */
const THREAD_ARCHIVE_MINUTES = 1440;
const CONVERSATION_EXPIRED = "That answer is more than a day old: ask again with /ask.";

const messageKey = (messageId: string) => `discord:msg:${messageId}`;
const threadKey = (channelId: string) => `discord:thread:${channelId}`;

/** The row with the "Follow up in a thread" button. */
export function followUpRow(): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId(THREAD_BUTTON).setLabel("Follow up in a thread").setStyle(ButtonStyle.Secondary));
}

export class DiscordFollowUps {
  constructor(private readonly conversations: ConversationKeeper) {}

  /** Remembers what an answer is about: for replies to its message and, in a conversation thread, for the thread. */
  async remember(messageId: string, channelId: string, question: string, inThread: boolean): Promise<void> {
    await this.conversations.save(messageKey(messageId), question);
    if (inThread) await this.conversations.save(threadKey(channelId), question);
  }

  /** The question a conversation thread is about, if this channel is one. */
  thread(channelId: string): Promise<string | undefined> {
    return this.conversations.load(threadKey(channelId));
  }

  /** What a message follows up: the answer it replies to, else the conversation thread it is in. */
  async previousFor(message: Message): Promise<{ question: string; inThread: boolean } | undefined> {
    const replied = message.reference?.messageId ? await this.conversations.load(messageKey(message.reference.messageId)) : undefined;
    if (replied) return { question: replied, inThread: false };
    const thread = await this.thread(message.channelId);
    return thread ? { question: thread, inThread: true } : undefined;
  }

  /** The button: opens a thread on the answer, named after its question, and says where to ask. */
  async openThread(interaction: ButtonInteraction): Promise<void> {
    const question = await this.conversations.load(messageKey(interaction.message.id));
    if (!question) {
      await interaction.reply({ content: CONVERSATION_EXPIRED, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    const name = question.length > THREAD_NAME_CHARS ? `${question.slice(0, THREAD_NAME_CHARS - 1)}…` : question;
    // Straight through REST: discord.js's startThread needs the channel and its server in its cache.
    const thread = (await interaction.client.rest.post(Routes.threads(interaction.channelId, interaction.message.id), { body: { name, auto_archive_duration: THREAD_ARCHIVE_MINUTES } })) as APIChannel;
    await this.conversations.save(threadKey(thread.id), question);
    await interaction.reply({ content: `Ask your follow-up in <#${thread.id}>: I'll read it with "${name}".`, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  }
}
