package org.myochart.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Marks that the clinic has been set up; exists at most once. */
@Entity
@Table(name = "installation")
class Installation {

  static final int ONLY_ROW = 1;

  @Id private Integer id;

  @Column(name = "set_up_at", nullable = false)
  private Instant setUpAt;

  protected Installation() {}

  Installation(Instant setUpAt) {
    this.id = ONLY_ROW;
    this.setUpAt = setUpAt;
  }
}
