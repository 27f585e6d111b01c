package org.myochart.consent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.myochart.platform.RuleViolation;

class DrawnSignatureTest {

  /** One stroke of {@code count} points spread evenly from (x0,y0) to (x1,y1). */
  private static String line(int count, double x0, double y0, double x1, double y1) {
    StringBuilder stroke = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      double t = count == 1 ? 0 : (double) i / (count - 1);
      stroke
          .append(i == 0 ? "" : ",")
          .append('[')
          .append(fmt(x0 + (x1 - x0) * t))
          .append(',')
          .append(fmt(y0 + (y1 - y0) * t))
          .append(']');
    }
    return stroke.append(']').toString();
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static String lines(String... strokes) {
    return "{\"lines\":[" + String.join(",", strokes) + "]}";
  }

  private static String refusal(String json) {
    RuleViolation refused = assertThrows(RuleViolation.class, () -> DrawnSignature.parse(json));
    assertEquals(RuleViolation.Kind.INVALID, refused.kind());
    assertTrue(
        refused.fieldProblems().containsKey("signature"),
        () -> "field problems: " + refused.fieldProblems());
    return refused.fieldProblems().get("signature");
  }

  @Test
  void refusesAnEmptySignatureNextToTheSignatureField() {
    assertEquals("Please sign in the box with your finger.", refusal(null));
    assertEquals("Please sign in the box with your finger.", refusal(""));
    assertEquals("Please sign in the box with your finger.", refusal("  \n\t "));
  }

  @Test
  void refusesASignatureWithoutAnyPoints() {
    assertEquals("Please sign in the box with your finger.", refusal("{\"lines\":[]}"));
    assertEquals("Please sign in the box with your finger.", refusal("{\"lines\":[[],[]]}"));
  }

  @Test
  void refusesTextThatIsNotTheSignaturePadsJson() {
    String unreadable = "The signature could not be read. Please clear the box and sign again.";
    assertEquals(unreadable, refusal("{\"lines\":[[[1,2]"));
    assertEquals(unreadable, refusal("not json at all"));
    assertEquals(unreadable, refusal("null"));
    assertEquals(unreadable, refusal("[[[0,0],[100,50]]]"));
    assertEquals(unreadable, refusal("{\"strokes\":[[[0,0],[100,50]]]}"));
    assertEquals(unreadable, refusal("{\"lines\":{\"0\":[[0,0]]}}"));
    assertEquals(unreadable, refusal("{\"lines\":[[0,0],[100,50]]}"));
    assertEquals(unreadable, refusal("{\"lines\":[[{\"x\":0,\"y\":0}]]}"));
  }

  @Test
  void refusesCoordinatesGivenAsStrings() {
    String json =
        lines(line(20, 0, 0, 200, 60).replaceFirst("\\[\\[0\\.0000,0\\.0000\\]", "[[\"0\",\"0\"]"));
    assertTrue(json.contains("[\"0\",\"0\"]"));

    assertTrue(refusal(json).contains("could not be read"));
  }

  @Test
  void refusesPointsWithOtherThanTwoCoordinates() {
    assertTrue(refusal(lines(line(20, 0, 0, 200, 60), "[[1,2,3]]")).contains("could not be read"));
    assertTrue(refusal(lines(line(20, 0, 0, 200, 60), "[[1]]")).contains("could not be read"));
    assertTrue(refusal(lines(line(20, 0, 0, 200, 60), "[[]]")).contains("could not be read"));
    assertTrue(refusal(lines(line(20, 0, 0, 200, 60), "[[1,null]]")).contains("could not be read"));
  }

  @Test
  void refusesCoordinatesOutsideThePadOrBeyondWhatADoubleHolds() {
    String stroke = line(20, 0, 0, 200, 60);
    assertTrue(refusal(lines(stroke, "[[1e400,5]]")).contains("could not be read"));
    assertTrue(refusal(lines(stroke, "[[5,-1e400]]")).contains("could not be read"));
    assertTrue(refusal(lines(stroke, "[[1e308,5]]")).contains("could not be read"));
    assertTrue(refusal(lines(stroke, "[[10000.01,5]]")).contains("could not be read"));
    assertTrue(refusal(lines(stroke, "[[5,-10001]]")).contains("could not be read"));
  }

  @Test
  void acceptsCoordinatesAtTheFarthestPoint() {
    DrawnSignature signature = DrawnSignature.parse(lines(line(20, -10000, -10000, 10000, 10000)));

    assertArrayEquals(new double[] {-10000, -10000, 10000, 10000}, signature.boundingBox());
  }

  @Test
  void refusesASignatureThatIsOnlyADot() {
    assertTrue(refusal(lines("[[50,50]]")).contains("too short"));
    assertTrue(
        refusal(lines(line(DrawnSignature.FEWEST_POINTS + 5, 50, 50, 50, 50)))
            .contains("too small"));
  }

  @Test
  void refusesFewerPointsThanASignatureNeeds() {
    String tooFew = lines(line(DrawnSignature.FEWEST_POINTS - 1, 0, 0, 300, 100));
    assertEquals(
        "That is too short to be a signature. Please sign your name in the box.", refusal(tooFew));

    DrawnSignature justEnough =
        DrawnSignature.parse(lines(line(DrawnSignature.FEWEST_POINTS, 0, 0, 300, 100)));
    assertEquals(DrawnSignature.FEWEST_POINTS, justEnough.pointCount());
  }

  @Test
  void countsPointsAcrossStrokes() {
    int half = DrawnSignature.FEWEST_POINTS / 2;
    DrawnSignature signature =
        DrawnSignature.parse(lines(line(half, 0, 0, 150, 50), line(half, 150, 50, 300, 100)));

    assertEquals(DrawnSignature.FEWEST_POINTS, signature.pointCount());
    assertEquals(2, signature.strokeCount());
  }

  @Test
  void refusesASignatureNarrowerThanTheBox() {
    double narrowest = DrawnSignature.NARROWEST;
    assertEquals(
        "The signature is too small. Please sign across the box.",
        refusal(lines(line(30, 100, 0, 100 + narrowest - 0.01, 50))));

    assertEquals(
        narrowest, boxWidth(DrawnSignature.parse(lines(line(30, 100, 0, 100 + narrowest, 50)))));
  }

  @Test
  void refusesASignatureLowerThanTheBox() {
    double lowest = DrawnSignature.LOWEST;
    assertEquals(
        "The signature is too small. Please sign across the box.",
        refusal(lines(line(30, 0, 200, 300, 200 + lowest - 0.01))));

    double[] box = DrawnSignature.parse(lines(line(30, 0, 200, 300, 200 + lowest))).boundingBox();
    assertEquals(lowest, box[3] - box[1]);
  }

  @Test
  void measuresTheBoxAcrossAllStrokes() {
    // Each stroke alone is a short tick; together they span a signature.
    DrawnSignature signature =
        DrawnSignature.parse(lines(line(10, 0, 0, 5, 5), line(10, 200, 40, 205, 45)));

    assertArrayEquals(new double[] {0, 0, 205, 45}, signature.boundingBox());
  }

  @Test
  void refusesMorePointsThanThePadCanSend() {
    String tooMany = lines(grid(DrawnSignature.MOST_POINTS + 1));
    assertTrue(
        tooMany.length() < DrawnSignature.LARGEST_JSON,
        "the size limit must not be what refuses it");
    assertEquals(
        "The signature has too many strokes. Please clear the box and sign once.",
        refusal(tooMany));

    assertEquals(
        DrawnSignature.MOST_POINTS,
        DrawnSignature.parse(lines(grid(DrawnSignature.MOST_POINTS))).pointCount());
  }

  /** {@code count} integer points zig-zagging over a 300 by 100 box, in one stroke. */
  private static String grid(int count) {
    StringBuilder stroke = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      stroke
          .append(i == 0 ? "" : ",")
          .append('[')
          .append(i % 301)
          .append(',')
          .append((i / 301) % 101)
          .append(']');
    }
    return stroke.append(']').toString();
  }

  @Test
  void refusesJsonLargerThanTheLimitBeforeReadingIt() {
    String signature = ConsentFixtures.signatureJson();
    String atLimit = signature + " ".repeat(DrawnSignature.LARGEST_JSON - signature.length());
    assertEquals(DrawnSignature.LARGEST_JSON, atLimit.length());
    DrawnSignature.parse(atLimit);

    assertEquals(
        "The signature has too many strokes. Please clear the box and sign once.",
        refusal(atLimit + " "));
  }

  @Test
  void acceptsARealisticSignatureWithSeveralStrokes() {
    DrawnSignature signature = ConsentFixtures.signature();

    assertEquals(3, signature.strokeCount());
    assertEquals(41 + 25 + 1, signature.pointCount());
    double[] box = signature.boundingBox();
    assertEquals(20, box[0], 0.001);
    assertEquals(285, box[2], 0.001);
    assertTrue(box[3] - box[1] > 50);
  }

  @Test
  void dropsEmptyStrokes() {
    DrawnSignature signature = DrawnSignature.parse(lines("[]", line(15, 0, 0, 100, 30), "[]"));

    assertEquals(1, signature.strokeCount());
    assertFalse(signature.toJson().contains("[]"));
  }

  @Test
  void storesTheStrokesRoundedToHundredthsAndNothingElse() {
    String json =
        "{\"image\":\"data:image/png;base64,AAAA\",\"lines\":[[[10.126,20],[7.5,-3.25],[0.004,5.1]],"
            + line(12, 100, 0, 200, 40)
            + "],\"extra\":true}";

    String stored = DrawnSignature.parse(json).toJson();

    assertTrue(stored.startsWith("{\"lines\":[[[10.13,20],[7.5,-3.25],[0,5.1]],[[100,0],"), stored);
    assertFalse(stored.contains("image"));
    assertFalse(stored.contains("extra"));
  }

  @Test
  void storedStrokesReadBackToTheSameStrokes() {
    String stored = ConsentFixtures.signature().toJson();

    DrawnSignature again = DrawnSignature.parse(stored);

    assertEquals(stored, again.toJson());
    assertEquals(ConsentFixtures.signature().pointCount(), again.pointCount());
    assertArrayEquals(ConsentFixtures.signature().boundingBox(), again.boundingBox());
    assertTrue(
        stored.length() < ConsentFixtures.signatureJson().length(), "extra precision is dropped");
    assertFalse(stored.matches(".*\\.\\d{3,}.*"), stored);
  }

  @Test
  void drawsDarkInkOnWhite() throws IOException {
    DrawnSignature signature = ConsentFixtures.signature();
    double[] box = signature.boundingBox();

    BufferedImage image = png(signature);

    assertEquals(0xFFFFFF, image.getRGB(0, 0) & 0xFFFFFF);
    assertEquals(0xFFFFFF, image.getRGB(image.getWidth() - 1, image.getHeight() - 1) & 0xFFFFFF);
    assertTrue(darkPixels(image) > 200, "the strokes are drawn");
    // A signature smaller than the record is drawn unscaled, with a 20 pixel margin on every side.
    assertEquals(Math.ceil(box[2] - box[0]) + 40, image.getWidth());
    assertEquals(Math.ceil(box[3] - box[1]) + 40, image.getHeight());
  }

  @Test
  void scalesALargeSignatureDownToFitTheRecord() throws IOException {
    BufferedImage wide =
        png(DrawnSignature.parse(lines(line(200, 0, 0, 5000, 300), line(50, 0, 300, 5000, 0))));
    BufferedImage tall =
        png(DrawnSignature.parse(lines(line(200, 0, 0, 300, 9000), line(50, 300, 0, 0, 9000))));
    BufferedImage both = png(DrawnSignature.parse(lines(line(300, -10000, -10000, 10000, 10000))));

    for (BufferedImage image : new BufferedImage[] {wide, tall, both}) {
      assertTrue(image.getWidth() <= 600, () -> "width " + image.getWidth());
      assertTrue(image.getHeight() <= 200, () -> "height " + image.getHeight());
      assertTrue(darkPixels(image) > 50);
    }
    assertEquals(600, wide.getWidth(), 1);
    assertEquals(200, tall.getHeight(), 1);
  }

  @Test
  void drawsASingleDotStrokeAsInk() throws IOException {
    DrawnSignature dotOnly =
        DrawnSignature.parse(lines("[[50,20]]", line(12, 0, 0, 0, 0), "[[150,60]]"));

    BufferedImage image = png(dotOnly);

    // The box starts at (0,0), so each dot lands at its own coordinates plus the margin.
    assertTrue(dark(image.getRGB(20 + 50, 20 + 20)));
    assertTrue(dark(image.getRGB(20 + 150, 20 + 60)));
  }

  private static double boxWidth(DrawnSignature signature) {
    double[] box = signature.boundingBox();
    return box[2] - box[0];
  }

  private static BufferedImage png(DrawnSignature signature) throws IOException {
    byte[] bytes = signature.toPng();
    assertEquals((byte) 0x89, bytes[0]);
    assertEquals('P', bytes[1]);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertNotNull(image, "ImageIO reads the PNG back");
    return image;
  }

  private static int darkPixels(BufferedImage image) {
    int dark = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        dark += dark(image.getRGB(x, y)) ? 1 : 0;
      }
    }
    return dark;
  }

  private static boolean dark(int rgb) {
    return ((rgb >> 16) & 0xFF) < 80 && ((rgb >> 8) & 0xFF) < 80 && (rgb & 0xFF) < 100;
  }
}
