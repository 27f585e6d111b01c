package org.myochart.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.myochart.consent.MarkdownText.Block;
import org.myochart.consent.MarkdownText.BlockKind;
import org.myochart.consent.MarkdownText.Span;

class MarkdownTextTest {

  private static String all(List<Block> blocks) {
    StringBuilder text = new StringBuilder();
    blocks.forEach(block -> text.append(block.plainText()).append('\n'));
    return text.toString();
  }

  @Test
  void headingsParagraphsAndListsBecomeBlocksInOrder() {
    List<Block> blocks =
        MarkdownText.blocks(
            "# Consent\n\n## Risks\n\n- soreness\n- bruising\n\n1. first\n2. second\n\nThis is **important**.");

    assertEquals(
        List.of(
            BlockKind.HEADING,
            BlockKind.HEADING,
            BlockKind.BULLET_ITEM,
            BlockKind.BULLET_ITEM,
            BlockKind.NUMBERED_ITEM,
            BlockKind.NUMBERED_ITEM,
            BlockKind.PARAGRAPH),
        blocks.stream().map(Block::kind).toList());
    assertEquals(1, blocks.get(0).level());
    assertEquals(2, blocks.get(1).level());
    assertEquals("soreness", blocks.get(2).plainText());
    assertEquals("•", blocks.get(2).getMarker());
    assertEquals("2.", blocks.get(5).getMarker());
  }

  @Test
  void boldAndItalicAreStylesOfTextRuns() {
    List<Span> spans = MarkdownText.blocks("This is **important** and *gentle*.").get(0).spans();

    assertEquals(new Span("important", true, false), spans.get(1));
    assertEquals(new Span("gentle", false, true), spans.get(3));
  }

  @Test
  void rawHtmlStaysTextAndNeverBecomesMarkup() {
    String text =
        all(
            MarkdownText.blocks(
                "Please read this.\n\n<script>alert(1)</script>\n\nAnd <b onclick=x>this</b>."));

    assertTrue(text.contains("<script>alert(1)</script>"), text);
    assertTrue(text.contains("<b onclick=x>this</b>"), text);
  }

  @Test
  void aLinkShowsItsAddressAsTextSoTheKioskCannotBeLedAway() {
    List<Span> spans =
        MarkdownText.blocks("See [our prices](https://clinic.example/prices).").get(0).spans();
    String text = MarkdownText.blocks("[x](javascript:alert(1))").get(0).plainText();

    assertEquals("our prices", spans.get(1).text());
    assertEquals(" (https://clinic.example/prices)", spans.get(2).text());
    assertEquals("x (javascript:alert(1))", text);
  }

  @Test
  void nestedListsKeepTheirDepth() {
    List<Block> blocks = MarkdownText.blocks("- neck\n  - left side\n- shoulders");

    assertEquals(List.of(1, 2, 1), blocks.stream().map(Block::level).toList());
  }

  @Test
  void noBodyHasNoBlocks() {
    assertTrue(MarkdownText.blocks(null).isEmpty());
    assertTrue(MarkdownText.blocks("").isEmpty());
  }

  @Test
  void theDefaultFormsReadAsHeadingsAndParagraphs() {
    FormDraft draft =
        new FormDraft(
            "Consent",
            "## What this is\n\nMassage is **complementary**.",
            List.of("I agree"),
            List.of(),
            12,
            false,
            false);

    List<Block> blocks = ConsentFixtures.version(ConsentFixtures.form(), 1, draft).getBodyBlocks();

    assertEquals(BlockKind.HEADING, blocks.get(0).kind());
    assertFalse(blocks.get(1).spans().stream().filter(Span::strong).toList().isEmpty());
  }
}
