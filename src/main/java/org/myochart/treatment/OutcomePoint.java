package org.myochart.treatment;

import java.io.Serializable;
import java.time.Instant;

/** One signed session's numbers, for the outcome charts. */
public record OutcomePoint(
    Instant sessionStart,
    Integer headacheDaysSinceLast,
    Integer painBefore,
    Integer painAfter,
    Integer sleepQuality,
    Integer stressLevel)
    implements Serializable {}
