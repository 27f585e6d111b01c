package org.myochart.treatment.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.myochart.anatomy.Side;

class ChartLayoutTest {

  private final ChartLayout layout = new ChartLayout();

  /** Built-in muscles and points as the migrations insert them: code to paired. */
  private static Map<String, Boolean> builtInPlaces() throws IOException {
    // The first boolean after the code is "paired"; descriptions hold no bare true or false.
    Pattern row =
        Pattern.compile(
            "(?:\\(|select)\\s*\\d+,\\s*'(MUSCLE|POINT)',\\s*'([^']+)',.*?,\\s*(true|false),",
            Pattern.DOTALL);
    Map<String, Boolean> places = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      for (Path file : files.toList()) {
        Matcher m = row.matcher(Files.readString(file));
        while (m.find()) {
          places.put(m.group(2), Boolean.parseBoolean(m.group(3)));
        }
      }
    }
    return places;
  }

  @Test
  void everyBuiltInMuscleAndPointCanBeTappedOnEachOfItsSides() throws IOException {
    Map<String, Boolean> places = builtInPlaces();
    assertTrue(places.size() >= 23, "16 muscles, 5 points and 2 reflex areas: " + places);
    Map<String, Set<Side>> drawn =
        layout.getTargets().stream()
            .collect(
                Collectors.groupingBy(
                    ChartLayout.Target::getCode,
                    Collectors.mapping(ChartLayout.Target::getSide, Collectors.toSet())));
    places.forEach(
        (code, paired) ->
            assertEquals(
                paired ? Set.of(Side.LEFT, Side.RIGHT) : Set.of(Side.MIDLINE),
                drawn.get(code),
                code));
  }

  @Test
  void everyTargetIsAtLeastFortyFourPixelsAndInsideItsDrawing() {
    for (ChartLayout.Target t : layout.getTargets()) {
      ChartLayout.Panel panel = layout.panel(t.getPanel());
      assertTrue(
          t.getWidth() >= ChartLayout.SMALLEST && t.getHeight() >= ChartLayout.SMALLEST, t.getId());
      assertTrue(ChartLayout.SMALLEST * ChartLayout.SCALE >= 44);
      assertTrue(
          t.getX() >= 0
              && t.getY() >= 0
              && t.getX() + t.getWidth() <= panel.getWidth()
              && t.getY() + t.getHeight() <= panel.getHeight(),
          t.getId() + " lies outside " + panel.getId());
    }
  }

  @Test
  void noTargetHidesAnotherOnTheSameDrawing() {
    for (ChartLayout.Panel panel : layout.getPanels()) {
      List<ChartLayout.Target> targets = layout.targets(panel.getId());
      for (int i = 0; i < targets.size(); i++) {
        for (int j = i + 1; j < targets.size(); j++) {
          assertTrue(
              !targets.get(i).overlaps(targets.get(j)),
              targets.get(i).getId() + " overlaps " + targets.get(j).getId());
        }
      }
    }
  }

  @Test
  void everyTargetHasItsOwnIdAndADrawingOnATab() {
    Set<String> ids = new HashSet<>();
    for (ChartLayout.Target t : layout.getTargets()) {
      assertTrue(ids.add(t.getId()), "twice: " + t.getId());
      assertTrue(layout.panel(t.getPanel()) != null, t.getId());
    }
    assertEquals(
        Set.of("back", "front", "side", "hands-feet"),
        layout.getPanels().stream().map(ChartLayout.Panel::getView).collect(Collectors.toSet()));
  }

  @Test
  void aPairedEntryMirrorsAcrossTheDrawing() {
    ChartLayout.Target left = find("chart-back-GB20-LEFT");
    ChartLayout.Target right = find("chart-back-GB20-RIGHT");
    assertEquals(290 - left.getX() - left.getWidth(), right.getX());
    assertEquals(left.getY(), right.getY());
    assertEquals("Client's left", layout.panel("back").getLeftCaption());
    assertEquals("Client's left", layout.panel("front").getRightCaption());
    assertTrue(
        find("chart-front-masseter-RIGHT").getX() < find("chart-front-masseter-LEFT").getX());
  }

  private ChartLayout.Target find(String id) {
    return layout.getTargets().stream().filter(t -> t.getId().equals(id)).findFirst().orElseThrow();
  }
}
