import { withoutIsolateControls } from "~/utils/bidi";

/**
 * A title or name someone gave, in running text: isolated (<bdi>), so that a right-to-left title, or one
 * holding reordering controls, keeps its own direction without reordering the app's words around it
 * (app/utils/bidi.ts says why). Every user-given title and name on a page goes through it.
 */
export function Bdi({ children }: { children: string | null | undefined }) {
  return <bdi>{withoutIsolateControls(children ?? "")}</bdi>;
}
