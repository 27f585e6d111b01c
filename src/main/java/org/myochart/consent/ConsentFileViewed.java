package org.myochart.consent;

import org.myochart.audit.AuditDetail;

/** The detail of viewing a consent's drawn signature or scanned paper form. */
public record ConsentFileViewed(String file) implements AuditDetail {

  public static final ConsentFileViewed SIGNATURE = new ConsentFileViewed("signature");
  public static final ConsentFileViewed SCAN = new ConsentFileViewed("scan");
}
