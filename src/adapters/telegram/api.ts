/**
 * Who may run moderator commands on Telegram, and the deadline every Bot API
 * request (its retries included) must end by.
 */
import type { Context, Transformer } from "grammy";

/** The user id Telegram shows for anonymous group admins. */
const GROUP_ANONYMOUS_BOT = 1087968824;

/**
 * Whether the sender may run moderator commands: a chat administrator or the
 * creator (anonymous admins included), or a listed id in a private chat.
 * A failed lookup denies.
 */
export async function isTelegramModerator(ctx: Context, moderatorIds: readonly string[]): Promise<boolean> {
  const chat = ctx.chat;
  const from = ctx.from;
  if (!chat || !from) return false;
  if (chat.type === "private") return moderatorIds.includes(String(from.id));
  if (chat.type === "channel") return false;
  if (ctx.msg?.sender_chat?.id === chat.id && from.id === GROUP_ANONYMOUS_BOT) return true;
  return isModeratorIn(ctx.api, chat.id, from.id, moderatorIds);
}

/** Whether a user may run moderator commands in a chat: listed, for a private chat; else its creator or an administrator. */
export async function isModeratorIn(api: Context["api"], chatId: number, userId: number, moderatorIds: readonly string[]): Promise<boolean> {
  if (chatId > 0) return chatId === userId && moderatorIds.includes(String(userId));
  const member = await api.getChatMember(chatId, userId);
  return member.status === "creator" || member.status === "administrator";
}

/**
 * An API transformer that aborts a request — with every retry and wait that
 * the transformers inside it add — once `ms` have passed. Long polling's
 * getUpdates waits on purpose and is exempt.
 */
export function deadline(ms: number): Transformer {
  return (prev, method, payload, signal) => {
    if (method === "getUpdates") return prev(method, payload, signal);
    // grammY types its signal with the abort-controller shim; at run time it is Node's own AbortSignal.
    type Signal = typeof signal;
    const timeout = AbortSignal.timeout(ms);
    return prev(method, payload, (signal ? AbortSignal.any([signal as unknown as AbortSignal, timeout]) : timeout) as unknown as Signal);
  };
}
