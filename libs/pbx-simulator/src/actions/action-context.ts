import { type ActionFrame } from '../ami/frame';
import { type Pbx } from '../pbx/pbx';
import { type ActionReply } from '../server/reply';

export interface ActionContext {
  pbx: Pbx;
  frame: ActionFrame;
  reply: ActionReply;
}

/** An action the simulated Asterisk understands; `writeClasses` as registered in Asterisk. */
export interface ActionRoute {
  /** Any one of these write classes allows the action; empty = everybody. */
  writeClasses: string[];
  handle(ctx: ActionContext): void;
}
