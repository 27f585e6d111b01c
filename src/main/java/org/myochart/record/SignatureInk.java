package org.myochart.record;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.myochart.consent.DrawnSignature;

/**
 * A drawn signature as the strokes the signature pad reported ({@code {"lines":[[[x,y],…],…]}}, y
 * pointing down), drawn into the record as vector lines: sharp at any zoom, and far cheaper than
 * embedding an image.
 */
public final class SignatureInk {

  private static final float PADDING = 4;
  private static final float LINE_WIDTH = 1.3f;

  private final List<List<double[]>> strokes;
  private final double minX;
  private final double minY;
  private final double spanX;
  private final double spanY;

  private SignatureInk(List<List<double[]>> strokes) {
    this.strokes = strokes;
    double[] box = DrawnSignature.boundingBox(strokes);
    minX = box[0];
    minY = box[1];
    spanX = Math.max(1, box[2] - box[0]);
    spanY = Math.max(1, box[3] - box[1]);
  }

  /**
   * The stored strokes, or empty when there are none or they cannot be read (the PNG is used then).
   */
  public static Optional<SignatureInk> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return Optional.empty();
    }
    List<List<double[]>> strokes = new ArrayList<>();
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      if (!(reader.readValue() instanceof JsonObject root)
          || !(root.get("lines") instanceof JsonArray lines)) {
        return Optional.empty();
      }
      for (JsonValue line : lines) {
        if (!(line instanceof JsonArray points)) {
          return Optional.empty();
        }
        List<double[]> stroke = new ArrayList<>(points.size());
        for (JsonValue point : points) {
          if (!(point instanceof JsonArray pair)
              || pair.size() != 2
              || !(pair.get(0) instanceof JsonNumber x)
              || !(pair.get(1) instanceof JsonNumber y)
              || !Double.isFinite(x.doubleValue())
              || !Double.isFinite(y.doubleValue())) {
            return Optional.empty();
          }
          stroke.add(new double[] {x.doubleValue(), y.doubleValue()});
        }
        if (!stroke.isEmpty()) {
          strokes.add(stroke);
        }
      }
    } catch (JsonException | IllegalStateException e) {
      return Optional.empty();
    }
    return strokes.isEmpty() ? Optional.empty() : Optional.of(new SignatureInk(strokes));
  }

  private double scale(float width, float tallest) {
    return Math.min((width - 2 * PADDING) / spanX, (tallest - 2 * PADDING) / spanY);
  }

  /**
   * The height the signature takes when drawn at most {@code width} wide and {@code tallest} high.
   */
  float height(float width, float tallest) {
    return (float) (spanY * scale(width, tallest)) + 2 * PADDING;
  }

  /** Draws the strokes in dark ink, the box's lower left corner at (x, y). */
  void draw(PDPageContentStream stream, float x, float y, float width, float tallest)
      throws IOException {
    double scale = scale(width, tallest);
    float top = y + height(width, tallest) - PADDING;
    stream.saveGraphicsState();
    stream.setStrokingColor(0x10 / 255f, 0x18 / 255f, 0x30 / 255f);
    stream.setLineWidth(LINE_WIDTH);
    stream.setLineCapStyle(1);
    stream.setLineJoinStyle(1);
    for (List<double[]> stroke : strokes) {
      double[] first = stroke.get(0);
      stream.moveTo(
          x + PADDING + (float) ((first[0] - minX) * scale),
          top - (float) ((first[1] - minY) * scale));
      if (stroke.size() == 1) {
        // A tap: a very short line, which the round caps turn into a dot.
        stream.lineTo(
            x + PADDING + (float) ((first[0] - minX) * scale) + 0.2f,
            top - (float) ((first[1] - minY) * scale));
      }
      for (int p = 1; p < stroke.size(); p++) {
        double[] point = stroke.get(p);
        stream.lineTo(
            x + PADDING + (float) ((point[0] - minX) * scale),
            top - (float) ((point[1] - minY) * scale));
      }
    }
    stream.stroke();
    stream.restoreGraphicsState();
  }
}
