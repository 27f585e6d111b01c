package org.myochart.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;

/**
 * How the client answered one line of the form, with the line's text copied so that the record
 * reads on its own.
 */
@Embeddable
public class Answer implements Serializable {

  @Enumerated(EnumType.STRING)
  @Column(name = "item_kind", nullable = false, updatable = false)
  private ItemKind kind;

  @Column(nullable = false, updatable = false)
  private String code;

  @Column(name = "item_text", nullable = false, updatable = false)
  private String text;

  @Column(nullable = false, updatable = false)
  private boolean accepted;

  protected Answer() {}

  public Answer(FormItem item, boolean accepted) {
    this.kind = item.getKind();
    this.code = item.getCode();
    this.text = item.getText();
    this.accepted = accepted;
  }

  public ItemKind getKind() {
    return kind;
  }

  public String getCode() {
    return code;
  }

  public String getText() {
    return text;
  }

  public boolean isAccepted() {
    return accepted;
  }

  /** The form in which the answer enters the evidence hash. */
  String canonical() {
    return kind + "|" + code + "|" + text + "|" + accepted;
  }
}
