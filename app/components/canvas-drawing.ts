import { useEffect, type DependencyList, type RefObject } from "react";

/**
 * Draws on a canvas of `width` × `height` CSS pixels (sharp on high-density screens) when `deps` change, in a task
 * of its own once the frame that shows the change is painted: a drawing of the Bank Act's 11k links may lag a frame,
 * the table it stands beside does not. Nothing is drawn while the canvas has no size.
 */
export function useDrawingAfterPaint(
  canvas: RefObject<HTMLCanvasElement>,
  width: number,
  height: number,
  draw: (context: CanvasRenderingContext2D) => void,
  deps: DependencyList,
) {
  useEffect(() => {
    let timer = 0;
    const frame = window.requestAnimationFrame(() => (timer = window.setTimeout(paint, 0)));
    return () => {
      window.cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
    function paint() {
      const element = canvas.current;
      const context = element?.getContext("2d");
      if (!element || !context || width === 0 || height === 0) return;
      const ratio = window.devicePixelRatio || 1;
      element.width = Math.round(width * ratio);
      element.height = Math.round(height * ratio);
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      draw(context);
    }
    // `draw` is new at every render; what it draws is named by `deps`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canvas, width, height, ...deps]);
}
