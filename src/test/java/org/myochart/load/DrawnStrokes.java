package org.myochart.load;

/**
 * A signature as the signature pad sends it, {@code {"lines":[[[x,y],…],…]}}: three strokes of a
 * handwritten-looking wave, wide and tall enough for the server's checks, a little different for
 * each seed as no two signatures are the same.
 */
final class DrawnStrokes {

  private DrawnStrokes() {}

  static String signature(int seed) {
    StringBuilder json = new StringBuilder("{\"lines\":[");
    for (int stroke = 0; stroke < 3; stroke++) {
      json.append(stroke == 0 ? "[" : ",[");
      for (int point = 0; point < 24; point++) {
        double x = 30 + stroke * 110 + point * 4.5;
        double y = 70 + 35 * Math.sin((point + seed % 7) / 3.0) + (seed % 11);
        json.append(point == 0 ? "" : ",")
            .append('[')
            .append(Math.round(x * 10) / 10.0)
            .append(',')
            .append(Math.round(y * 10) / 10.0)
            .append(']');
      }
      json.append(']');
    }
    return json.append("]}").toString();
  }
}
