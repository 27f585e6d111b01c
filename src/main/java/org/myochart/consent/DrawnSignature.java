package org.myochart.consent;

import static org.myochart.platform.JsonBuilders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.myochart.platform.RuleViolation;

/**
 * A signature drawn with a finger, as the strokes the signature pad reports ({@code
 * {"lines":[[[x,y],…],…]}}). The server keeps its own normalised copy of the strokes and draws the
 * PNG itself; an image sent by the browser is never stored.
 */
public final class DrawnSignature {

  public static final int LARGEST_JSON = 256 * 1024;
  public static final int FEWEST_POINTS = 12;
  public static final int MOST_POINTS = 20_000;
  public static final double NARROWEST = 60;
  public static final double LOWEST = 15;
  private static final double FARTHEST = 10_000;

  private final List<List<double[]>> strokes;

  private DrawnSignature(List<List<double[]>> strokes) {
    this.strokes = strokes;
  }

  /** Reads and checks the strokes; refuses with a message the signer understands. */
  public static DrawnSignature parse(String json) {
    if (json == null || json.isBlank()) {
      throw refuse("Please sign in the box with your finger.");
    }
    if (json.length() > LARGEST_JSON) {
      throw refuse("The signature has too many strokes. Please clear the box and sign once.");
    }
    List<List<double[]>> strokes = new ArrayList<>();
    int points = 0;
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      JsonValue root = reader.readValue();
      if (!(root instanceof JsonObject object)
          || !(object.get("lines") instanceof JsonArray lines)) {
        throw unreadable();
      }
      for (JsonValue line : lines) {
        if (!(line instanceof JsonArray linePoints)) {
          throw unreadable();
        }
        List<double[]> stroke = new ArrayList<>();
        for (JsonValue point : linePoints) {
          if (!(point instanceof JsonArray pair)
              || pair.size() != 2
              || !(pair.get(0) instanceof JsonNumber x)
              || !(pair.get(1) instanceof JsonNumber y)) {
            throw unreadable();
          }
          double px = x.doubleValue();
          double py = y.doubleValue();
          if (!Double.isFinite(px)
              || !Double.isFinite(py)
              || Math.abs(px) > FARTHEST
              || Math.abs(py) > FARTHEST) {
            throw unreadable();
          }
          if (++points > MOST_POINTS) {
            throw refuse("The signature has too many strokes. Please clear the box and sign once.");
          }
          stroke.add(new double[] {round(px), round(py)});
        }
        if (!stroke.isEmpty()) {
          strokes.add(stroke);
        }
      }
    } catch (JsonException | IllegalStateException | ClassCastException | NumberFormatException e) {
      throw unreadable();
    }
    DrawnSignature signature = new DrawnSignature(strokes);
    if (points == 0) {
      throw refuse("Please sign in the box with your finger.");
    }
    if (points < FEWEST_POINTS) {
      throw refuse("That is too short to be a signature. Please sign your name in the box.");
    }
    double[] box = signature.boundingBox();
    if (box[2] - box[0] < NARROWEST || box[3] - box[1] < LOWEST) {
      throw refuse("The signature is too small. Please sign across the box.");
    }
    return signature;
  }

  private static RuleViolation refuse(String message) {
    return RuleViolation.invalidFields(java.util.Map.of("signature", message));
  }

  private static RuleViolation unreadable() {
    return refuse("The signature could not be read. Please clear the box and sign again.");
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  public int pointCount() {
    return strokes.stream().mapToInt(List::size).sum();
  }

  public int strokeCount() {
    return strokes.size();
  }

  /** minX, minY, maxX, maxY. */
  public double[] boundingBox() {
    return boundingBox(strokes);
  }

  /** minX, minY, maxX, maxY of strokes in the pad's format ({@code [x, y]} points). */
  public static double[] boundingBox(List<List<double[]>> strokes) {
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (List<double[]> stroke : strokes) {
      for (double[] p : stroke) {
        box[0] = Math.min(box[0], p[0]);
        box[1] = Math.min(box[1], p[1]);
        box[2] = Math.max(box[2], p[0]);
        box[3] = Math.max(box[3], p[1]);
      }
    }
    return box;
  }

  /** The strokes as stored: the pad's format, rounded to hundredths, nothing else. */
  public String toJson() {
    StringBuilder json = new StringBuilder("{\"lines\":[");
    for (int s = 0; s < strokes.size(); s++) {
      json.append(s == 0 ? "[" : ",[");
      List<double[]> stroke = strokes.get(s);
      for (int p = 0; p < stroke.size(); p++) {
        json.append(p == 0 ? "[" : ",[")
            .append(number(stroke.get(p)[0]))
            .append(',')
            .append(number(stroke.get(p)[1]))
            .append(']');
      }
      json.append(']');
    }
    return json.append("]}").toString();
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value).replaceAll("0$", "");
  }

  /** Black ink on white, cropped to the strokes with a margin, at most 600 by 200 pixels. */
  public byte[] toPng() {
    double[] box = boundingBox();
    double width = box[2] - box[0];
    double height = box[3] - box[1];
    double scale = Math.min(1.0, Math.min(560 / width, 160 / height));
    int imageWidth = (int) Math.ceil(width * scale) + 40;
    int imageHeight = (int) Math.ceil(height * scale) + 40;
    BufferedImage image = new BufferedImage(imageWidth, imageHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, imageWidth, imageHeight);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(new Color(0x10, 0x18, 0x30));
      g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      for (List<double[]> stroke : strokes) {
        Path2D.Double path = new Path2D.Double();
        double[] first = stroke.get(0);
        path.moveTo(20 + (first[0] - box[0]) * scale, 20 + (first[1] - box[1]) * scale);
        if (stroke.size() == 1) {
          path.lineTo(20.5 + (first[0] - box[0]) * scale, 20 + (first[1] - box[1]) * scale);
        }
        for (int p = 1; p < stroke.size(); p++) {
          path.lineTo(
              20 + (stroke.get(p)[0] - box[0]) * scale, 20 + (stroke.get(p)[1] - box[1]) * scale);
        }
        g.draw(path);
      }
    } finally {
      g.dispose();
    }
    try {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
