package org.myochart.treatment.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.myochart.anatomy.CatalogueKind;
import org.myochart.anatomy.Side;
import org.myochart.treatment.BodyChart;

/**
 * Where the body chart puts each catalogue entry: the geometry belongs to the page, and the
 * catalogue code is the link (a clinic's own entries have no place here and are added as rows).
 *
 * <p>Every target is a box of at least {@link #SMALLEST} units, drawn at {@link #SCALE} CSS pixels
 * a unit, so that a finger finds it on a tablet (WCAG 2.5.5 asks for 44 × 44 pixels); the boxes of
 * one drawing never overlap, so no target hides another. The views are tabs: the back (with the
 * deep muscles under the base of the skull close up), the front, both sides in profile, and the
 * hands and feet.
 */
@Named
@ApplicationScoped
public class ChartLayout {

  /** CSS pixels per unit of a drawing shown at its natural size. */
  public static final int SCALE = 2;

  /** The smallest side of a target, in units: 48 CSS pixels. */
  public static final int SMALLEST = 24;

  /** One drawing: which tab shows it, its title, its size and who is on the viewer's left. */
  public static final class Panel {
    private final String id;
    private final String view;
    private final String title;
    private final int width;
    private final int height;
    private final Side onViewersLeft;

    Panel(String id, String view, String title, int width, int height, Side onViewersLeft) {
      this.id = id;
      this.view = view;
      this.title = title;
      this.width = width;
      this.height = height;
      this.onViewersLeft = onViewersLeft;
    }

    public String getId() {
      return id;
    }

    public String getView() {
      return view;
    }

    public String getTitle() {
      return title;
    }

    public int getWidth() {
      return width;
    }

    public int getHeight() {
      return height;
    }

    /** The side drawn on the viewer's left; null for a profile, which shows one side. */
    public Side getOnViewersLeft() {
      return onViewersLeft;
    }

    public String getViewBox() {
      return "0 0 " + width + " " + height;
    }

    public int getPixelWidth() {
      return width * SCALE;
    }

    public int getPixelHeight() {
      return height * SCALE;
    }

    /** "Client's left" for the viewer's left corner, and so on; a profile says it in its title. */
    public String getLeftCaption() {
      return caption(onViewersLeft);
    }

    public String getRightCaption() {
      return onViewersLeft == null ? "" : caption(other(onViewersLeft));
    }

    private static String caption(Side side) {
      return side == null ? "" : "Client's " + side.label().toLowerCase();
    }
  }

  /** One tappable box on a drawing: a catalogue entry on a side. */
  public static final class Target {
    private final String panel;
    private final CatalogueKind kind;
    private final String code;
    private final Side side;
    private final String abbreviation;
    private final int x;
    private final int y;
    private final int width;
    private final int height;

    Target(
        String panel,
        CatalogueKind kind,
        String code,
        Side side,
        String abbreviation,
        int x,
        int y,
        int width,
        int height) {
      this.panel = panel;
      this.kind = kind;
      this.code = code;
      this.side = side;
      this.abbreviation = abbreviation;
      this.x = x;
      this.y = y;
      this.width = width;
      this.height = height;
    }

    public String getId() {
      return "chart-" + panel + "-" + code + "-" + side;
    }

    public String getPanel() {
      return panel;
    }

    public CatalogueKind getKind() {
      return kind;
    }

    public String getCode() {
      return code;
    }

    public Side getSide() {
      return side;
    }

    /** A short name drawn in the box; the full name is its accessible name and the readout. */
    public String getAbbreviation() {
      return abbreviation;
    }

    public int getX() {
      return x;
    }

    public int getY() {
      return y;
    }

    public int getWidth() {
      return width;
    }

    public int getHeight() {
      return height;
    }

    /** The catalogue key, "MUSCLE:upper-trapezius". */
    public String getKey() {
      return kind + ":" + code;
    }

    public String getSideWords() {
      return BodyChart.words(side);
    }

    public boolean isPoint() {
      return kind == CatalogueKind.POINT;
    }

    public double getCentreX() {
      return x + width / 2.0;
    }

    public double getCentreY() {
      return y + height / 2.0;
    }

    boolean overlaps(Target other) {
      return x < other.x + other.width
          && other.x < x + width
          && y < other.y + other.height
          && other.y < y + height;
    }
  }

  private static final Map<String, Panel> PANELS = new LinkedHashMap<>();
  private static final List<Target> TARGETS = new ArrayList<>();

  private static final CatalogueKind M = CatalogueKind.MUSCLE;
  private static final CatalogueKind P = CatalogueKind.POINT;

  static {
    // The back, as seen from behind the client: the client's left on the viewer's left.
    panel("back", "back", "Back of the head, neck and shoulders", 290, 230, Side.LEFT);
    pair("back", M, "occipitofrontalis", "OccFr", 103, 20, 38, 26);
    pair("back", P, "GB20", "GB20", 97, 70, 24, 24);
    one("back", P, "GV16", Side.MIDLINE, "GV16", 133, 70, 24, 24);
    pair("back", M, "suboccipitals", "SubOcc", 107, 100, 36, 24);
    pair("back", M, "splenius-capitis", "SpCap", 93, 128, 24, 26);
    pair("back", M, "semispinalis-capitis", "SsCap", 119, 128, 24, 26);
    pair("back", M, "levator-scapulae", "LevSc", 93, 158, 24, 26);
    pair("back", M, "splenius-cervicis", "SpCerv", 119, 158, 24, 26);
    pair("back", P, "GB21", "GB21", 65, 158, 26, 26);
    pair("back", M, "upper-trapezius", "UTrap", 35, 164, 28, 30);

    // The four suboccipital muscles, too small and deep for the back view, close up.
    panel("deep", "back", "Under the base of the skull, close up", 170, 200, Side.LEFT);
    pair("deep", M, "obliquus-capitis-superior", "OCS", 4, 40, 24, 70);
    pair("deep", M, "rectus-capitis-posterior-major", "RCPma", 31, 40, 24, 90);
    pair("deep", M, "rectus-capitis-posterior-minor", "RCPmi", 58, 40, 25, 60);
    pair("deep", M, "obliquus-capitis-inferior", "OCI", 10, 134, 72, 26);

    // The front, as seen facing the client: the client's right on the viewer's left.
    panel("front", "front", "Face, front of the neck and chest", 290, 230, Side.RIGHT);
    pair("front", M, "occipitofrontalis", "OccFr", 107, 14, 36, 24);
    pair("front", M, "temporalis", "Temp", 91, 42, 26, 30);
    pair("front", M, "masseter", "Mass", 105, 78, 26, 26);
    pair("front", M, "scalenes", "Scal", 89, 112, 26, 40);
    pair("front", M, "sternocleidomastoid", "SCM", 117, 110, 26, 44);
    pair("front", M, "pectoralis-minor", "PecMin", 86, 170, 42, 30);

    // Each side in profile, the face towards the side named.
    panel("side-right", "side", "Client's right side (face to the right)", 200, 200, null);
    panel("side-left", "side", "Client's left side (face to the left)", 200, 200, null);
    profile(M, "occipitofrontalis", "OccFr", 74, 12, 52, 24);
    profile(M, "temporalis", "Temp", 98, 40, 28, 28);
    profile(M, "masseter", "Mass", 112, 74, 26, 28);
    profile(P, "GB20", "GB20", 56, 78, 24, 24);
    profile(M, "splenius-capitis", "SpCap", 52, 108, 26, 28);
    profile(M, "scalenes", "Scal", 82, 110, 24, 34);
    profile(M, "sternocleidomastoid", "SCM", 110, 106, 26, 40);
    profile(M, "levator-scapulae", "LevSc", 52, 140, 26, 26);
    profile(M, "upper-trapezius", "UTrap", 82, 150, 30, 24);

    // Hands and feet. The backs of the hands as seen from behind the client; the palms and the
    // soles as seen facing the client, from the foot of the table.
    panel("hand-backs", "hands-feet", "Backs of the hands (LI4)", 220, 180, Side.LEFT);
    pair("hand-backs", P, "LI4", "LI4", 70, 76, 26, 26);
    panel("palms", "hands-feet", "Palms and inner forearms (PC6)", 220, 210, Side.RIGHT);
    pair("palms", M, "hand-reflex-areas", "Hand", 20, 56, 60, 46);
    pair("palms", P, "PC6", "PC6", 36, 132, 26, 26);
    panel("soles", "hands-feet", "Soles of the feet", 220, 214, Side.RIGHT);
    pair("soles", M, "foot-reflex-areas", "Foot", 22, 24, 62, 150);
  }

  private static void panel(
      String id, String view, String title, int width, int height, Side onViewersLeft) {
    PANELS.put(id, new Panel(id, view, title, width, height, onViewersLeft));
  }

  /** A paired entry: the box as given for the side on the viewer's left, mirrored for the other. */
  private static void pair(
      String panel,
      CatalogueKind kind,
      String code,
      String abbreviation,
      int x,
      int y,
      int w,
      int h) {
    Panel drawing = PANELS.get(panel);
    Side near = drawing.getOnViewersLeft();
    one(panel, kind, code, near, abbreviation, x, y, w, h);
    one(panel, kind, code, other(near), abbreviation, drawing.getWidth() - x - w, y, w, h);
  }

  /** An entry in both profiles: the box as given for the right side, mirrored for the left. */
  private static void profile(
      CatalogueKind kind, String code, String abbreviation, int x, int y, int w, int h) {
    one("side-right", kind, code, Side.RIGHT, abbreviation, x, y, w, h);
    int width = PANELS.get("side-left").getWidth();
    one("side-left", kind, code, Side.LEFT, abbreviation, width - x - w, y, w, h);
  }

  private static void one(
      String panel,
      CatalogueKind kind,
      String code,
      Side side,
      String abbreviation,
      int x,
      int y,
      int w,
      int h) {
    TARGETS.add(new Target(panel, kind, code, side, abbreviation, x, y, w, h));
  }

  private static Side other(Side side) {
    return side == Side.LEFT ? Side.RIGHT : Side.LEFT;
  }

  /** The drawings in the order the page shows them. */
  public List<Panel> getPanels() {
    return List.copyOf(PANELS.values());
  }

  public Panel panel(String id) {
    return PANELS.get(id);
  }

  /** The targets of one drawing, in drawing order. */
  public List<Target> targets(String panel) {
    return TARGETS.stream().filter(t -> t.getPanel().equals(panel)).toList();
  }

  public List<Target> getTargets() {
    return List.copyOf(TARGETS);
  }
}
