export { Editor, type EditorProps } from "./editor";
