package org.myochart.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.util.Objects;

/** One acknowledgement or optional technique as printed on a published form version. */
@Embeddable
public class FormItem implements Serializable {

  @Enumerated(EnumType.STRING)
  @Column(name = "item_kind", nullable = false, updatable = false)
  private ItemKind kind;

  @Column(nullable = false, updatable = false)
  private String code;

  @Column(name = "item_text", nullable = false, updatable = false)
  private String text;

  protected FormItem() {}

  public FormItem(ItemKind kind, String code, String text) {
    this.kind = Objects.requireNonNull(kind);
    this.code = Objects.requireNonNull(code);
    this.text = Objects.requireNonNull(text);
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

  public boolean isAcknowledgement() {
    return kind == ItemKind.ACKNOWLEDGEMENT;
  }
}
