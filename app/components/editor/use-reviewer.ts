/**
 * The reviewer's name, and a change waiting for it: the first change of a reviewer Tandem does not know yet asks the
 * name under its row (or beside the realign button); once given, the change is made.
 */
import { useCallback, useRef, useState, type MutableRefObject } from "react";
import { saveUserName } from "../reviewer";

export type AskName = (what: string, then: (name: string) => void, where?: "row" | "realign") => void;

export interface Reviewer {
  userName: string;
  /** The name as keys and the queue see it at once (before React renders). */
  user: MutableRefObject<string>;
  keepUserName: (name: string) => void;
  /** What waits for the name, and where the question is asked; null when nothing does. */
  asking: { what: string; where: "row" | "realign" } | null;
  askName: AskName;
  giveName: (name: string) => void;
  cancelName: () => void;
}

/** `onAsk` is told when a question starts (the editor clears its notice then). */
export function useReviewer(initial: string, onAsk: () => void): Reviewer {
  const user = useRef(initial);
  const [userName, setUserName] = useState(initial);
  user.current = userName;
  const keepUserName = useCallback((name: string) => {
    saveUserName(name);
    user.current = name;
    setUserName(name);
  }, []);

  const [asking, setAsking] = useState<{ what: string; where: "row" | "realign" } | null>(null);
  const waitingForName = useRef<((name: string) => void) | null>(null);
  const onAskNow = useRef(onAsk);
  onAskNow.current = onAsk;
  const askName = useCallback<AskName>((what, then, where = "row") => {
    onAskNow.current();
    waitingForName.current = then;
    setAsking({ what, where });
  }, []);
  const giveName = useCallback(
    (name: string) => {
      keepUserName(name);
      const then = waitingForName.current;
      waitingForName.current = null;
      setAsking(null);
      then?.(name);
    },
    [keepUserName],
  );
  const cancelName = useCallback(() => {
    waitingForName.current = null;
    setAsking(null);
  }, []);
  return { userName, user, keepUserName, asking, askName, giveName, cancelName };
}
