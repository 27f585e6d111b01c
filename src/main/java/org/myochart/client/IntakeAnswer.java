package org.myochart.client;

import java.io.Serializable;
import java.util.List;

/** One answer of an intake version as staff read it: its label and its lines. */
public record IntakeAnswer(String label, List<String> lines) implements Serializable {

  public IntakeAnswer {
    lines = List.copyOf(lines);
  }
}
