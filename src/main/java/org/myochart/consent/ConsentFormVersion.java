package org.myochart.consent;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.myochart.platform.Sha256;

/**
 * One published wording of a consent form. Never changed once published: an edit publishes the next
 * version, and every signature points at the version, text and hash it was given to.
 */
@Entity
@Table(name = "consent_form_version")
public class ConsentFormVersion implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_form_version_seq")
  @SequenceGenerator(
      name = "consent_form_version_seq",
      sequenceName = "consent_form_version_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "form_id", updatable = false)
  private ConsentForm form;

  @Column(name = "version_number", nullable = false, updatable = false)
  private int versionNumber;

  @Column(nullable = false, updatable = false)
  private String title;

  @Column(name = "body_markdown", nullable = false, updatable = false)
  private String bodyMarkdown;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "consent_form_item", joinColumns = @JoinColumn(name = "form_version_id"))
  @OrderColumn(name = "position")
  private List<FormItem> items = new ArrayList<>();

  @Column(name = "validity_months", nullable = false, updatable = false)
  private int validityMonths;

  @Column(name = "requires_reconsent", nullable = false, updatable = false)
  private boolean requiresReconsent;

  @Column(name = "requires_witness", nullable = false, updatable = false)
  private boolean requiresWitness;

  @Column(name = "shown_text", nullable = false, updatable = false)
  private String shownText;

  @Column(name = "text_sha256", nullable = false, updatable = false)
  private String textSha256;

  @Column(name = "published_at", nullable = false, updatable = false)
  private Instant publishedAt;

  @Column(name = "published_by", nullable = false, updatable = false)
  private String publishedBy;

  protected ConsentFormVersion() {}

  ConsentFormVersion(
      ConsentForm form,
      int versionNumber,
      FormDraft draft,
      String publishedBy,
      Instant publishedAt) {
    this.form = form;
    this.versionNumber = versionNumber;
    this.title = draft.title();
    this.bodyMarkdown = draft.body();
    this.items = new ArrayList<>(draft.items());
    this.validityMonths = draft.validityMonths();
    this.requiresReconsent = draft.requiresReconsent();
    this.requiresWitness = draft.requiresWitness();
    this.shownText = draft.shownText();
    this.textSha256 = Sha256.of(shownText);
    this.publishedBy = publishedBy;
    this.publishedAt = publishedAt;
  }

  /** The body as blocks of plain text runs, for the screen, print and PDF. */
  public List<MarkdownText.Block> getBodyBlocks() {
    return MarkdownText.blocks(bodyMarkdown);
  }

  public List<FormItem> getAcknowledgements() {
    return items.stream().filter(FormItem::isAcknowledgement).toList();
  }

  public List<FormItem> getTechniques() {
    return items.stream().filter(item -> !item.isAcknowledgement()).toList();
  }

  /** The draft an owner starts from when editing this wording. */
  public FormDraft toDraft() {
    return new FormDraft(
        title,
        bodyMarkdown,
        getAcknowledgements().stream().map(FormItem::getText).toList(),
        getTechniques().stream().map(FormItem::getText).toList(),
        validityMonths,
        requiresReconsent,
        requiresWitness);
  }

  public boolean isDisclosure() {
    return form.getKind() == FormKind.ERECORDS_DISCLOSURE;
  }

  public Long getId() {
    return id;
  }

  public ConsentForm getForm() {
    return form;
  }

  public int getVersionNumber() {
    return versionNumber;
  }

  public String getTitle() {
    return title;
  }

  public String getBodyMarkdown() {
    return bodyMarkdown;
  }

  public List<FormItem> getItems() {
    return List.copyOf(items);
  }

  public int getValidityMonths() {
    return validityMonths;
  }

  public boolean isRequiresReconsent() {
    return requiresReconsent;
  }

  public boolean isRequiresWitness() {
    return requiresWitness;
  }

  public String getShownText() {
    return shownText;
  }

  public String getTextSha256() {
    return textSha256;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public String getPublishedBy() {
    return publishedBy;
  }
}
