package org.myochart.client;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a client may not be treated now, in words for staff. A red flag reported at intake or at a
 * visit blocks until a clearance recorded after it; an acute severe attack blocks for that day; a
 * change reported at the visit blocks until the intake is updated.
 */
public record TreatmentBlock(List<String> reasons, Set<RedFlag> openRedFlags)
    implements Serializable {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu");

  public static Optional<TreatmentBlock> assess(
      List<HealthIntake> intakes,
      List<VisitCheck> checks,
      Optional<MedicalClearance> latestClearance,
      LocalDate today,
      ZoneId zone) {
    List<String> reasons = new ArrayList<>();
    Instant clearedAt = latestClearance.map(MedicalClearance::getRecordedAt).orElse(Instant.MIN);

    Optional<HealthIntake> latestIntake =
        intakes.stream().max(Comparator.comparingInt(HealthIntake::getVersionNumber));
    if (latestIntake.isEmpty()) {
      reasons.add("No health intake yet: complete the intake before the first treatment.");
    }

    Set<RedFlag> open = EnumSet.noneOf(RedFlag.class);
    Instant firstOpen = null;
    for (HealthIntake intake : intakes) {
      if (intake.hasRedFlags() && intake.getSubmittedAt().isAfter(clearedAt)) {
        open.addAll(intake.getRedFlags());
        firstOpen = earlier(firstOpen, intake.getSubmittedAt());
      }
    }
    for (VisitCheck check : checks) {
      if (!check.getRedFlags().isEmpty() && check.getRecordedAt().isAfter(clearedAt)) {
        open.addAll(check.getRedFlags());
        firstOpen = earlier(firstOpen, check.getRecordedAt());
      }
    }
    if (!open.isEmpty()) {
      reasons.add(
          "Red flag reported on "
              + DAY.format(firstOpen.atZone(zone))
              + " ("
              + open.stream().map(RedFlag::question).collect(Collectors.joining("; "))
              + "). A physician must see the client first; record the medical clearance to continue.");
    }

    Optional<VisitCheck> latestCheck =
        checks.stream().max(Comparator.comparing(VisitCheck::getRecordedAt));
    if (latestCheck.isPresent()) {
      VisitCheck check = latestCheck.get();
      if (check.isAcuteSevereAttack() && check.getVisitDate().equals(today)) {
        reasons.add(
            "Acute severe migraine attack today: no massage today. Offer a new appointment.");
      }
      boolean intakeUpdatedSince =
          latestIntake.map(i -> i.getSubmittedAt().isAfter(check.getRecordedAt())).orElse(false);
      if (check.isChangedSinceLast() && !intakeUpdatedSince) {
        reasons.add(
            "The client reported changes since the last visit: update the health intake first.");
      }
    }
    return reasons.isEmpty()
        ? Optional.empty()
        : Optional.of(new TreatmentBlock(List.copyOf(reasons), Set.copyOf(open)));
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  public List<String> getReasons() {
    return reasons;
  }

  public boolean isRedFlagged() {
    return !openRedFlags.isEmpty();
  }
}
