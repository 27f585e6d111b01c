package org.myochart.consent;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Form bodies are Markdown, turned into plain blocks of text runs (headings, paragraphs, list
 * items, quotes) that pages, the printable form and PDFs lay out themselves. Nothing the author
 * types ever becomes markup: HTML shows as text, and a link shows its address instead of being
 * followable, so a form cannot carry script or lead the kiosk away.
 */
public final class MarkdownText {

  private static final Parser PARSER = Parser.builder().build();

  /** What a block is. */
  public enum BlockKind {
    HEADING,
    PARAGRAPH,
    BULLET_ITEM,
    NUMBERED_ITEM,
    QUOTE,
    RULE
  }

  /** A run of text with one style. */
  public record Span(String text, boolean strong, boolean emphasis) implements Serializable {}

  /**
   * One block. {@code level} is the heading level, or for list items the nesting depth; {@code
   * number} the item number of a numbered list.
   */
  public record Block(BlockKind kind, int level, int number, List<Span> spans)
      implements Serializable {

    public String getKind() {
      return kind.name();
    }

    public int getLevel() {
      return level;
    }

    public String getMarker() {
      return kind == BlockKind.NUMBERED_ITEM
          ? number + "."
          : kind == BlockKind.BULLET_ITEM ? "•" : "";
    }

    public List<Span> getSpans() {
      return spans;
    }

    /** The block's words without styles, for search and PDF text. */
    public String plainText() {
      StringBuilder text = new StringBuilder();
      spans.forEach(span -> text.append(span.text()));
      return text.toString();
    }
  }

  private MarkdownText() {}

  public static List<Block> blocks(String markdown) {
    List<Block> blocks = new ArrayList<>();
    Node document = PARSER.parse(markdown == null ? "" : markdown);
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      block(node, blocks, BlockKind.PARAGRAPH, 0);
    }
    return blocks;
  }

  private static void block(Node node, List<Block> blocks, BlockKind paragraphKind, int depth) {
    if (node instanceof Heading heading) {
      blocks.add(new Block(BlockKind.HEADING, heading.getLevel(), 0, spans(heading)));
    } else if (node instanceof Paragraph paragraph) {
      blocks.add(new Block(paragraphKind, depth, 0, spans(paragraph)));
    } else if (node instanceof BulletList || node instanceof OrderedList) {
      int number =
          node instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
              ? ordered.getMarkerStartNumber()
              : 1;
      BlockKind kind =
          node instanceof OrderedList ? BlockKind.NUMBERED_ITEM : BlockKind.BULLET_ITEM;
      for (Node item = node.getFirstChild(); item != null; item = item.getNext(), number++) {
        listItem((ListItem) item, blocks, kind, number, depth + 1);
      }
    } else if (node instanceof BlockQuote) {
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        block(child, blocks, BlockKind.QUOTE, depth);
      }
    } else if (node instanceof FencedCodeBlock code) {
      blocks.add(
          new Block(
              paragraphKind, depth, 0, List.of(new Span(code.getLiteral().strip(), false, false))));
    } else if (node instanceof IndentedCodeBlock code) {
      blocks.add(
          new Block(
              paragraphKind, depth, 0, List.of(new Span(code.getLiteral().strip(), false, false))));
    } else if (node instanceof HtmlBlock html) {
      blocks.add(
          new Block(
              paragraphKind, depth, 0, List.of(new Span(html.getLiteral().strip(), false, false))));
    } else if (node instanceof ThematicBreak) {
      blocks.add(new Block(BlockKind.RULE, 0, 0, List.of()));
    }
  }

  private static void listItem(
      ListItem item, List<Block> blocks, BlockKind kind, int number, int depth) {
    boolean first = true;
    for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Paragraph paragraph && first) {
        blocks.add(new Block(kind, depth, number, spans(paragraph)));
        first = false;
      } else {
        block(child, blocks, BlockKind.PARAGRAPH, depth);
      }
    }
    if (first) {
      blocks.add(new Block(kind, depth, number, List.of()));
    }
  }

  private static List<Span> spans(Node parent) {
    List<Span> spans = new ArrayList<>();
    inline(parent, false, false, spans);
    return spans;
  }

  private static void inline(Node parent, boolean strong, boolean emphasis, List<Span> spans) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Text text) {
        spans.add(new Span(text.getLiteral(), strong, emphasis));
      } else if (node instanceof StrongEmphasis) {
        inline(node, true, emphasis, spans);
      } else if (node instanceof Emphasis) {
        inline(node, strong, true, spans);
      } else if (node instanceof Code code) {
        spans.add(new Span(code.getLiteral(), strong, emphasis));
      } else if (node instanceof Link link) {
        inline(node, strong, emphasis, spans);
        spans.add(new Span(" (" + link.getDestination() + ")", strong, emphasis));
      } else if (node instanceof Image) {
        inline(node, strong, emphasis, spans);
      } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
        spans.add(new Span(" ", strong, emphasis));
      } else if (node instanceof HtmlInline html) {
        spans.add(new Span(html.getLiteral(), strong, emphasis));
      } else {
        inline(node, strong, emphasis, spans);
      }
    }
  }
}
